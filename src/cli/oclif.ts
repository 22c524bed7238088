// oclif, as the built `pch` loads it: one CommonJS bundle of @oclif/core and its dependencies
// (dist/cli/oclif.cjs, scripts/bundle-commands.js), compiled with the V8 code cache the build took
// after running a one-file validate (dist/cli/oclif.cjs.cache, scripts/code-cache.js). Resolving,
// reading and compiling oclif's ~120 modules one by one is most of a one-file run's start-up; from
// one file with its bytecode cached it takes a fraction of that (BENCHMARKS.md).
//
// Node 20 has no compile cache for ES modules (module.enableCompileCache is Node 22), hence a
// CommonJS bundle compiled as a vm.Script, as Node's own CommonJS loader compiles a module, but
// with cachedData. No function of this script can call import() (that needs Node's experimental
// vm loader, and a function restored from a cache loses it anyway), so the commands and hooks are
// CommonJS too (dist/commands/*.cjs) and oclif require()s them; an ES-module oclif plugin could not
// load, and pch has none. The module is entered in require.cache before it runs, so the commands'
// require('../cli/oclif.cjs') gets this copy.
//
// V8 refuses a cache made by another V8 version or under other V8 flags; the bundle is then
// compiled as usual, which costs only the time the cache would have saved. But V8 checks no more
// than the source's length, not its bytes, nor the cache's own bytes: a cache paired with another
// bundle of the same length would run that bundle's old bytecode, and a damaged one can crash the
// process. So the cache file begins with the CRC-32 of the bundle it was made from and of its own
// payload, and is used only when both match (zlib.crc32, Node 20.15+; without it, no cache).
import {readFileSync} from 'node:fs'
import Module from 'node:module'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import vm from 'node:vm'
import zlib from 'node:zlib'

type Oclif = typeof import('@oclif/core')

const BUNDLE = fileURLToPath(new URL('oclif.cjs', import.meta.url))
export const CODE_CACHE = `${BUNDLE}.cache`
/** The cache file: CRC-32 of the bundle's bytes, CRC-32 of the payload (both UInt32LE), then V8's payload. */
const HEADER = 8
const crc32 = (zlib as {crc32?: (data: Uint8Array) => number}).crc32

let script: vm.Script | undefined
let bundleCrc: number | undefined

function load(): Oclif {
  const bytes = readFileSync(BUNDLE)
  bundleCrc = crc32?.(bytes)
  script = new vm.Script(Module.wrap(bytes.toString('utf8')), {filename: BUNDLE, cachedData: cachedData()})
  const module = new Module(BUNDLE)
  module.filename = BUNDLE
  const require = Module.createRequire(BUNDLE)
  require.cache[BUNDLE] = module
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void
  wrapper.call(module.exports, module.exports, require, module, BUNDLE, path.dirname(BUNDLE))
  module.loaded = true
  return module.exports as Oclif
}

/** The cache's payload, when the cache file is whole and was made from this bundle. */
function cachedData(): Buffer | undefined {
  if (!crc32 || bundleCrc === undefined) return undefined
  let file: Buffer
  try {
    file = readFileSync(CODE_CACHE)
  } catch {
    return undefined // no cache (the build has not made it yet): compile as usual
  }
  if (file.length <= HEADER || file.readUInt32LE(0) !== bundleCrc) return undefined
  const payload = file.subarray(HEADER)
  return crc32(payload) === file.readUInt32LE(4) ? payload : undefined
}

/** The cache file for the bundle as compiled so far in this process (for the build: scripts/code-cache.js). */
export function codeCacheFile(): Buffer | undefined {
  if (!script || !crc32 || bundleCrc === undefined) return undefined
  const payload = script.createCachedData()
  const header = Buffer.alloc(HEADER)
  header.writeUInt32LE(bundleCrc, 0)
  header.writeUInt32LE(crc32(payload), 4)
  return Buffer.concat([header, payload])
}

/** Whether this process compiled oclif from the build's code cache. */
export function usedCodeCache(): boolean {
  return script?.cachedDataRejected === false
}

export const {execute, settings} = load()

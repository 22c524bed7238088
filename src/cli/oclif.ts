// oclif, as the built `pch` loads it: one CommonJS bundle of @oclif/core and its dependencies
// (dist/cli/oclif.cjs, scripts/bundle-commands.js), compiled with the V8 code cache the build took
// after running a one-file validate (dist/cli/oclif.cjs.cache, scripts/code-cache.js). Resolving,
// reading and compiling oclif's ~120 modules one by one is most of a one-file run's start-up; from
// one file with its bytecode cached it takes a fraction of that (BENCHMARKS.md).
//
// Node 20 has no compile cache for ES modules (module.enableCompileCache is Node 22), hence a
// CommonJS bundle compiled as a vm.Script, as Node's own CommonJS loader compiles a module, but
// with cachedData. A function from the cache cannot call import() (Node loses its host-defined
// options), so the commands and hooks are CommonJS too (dist/commands/*.cjs) and oclif require()s
// them. The module is entered in require.cache before it runs, so their require('../cli/oclif.cjs')
// gets this copy. A cache V8 rejects (another Node version, other V8 flags) costs only the compile
// time it would have saved.
import {readFileSync} from 'node:fs'
import Module, {createRequire} from 'node:module'
import {fileURLToPath} from 'node:url'
import vm from 'node:vm'

type Oclif = typeof import('@oclif/core')

const BUNDLE = fileURLToPath(new URL('oclif.cjs', import.meta.url))
export const CODE_CACHE = `${BUNDLE}.cache`

let script: vm.Script | undefined

function load(): Oclif {
  const require = createRequire(BUNDLE)
  const cached = require.cache[BUNDLE]
  if (cached) return cached.exports as Oclif
  let cachedData: Buffer | undefined
  try {
    cachedData = readFileSync(CODE_CACHE)
  } catch {
    // No cache (the build has not made it yet): compile as usual.
  }
  script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(BUNDLE, 'utf8')}\n})`, {filename: BUNDLE, cachedData})
  const module = new Module(BUNDLE)
  module.filename = BUNDLE
  require.cache[BUNDLE] = module
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void
  wrapper.call(module.exports, module.exports, require, module, BUNDLE, fileURLToPath(new URL('.', import.meta.url)))
  module.loaded = true
  return module.exports as Oclif
}

/** The code cache of the bundle as compiled so far in this process (for the build; see scripts/code-cache.js). */
export function codeCache(): Buffer | undefined {
  return script?.createCachedData()
}

/** Whether this process compiled oclif from the build's code cache. */
export function usedCodeCache(): boolean {
  return script?.cachedDataRejected === false
}

export const {Args, Command, Flags, execute, settings} = load()

// Build step: the code cache of dist/cli/oclif.cjs (see src/cli/oclif.ts), taken after oclif has
// run a one-file validate in this process, so it holds the bytecode of the functions such a run
// calls, not only of the bundle's top level. Run with standard output discarded.
//
// V8 accepts a cache only under the V8 flags it was made with, and users run pch without any, so
// this runs again in a clean process when Node options are set (NODE_OPTIONS, or flags to node),
// and the cache is checked, in another clean process, to be one that a plain run accepts.
import {spawnSync} from 'node:child_process'
import {fileURLToPath} from 'node:url'

const script = fileURLToPath(import.meta.url)
const clean = () => {
  const env = {...process.env}
  delete env.NODE_OPTIONS
  return env
}
if (process.env.NODE_OPTIONS || process.execArgv.length > 0) {
  const again = spawnSync(process.execPath, [script], {env: clean(), stdio: 'inherit'})
  process.exit(again.status ?? 1)
}

process.env.OCLIF_DISABLE_ENGINE_WARNING ??= '1' // as bin/run.js runs oclif
const {codeCacheFile, CODE_CACHE, execute, settings} = await import('../dist/cli/oclif.js')
const {writeFileAtomic} = await import('../dist/engine/io/write.js')
settings.enableAutoTranspile = false
await execute({dir: new URL('../bin/run.js', import.meta.url).href, args: ['validate', 'examples/riverside.pch.yaml', '--format', 'json']})
process.exitCode = 0
const cache = codeCacheFile()
if (!cache) throw new Error('no code cache: this Node has no zlib.crc32 (Node 20.15 or later has)')
writeFileAtomic(CODE_CACHE, cache)

const check = spawnSync(process.execPath, ['--input-type=module', '-e', `const {usedCodeCache} = await import(${JSON.stringify(new URL('../dist/cli/oclif.js', import.meta.url).href)}); process.stdout.write(String(usedCodeCache()))`], {env: clean(), encoding: 'utf8'})
if (check.stdout !== 'true') throw new Error(`a plain run does not take the code cache just made (${check.stdout}${check.stderr})`)

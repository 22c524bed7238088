// Build step: the V8 code cache of dist/cli/oclif.cjs (see src/cli/oclif.ts), taken after oclif
// has run a one-file validate in this process, so it holds the bytecode of the functions such a
// run calls, not only of the bundle's top level. Run with standard output discarded.
import {writeFileSync} from 'node:fs'
import {CODE_CACHE, codeCache, execute, settings} from '../dist/cli/oclif.js'

settings.enableAutoTranspile = false
await execute({dir: new URL('../bin/run.js', import.meta.url).href, args: ['validate', 'examples/riverside.pch.yaml', '--format', 'json']})
const cache = codeCache()
if (!cache) throw new Error('oclif was not compiled as a vm.Script: no code cache to write')
writeFileSync(CODE_CACHE, cache)

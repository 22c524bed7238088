#!/usr/bin/env node
// `pch --version` is answered here, in oclif's words, without loading oclif: it is what a CI step
// runs to see that the tool is there, and it should cost little more than starting Node.
// Everything else goes through oclif.
import {readFileSync} from 'node:fs'
import module from 'node:module'

// Node 22.1+: the modules loaded from here on (oclif's loader, the command's bundle, the libraries it
// loads) are compiled from Node's on-disk compile cache after the first run (NODE_COMPILE_CACHE sets
// its directory, NODE_DISABLE_COMPILE_CACHE=1 turns it off). oclif's own bundle has the build's V8
// code cache instead (src/cli/oclif.ts); on Node 20 there is only that.
module.enableCompileCache?.()

if (process.argv.length === 3 && process.argv[2] === '--version') {
  const {name, version} = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
  process.stdout.write(`${name}/${version} ${process.platform}-${process.arch} node-${process.version}\n`)
} else {
  // oclif's check of its own engines range loads semver on every start (~25 ms); package.json's
  // engines (>=20) already makes npm warn on an older Node at install.
  process.env.OCLIF_DISABLE_ENGINE_WARNING ??= '1'
  // Loaded before the flags below are set: V8 takes the code cache of oclif's bundle only under the
  // flags it was made with (src/cli/oclif.ts).
  const {execute, settings} = await import('../dist/cli/oclif.js')
  // Peak memory should follow the largest file, not the number of files. V8 lets a busy process's
  // young generation double up to 16 MB semi-spaces and its old generation grow by up to 4x between
  // full collections; over 10,000 files that is most of the peak. These two flags keep the young
  // generation at its first size and grow the old one by a fifth, for about a tenth more time
  // (BENCHMARKS.md). V8 reads both whenever it resizes the heap, so they take effect when set
  // here, after start-up.
  const {setFlagsFromString} = await import('node:v8')
  setFlagsFromString('--semi-space-growth-factor=1')
  setFlagsFromString('--heap-growing-percent=20')
  // Always the built commands: with NODE_ENV=development or test (as under vitest) oclif would
  // otherwise look for tsconfig.json and run src/ through tsx, which is not what ships.
  settings.enableAutoTranspile = false
  await execute({dir: import.meta.url})
}

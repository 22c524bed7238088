#!/usr/bin/env node
// The `pch` binary: Node's compile cache, `--version` without oclif, and otherwise oclif's bundle
// running the command's bundle. What each piece saves is measured by `npm run bench -- --only
// startup` (bench/startup.ts) and written in the README ("Start-up").
import module from 'node:module'

// Node 22.1+: the modules loaded from here on (oclif's bundle, the command's bundle, the libraries it
// loads) are compiled from Node's on-disk compile cache after the first run (`NODE_COMPILE_CACHE`
// sets its directory, `NODE_DISABLE_COMPILE_CACHE=1` turns it off). When the directory cannot be
// written it returns a failed status, prints nothing and the run compiles as usual. Node 20 has no
// compile cache.
module.enableCompileCache?.()
// oclif's bundle is CommonJS; package.json and node:v8 come the same way.
const require = module.createRequire(import.meta.url)

if (process.argv.length === 3 && process.argv[2] === '--version') {
  // What a CI step runs to see that the tool is there: answered in oclif's words, without oclif.
  const {name, version} = require('../package.json')
  process.stdout.write(`${name}/${version} ${process.platform}-${process.arch} node-${process.version}\n`)
} else {
  // oclif's check of its own engines range loads semver on every start (~25 ms); package.json's
  // engines (>=20) already makes npm warn on an older Node at install.
  process.env.OCLIF_DISABLE_ENGINE_WARNING ??= '1'
  // oclif and its dependencies as one CommonJS bundle (scripts/bundle-commands.js): the commands'
  // bundles require() this same file, so there is one copy of oclif.
  const {execute, settings} = require('../dist/cli/oclif.cjs')
  boundHeapGrowth()
  // Always the built commands: with NODE_ENV=development or test (as under vitest) oclif would
  // otherwise look for tsconfig.json and run src/ through tsx, which is not what ships.
  settings.enableAutoTranspile = false
  await execute({dir: import.meta.url})
}

// Peak memory should follow the largest file, not the number of files. V8 lets a busy process's
// young generation double up to 16 MB semi-spaces and its old generation grow by up to 4x between
// full collections; over 10,000 files that is most of the peak. These two flags keep the young
// generation at its first size and grow the old one by a fifth, for about a tenth more time
// (README, "Speed"); V8 reads both whenever it resizes the heap, so they work when set after
// start-up. Node has no API for them, only V8's flag parser, which prints "unrecognized flag" on
// stderr for a flag its V8 no longer has: so they are set only on the Node majors the tests run
// (test/e2e/startup.test.ts sees no stderr on each), and a newer Node runs with V8's defaults.
function boundHeapGrowth() {
  if (!['20', '22', '24'].includes(process.versions.node.split('.')[0])) return
  const {setFlagsFromString} = require('node:v8')
  setFlagsFromString('--semi-space-growth-factor=1')
  setFlagsFromString('--heap-growing-percent=20')
}

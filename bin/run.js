#!/usr/bin/env node
// `pch --version` is answered here, in oclif's words, without loading oclif: it is what a CI step
// runs to see that the tool is there, and it should cost little more than starting Node.
// Everything else goes through oclif.
import {readFileSync} from 'node:fs'

if (process.argv.length === 3 && process.argv[2] === '--version') {
  const {name, version} = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
  process.stdout.write(`${name}/${version} ${process.platform}-${process.arch} node-${process.version}\n`)
} else {
  // oclif's check of its own engines range loads semver on every start (~25 ms); package.json's
  // engines (>=20) already makes npm warn on an older Node at install.
  process.env.OCLIF_DISABLE_ENGINE_WARNING ??= '1'
  const {execute} = await import('@oclif/core')
  await execute({dir: import.meta.url})
}

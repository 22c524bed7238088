// The benchmark's floor: the least any validator of these files must do (read every file, parse it, run
// one precompiled ajv validator over it), with nothing else (no line numbers, no rules, no output but a
// count), so pch's time can be set against it. Plain Node, no TypeScript loader, so only Node starts.
//   node bench/floor.js compile SCHEMA.json OUT.cjs   ajv standalone code of the schema (before timing)
//   node bench/floor.js convert DIR OUT               each DIR/**/*.pch.yaml as OUT/**/*.json (yaml 1.2, as pch reads it)
//   node bench/floor.js json VALIDATOR.cjs DIR         JSON.parse of each DIR/**/*.json, validated
//   node bench/floor.js js-yaml VALIDATOR.cjs DIR      js-yaml 3 (ajv-cli's reader) of each DIR/**/*.pch.yaml, validated
// Exit 0 when every file is valid, 1 when one is not, as the validators it stands for.
import {mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'

const require = createRequire(import.meta.url)
const [mode, first, second] = process.argv.slice(2)

/** Files under `dir` whose names end with `suffix`, in a stable order. */
const files = (dir, suffix) =>
  readdirSync(dir, {recursive: true})
    .filter((name) => name.endsWith(suffix))
    .sort()

if (mode === 'compile') {
  // As ajv-cli runs it (--spec=draft2020 -c ajv-formats): a 2020-12 ajv with the formats added.
  const {default: Ajv2020} = await import('ajv/dist/2020.js')
  const {default: addFormats} = await import('ajv-formats')
  const {default: standalone} = await import('ajv/dist/standalone/index.js')
  const ajv = new Ajv2020({strict: false, code: {source: true}})
  addFormats(ajv)
  writeFileSync(second, standalone(ajv, ajv.compile(JSON.parse(readFileSync(first, 'utf8')))))
} else if (mode === 'convert') {
  const {parse} = await import('yaml')
  for (const name of files(first, '.pch.yaml')) {
    const out = path.join(second, name.replace(/\.pch\.yaml$/, '.json'))
    mkdirSync(path.dirname(out), {recursive: true})
    writeFileSync(out, JSON.stringify(parse(readFileSync(path.join(first, name), 'utf8'))))
  }
} else if (mode === 'json' || mode === 'js-yaml') {
  // Standalone code requires ajv's runtime helpers: resolved from here, wherever the code was written.
  const validator = {exports: {}}
  new Function('module', 'exports', 'require', readFileSync(first, 'utf8'))(validator, validator.exports, require)
  const validate = validator.exports
  const load = mode === 'json' ? JSON.parse : require('js-yaml').safeLoad
  let invalid = 0
  const names = files(second, mode === 'json' ? '.json' : '.pch.yaml')
  for (const name of names) if (!validate(load(readFileSync(path.join(second, name), 'utf8')))) invalid++
  console.log(`${names.length} files, ${invalid} invalid`)
  process.exitCode = invalid > 0 ? 1 : 0
} else {
  console.error('usage: node bench/floor.js compile|convert|json|js-yaml ...')
  process.exitCode = 2
}

import {readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {createRequire} from 'node:module'
const require = createRequire(import.meta.url)
const yaml = require('yaml'); const jsyaml = require('js-yaml')
const {fastParse} = await import('../dist/engine/fast-parse.js')
const texts = []
for (const region of readdirSync('/tmp/b10k').slice(0, 20)) for (const f of readdirSync(path.join('/tmp/b10k', region))) texts.push(readFileSync(path.join('/tmp/b10k', region, f), 'utf8'))
function bench(name, fn) { let best = Infinity; for (let r = 0; r < 5; r++) { const t = process.hrtime.bigint(); for (const x of texts) fn(x); best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e3 / texts.length) } console.log(best.toFixed(1).padStart(7), 'us', name) }
bench('fastParse', fastParse)
bench('fastParse+locate', (t) => fastParse(t).locate('/spec/workforce/partners'))
bench('js-yaml load', (t) => jsyaml.load(t))
bench('yaml parseDocument', (t) => yaml.parseDocument(t))
bench('yaml parseAllDocuments+toJS', (t) => yaml.parseAllDocuments(t, {version: '1.2', schema: 'core'})[0].toJS())

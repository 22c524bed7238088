import {readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
const dir = '/tmp/b10k'
const texts = []
for (const region of readdirSync(dir)) for (const file of readdirSync(path.join(dir, region))) texts.push(readFileSync(path.join(dir, region, file), 'utf8'))
const OUTSIDE = /[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]/
function bench(name, fn) {
  let best = Infinity, sink = 0
  for (let round = 0; round < 15; round++) {
    const t = process.hrtime.bigint()
    for (const text of texts) sink += fn(text) ? 1 : 0
    best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e3 / texts.length)
  }
  console.log(name.padEnd(20), best.toFixed(2), 'us/file', sink)
}
bench('outside', (t) => OUTSIDE.test(t))
bench('lines', (text) => {
  const starts = [], indents = [], ends = []
  let start = 0
  for (;;) {
    let end = text.indexOf('\n', start)
    if (end === -1) end = text.length
    let first = start
    while (text.charCodeAt(first) === 32) first++
    if (first < end && text.charCodeAt(first) !== 35) { starts.push(start); indents.push(first - start); ends.push(end) }
    if (end === text.length) break
    start = end + 1
  }
  return starts.length
})
bench('charloop', (text) => { let n = 0; for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 58) n++; return n })
bench('isOneByte-ish', (text) => /[^\x00-\x7f]/.test(text))
bench('json', (text) => JSON.parse(JSON.stringify(text)))
const {createRequire} = await import('node:module')
const require = createRequire(import.meta.url)
const jsyaml = require('/work/main/node_modules/js-yaml')
bench('js-yaml', (t) => jsyaml.load(t))
const {fastParse} = await import('../dist/engine/fast-parse.js')
bench('fastParse', (t) => fastParse(t))

import {readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
const {fastParse} = await import('../dist/engine/fast-parse.js')
const dir = '/tmp/b10k'
const bufs = []
for (const region of readdirSync(dir)) for (const file of readdirSync(path.join(dir, region))) bufs.push(readFileSync(path.join(dir, region, file)))
const dec = new TextDecoder('utf-8', {fatal: true})
function bench(name, texts, fn) {
  let best = Infinity
  for (let round = 0; round < 10; round++) {
    const t = process.hrtime.bigint()
    for (const text of texts) fn(text)
    best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e3 / texts.length)
  }
  console.log(name.padEnd(20), best.toFixed(2), 'us/file')
}
const a = bufs.map((b) => b.toString('utf8'))
const b = bufs.map((x) => dec.decode(x))
bench('toString', bufs, (x) => x.toString('utf8'))
bench('TextDecoder', bufs, (x) => dec.decode(x))
bench('latin1+check', bufs, (x) => x.toString('latin1'))
bench('parse toString', a, fastParse)
bench('parse decoded', b, fastParse)

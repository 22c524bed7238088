import {readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
const which = process.argv[2]
const {fastParse: f} = await import(which === 'old' ? '../dist/engine/fast-parse-old.js' : which === 'new' ? '../dist/engine/fast-parse.js' : which)
const dir = '/tmp/b10k'
const texts = []
for (const region of readdirSync(dir)) for (const file of readdirSync(path.join(dir, region))) texts.push(readFileSync(path.join(dir, region, file), 'utf8'))
const locateToo = process.argv[3] === 'locate'
let best = Infinity
for (let round = 0; round < 15; round++) {
  const t = process.hrtime.bigint()
  for (const text of texts) {
    const d = f(text)
    if (locateToo) d.locate('/spec/population/practices/0/odsCode')
  }
  best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e3 / texts.length)
}
console.log(which, best.toFixed(1), 'us/file')

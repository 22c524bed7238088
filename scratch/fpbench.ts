import {readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {fastParse} from '../dist/engine/fast-parse.js'
import {fastParse as oldParse} from '../dist/engine/fast-parse-old.js'
const dir = '/tmp/b10k'
const texts: string[] = []
for (const region of readdirSync(dir)) for (const f of readdirSync(path.join(dir, region))) texts.push(readFileSync(path.join(dir, region, f), 'utf8'))
const which = process.argv[2]
const f = which === 'old' ? oldParse : fastParse
const locateToo = process.argv[3] === 'locate'
for (let round = 0; round < 6; round++) {
  const t = process.hrtime.bigint()
  let n = 0
  for (const text of texts) {
    const d = f(text)
    if (d) { n++; if (locateToo) d.locate('/spec/population/practices/0/odsCode') }
  }
  console.log(which, round, n, Number(process.hrtime.bigint() - t) / 1e6 / texts.length * 1000, 'us/file')
}

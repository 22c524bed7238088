import {readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {fastParse} from '../dist/engine/fast-parse.js'
import {checkSchema} from '../dist/engine/schema-check.js'
import * as site from '../dist/rules/site.js'
const dir = '/tmp/b10k'
const datas = []
for (const region of readdirSync(dir)) for (const file of readdirSync(path.join(dir, region))) datas.push(checkSchema(fastParse(readFileSync(path.join(dir, region, file), 'utf8')).data).data)
function bench(name, fn) {
  let best = Infinity
  for (let r = 0; r < 5; r++) {
    const t = process.hrtime.bigint()
    for (const data of datas) fn(data)
    best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e3 / datas.length)
  }
  console.log(best.toFixed(2).padStart(7), name)
}
bench('practiceCodes', site.practiceCodes)
bench('partnerIds', site.partnerIds)
bench('population', site.population)
bench('knownList', (d) => site.knownList(site.population(d)?.practices, 'odsCode'))
bench('entries', (d) => site.entries(site.population(d)?.practices))
bench('set', (d) => new Set(['A', 'B', 'C', 'D']))

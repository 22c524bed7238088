import {readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {fastParse} from '../dist/engine/fast-parse.js'
import {checkSchema} from '../dist/engine/schema-check.js'
import {documentRules} from '../dist/rules/index.js'
import {thresholds} from '../dist/engine/schemas.js'
const dir = '/tmp/b10k'
const datas = []
for (const region of readdirSync(dir)) for (const file of readdirSync(path.join(dir, region))) datas.push(checkSchema(fastParse(readFileSync(path.join(dir, region, file), 'utf8')).data).data)
const rows = []
let total = 0
for (const rule of documentRules) {
  const params = thresholds(rule.meta.id)
  let best = Infinity
  for (let r = 0; r < 5; r++) {
    const t = process.hrtime.bigint()
    for (const data of datas) rule.check({data, params, today: '2026-11-01', file: {name: 'x/site-1.pch.yaml', documents: 1}, report() {}})
    best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e3 / datas.length)
  }
  total += best
  rows.push([best, rule.meta.id, rule.meta.compliance])
}
rows.sort((a, b) => b[0] - a[0])
for (const [us, id, c] of rows) console.log(us.toFixed(2).padStart(7), id, c ? '(validate)' : '')
console.log('total', total.toFixed(1), 'us/file')

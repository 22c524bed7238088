import {read, planRun, inspectSource} from '../dist/engine/run.js'
import {parseSource} from '../dist/engine/parse.js'
import {checkSchema} from '../dist/engine/schema-check.js'
const plan = planRun({mode: process.argv[2] ?? 'validate', today: '2026-11-01', paths: ['/tmp/b10k'], cwd: '/tmp'})
const max = 10 * 1024 * 1024
function bench(name, fn) {
  let best = Infinity
  for (let round = 0; round < 5; round++) {
    const t = process.hrtime.bigint()
    for (const source of plan.sources) fn(source)
    best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e3 / plan.sources.length)
  }
  console.log(name.padEnd(28), best.toFixed(1), 'us/file')
}
const keep = []
bench('read', (s) => read(s, plan.input, plan.cwd, max))
bench('read+parse', (s) => parseSource(read(s, plan.input, plan.cwd, max).text))
bench('read+parse+schema', (s) => checkSchema(parseSource(read(s, plan.input, plan.cwd, max).text).documents[0].data))
bench('inspectSource', (s) => inspectSource(plan, s))
bench('inspectSource kept', (s) => keep.push(inspectSource(plan, s)))

import {planRun, inspectSource, finishRun} from '../dist/engine/run.js'
const mode = process.argv[2] ?? 'validate'
for (let round = 0; round < 4; round++) {
  let t = process.hrtime.bigint()
  const lap = (name) => { const now = process.hrtime.bigint(); if (round === 3) console.log(name.padEnd(12), (Number(now - t) / 1e6).toFixed(0), 'ms'); t = now }
  const plan = planRun({mode, today: '2026-11-01', paths: ['/tmp/b10k'], cwd: '/tmp'})
  lap('plan')
  const inspected = plan.sources.map((s) => inspectSource(plan, s))
  lap('inspect')
  const out = finishRun(plan, inspected)
  lap('finish')
  JSON.stringify(out.results)
  lap('json')
}

import {planRun, inspectSource, finishRun} from '../dist/engine/run.js'
const mode = process.argv[2] ?? 'validate'
const best = {}
for (let round = 0; round < 7; round++) {
  let t = process.hrtime.bigint()
  const lap = (name) => { const now = process.hrtime.bigint(); if (round > 0) best[name] = Math.min(best[name] ?? Infinity, Number(now - t) / 1e6); t = now }
  const plan = planRun({mode, today: '2026-11-01', paths: ['/tmp/b10k'], cwd: '/tmp'})
  lap('plan')
  const inspected = plan.sources.map((s) => inspectSource(plan, s))
  lap('inspect')
  const out = finishRun(plan, inspected)
  lap('finish')
}
console.log(mode, Object.entries(best).map(([k, v]) => `${k} ${v.toFixed(0)}`).join('  '))

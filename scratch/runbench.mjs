import {run} from '../dist/engine/run.js'
const mode = process.argv[2] ?? 'validate'
const rounds = Number(process.argv[3] ?? 5)
let best = Infinity
for (let i = 0; i < rounds; i++) {
  const t = process.hrtime.bigint()
  const out = run({mode, today: '2026-11-01', paths: ['/tmp/b10k'], cwd: '/tmp'})
  const ms = Number(process.hrtime.bigint() - t) / 1e6
  best = Math.min(best, ms)
  if (i === 0) console.log('files', out.results.length, 'errors', out.results.reduce((n, r) => n + r.errorCount, 0))
}
console.log(mode, 'best', best.toFixed(0), 'ms')

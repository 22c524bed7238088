import {openSync, fstatSync, readSync, closeSync, readFileSync} from 'node:fs'
import {planRun} from '../dist/engine/run.js'
const plan = planRun({mode: 'validate', today: '2026-11-01', paths: ['/tmp/b10k'], cwd: '/tmp'})
const files = plan.sources.map((s) => s.path)
function bench(name, fn) {
  let best = Infinity
  for (let r = 0; r < 5; r++) { const t = process.hrtime.bigint(); for (const f of files) fn(f); best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e3 / files.length) }
  console.log(best.toFixed(1).padStart(6), 'us', name)
}
const buf = Buffer.allocUnsafe(1 << 16)
bench('open+close', (f) => closeSync(openSync(f, 'r')))
bench('open+fstat+close', (f) => { const fd = openSync(f, 'r'); fstatSync(fd); closeSync(fd) })
bench('open+fstat+read+close', (f) => { const fd = openSync(f, 'r'); const st = fstatSync(fd); readSync(fd, buf, 0, st.size, null); closeSync(fd) })
bench('readFileSync', (f) => readFileSync(f))
bench('readFileSync utf8', (f) => readFileSync(f, 'utf8'))
const dec = new TextDecoder('utf-8', {fatal: true})
bench('full + decode', (f) => { const fd = openSync(f, 'r'); const st = fstatSync(fd); const b = Buffer.allocUnsafe(st.size); readSync(fd, b, 0, st.size, null); closeSync(fd); dec.decode(b) })

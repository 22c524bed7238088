import v8 from 'node:v8'
import {planRun, inspectSource, finishRun} from '../dist/engine/run.js'
const plan = planRun({mode: 'lint', today: '2026-11-01', paths: ['/tmp/b10k'], cwd: '/tmp'})
const inspected = plan.sources.map((s) => inspectSource(plan, s))
const out = finishRun(plan, inspected)
const json = JSON.stringify(out.results)
v8.writeHeapSnapshot('/tmp/peak.heapsnapshot')
console.log(json.length, inspected.length)

import {planRun, inspectSource, finishRun} from '../dist/engine/run.js'
const mode = process.argv[2] ?? 'lint'
const dir = process.argv[3] ?? '/tmp/b10k'
gc(); const base = process.memoryUsage().heapUsed
const plan = planRun({mode, today: '2026-11-01', paths: [dir], cwd: '/tmp'})
gc(); const afterPlan = process.memoryUsage().heapUsed
const inspected = plan.sources.map((s) => inspectSource(plan, s))
gc(); const afterInspect = process.memoryUsage().heapUsed
const out = finishRun(plan, inspected)
gc(); const afterFinish = process.memoryUsage().heapUsed
const json = JSON.stringify(out.results)
gc(); const afterJson = process.memoryUsage().heapUsed
const mb = (x) => (x / 1048576).toFixed(1)
console.log(mode, 'plan', mb(afterPlan - base), 'inspect', mb(afterInspect - afterPlan), 'finish', mb(afterFinish - afterInspect), 'json', mb(afterJson - afterFinish), 'json length', mb(json.length), 'rss', mb(process.memoryUsage().rss))

import {Session} from 'node:inspector/promises'
import {planRun, inspectSource, finishRun} from '../dist/engine/run.js'
const mode = process.argv[2] ?? 'lint'
const plan0 = planRun({mode, today: '2026-11-01', paths: ['/tmp/b10k'], cwd: '/tmp'})
plan0.sources.slice(0, 2000).forEach((s) => inspectSource(plan0, s)) // warm
const session = new Session(); session.connect()
await session.post('HeapProfiler.startSampling', {samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true})
const plan = planRun({mode, today: '2026-11-01', paths: ['/tmp/b10k'], cwd: '/tmp'})
const inspected = plan.sources.map((s) => inspectSource(plan, s))
finishRun(plan, inspected)
const {profile} = await session.post('HeapProfiler.stopSampling')
const self = new Map(); let total = 0
const walk = (node, stack) => {
  const key = `${node.callFrame.functionName || '(anon)'} ${node.callFrame.url.split('/').slice(-2).join('/')}:${node.callFrame.lineNumber + 1}`
  self.set(key, (self.get(key) ?? 0) + node.selfSize); total += node.selfSize
  for (const c of node.children) walk(c)
}
walk(profile.head)
console.log('total', (total / 1048576).toFixed(0), 'MB =', (total / plan.sources.length / 1024).toFixed(1), 'KB/file')
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log((v / plan.sources.length / 1024).toFixed(2).padStart(7), 'KB/file', k)

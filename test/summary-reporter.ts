// Ends a run with one plain closing line, "Tests: N passed, N failed[, N skipped]", that CI reads,
// after the line that names the property tests' seed (so a failure in CI can be replayed).
import type {Reporter, TestModule} from 'vitest/node'
import {replayLine} from './seed.js'

export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const count = {passed: 0, failed: 0, skipped: 0}
    for (const module of modules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state
        if (state === 'passed') count.passed++
        else if (state === 'failed') count.failed++
        else count.skipped++
      }
      if (module.state() === 'failed' && [...module.children.allTests()].length === 0) count.failed++
    }
    const skipped = count.skipped > 0 ? `, ${count.skipped} skipped` : ''
    process.stdout.write(`\n${replayLine()}\nTests: ${count.passed} passed, ${count.failed} failed${skipped}\n`)
  }
}

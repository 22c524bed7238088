// End-to-end: the results stream (issue 20). A report on standard output is written file by file;
// the same report through --output is formatted from every result at once: the two are the same bytes.
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {FORMATS} from '../../src/formatters/index.js'
import {finishRun, inspectSource, planRun} from '../../src/engine/pipeline/run.js'
import {jsonArrayStream, wholeOf} from '../../src/formatters/formatter.js'
import {registry} from '../../src/rules/registry.js'
import type {FileResult} from '../../src/rule-api/types.js'
import {cli, ROOT, tempDir, TODAY} from '../helpers.js'

// 48 files: valid ones, invalid ones, several documents, exceptions, warnings and notes.
const REPOSITORY = 'examples'

describe('streamed and whole-array output are byte-identical', () => {
  const cases: Array<{command: 'validate' | 'lint'; format: string; flags: string[]}> = []
  for (const command of ['validate', 'lint'] as const) {
    for (const format of FORMATS) cases.push({command, format, flags: []})
    for (const flags of [['--quiet'], ['--max-warnings', '0']]) cases.push({command, format: 'stylish', flags})
  }
  for (const {command, format, flags} of cases) {
    it(`${command} -f ${format} ${flags.join(' ')}`.trim(), () => {
      const args = [command, REPOSITORY, '--today', TODAY, '-f', format, ...flags]
      const streamed = cli(args)
      const file = path.join(tempDir('pch-stream-'), `report.${format}`)
      const whole = cli([...args, '-o', file])
      expect(streamed.stderr).toBe('')
      expect(whole.stderr).toBe('')
      expect(streamed.status).toBe(1)
      expect(whole.status).toBe(streamed.status)
      expect(whole.stdout).toBe('')
      expect(streamed.stdout.length).toBeGreaterThan(format === 'github' ? 1000 : 2000)
      expect(readFileSync(file, 'utf8')).toBe(streamed.stdout)
    })
  }

  for (const command of ['validate', 'lint'] as const) {
    it(`${command} --cache streams too: the cold and the warm run write the bytes of a run without the cache`, () => {
      const args = [command, REPOSITORY, '--today', TODAY, '-f', 'json']
      const cache = ['--cache', '--cache-location', tempDir('pch-stream-cache-')]
      const plain = cli(args)
      const cold = cli([...args, ...cache])
      const warm = cli([...args, ...cache])
      expect([cold.status, cold.stderr, warm.status, warm.stderr]).toEqual([plain.status, '', plain.status, ''])
      expect(plain.stdout.length).toBeGreaterThan(2000)
      expect(cold.stdout).toBe(plain.stdout)
      expect(warm.stdout).toBe(plain.stdout)
    })
  }

  it('a run that fails before its first file writes nothing on standard output (not even the head of a SARIF log)', () => {
    const r = cli(['lint', 'examples/no-such-dir', '--today', TODAY, '-f', 'sarif'])
    expect([r.status, r.stdout]).toEqual([2, ''])
    expect(r.stderr).toContain('no-such-dir')
  })
})

describe('finishRun with each', () => {
  it('hands each result over in source order and keeps none', () => {
    const input = {mode: 'lint' as const, registry, today: TODAY, paths: [REPOSITORY], cwd: ROOT}
    const plan = planRun(input)
    const kept = finishRun(
      plan,
      plan.sources.map((source) => inspectSource(plan, source)),
    )
    const again = planRun(input)
    const each: FileResult[] = []
    const streamed = finishRun(
      again,
      again.sources.map((source) => inspectSource(again, source)),
      (result) => each.push(result),
    )
    expect(kept.results).toHaveLength(48)
    expect(streamed.results).toEqual([])
    expect(each).toEqual(kept.results)
  })
})

describe('jsonArrayStream', () => {
  const result = (n: number): FileResult => ({filePath: `f${n}.pch.yaml`, documents: n, errorCount: 0, warningCount: 0, messages: []})
  const marker = '\0items'
  const format = (value: unknown, results: FileResult[], itemsOf: (r: FileResult) => unknown[]): string =>
    wholeOf(() => jsonArrayStream(value, marker, itemsOf))(results, {} as never)

  for (const count of [0, 1, 3]) {
    it(`writes what JSON.stringify(value, null, 2) writes, at the top and nested, for ${count} results`, () => {
      const results = Array.from({length: count}, (_, i) => result(i + 1))
      expect(format(marker, results, (r) => [r])).toBe(`${JSON.stringify(results, null, 2)}\n`)
      // Nested two deep, two items a result (SARIF's runs[0].results, a result per finding).
      const items = results.flatMap((r) => [r, {of: r.filePath, deep: {list: [1, {x: 'a\nb'}]}}])
      const nested = (list: unknown): unknown => ({head: 1, runs: [{tool: 'x', results: list}], tail: [true]})
      expect(format(nested(marker), results, (r) => [r, {of: r.filePath, deep: {list: [1, {x: 'a\nb'}]}}])).toBe(
        `${JSON.stringify(nested(items), null, 2)}\n`,
      )
    })
  }
})

// Bulk suppressions in-process: the counts, their file's text, and which findings they suppress.
import {describe, expect, it} from 'vitest'
import {
  applySuppressions,
  countFindings,
  parseSuppressions,
  pruneSuppressions,
  serializeSuppressions,
  suppressFindings,
  type Suppressions,
} from '../../src/cli/suppression-counts.js'
import type {FileResult, Message} from '../../src/rule-api/types.js'

const m = (ruleId: string, severity: Message['severity'] = 'warning'): Message => ({
  ruleId,
  severity,
  message: ruleId,
  line: 1,
  column: 1,
  endLine: 1,
  endColumn: 2,
  path: '',
  characteristic: null,
  fixable: false,
})
const result = (filePath: string, messages: Message[]): FileResult => ({
  filePath,
  documents: 1,
  messages,
  errorCount: messages.filter((x) => x.severity === 'error').length,
  warningCount: messages.filter((x) => x.severity === 'warning').length,
})
const key = (filePath: string): string => filePath
const of = (entries: Array<[string, string, number]>): Suppressions => {
  const s: Suppressions = new Map()
  for (const [file, rule, count] of entries) s.set(file, new Map([...(s.get(file) ?? []), [rule, count]]))
  return s
}

describe('suppressions', () => {
  const results = [
    result('b.pch.yaml', [
      m('care/wider-determinants'),
      m('care/wider-determinants'),
      m('population/size-band', 'error'),
      m('population/size-band', 'info'),
    ]),
    result('a.pch.yaml', [m('format/number', 'error'), m('budget/unknown-party', 'error')]),
  ]

  it('counts only findings of the advisory rules (no compliance, structural or accepted ones)', () => {
    expect(countFindings(results, key)).toEqual(
      of([
        ['b.pch.yaml', 'care/wider-determinants', 2],
        ['a.pch.yaml', 'budget/unknown-party', 1],
      ]),
    )
  })

  it('writes the file sorted, and reads it back', () => {
    const text = serializeSuppressions(
      of([
        ['b.pch.yaml', 'care/wider-determinants', 2],
        ['b.pch.yaml', 'care/target-date', 1],
        ['a.pch.yaml', 'budget/unknown-party', 1],
      ]),
    )
    expect(text).toBe(
      '{\n  "a.pch.yaml": {\n    "budget/unknown-party": {\n      "count": 1\n    }\n  },\n  "b.pch.yaml": {\n    "care/target-date": {\n      "count": 1\n    },\n    "care/wider-determinants": {\n      "count": 2\n    }\n  }\n}\n',
    )
    expect(parseSuppressions(text, 'x')).toEqual(
      of([
        ['a.pch.yaml', 'budget/unknown-party', 1],
        ['b.pch.yaml', 'care/target-date', 1],
        ['b.pch.yaml', 'care/wider-determinants', 2],
      ]),
    )
  })

  it('suppresses a rule of a file while its findings are within the count; above it, reports them all', () => {
    const within = applySuppressions(results, of([['b.pch.yaml', 'care/wider-determinants', 3]]), key)
    expect(within.results[0]!.messages.map((x) => x.ruleId)).toEqual(['population/size-band', 'population/size-band'])
    expect([within.results[0]!.warningCount, within.results[0]!.suppressedMessages!.length]).toEqual([0, 2])
    expect(within.unused).toEqual([{file: 'b.pch.yaml', ruleId: 'care/wider-determinants', unused: 1}])
    const above = applySuppressions(results, of([['b.pch.yaml', 'care/wider-determinants', 1]]), key)
    expect([above.results[0]!.warningCount, above.results[0]!.suppressedMessages, above.unused]).toEqual([2, [], []])
  })

  it('--suppress-rule keeps the other rules; --prune-suppressions lowers counts and drops gone files', () => {
    const existing = of([
      ['b.pch.yaml', 'care/wider-determinants', 5],
      ['b.pch.yaml', 'workforce/unknown-employer', 1],
      ['gone.pch.yaml', 'care/wider-determinants', 1],
      ['kept.pch.yaml', 'care/target-date', 1],
    ])
    const rules = new Set(['care/wider-determinants'])
    expect(suppressFindings(existing, countFindings(results, key, rules), ['b.pch.yaml', 'a.pch.yaml'], rules).get('b.pch.yaml')).toEqual(
      new Map([
        ['workforce/unknown-employer', 1],
        ['care/wider-determinants', 2],
      ]),
    )
    const pruned = pruneSuppressions(
      existing,
      countFindings(results, key),
      ['b.pch.yaml', 'a.pch.yaml'],
      (file) => file === 'kept.pch.yaml',
    )
    expect(pruned).toEqual(
      of([
        ['b.pch.yaml', 'care/wider-determinants', 2],
        ['kept.pch.yaml', 'care/target-date', 1],
      ]),
    )
  })
})

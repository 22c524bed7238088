import {describe, expect, it} from 'vitest'
import type {ConfiguredSeverity} from '../../src/engine/config/config.js'
import {checkText} from '../../src/engine/pipeline/run.js'
import {edit, lineOf, messages, riverside, short, TODAY} from '../helpers.js'
import {ruleTable, type InvalidCase, type ValidCase} from '../rule-tester.js'

// riverside has `exceptions: []` and meets every requirement; "small" is riverside at 26,100 (size-band fires).
const base = riverside()
const small = edit(
  base,
  ['listSize: 14250', 'listSize: 4250'],
  ['total: 5776000', 'total: 4176000'],
  ['amount: 5276000', 'amount: 3676000'],
)
const approval =
  'reason: Rural practices; the ICB approved a population of 26,000\n      approvedBy: North Riverside ICB primary care committee\n      approvedOn: 2026-03-12'

/** Replace `exceptions: []` with these exceptions, given as their `rule` values (each with the same approval). */
const excepting = (text: string, ...rules: string[]): string =>
  edit(text, [
    'exceptions: []',
    `exceptions:\n${rules
      .map((rule) => `    - rule: ${rule}\n      ${approval}\n`)
      .join('')
      .trimEnd()}`,
  ])
/** The line of the n-th (0-based) exception's rule in a text made by excepting(). */
const ruleLine = (n: number): number => lineOf(base, 'exceptions: []') + 1 + 4 * n
const practices = lineOf(base, 'practices:')
const shift = (n: number): number => 4 * n // lines an n-exception list adds below it

/** A lint case (these are lint rules). */
const lint = <T extends ValidCase | InvalidCase>(cases: T[]): T[] => cases.map((c) => ({mode: 'lint', ...c}))

const docs = (...texts: string[]): string => texts.join('---\n')
const offset = base.split('\n').length

ruleTable('metadata/unused-exception', {
  valid: lint([
    {name: 'riverside: no exceptions', code: base},
    {name: 'an exception for a rule that fires', code: excepting(small, 'population/size-band')},
    {
      name: "an exception without approvedBy does not apply: the schema's to report, not unused",
      code: edit(base, ['exceptions: []', 'exceptions: [{rule: population/size-band, reason: r, approvedOn: 2026-03-12}]']),
    },
    {
      name: "an exception naming a rule that is not a compliance rule is the schema's to report",
      code: excepting(base, 'population/single-practice'),
    },
    {name: 'validate does not report it (not a compliance rule)', code: excepting(base, 'population/size-band'), mode: 'validate'},
  ]),
  invalid: lint([
    {
      name: 'an exception for a rule that does not fire: at the rule value',
      code: excepting(base, 'population/size-band'),
      errors: [
        {
          at: `metadata/unused-exception@${ruleLine(0)}:13-${ruleLine(0)}:33`,
          message: 'The exception for population/size-band is not needed: the rule does not fire in this definition',
        },
      ],
    },
    {
      name: 'one used, one not: only the unused one, and the accepted finding',
      code: excepting(small, 'workforce/social-care-partner', 'population/size-band'),
      errors: [
        {
          at: `metadata/unused-exception@${ruleLine(0)}:13-${ruleLine(0)}:42`,
          message: 'The exception for workforce/social-care-partner is not needed: the rule does not fire in this definition',
        },
        `population/size-band@${practices + shift(2)}:5`,
      ],
    },
    {
      name: 'the same rule excepted twice: the second is unused',
      code: excepting(small, 'population/size-band', 'population/size-band'),
      errors: [
        {
          at: `metadata/unused-exception@${ruleLine(1)}:13-${ruleLine(1)}:33`,
          message: 'The exception for population/size-band is not needed: the rule does not fire in this definition',
        },
        `population/size-band@${practices + shift(2)}:5`,
      ],
    },
    {
      name: 'every exception unused: each reported',
      code: excepting(base, 'population/size-band', 'budget/risk-share-required', 'care/outcomes-required'),
      errors: [
        {
          at: `metadata/unused-exception@${ruleLine(0)}:13-${ruleLine(0)}:33`,
          message: 'The exception for population/size-band is not needed: the rule does not fire in this definition',
        },
        {
          at: `metadata/unused-exception@${ruleLine(1)}:13-${ruleLine(1)}:39`,
          message: 'The exception for budget/risk-share-required is not needed: the rule does not fire in this definition',
        },
        {
          at: `metadata/unused-exception@${ruleLine(2)}:13-${ruleLine(2)}:35`,
          message: 'The exception for care/outcomes-required is not needed: the rule does not fire in this definition',
        },
      ],
    },
    {
      name: 'a flow-style list: at the rule value on the one line',
      code: edit(base, ['exceptions: []', 'exceptions: [{rule: population/size-band, reason: r, approvedBy: b, approvedOn: 2026-03-12}]']),
      errors: [
        {
          at: `metadata/unused-exception@${ruleLine(0) - 1}:23-${ruleLine(0) - 1}:43`,
          message: 'The exception for population/size-band is not needed: the rule does not fire in this definition',
        },
      ],
    },
    {
      name: 'an exception used in one document does not count for another',
      code: docs(excepting(base, 'population/size-band'), edit(small, ['id: riverside ', 'id: harbour ']).replaceAll('A810', 'A830')),
      errors: [
        {
          at: `metadata/unused-exception@${ruleLine(0)}:13-${ruleLine(0)}:33`,
          message: 'The exception for population/size-band is not needed: the rule does not fire in this definition',
        },
        `population/size-band@${offset + shift(1) + practices}:5`,
      ],
    },
    {name: 'a rule that is not text: schema only', code: excepting(base, '42'), errors: [`schema@${ruleLine(0)}:13`]},
    {name: 'an unknown rule: schema only', code: excepting(base, 'population/nope'), errors: [`schema@${ruleLine(0)}:13`]},
    {
      name: 'an empty reason: schema only',
      code: edit(base, ['exceptions: []', 'exceptions: [{rule: population/size-band, reason: "", approvedBy: b, approvedOn: 2026-03-12}]']),
      errors: [`schema@${ruleLine(0) - 1}:53`],
    },
  ]),
})

describe('metadata/unused-exception message, documents and config', () => {
  it('names the rule', () => {
    expect(messages(excepting(base, 'population/size-band'), 'lint')).toEqual([
      {
        ruleId: 'metadata/unused-exception',
        severity: 'warning',
        message: 'The exception for population/size-band is not needed: the rule does not fire in this definition',
        line: ruleLine(0),
        column: 13,
        endLine: ruleLine(0),
        endColumn: 33,
        path: '/metadata/exceptions/0/rule',
        characteristic: null,
        fixable: false,
      },
    ])
  })

  it('carries the documentIndex of its definition', () => {
    const text = docs(base, excepting(edit(base, ['id: riverside ', 'id: harbour ']).replaceAll('A810', 'A830'), 'population/size-band'))
    expect(messages(text, 'lint').map((m) => [short(m), m.documentIndex, m.path])).toEqual([
      [`metadata/unused-exception@${offset + ruleLine(0)}:13`, 1, '/metadata/exceptions/0/rule'],
    ])
  })

  const lintWith = (severity: ConfiguredSeverity) =>
    checkText(excepting(base, 'population/size-band'), {
      mode: 'lint',
      today: TODAY,
      config: {dir: '/', rules: new Map([['metadata/unused-exception', {severity, options: {}}]]), ignore: []},
    }).messages.map((m) => [short(m), m.severity])

  it('config can make it an error, or turn it off', () => {
    expect(lintWith('error')).toEqual([[`metadata/unused-exception@${ruleLine(0)}:13`, 'error']])
    expect(lintWith('off')).toEqual([])
  })

  it('a pch-disable-next-line comment above the exception silences it', () => {
    const code = edit(excepting(base, 'population/size-band'), [
      '    - rule:',
      '    # pch-disable-next-line metadata/unused-exception -- renewal pending\n    - rule:',
    ])
    expect(messages(code, 'lint')).toEqual([])
  })
})

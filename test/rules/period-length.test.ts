import {describe, expect, it} from 'vitest'
import {edit, lineOf, messages, riverside} from '../helpers.js'
import {ruleTable, type ValidCase} from '../rule-tester.js'

// riverside: period 2026-04-01 to 2027-03-31 (12 months: end is the day before start + 12 months).
const base = riverside()
const period = lineOf(base, 'period:')
const start = lineOf(base, 'start: 2026-04-01')
const end = lineOf(base, 'end: 2027-03-31')
const between = (from: string, to: string): Array<[string, string]> => [
  ['start: 2026-04-01', `start: ${from}`],
  ['end: 2027-03-31', `end: ${to}`],
]
// For periods in 2024-25, a today inside them keeps period-expired out of the way.
const in2024 = '2024-11-01'

/** These are lint rules: every case runs in lint mode unless it says otherwise. */
const lint = <T extends ValidCase>(cases: T[]): T[] => cases.map((c) => ({mode: 'lint' as const, ...c}))

ruleTable('budget/period-length', {
  valid: lint([
    {name: 'riverside: 2026-04-01 to 2027-03-31', code: base},
    {name: 'a calendar year', code: edit(base, ...between('2027-01-01', '2027-12-31'))},
    {name: 'a start of 31 January ends on 30 January', code: edit(base, ...between('2026-01-31', '2027-01-30'))},
    {
      name: 'a leap-day start 2024-02-29 ends 2025-02-27 (2025-02-28, the clamped anniversary, minus a day)',
      code: edit(base, ...between('2024-02-29', '2025-02-27')),
      today: in2024,
    },
    {name: 'a start of 1 March 2024 ends on 28 February 2025', code: edit(base, ...between('2024-03-01', '2025-02-28')), today: in2024},
    {
      name: 'a start of 1 March 2023 ends on the leap day 29 February 2024',
      code: edit(base, ...between('2023-03-01', '2024-02-29')),
      today: '2023-11-01',
    },
    {name: 'quoted dates', code: edit(base, ...between('"2026-04-01"', '"2027-03-31"'))},
    {name: "an end before the start is period-order's to report", code: edit(base, ...between('2027-04-01', '2027-03-31'))},
    {name: "an end on the start is period-order's to report", code: edit(base, ...between('2027-03-31', '2027-03-31'))},
    {name: "an impossible end date is the schema's to report", code: edit(base, ...between('2026-04-01', '2027-02-30'))},
    {name: 'validate mode does not run this lint rule', code: edit(base, ...between('2026-04-01', '2027-03-30')), mode: 'validate'},
  ]),
  invalid: lint([
    {
      name: 'a day short (ends 2027-03-30): at the period key',
      code: edit(base, ...between('2026-04-01', '2027-03-30')),
      errors: [
        {
          at: `budget/period-length@${period}:5-${period}:11`,
          messageId: 'length',
          data: {start: '2026-04-01', end: '2027-03-30', months: 12, expected: '2027-03-31'},
        },
      ],
    },
    {
      name: 'a day long (ends 2027-04-01)',
      code: edit(base, ...between('2026-04-01', '2027-04-01')),
      errors: [
        {
          at: `budget/period-length@${period}:5-${period}:11`,
          messageId: 'length',
          data: {start: '2026-04-01', end: '2027-04-01', months: 12, expected: '2027-03-31'},
        },
      ],
    },
    {
      name: "13 months (the rule's docs example)",
      code: edit(base, ...between('2026-04-01', '2027-04-30')),
      errors: [
        {
          at: `budget/period-length@${period}:5-${period}:11`,
          messageId: 'length',
          data: {start: '2026-04-01', end: '2027-04-30', months: 12, expected: '2027-03-31'},
        },
      ],
    },
    {
      name: 'two years',
      code: edit(base, ...between('2026-04-01', '2028-03-31')),
      errors: [
        {
          at: `budget/period-length@${period}:5-${period}:11`,
          messageId: 'length',
          data: {start: '2026-04-01', end: '2028-03-31', months: 12, expected: '2027-03-31'},
        },
      ],
    },
    {
      name: 'six months (also expired by today)',
      code: edit(base, ...between('2026-04-01', '2026-09-30')),
      errors: [
        {
          at: `budget/period-length@${period}:5-${period}:11`,
          messageId: 'length',
          data: {start: '2026-04-01', end: '2026-09-30', months: 12, expected: '2027-03-31'},
        },
        `budget/period-expired@${end}:12`,
      ],
    },
    {
      name: 'a start of 31 January ending on 31 January',
      code: edit(base, ...between('2026-01-31', '2027-01-31')),
      errors: [
        {
          at: `budget/period-length@${period}:5-${period}:11`,
          messageId: 'length',
          data: {start: '2026-01-31', end: '2027-01-31', months: 12, expected: '2027-01-30'},
        },
      ],
    },
    {
      name: 'a leap-day start 2024-02-29 ending on 2025-02-28',
      code: edit(base, ...between('2024-02-29', '2025-02-28')),
      today: in2024,
      errors: [
        {
          at: `budget/period-length@${period}:5-${period}:11`,
          messageId: 'length',
          data: {start: '2024-02-29', end: '2025-02-28', months: 12, expected: '2025-02-27'},
        },
      ],
    },
    {
      name: 'a flow-style period: at the flow mapping',
      code: edit(base, [/    period:\n.*\n.*\n/, '    period: {start: 2026-04-01, end: 2027-03-30}\n']),
      errors: [
        {
          at: `budget/period-length@${period}:13-${period}:49`,
          messageId: 'length',
          data: {start: '2026-04-01', end: '2027-03-30', months: 12, expected: '2027-03-31'},
        },
      ],
    },
    {
      name: 'an impossible start date: schema only, not also the wrong length',
      code: edit(base, ...between('2026-02-29', '2027-03-31')),
      errors: [`schema@${start}:14`],
    },
    {
      name: 'an end date that is not text: schema only, no crash',
      code: edit(base, ...between('2026-04-01', '20270330')),
      errors: [`schema@${end}:12`],
    },
  ]),
})

describe('budget/period-length message', () => {
  const text = (code: string, today?: string): string[] =>
    messages(code, 'lint', today)
      .filter((m) => m.ruleId === 'budget/period-length')
      .map((m) => `${m.severity}: ${m.message}`)

  it('gives the period, the length and the end it would have', () => {
    expect(text(edit(base, ...between('2026-04-01', '2027-03-30')))).toEqual([
      'warning: The budget period 2026-04-01 to 2027-03-30 is not 12 months: it would end on 2027-03-31',
    ])
    expect(text(edit(base, ...between('2024-02-29', '2025-02-28')), in2024)).toEqual([
      'warning: The budget period 2024-02-29 to 2025-02-28 is not 12 months: it would end on 2025-02-27',
    ])
  })
})

import {describe, expect, it} from 'vitest'
import {edit, lineOf, messages, riverside} from '../helpers.js'
import {ruleTable, type ValidCase} from '../rule-tester.js'

// riverside: period 2026-04-01 to 2027-03-31; the default today is 2026-11-01.
const base = riverside()
const period = lineOf(base, 'period:')
const end = lineOf(base, 'end: 2027-03-31')
const setEnd = (value: string): [string, string] => ['end: 2027-03-31', `end: ${value}`]
const lastYear: Array<[string, string]> = [['start: 2026-04-01', 'start: 2025-04-01'], setEnd('2026-03-31')]

/** These are lint rules: every case runs in lint mode unless it says otherwise. */
const lint = <T extends ValidCase>(cases: T[]): T[] => cases.map((c) => ({mode: 'lint' as const, ...c}))

ruleTable('budget/period-expired', {
  valid: lint([
    {name: 'riverside: ends 2027-03-31, today 2026-11-01', code: base},
    {name: 'ends today', code: base, today: '2027-03-31'},
    {
      name: "ends on today's date (default today), quoted",
      code: edit(base, ['start: 2026-04-01', 'start: 2025-11-02'], setEnd('"2026-11-01"')),
    },
    {name: 'a period still to come', code: edit(base, ['start: 2026-04-01', 'start: 2027-04-01'], setEnd('2028-03-31'))},
    {name: "an impossible end date is the schema's to report", code: edit(base, setEnd('2026-02-30'))},
    {name: 'validate mode does not run this lint rule', code: base, today: '2027-04-01', mode: 'validate'},
  ]),
  invalid: lint([
    {
      name: 'ended the day before today: at the end date',
      code: base,
      today: '2027-04-01',
      errors: [{at: `budget/period-expired@${end}:12-${end}:22`, messageId: 'expired', data: {end: '2027-03-31', today: '2027-04-01'}}],
    },
    {
      name: "last year's budget (default today)",
      code: edit(base, ...lastYear),
      errors: [{at: `budget/period-expired@${end}:12-${end}:22`, messageId: 'expired', data: {end: '2026-03-31', today: '2026-11-01'}}],
    },
    {
      name: 'a quoted end date',
      code: edit(base, ['start: 2026-04-01', 'start: 2025-04-01'], setEnd('"2026-03-31"')),
      errors: [{at: `budget/period-expired@${end}:12-${end}:24`, messageId: 'expired', data: {end: '2026-03-31', today: '2026-11-01'}}],
    },
    {
      name: 'a flow-style period: at the end inside the flow mapping',
      code: edit(base, [/    period:\n.*\n.*\n/, '    period: {start: 2025-04-01, end: 2026-03-31}\n']),
      errors: [
        {at: `budget/period-expired@${period}:38-${period}:48`, messageId: 'expired', data: {end: '2026-03-31', today: '2026-11-01'}},
      ],
    },
    {
      name: 'an impossible end date: schema only, not also expired',
      code: edit(base, setEnd('2026-02-30')),
      errors: [`schema@${end}:12`],
    },
    {
      name: 'an end date that is not text: schema only, no crash',
      code: edit(base, ...lastYear.slice(0, 1), setEnd('20260331')),
      errors: [`schema@${end}:12`],
    },
  ]),
})

describe('budget/period-expired message', () => {
  it('gives the end date and today', () => {
    const found = messages(base, 'lint', '2027-04-01').filter((m) => m.ruleId === 'budget/period-expired')
    expect(found.map((m) => [m.severity, m.message])).toEqual([
      ['warning', 'The budget period ended on 2027-03-31, before 2027-04-01: declare the current budget'],
    ])
  })
})

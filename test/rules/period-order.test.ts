import {describe, expect, it} from 'vitest'
import {edit, lineOf, messages, riverside} from '../helpers.js'
import {ruleTable, type ValidCase} from '../rule-tester.js'

// riverside: period 2026-04-01 to 2027-03-31; today 2026-11-01.
const base = riverside()
const period = lineOf(base, 'period:')
const start = lineOf(base, 'start: 2026-04-01')
const end = lineOf(base, 'end: 2027-03-31')
const setStart = (value: string): [string, string] => ['start: 2026-04-01', `start: ${value}`]
const setEnd = (value: string): [string, string] => ['end: 2027-03-31', `end: ${value}`]
const periodBlock = /    period:\n.*\n.*\n/

/** These are lint rules: every case runs in lint mode unless it says otherwise. */
const lint = <T extends ValidCase>(cases: T[]): T[] => cases.map((c) => ({mode: 'lint' as const, ...c}))

ruleTable('budget/period-order', {
  valid: lint([
    {name: 'riverside: 2026-04-01 to 2027-03-31', code: base},
    {name: 'ends the day after it starts', code: edit(base, setEnd('2026-04-02'))},
    {name: 'quoted dates', code: edit(base, setStart('"2026-04-01"'), setEnd('"2027-03-31"'))},
    {name: "an impossible end date is the schema's to report", code: edit(base, setEnd('2026-02-30'))},
    {name: 'validate mode does not run this lint rule', code: edit(base, setStart('2027-04-01')), mode: 'validate'},
  ]),
  invalid: lint([
    {
      name: 'starts after it ends: at the end date',
      code: edit(base, setStart('2027-04-01')),
      errors: [{at: `budget/period-order@${end}:12-${end}:22`, messageId: 'order', data: {start: '2027-04-01', end: '2027-03-31'}}],
    },
    {
      name: 'ends on the day it starts',
      code: edit(base, setStart('2027-03-31')),
      errors: [{at: `budget/period-order@${end}:12-${end}:22`, messageId: 'order', data: {start: '2027-03-31', end: '2027-03-31'}}],
    },
    {
      name: 'dates swapped (the end is also past: period-expired at the same place)',
      code: edit(base, setStart('2027-03-31'), setEnd('2026-04-01')),
      errors: [
        `budget/period-expired@${end}:12`,
        {at: `budget/period-order@${end}:12-${end}:22`, messageId: 'order', data: {start: '2027-03-31', end: '2026-04-01'}},
      ],
    },
    {
      name: 'a wrong year in the end date',
      code: edit(base, setEnd('2026-03-31')),
      errors: [
        `budget/period-expired@${end}:12`,
        {at: `budget/period-order@${end}:12-${end}:22`, messageId: 'order', data: {start: '2026-04-01', end: '2026-03-31'}},
      ],
    },
    {
      name: 'quoted dates out of order',
      code: edit(base, setStart('"2027-04-01"'), setEnd('"2027-03-31"')),
      errors: [{at: `budget/period-order@${end}:12-${end}:24`, messageId: 'order', data: {start: '2027-04-01', end: '2027-03-31'}}],
    },
    {
      name: 'a flow-style period: at the end inside the flow mapping',
      code: edit(base, [periodBlock, '    period: {start: 2027-04-01, end: 2027-03-31}\n']),
      errors: [{at: `budget/period-order@${period}:38-${period}:48`, messageId: 'order', data: {start: '2027-04-01', end: '2027-03-31'}}],
    },
    {
      name: 'an impossible start date: schema only, not also out of order',
      code: edit(base, setStart('2026-02-29')),
      errors: [`schema@${start}:14`],
    },
    {
      name: 'an impossible end date: schema only',
      code: edit(base, setEnd('2026-02-30')),
      errors: [`schema@${end}:12`],
    },
    {
      name: 'an end date that is not text: schema only, no crash',
      code: edit(base, setEnd('20260331')),
      errors: [`schema@${end}:12`],
    },
    {
      name: 'no end date: schema only, at the period key',
      code: edit(base, [/      end: 2027-03-31.*\n/, '']),
      errors: [`schema@${period}:5`],
    },
    {
      name: 'a period that is not a mapping: schema only, no crash',
      code: edit(base, [periodBlock, '    period: 2026-27\n']),
      errors: [`schema@${period}:13`],
    },
  ]),
})

describe('budget/period-order message', () => {
  it('gives both dates', () => {
    const found = messages(edit(base, setStart('2027-04-01')), 'lint').filter((m) => m.ruleId === 'budget/period-order')
    expect(found.map((m) => [m.severity, m.message])).toEqual([
      ['error', 'The budget period ends on 2027-03-31, which is not after its start on 2027-04-01'],
    ])
  })
})

import {describe, expect, it} from 'vitest'
import {edit, lineOf, messages, riverside} from '../helpers.js'
import {ruleTable, type ValidCase} from '../rule-tester.js'

// riverside outcomes: emergency-admissions, then hypertension-control (the last lines of the file).
const base = riverside()
const outcomes = lineOf(base, 'outcomes:')
const hypertension = lineOf(base, 'id: hypertension-control')
const third = base.split('\n').length // the line a third outcome appended to the file starts on
const renameSecond = (id: string): [string, string] => ['id: hypertension-control', `id: ${id}`]
const withOutcome = (text: string, id: string): string =>
  `${text}        - id: ${id}\n          measure: A third measure\n          direction: increase\n          baseline: { value: 1, asOf: 2025-03-31 }\n          target: { value: 2, by: 2027-03-31 }\n`
const outcomeList = /      outcomes:[\s\S]*$/

/** These are lint rules: every case runs in lint mode unless it says otherwise. */
const lint = <T extends ValidCase>(cases: T[]): T[] => cases.map((c) => ({mode: 'lint' as const, ...c}))

ruleTable('care/duplicate-outcome', {
  valid: lint([
    {name: 'riverside: two distinct ids', code: base},
    {name: 'three distinct ids', code: withOutcome(base, 'elective-admissions')},
    {
      name: 'outcomes sharing a measure but not an id',
      code: edit(base, [
        'measure: Patients with hypertension treated to target (%)',
        'measure: Emergency admissions per 1,000 registered patients',
      ]),
    },
    {name: 'an id the schema rejected is not compared', code: edit(base, renameSecond('Emergency-Admissions'))},
    {name: 'validate mode does not run this lint rule', code: edit(base, renameSecond('emergency-admissions')), mode: 'validate'},
  ]),
  invalid: lint([
    {
      name: "an id repeated: at the second occurrence's value",
      code: edit(base, renameSecond('emergency-admissions')),
      errors: [
        {
          at: `care/duplicate-outcome@${hypertension}:15-${hypertension}:35`,
          messageId: 'twice',
          data: {id: 'emergency-admissions', first: 1},
        },
      ],
    },
    {
      name: 'an id three times: each repeat reported',
      code: withOutcome(edit(base, renameSecond('emergency-admissions')), 'emergency-admissions'),
      errors: [
        {
          at: `care/duplicate-outcome@${hypertension}:15-${hypertension}:35`,
          messageId: 'twice',
          data: {id: 'emergency-admissions', first: 1},
        },
        {at: `care/duplicate-outcome@${third}:15-${third}:35`, messageId: 'twice', data: {id: 'emergency-admissions', first: 1}},
      ],
    },
    {
      name: 'a third outcome repeating the second',
      code: withOutcome(base, 'hypertension-control'),
      errors: [{at: `care/duplicate-outcome@${third}:15-${third}:35`, messageId: 'twice', data: {id: 'hypertension-control', first: 2}}],
    },
    {
      name: 'a flow-style list: at the repeated id',
      code: edit(base, [
        outcomeList,
        '      outcomes: [{id: a1, measure: A, direction: increase, baseline: {value: 1, asOf: 2025-03-31}, target: {value: 2, by: 2027-03-31}}, ' +
          '{id: a1, measure: B, direction: increase, baseline: {value: 1, asOf: 2025-03-31}, target: {value: 2, by: 2027-03-31}}]\n',
      ]),
      errors: [{at: `care/duplicate-outcome@${outcomes}:142-${outcomes}:144`, messageId: 'twice', data: {id: 'a1', first: 1}}],
    },
    {
      name: 'a repeated id that breaks the id pattern: schema only, not also a duplicate',
      code: withOutcome(edit(base, renameSecond('Emergency-Admissions')), 'Emergency-Admissions'),
      errors: [`schema@${hypertension}:15`, `schema@${third}:15`],
    },
    {
      name: 'an id that is not text: schema only, no crash',
      code: edit(base, renameSecond('42')),
      errors: [`schema@${hypertension}:15`],
    },
  ]),
})

describe('care/duplicate-outcome message', () => {
  const text = (code: string): string[] =>
    messages(code, 'lint')
      .filter((m) => m.ruleId === 'care/duplicate-outcome')
      .map((m) => `${m.severity}: ${m.message}`)

  it('names the id and the outcome that used it first (1-based)', () => {
    expect(text(edit(base, renameSecond('emergency-admissions')))).toEqual([
      'error: Outcome id "emergency-admissions" is used more than once (first by outcome 1)',
    ])
    expect(text(withOutcome(base, 'hypertension-control'))).toEqual([
      'error: Outcome id "hypertension-control" is used more than once (first by outcome 2)',
    ])
  })
})

import {describe, expect, it} from 'vitest'
import {edit, lineOf, messages, riverside} from '../helpers.js'
import {ruleTable, type ValidCase} from '../rule-tester.js'

// riverside outcomes: both measured 2025-03-31 with targets by 2027-03-31.
const base = riverside()
const admissionsTarget = lineOf(base, 'target: { value: 90.0')
const admissionsBaseline = lineOf(base, 'baseline: { value: 98.4')
const hypertensionTarget = lineOf(base, 'target: { value: 70')
const setAdmissionsBy = (value: string): [string, string] => [
  'target: { value: 90.0, by: 2027-03-31 }',
  `target: { value: 90.0, by: ${value} }`,
]
const setHypertensionBy = (value: string): [string, string] => [
  'target: { value: 70, by: 2027-03-31 }',
  `target: { value: 70, by: ${value} }`,
]
const setAdmissionsAsOf = (value: string): [string, string] => [
  'baseline: { value: 98.4, asOf: 2025-03-31 }',
  `baseline: { value: 98.4, asOf: ${value} }`,
]

/** These are lint rules: every case runs in lint mode unless it says otherwise. */
const lint = <T extends ValidCase>(cases: T[]): T[] => cases.map((c) => ({mode: 'lint' as const, ...c}))

ruleTable('care/target-date', {
  valid: lint([
    {name: 'riverside: baselines 2025-03-31, targets by 2027-03-31', code: base},
    {name: 'a target the day after its baseline', code: edit(base, setAdmissionsBy('2025-04-01'))},
    {name: 'quoted dates in order', code: edit(base, setAdmissionsBy('"2026-03-31"'), setAdmissionsAsOf('"2025-03-31"'))},
    {name: "an impossible target date is the schema's to report", code: edit(base, setAdmissionsBy('2025-02-30'))},
    {name: "an impossible baseline date is the schema's to report", code: edit(base, setAdmissionsAsOf('2028-02-30'))},
    {name: 'validate mode does not run this lint rule', code: edit(base, setAdmissionsBy('2025-03-31')), mode: 'validate'},
  ]),
  invalid: lint([
    {
      name: 'a target on the baseline date: at the target date',
      code: edit(base, setAdmissionsBy('2025-03-31')),
      errors: [
        {
          at: `care/target-date@${admissionsTarget}:38-${admissionsTarget}:48`,
          messageId: 'early',
          data: {by: '2025-03-31', asOf: '2025-03-31', outcome: 'emergency-admissions'},
        },
      ],
    },
    {
      name: 'a target before the baseline',
      code: edit(base, setAdmissionsBy('2024-03-31')),
      errors: [
        {
          at: `care/target-date@${admissionsTarget}:38-${admissionsTarget}:48`,
          messageId: 'early',
          data: {by: '2024-03-31', asOf: '2025-03-31', outcome: 'emergency-admissions'},
        },
      ],
    },
    {
      name: 'a baseline measured after the target date',
      code: edit(base, setAdmissionsAsOf('2027-04-01')),
      errors: [
        {
          at: `care/target-date@${admissionsTarget}:38-${admissionsTarget}:48`,
          messageId: 'early',
          data: {by: '2027-03-31', asOf: '2027-04-01', outcome: 'emergency-admissions'},
        },
      ],
    },
    {
      name: 'a quoted target date before the baseline',
      code: edit(base, setAdmissionsBy('"2025-01-01"')),
      errors: [
        {
          at: `care/target-date@${admissionsTarget}:38-${admissionsTarget}:50`,
          messageId: 'early',
          data: {by: '2025-01-01', asOf: '2025-03-31', outcome: 'emergency-admissions'},
        },
      ],
    },
    {
      name: 'the second outcome',
      code: edit(base, setHypertensionBy('2025-03-30')),
      errors: [
        {
          at: `care/target-date@${hypertensionTarget}:36-${hypertensionTarget}:46`,
          messageId: 'early',
          data: {by: '2025-03-30', asOf: '2025-03-31', outcome: 'hypertension-control'},
        },
      ],
    },
    {
      name: 'both outcomes: one finding each, in order',
      code: edit(base, setAdmissionsBy('2025-03-31'), setHypertensionBy('2025-03-31')),
      errors: [
        {
          at: `care/target-date@${admissionsTarget}:38-${admissionsTarget}:48`,
          messageId: 'early',
          data: {by: '2025-03-31', asOf: '2025-03-31', outcome: 'emergency-admissions'},
        },
        {
          at: `care/target-date@${hypertensionTarget}:36-${hypertensionTarget}:46`,
          messageId: 'early',
          data: {by: '2025-03-31', asOf: '2025-03-31', outcome: 'hypertension-control'},
        },
      ],
    },
    {
      name: 'an impossible target date: schema only, not also early',
      code: edit(base, setAdmissionsBy('2025-02-30')),
      errors: [`schema@${admissionsTarget}:38`],
    },
    {
      name: 'an impossible baseline date (after the target): schema only',
      code: edit(base, setAdmissionsAsOf('2028-02-30')),
      errors: [`schema@${admissionsBaseline}:42`],
    },
    {
      name: 'a target date that is not text: schema only, no crash',
      code: edit(base, setAdmissionsBy('20250331')),
      errors: [`schema@${admissionsTarget}:38`],
    },
  ]),
})

describe('care/target-date message', () => {
  it('names the outcome and both dates', () => {
    const found = messages(edit(base, setAdmissionsBy('2025-03-31')), 'lint').filter((m) => m.ruleId === 'care/target-date')
    expect(found.map((m) => [m.severity, m.message])).toEqual([
      ['warning', 'Target date 2025-03-31 for "emergency-admissions" is not after its baseline date 2025-03-31'],
    ])
  })
})

import {describe, expect, it} from 'vitest'
import {edit, lineOf, messages, riverside} from '../helpers.js'
import {ruleTable, type ValidCase} from '../rule-tester.js'

// riverside outcomes: emergency-admissions (decrease, 98.4 -> 90.0) and hypertension-control (increase, 61 -> 70).
const base = riverside()
const admissionsTarget = lineOf(base, 'target: { value: 90.0')
const admissionsBaseline = lineOf(base, 'baseline: { value: 98.4')
const hypertensionTarget = lineOf(base, 'target: { value: 70')
const admissionsDirection = lineOf(base, 'direction: decrease')
const admissions = lineOf(base, 'id: emergency-admissions')
const setAdmissionsTarget = (value: string): [string, string] => ['target: { value: 90.0', `target: { value: ${value}`]
const setHypertensionTarget = (value: string): [string, string] => ['target: { value: 70', `target: { value: ${value}`]
const admissionsIncrease: [string, string] = ['direction: decrease        # decrease | increase', 'direction: increase']
const hypertensionDecrease: [string, string] = ['(%)\n          direction: increase', '(%)\n          direction: decrease']

/** These are lint rules: every case runs in lint mode unless it says otherwise. */
const lint = <T extends ValidCase>(cases: T[]): T[] => cases.map((c) => ({mode: 'lint' as const, ...c}))

ruleTable('care/target-direction', {
  valid: lint([
    {name: 'riverside: 98.4 -> 90 down, 61 -> 70 up', code: base},
    {name: 'decrease: a target just below the baseline', code: edit(base, setAdmissionsTarget('98.39'))},
    {name: 'increase: a target just above the baseline', code: edit(base, setHypertensionTarget('61.01'))},
    {
      name: 'both directions swapped with the targets to match',
      code: edit(base, admissionsIncrease, setAdmissionsTarget('99'), hypertensionDecrease, setHypertensionTarget('60')),
    },
    {
      name: 'negative values: -1 is below 0',
      code: edit(base, ['baseline: { value: 98.4', 'baseline: { value: 0'], setAdmissionsTarget('-1')),
    },
    {name: "a target that is not a number is the schema's to report", code: edit(base, setAdmissionsTarget('ninety'))},
    {
      name: "an unknown direction is the schema's to report",
      code: edit(base, ['direction: decrease        # decrease | increase', 'direction: down'], setAdmissionsTarget('99')),
    },
    {name: 'validate mode does not run this lint rule', code: edit(base, setAdmissionsTarget('98.4')), mode: 'validate'},
  ]),
  invalid: lint([
    {
      name: 'decrease: a target equal to the baseline, at the target value',
      code: edit(base, setAdmissionsTarget('98.4')),
      errors: [
        {
          at: `care/target-direction@${admissionsTarget}:28-${admissionsTarget}:32`,
          messageId: 'decrease',
          data: {target: 98.4, baseline: 98.4, outcome: 'emergency-admissions'},
        },
      ],
    },
    {
      name: "decrease: a target above the baseline (the rule's docs example)",
      code: edit(base, setAdmissionsTarget('104.0')),
      errors: [
        {
          at: `care/target-direction@${admissionsTarget}:28-${admissionsTarget}:33`,
          messageId: 'decrease',
          data: {target: 104, baseline: 98.4, outcome: 'emergency-admissions'},
        },
      ],
    },
    {
      name: 'increase: a target equal to the baseline',
      code: edit(base, setHypertensionTarget('61')),
      errors: [
        {
          at: `care/target-direction@${hypertensionTarget}:28-${hypertensionTarget}:30`,
          messageId: 'increase',
          data: {target: 61, baseline: 61, outcome: 'hypertension-control'},
        },
      ],
    },
    {
      name: 'increase: a target below the baseline',
      code: edit(base, setHypertensionTarget('60')),
      errors: [
        {
          at: `care/target-direction@${hypertensionTarget}:28-${hypertensionTarget}:30`,
          messageId: 'increase',
          data: {target: 60, baseline: 61, outcome: 'hypertension-control'},
        },
      ],
    },
    {
      name: 'a direction swapped: increase on a falling target',
      code: edit(base, admissionsIncrease),
      errors: [
        {
          at: `care/target-direction@${admissionsTarget}:28-${admissionsTarget}:32`,
          messageId: 'increase',
          data: {target: 90, baseline: 98.4, outcome: 'emergency-admissions'},
        },
      ],
    },
    {
      name: 'both directions swapped: one finding per outcome, in order',
      code: edit(base, admissionsIncrease, hypertensionDecrease),
      errors: [
        {
          at: `care/target-direction@${admissionsTarget}:28-${admissionsTarget}:32`,
          messageId: 'increase',
          data: {target: 90, baseline: 98.4, outcome: 'emergency-admissions'},
        },
        {
          at: `care/target-direction@${hypertensionTarget}:28-${hypertensionTarget}:30`,
          messageId: 'decrease',
          data: {target: 70, baseline: 61, outcome: 'hypertension-control'},
        },
      ],
    },
    {
      name: 'a block-style target: at its value',
      code: edit(base, ['target: { value: 90.0, by: 2027-03-31 }', 'target:\n            value: 99\n            by: 2027-03-31']),
      errors: [
        {
          at: `care/target-direction@${admissionsTarget + 1}:20-${admissionsTarget + 1}:22`,
          messageId: 'decrease',
          data: {target: 99, baseline: 98.4, outcome: 'emergency-admissions'},
        },
      ],
    },
    {
      name: 'a "99" target is read as 99: format/number, and it is not below 98.4',
      code: edit(base, setAdmissionsTarget('"99"')),
      errors: [
        {
          at: `care/target-direction@${admissionsTarget}:28-${admissionsTarget}:32`,
          messageId: 'decrease',
          data: {target: 99, baseline: 98.4, outcome: 'emergency-admissions'},
        },
        `format/number@${admissionsTarget}:28`,
      ],
    },
    {
      name: 'a "90" target is read as 90 (format/number only)',
      code: edit(base, setAdmissionsTarget('"90"')),
      errors: [`format/number@${admissionsTarget}:28`],
    },
    {
      name: 'a target that is not a number: schema only, no crash',
      code: edit(base, setAdmissionsTarget('ninety')),
      errors: [`schema@${admissionsTarget}:28`],
    },
    {
      name: 'a baseline that is not a number beside a target above it: schema only',
      code: edit(base, ['baseline: { value: 98.4', 'baseline: { value: lots'], setAdmissionsTarget('104')),
      errors: [`schema@${admissionsBaseline}:30`],
    },
    {
      name: 'an unknown direction: schema only, not also the target',
      code: edit(base, ['direction: decrease        # decrease | increase', 'direction: down'], setAdmissionsTarget('99')),
      errors: [`schema@${admissionsDirection}:22`],
    },
    {
      name: 'no direction: schema only, at the outcome',
      code: edit(base, [/          direction: decrease .*\n/, ''], setAdmissionsTarget('99')),
      errors: [`schema@${admissions}:11`],
    },
  ]),
})

describe('care/target-direction message', () => {
  const text = (code: string): string[] =>
    messages(code, 'lint')
      .filter((m) => m.ruleId === 'care/target-direction')
      .map((m) => `${m.severity}: ${m.message}`)

  it('decrease: names the outcome, the target and the baseline', () => {
    expect(text(edit(base, setAdmissionsTarget('98.4')))).toEqual([
      'error: Target 98.4 for "emergency-admissions" is not below its baseline 98.4, but the direction is decrease',
    ])
  })

  it('increase', () => {
    expect(text(edit(base, setHypertensionTarget('60')))).toEqual([
      'error: Target 60 for "hypertension-control" is not above its baseline 61, but the direction is increase',
    ])
  })

  it('numbers are formatted for people', () => {
    expect(text(edit(base, ['baseline: { value: 61', 'baseline: { value: 1500'], setHypertensionTarget('1250.5')))).toEqual([
      'error: Target 1,250.5 for "hypertension-control" is not above its baseline 1,500, but the direction is increase',
    ])
  })
})

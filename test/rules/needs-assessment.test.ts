import {describe, expect, it} from 'vitest'
import {edit, lineOf, messages, riverside} from '../helpers.js'
import {ruleTable, type ValidCase} from '../rule-tester.js'

// riverside: needs assessment completed 2025-11-15; the default today is 2026-11-01.
const base = riverside()
const care = lineOf(base, 'care:')
const populationHealth = lineOf(base, 'populationHealth:')
const needsAssessment = lineOf(base, 'needsAssessment:')
const completed = lineOf(base, 'completed: 2025-11-15')
const setCompleted = (value: string): [string, string] => ['completed: 2025-11-15', `completed: ${value}`]
const assessmentBlock = /      needsAssessment:.*\n.*\n.*\n/
const populationHealthBlock = /    populationHealth:[\s\S]*$/

/** These are lint rules: every case runs in lint mode unless it says otherwise. */
const lint = <T extends ValidCase>(cases: T[]): T[] => cases.map((c) => ({mode: 'lint' as const, ...c}))

ruleTable('care/needs-assessment', {
  valid: lint([
    {name: 'riverside: completed 2025-11-15', code: base},
    {name: 'completed exactly 3 years before today', code: edit(base, setCompleted('2023-11-01'))},
    {name: 'exactly 3 years before a given today', code: base, today: '2028-11-15'},
    {
      name: 'a leap-day assessment is 3 years old on 2027-02-28, not more',
      code: edit(base, setCompleted('2024-02-29')),
      today: '2027-02-28',
    },
    {name: 'completed today', code: edit(base, setCompleted('2026-11-01'))},
    {
      name: 'a flow-style assessment',
      code: edit(base, [assessmentBlock, '      needsAssessment: { completed: 2025-11-15, source: Riverside JSNA 2025 }\n']),
    },
    {name: "an impossible date is the schema's to report", code: edit(base, setCompleted('2023-02-29'))},
    {name: "no populationHealth: outcomes-required's to report", code: edit(base, [populationHealthBlock, ''])},
    {name: 'validate mode does not run this lint rule', code: edit(base, [assessmentBlock, '']), mode: 'validate'},
  ]),
  invalid: lint([
    {
      name: 'completed 3 years and a day before today: at the date',
      code: edit(base, setCompleted('2023-10-31')),
      errors: [
        {
          at: `care/needs-assessment@${completed}:20-${completed}:30`,
          messageId: 'old',
          data: {completed: '2023-10-31', years: 3, today: '2026-11-01'},
        },
      ],
    },
    {
      name: 'riverside a day more than 3 years after its assessment (the list sizes and budget are old too)',
      code: base,
      today: '2028-11-16',
      errors: [
        `population/stale-list-sizes@${lineOf(base, 'asOf: 2026-10-01')}:11`,
        `budget/period-expired@${lineOf(base, 'end: 2027-03-31')}:12`,
        {
          at: `care/needs-assessment@${completed}:20-${completed}:30`,
          messageId: 'old',
          data: {completed: '2025-11-15', years: 3, today: '2028-11-16'},
        },
      ],
    },
    {
      name: 'a leap-day assessment on 2027-03-01',
      code: edit(base, setCompleted('2024-02-29')),
      today: '2027-03-01',
      errors: [
        {
          at: `care/needs-assessment@${completed}:20-${completed}:30`,
          messageId: 'old',
          data: {completed: '2024-02-29', years: 3, today: '2027-03-01'},
        },
      ],
    },
    {
      name: 'a quoted date',
      code: edit(base, setCompleted('"2023-10-31"')),
      errors: [
        {
          at: `care/needs-assessment@${completed}:20-${completed}:32`,
          messageId: 'old',
          data: {completed: '2023-10-31', years: 3, today: '2026-11-01'},
        },
      ],
    },
    {
      name: "a flow-style assessment from 2021 (the rule's docs example): at the date",
      code: edit(base, [assessmentBlock, '      needsAssessment: { completed: 2021-06-30, source: Riverside JSNA 2021 }\n']),
      errors: [
        {
          at: `care/needs-assessment@${needsAssessment}:37-${needsAssessment}:47`,
          messageId: 'old',
          data: {completed: '2021-06-30', years: 3, today: '2026-11-01'},
        },
      ],
    },
    {
      name: 'no needs assessment: at the populationHealth key',
      code: edit(base, [assessmentBlock, '']),
      errors: [{at: `care/needs-assessment@${populationHealth}:5-${populationHealth}:21`, messageId: 'missing'}],
    },
    {
      name: 'no populationHealth: outcomes-required only',
      code: edit(base, [populationHealthBlock, '']),
      errors: [`care/outcomes-required@${care}:3`],
    },
    {
      name: 'an impossible date: schema only, not also old',
      code: edit(base, setCompleted('2023-02-29')),
      errors: [`schema@${completed}:20`],
    },
    {
      name: 'a date that is not text: schema only, no crash',
      code: edit(base, setCompleted('20231031')),
      errors: [`schema@${completed}:20`],
    },
    {
      name: 'no completed date: schema only, not also missing',
      code: edit(base, ['        completed: 2025-11-15\n', '']),
      errors: [`schema@${needsAssessment}:7`],
    },
    {
      name: 'a needs assessment that is not a mapping: schema only, not also missing',
      code: edit(base, [assessmentBlock, '      needsAssessment: 2021-06-30\n']),
      errors: [`schema@${needsAssessment}:24`],
    },
  ]),
})

describe('care/needs-assessment message', () => {
  const text = (code: string, today?: string): string[] =>
    messages(code, 'lint', today)
      .filter((m) => m.ruleId === 'care/needs-assessment')
      .map((m) => `${m.severity}: ${m.message}`)

  it('missing', () => {
    expect(text(edit(base, [assessmentBlock, '']))).toEqual([
      'warning: No needs assessment: the population-health plan should rest on one (populationHealth.needsAssessment)',
    ])
  })

  it('old: gives the date, the limit and today', () => {
    expect(text(edit(base, setCompleted('2023-10-31')))).toEqual([
      'warning: The needs assessment was completed on 2023-10-31, more than 3 years before 2026-11-01',
    ])
    expect(text(base, '2028-11-16')).toEqual([
      'warning: The needs assessment was completed on 2025-11-15, more than 3 years before 2028-11-16',
    ])
  })
})

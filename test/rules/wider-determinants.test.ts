import {describe, expect, it} from 'vitest'
import {edit, lineOf, messages, riverside} from '../helpers.js'
import {ruleTable, type ValidCase} from '../rule-tester.js'

// riverside: determinants: [housing, employment, social-isolation].
const base = riverside()
const care = lineOf(base, 'care:')
const populationHealth = lineOf(base, 'populationHealth:')
const determinants = lineOf(base, 'determinants:')
const setDeterminants = (value: string): [RegExp, string] => [
  /      determinants:.*\n/,
  value === '' ? '' : `      determinants:${value}\n`,
]
const populationHealthBlock = /    populationHealth:[\s\S]*$/

/** These are lint rules: every case runs in lint mode unless it says otherwise. */
const lint = <T extends ValidCase>(cases: T[]): T[] => cases.map((c) => ({mode: 'lint' as const, ...c}))

ruleTable('care/wider-determinants', {
  valid: lint([
    {name: 'riverside: housing, employment, social-isolation', code: base},
    {name: 'one determinant', code: edit(base, setDeterminants(' [housing]'))},
    {name: 'a block list', code: edit(base, setDeterminants('\n        - housing\n        - education'))},
    {name: "a determinant that is not a slug is the schema's to report", code: edit(base, setDeterminants(' [Housing]'))},
    {name: "determinants that are not a list are the schema's to report", code: edit(base, setDeterminants(' housing'))},
    {name: "no populationHealth: outcomes-required's to report", code: edit(base, [populationHealthBlock, ''])},
    {name: 'validate mode does not run this lint rule', code: edit(base, setDeterminants('')), mode: 'validate'},
  ]),
  invalid: lint([
    {
      name: 'no determinants: at the populationHealth key',
      code: edit(base, setDeterminants('')),
      errors: [{at: `care/wider-determinants@${populationHealth}:5-${populationHealth}:21`, messageId: 'missing'}],
    },
    {
      name: 'an empty list: at the []',
      code: edit(base, setDeterminants(' []')),
      errors: [{at: `care/wider-determinants@${determinants}:21-${determinants}:23`, messageId: 'missing'}],
    },
    {
      name: 'neither determinants nor a needs assessment: both warnings at the populationHealth key',
      code: edit(base, [/      needsAssessment:.*\n.*\n.*\n.*\n/, '']),
      errors: [
        `care/needs-assessment@${populationHealth}:5`,
        {at: `care/wider-determinants@${populationHealth}:5-${populationHealth}:21`, messageId: 'missing'},
      ],
    },
    {
      name: 'no populationHealth: outcomes-required only',
      code: edit(base, [populationHealthBlock, '']),
      errors: [`care/outcomes-required@${care}:3`],
    },
    {
      name: 'determinants that are not a list: schema only, not also missing',
      code: edit(base, setDeterminants(' housing')),
      errors: [`schema@${determinants}:21`],
    },
    {
      name: 'determinants left empty (null): schema only, not also missing',
      code: edit(base, setDeterminants('')).replace('      outcomes:', '      determinants:\n      outcomes:'),
      errors: [`schema@${determinants}:20`],
    },
    {
      name: 'a determinant that is not a slug: schema only',
      code: edit(base, setDeterminants(' [Housing]')),
      errors: [`schema@${determinants}:22`],
    },
  ]),
})

describe('care/wider-determinants message', () => {
  it('asks for populationHealth.determinants', () => {
    const found = messages(edit(base, setDeterminants('')), 'lint').filter((m) => m.ruleId === 'care/wider-determinants')
    expect(found.map((m) => [m.severity, m.message])).toEqual([
      ['warning', 'No wider determinants of health in the plan: list those it addresses under populationHealth.determinants'],
    ])
  })
})

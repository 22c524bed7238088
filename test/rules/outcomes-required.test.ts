import {edit, lineOf, riverside} from '../helpers.js'
import {ruleTable} from '../rule-tester.js'

const base = riverside()
const care = lineOf(base, '  care:')
const populationHealth = lineOf(base, 'populationHealth:')
const outcomes = lineOf(base, 'outcomes:')
const outcomeList = /      outcomes:[\s\S]*$/
const healthPlan = /    populationHealth:[\s\S]*$/
const set = (value: string): [RegExp, string] => [outcomeList, `      outcomes:${value}\n`]

ruleTable('care/outcomes-required', {
  valid: [
    {name: 'riverside: two outcomes', code: base},
    {name: 'a single outcome', code: edit(base, [/        - id: hypertension-control[\s\S]*$/, ''])},
    {name: "outcomes that are not a list are the schema's to report", code: edit(base, set(' fewer admissions'))},
    {
      name: "a populationHealth that is not a mapping is the schema's to report",
      code: edit(base, [healthPlan, '    populationHealth: []\n']),
    },
  ],
  invalid: [
    {
      name: 'an empty list: at the [, not schema',
      code: edit(base, set(' []')),
      errors: [{at: `care/outcomes-required@${outcomes}:17-${outcomes}:19`, messageId: 'missing'}],
    },
    {
      name: 'outcomes missing: at the populationHealth key, not schema',
      code: edit(base, [outcomeList, '']),
      errors: [{at: `care/outcomes-required@${populationHealth}:5-${populationHealth}:21`, messageId: 'missing'}],
    },
    {
      name: 'an empty populationHealth mapping: at its key',
      code: edit(base, [healthPlan, '    populationHealth: {}\n']),
      errors: [{at: `care/outcomes-required@${populationHealth}:5-${populationHealth}:21`, messageId: 'missing'}],
    },
    {
      name: 'populationHealth missing: outcomes-required only, at the care key, not schema',
      code: edit(base, [healthPlan, '']),
      errors: [{at: `care/outcomes-required@${care}:3-${care}:7`, messageId: 'missing'}],
    },
    {
      name: 'outcomes with no value (null): schema only, one finding',
      code: edit(base, set('')),
      errors: [`schema@${outcomes}:16`],
    },
    {
      name: 'outcomes that are text: schema only, no crash',
      code: edit(base, set(' fewer admissions')),
      errors: [`schema@${outcomes}:17`],
    },
    {
      name: 'an entry that is not a mapping: schema only (the list is not empty)',
      code: edit(base, [/        - id: hypertension-control[\s\S]*$/, '        - fewer admissions\n']),
      errors: [`schema@${lineOf(base, 'id: hypertension-control')}:11`],
    },
    {
      name: 'populationHealth that is a list: schema only, no crash',
      code: edit(base, [healthPlan, '    populationHealth: []\n']),
      errors: [`schema@${populationHealth}:23`],
    },
    {
      name: 'populationHealth with no value: schema only, no crash',
      code: edit(base, [healthPlan, '    populationHealth:\n']),
      errors: [`schema@${populationHealth}:22`],
    },
  ],
})

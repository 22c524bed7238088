import {edit, lineOf, riverside} from '../helpers.js'
import {ruleTable} from '../rule-tester.js'

const base = riverside()
const care = lineOf(base, '  care:')
const personalisation = lineOf(base, 'personalisation:')
const personalisationList = /    personalisation:[\s\S]*?(?=    populationHealth:)/
const set = (value: string): [RegExp, string] => [personalisationList, `    personalisation:${value}\n`]
const bothEmpty = edit(base, set(' []'), [/outcomes:[\s\S]*$/, 'outcomes: []\n'])

ruleTable('care/personalisation-required', {
  valid: [
    {name: 'riverside: care planning and social prescribing', code: base},
    {name: 'a single approach', code: edit(base, [/      - approach: social-prescribing.*\n.*\n/, ''])},
    {name: 'a single approach, flow style', code: edit(base, set(' [{approach: care-planning, cohort: Frail older people}]'))},
    {
      name: 'an approach of other with its description',
      code: edit(base, [/approach: care-planning .*\n/, 'approach: other\n        description: Health coaching\n']),
    },
    {name: "personalisation that is not a list is the schema's to report", code: edit(base, set(' care planning'))},
  ],
  invalid: [
    {
      name: 'an empty list: at the [, not schema',
      code: edit(base, set(' []')),
      errors: [{at: `care/personalisation-required@${personalisation}:22-${personalisation}:24`, messageId: 'missing'}],
    },
    {
      name: 'personalisation missing: at the care key, not schema',
      code: edit(base, [personalisationList, '']),
      errors: [{at: `care/personalisation-required@${care}:3-${care}:7`, messageId: 'missing'}],
    },
    {
      name: 'both care lists empty: one finding each',
      code: bothEmpty,
      errors: [
        {at: `care/personalisation-required@${personalisation}:22-${personalisation}:24`, messageId: 'missing'},
        `care/outcomes-required@${lineOf(bothEmpty, 'outcomes:')}:17`,
      ],
    },
    {
      name: 'personalisation with no value (null): schema only, one finding',
      code: edit(base, set('')),
      errors: [`schema@${personalisation}:21`],
    },
    {
      name: 'personalisation that is text: schema only, no crash',
      code: edit(base, set(' care planning')),
      errors: [`schema@${personalisation}:22`],
    },
    {
      name: 'personalisation that is a mapping: schema only, no crash',
      code: edit(base, set(' {approach: care-planning, cohort: Frail older people}')),
      errors: [`schema@${personalisation}:22`],
    },
    {
      name: 'an entry that is not a mapping: schema only (the list is not empty)',
      code: edit(base, [/      - approach: social-prescribing.*\n.*\n/, '      - social prescribing\n']),
      errors: [`schema@${lineOf(base, 'approach: social-prescribing')}:9`],
    },
    {
      name: 'an approach not in the list: schema only',
      code: edit(base, ['approach: care-planning ', 'approach: care planning ']),
      errors: [`schema@${lineOf(base, 'approach: care-planning')}:19`],
    },
    {
      name: 'care that is not a mapping: schema only, no crash',
      code: edit(base, [/  care:[\s\S]*$/, '  care: []\n']),
      errors: [`schema@${care}:9`],
    },
  ],
})

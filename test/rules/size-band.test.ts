import {edit, lineOf, riverside} from '../helpers.js'
import {ruleTable} from '../rule-tester.js'

const base = riverside()
const practices = lineOf(base, 'practices:')

ruleTable('population/size-band', {
  valid: [
    {name: 'riverside: 36,100', code: base},
    {name: 'exactly 30,000', code: edit(base, ['listSize: 14250', 'listSize: 8150'], ['total: 5776000', 'total: 4800000'])},
    {name: 'exactly 50,000', code: edit(base, ['listSize: 14250', 'listSize: 28150'], ['total: 5776000', 'total: 8000000'])},
    {name: "a list size that is not a number is the schema's to report", code: edit(base, ['listSize: 14250', 'listSize: lots'])},
  ],
  invalid: [
    {
      name: 'below 30,000, at the practices key',
      code: edit(base, ['listSize: 14250', 'listSize: 4250'], ['total: 5776000', 'total: 4176000']),
      errors: [
        {
          at: `population/size-band@${practices}:5-${practices}:14`,
          messageId: 'below',
          data: {population: 26100, minimum: 30000, maximum: 50000},
        },
      ],
    },
    {
      name: 'above 50,000',
      code: edit(base, ['listSize: 14250', 'listSize: 28151'], ['total: 5776000', 'total: 8000160']),
      errors: [
        {
          at: `population/size-band@${practices}:5-${practices}:14`,
          messageId: 'above',
          data: {population: 50001, minimum: 30000, maximum: 50000},
        },
      ],
    },
    {
      name: 'an empty list: population 0, under its own rule not schema, at the []',
      code: edit(base, [/practices:[\s\S]*?(?=  workforce:)/, 'practices: []\n'], ['total: 5776000', 'total: 0']),
      errors: [
        {
          at: `population/size-band@${practices}:16-${practices}:18`,
          messageId: 'below',
          data: {population: 0, minimum: 30000, maximum: 50000},
        },
      ],
    },
    {
      name: 'a "14,250" list size is read as 14,250 (format/number only)',
      code: edit(base, ['listSize: 14250', 'listSize: "14,250"']),
      errors: [`format/number@${lineOf(base, 'listSize: 14250')}:19`],
    },
  ],
})

import {edit, lineOf, riverside} from '../helpers.js'
import {ruleTable} from '../rule-tester.js'

const base = riverside()
const partners = lineOf(base, 'partners:')
const partnerList = /    partners:[\s\S]*?(?=    team:)/

const noPartners = edit(base, [partnerList, ''])
const emptyPartners = edit(base, [partnerList, '    partners: []\n'])

ruleTable('workforce/social-care-partner', {
  valid: [
    {name: 'riverside: the city council', code: base},
    {name: 'two social-care partners', code: edit(base, ['sector: voluntary', 'sector: social-care'])},
    {name: 'a social-care partner that is also a risk-share party', code: edit(base, ['party: riverside-acute', 'party: riverside-council'])},
    {name: 'partners that are not a list are the schema\'s to report', code: edit(base, [partnerList, '    partners: {id: riverside-council}\n'])},
    {name: 'a wrongly typed sector beside a social-care partner', code: edit(base, ['sector: voluntary', 'sector: [voluntary]'])},
  ],
  invalid: [
    {
      name: 'the council recorded as voluntary: no social-care partner, at the partners key',
      code: edit(base, ['sector: social-care', 'sector: voluntary']),
      errors: [`workforce/social-care-partner@${partners}:5`],
    },
    {
      name: 'the council recorded as other (with its description)',
      code: edit(base, ['sector: social-care', 'sector: other\n        description: Adult social care']),
      errors: [`workforce/social-care-partner@${partners}:5`],
    },
    {
      name: 'secondary-care partners do not count as social care',
      code: edit(base, ['sector: social-care', 'sector: community-health'], ['sector: voluntary', 'sector: acute']),
      errors: [`workforce/social-care-partner@${partners}:5`],
    },
    {
      name: 'an empty list: both partner rules at the [], not schema, and no risk-share finding (one fault)',
      code: emptyPartners,
      errors: [
        `workforce/secondary-care-partner@${partners}:15`,
        `workforce/social-care-partner@${partners}:15`,
      ],
    },
    {
      name: 'partners missing: both partner rules at the workforce key, not schema',
      code: noPartners,
      errors: [
        `workforce/secondary-care-partner@${lineOf(base, 'workforce:')}:3`,
        `workforce/social-care-partner@${lineOf(base, 'workforce:')}:3`,
      ],
    },
  ],
})

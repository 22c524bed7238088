import {edit, lineOf, riverside} from '../helpers.js'
import {ruleTable} from '../rule-tester.js'

const base = riverside()
const partners = lineOf(base, 'partners:')
const partnerList = /    partners:[\s\S]*?(?=    team:)/

ruleTable('workforce/social-care-partner', {
  valid: [
    {name: 'riverside: the city council', code: base},
    {name: 'two social-care partners', code: edit(base, ['sector: voluntary', 'sector: social-care'])},
    {
      name: 'a social-care partner that is also a risk-share party',
      code: edit(base, ['party: riverside-acute', 'party: riverside-council']),
    },
    {
      name: "partners that are not a list are the schema's to report",
      code: edit(base, [partnerList, '    partners: {id: riverside-council}\n']),
    },
    {name: 'a wrongly typed sector beside a social-care partner', code: edit(base, ['sector: voluntary', 'sector: [voluntary]'])},
  ],
  invalid: [
    {
      name: 'the council recorded as voluntary: no social-care partner, at the partners key',
      code: edit(base, ['sector: social-care', 'sector: voluntary']),
      errors: [{at: `workforce/social-care-partner@${partners}:5-${partners}:13`, messageId: 'missing', data: {sectors: ['social-care']}}],
    },
    {
      name: 'the council recorded as other (with its description)',
      code: edit(base, ['sector: social-care', 'sector: other\n        description: Adult social care']),
      errors: [{at: `workforce/social-care-partner@${partners}:5-${partners}:13`, messageId: 'missing', data: {sectors: ['social-care']}}],
    },
    {
      name: 'secondary-care partners do not count as social care',
      code: edit(base, ['sector: social-care', 'sector: community-health'], ['sector: voluntary', 'sector: acute']),
      errors: [{at: `workforce/social-care-partner@${partners}:5-${partners}:13`, messageId: 'missing', data: {sectors: ['social-care']}}],
    },
  ],
})

import {edit, lineOf, riverside} from '../helpers.js'
import {ruleTable} from '../rule-tester.js'

const base = riverside()
const partners = lineOf(base, 'partners:')
const partnerList = /    partners:[\s\S]*?(?=    team:)/

const community: [string, string] = ['sector: community-health', 'sector: primary-care']
const mentalHealth: [string, string] = ['sector: mental-health', 'sector: voluntary']
const acute: [string, string] = ['sector: acute', 'sector: primary-care']

ruleTable('workforce/secondary-care-partner', {
  valid: [
    {name: 'riverside: community-health, mental-health and acute', code: base},
    {name: 'community-health alone', code: edit(base, mentalHealth, acute)},
    {name: 'mental-health alone', code: edit(base, community, acute)},
    {name: 'acute alone', code: edit(base, community, mentalHealth)},
    {
      name: "partners that are not a list are the schema's to report",
      code: edit(base, [partnerList, '    partners: {id: riverside-acute}\n']),
    },
    {name: 'a wrongly typed sector beside a secondary-care partner', code: edit(base, ['sector: voluntary', 'sector: [voluntary]'])},
  ],
  invalid: [
    {
      name: 'no community-health, mental-health or acute partner: at the partners key',
      code: edit(base, community, mentalHealth, acute),
      errors: [
        {
          at: `workforce/secondary-care-partner@${partners}:5-${partners}:13`,
          messageId: 'missing',
          data: {sectors: ['community-health', 'mental-health', 'acute']},
        },
      ],
    },
    {
      name: 'primary-care, voluntary and other do not count as secondary care',
      code: edit(
        base,
        community,
        ['sector: mental-health', 'sector: other\n        description: Riverside GP Federation'],
        ['sector: acute', 'sector: voluntary'],
      ),
      errors: [
        {
          at: `workforce/secondary-care-partner@${partners}:5-${partners}:13`,
          messageId: 'missing',
          data: {sectors: ['community-health', 'mental-health', 'acute']},
        },
      ],
    },
    {
      name: 'every partner social-care: only the secondary-care rule fires',
      code: edit(
        base,
        ['sector: community-health', 'sector: social-care'],
        ['sector: mental-health', 'sector: social-care'],
        ['sector: acute', 'sector: social-care'],
      ),
      errors: [
        {
          at: `workforce/secondary-care-partner@${partners}:5-${partners}:13`,
          messageId: 'missing',
          data: {sectors: ['community-health', 'mental-health', 'acute']},
        },
      ],
    },
  ],
})

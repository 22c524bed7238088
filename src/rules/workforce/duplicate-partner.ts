// Characteristic 2: partner ids are unique, so employers and risk shares name one organisation.
import {defineRule} from '../../rule-api/rule.js'
import {duplicates, entries, str, workforce} from '../../rule-api/site.js'

/** Its place in its section of `pch rules` and the README table. */
export const order = 3

export default defineRule({
  meta: {
    id: 'workforce/duplicate-partner',
    characteristic: 2,
    severity: 'error',
    compliance: true,
    scope: 'file',
    fixable: false,
    summary: 'Partner ids are unique within a definition',
    docs: {
      description:
        "Team members' employers and risk-share parties name partners by id, so two partners with one id make " +
        'it unclear which organisation holds a share or employs a member of the team.',
      failing:
        'spec:\n' +
        '  workforce:\n' +
        '    partners:\n' +
        '      - { id: riverside-community, name: Riverside Community Health NHS Trust, sector: community-health, odsCode: RX1 }\n' +
        '      - { id: riverside-mh, name: Riverside Mental Health NHS Foundation Trust, sector: mental-health, odsCode: RX2 }\n' +
        '      - { id: riverside-acute, name: Riverside Hospitals NHS Foundation Trust, sector: acute, odsCode: RX3 }\n' +
        '      - { id: riverside-council, name: Riverside City Council Adult Social Care, sector: social-care }\n' +
        '      - { id: riverside-cvs, name: Riverside Council for Voluntary Service, sector: voluntary }\n' +
        '      - { id: riverside-acute, name: Riverside Hospitals (Eastgate site), sector: acute, odsCode: RX3 }',
      passing:
        'spec:\n' +
        '  workforce:\n' +
        '    partners:\n' +
        '      - { id: riverside-community, name: Riverside Community Health NHS Trust, sector: community-health, odsCode: RX1 }\n' +
        '      - { id: riverside-mh, name: Riverside Mental Health NHS Foundation Trust, sector: mental-health, odsCode: RX2 }\n' +
        '      - { id: riverside-acute, name: Riverside Hospitals NHS Foundation Trust, sector: acute, odsCode: RX3 }\n' +
        '      - { id: riverside-council, name: Riverside City Council Adult Social Care, sector: social-care }\n' +
        '      - { id: riverside-cvs, name: Riverside Council for Voluntary Service, sector: voluntary }',
    },
  },
  messages: {
    twice: 'Partner id "{id}" is used more than once (first by partner {first}); each partner needs its own id',
  },
  check({data, report}) {
    const ids = entries(workforce(data)?.partners).map(([index, p]): [number, string | undefined] => [index, str(p.id)])
    for (const {index, value, first} of duplicates(ids)) {
      report({path: `/spec/workforce/partners/${index}/id`, messageId: 'twice', data: {id: value, first: first + 1}})
    }
  },
})

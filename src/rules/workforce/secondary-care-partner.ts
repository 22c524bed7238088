// Characteristic 2: the partnership reaches into secondary care.
import {sectorPartnerRule} from './sector-partner.js'

/** Its place in its section of `pch rules` and the README table. */
export const order = 1

export default sectorPartnerRule(
  {
    id: 'workforce/secondary-care-partner',
    characteristic: 2,
    severity: 'error',
    compliance: true,
    scope: 'file',
    fixable: false,
    summary: 'At least one partner is a {sectors} trust',
    docs: {
      description:
        'An integrated workforce spans primary, secondary and social care. At least one partner must come from ' +
        'secondary care: a community-health, mental-health or acute provider.',
      failing:
        'spec:\n' +
        '  workforce:\n' +
        '    partners:\n' +
        '      - { id: riverside-council, name: Riverside City Council Adult Social Care, sector: social-care }\n' +
        '      - { id: riverside-cvs, name: Riverside Council for Voluntary Service, sector: voluntary }\n' +
        '    team:\n' +
        '      - { role: Social prescribing link worker, employer: riverside-cvs, wte: 1.5 }\n' +
        '  budget:\n' +
        '    riskShare:\n' +
        '      shares:\n' +
        '        - { party: member-practices, gainPercent: 60, lossPercent: 50 }\n' +
        '        - { party: riverside-council, gainPercent: 40, lossPercent: 50 }',
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
  'No secondary-care partner: add a {sectors} partner',
)

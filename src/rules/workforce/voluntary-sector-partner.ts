// Characteristic 2 (advisory): the voluntary sector is part of the partnership.
import {sectorPartnerRule} from './sector-partner.js'

/** Its place in its section of `pch rules` and the README table. */
export const order = 5

export default sectorPartnerRule(
  {
    id: 'workforce/voluntary-sector-partner',
    characteristic: 2,
    severity: 'warning',
    compliance: false,
    scope: 'file',
    fixable: false,
    summary: 'At least one partner is of sector {sectors}',
    docs: {
      description:
        'Voluntary and community organisations reach people services miss, and carry much of social prescribing. ' +
        'Most PCH sites count one among their partners.',
      failing:
        'spec:\n' +
        '  workforce:\n' +
        '    partners:\n' +
        '      - { id: riverside-community, name: Riverside Community Health NHS Trust, sector: community-health, odsCode: RX1 }\n' +
        '      - { id: riverside-mh, name: Riverside Mental Health NHS Foundation Trust, sector: mental-health, odsCode: RX2 }\n' +
        '      - { id: riverside-acute, name: Riverside Hospitals NHS Foundation Trust, sector: acute, odsCode: RX3 }\n' +
        '      - { id: riverside-council, name: Riverside City Council Adult Social Care, sector: social-care }\n' +
        '    team:\n' +
        '      - { role: Community matron, employer: riverside-community, wte: 1.0 }',
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
  'No voluntary-sector partner: consider a {sectors} partner such as the local council for voluntary service',
)

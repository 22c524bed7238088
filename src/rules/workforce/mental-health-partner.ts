// Characteristic 2 (advisory): mental health care is part of the partnership.
import {sectorPartnerRule} from './sector-partner.js'

/** Its place in its section of `pch rules` and the README table. */
export const order = 6

export default sectorPartnerRule(
  {
    id: 'workforce/mental-health-partner',
    characteristic: 2,
    severity: 'warning',
    compliance: false,
    scope: 'file',
    fixable: false,
    summary: 'At least one partner is of sector {sectors}',
    docs: {
      description:
        'Mental and physical health needs go together in a registered population. A mental-health provider among ' +
        'the partners lets the integrated team care for both.',
      failing:
        'spec:\n' +
        '  workforce:\n' +
        '    partners:\n' +
        '      - { id: riverside-community, name: Riverside Community Health NHS Trust, sector: community-health, odsCode: RX1 }\n' +
        '      - { id: riverside-acute, name: Riverside Hospitals NHS Foundation Trust, sector: acute, odsCode: RX3 }\n' +
        '      - { id: riverside-council, name: Riverside City Council Adult Social Care, sector: social-care }\n' +
        '      - { id: riverside-cvs, name: Riverside Council for Voluntary Service, sector: voluntary }',
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
  'No mental-health partner: consider a {sectors} trust among the partners',
)

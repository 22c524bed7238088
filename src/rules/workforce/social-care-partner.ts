// Characteristic 2: the partnership reaches into social care.
import {sectorPartnerRule} from './sector-partner.js'

/** Its place in its section of `pch rules` and the README table. */
export const order = 2

export default sectorPartnerRule(
  {
    id: 'workforce/social-care-partner',
    characteristic: 2,
    severity: 'error',
    compliance: true,
    scope: 'file',
    fixable: false,
    summary: 'At least one partner is of sector {sectors}',
    docs: {
      description:
        'An integrated workforce spans primary, secondary and social care. At least one partner must provide ' +
        "social care, usually the local authority's adult social care service.",
      failing:
        'spec:\n' +
        '  workforce:\n' +
        '    partners:\n' +
        '      - { id: riverside-community, name: Riverside Community Health NHS Trust, sector: community-health, odsCode: RX1 }\n' +
        '      - { id: riverside-mh, name: Riverside Mental Health NHS Foundation Trust, sector: mental-health, odsCode: RX2 }\n' +
        '      - { id: riverside-acute, name: Riverside Hospitals NHS Foundation Trust, sector: acute, odsCode: RX3 }\n' +
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
  'No social-care partner: add a {sectors} partner',
)

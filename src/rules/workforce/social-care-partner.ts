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
        'social care, usually the local authority\'s adult social care service.',
      failing: 'partners:\n  - { id: riverside-community, name: Riverside Community Health NHS Trust, sector: community-health }',
      passing:
        'partners:\n  - { id: riverside-community, name: Riverside Community Health NHS Trust, sector: community-health }\n  - { id: riverside-council, name: Riverside City Council, sector: social-care }',
    },
  },
  'No social-care partner: add a {sectors} partner',
)

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
      failing: 'partners:\n  - { id: riverside-council, name: Riverside City Council, sector: social-care }',
      passing:
        'partners:\n  - { id: riverside-council, name: Riverside City Council, sector: social-care }\n  - { id: riverside-community, name: Riverside Community Health NHS Trust, sector: community-health }',
    },
  },
  'No secondary-care partner: add a {sectors} partner',
)

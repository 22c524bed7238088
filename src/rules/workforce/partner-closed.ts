// Characteristic 2 (with --trusts): a trust partner is open: a closed trust employs no one.
import {defineRule} from '../../rule-api/rule.js'
import {trustPartners} from './trust-register.js'

/** Its place in its section of `pch rules` and the README table. */
export const order = 9

export default defineRule({
  meta: {
    id: 'workforce/partner-closed',
    characteristic: 2,
    severity: 'error',
    compliance: false,
    scope: 'file',
    fixable: false,
    summary: 'No trust partner is closed in the ODS register of NHS trusts (only with --trusts or trusts: in .pchrc.yaml)',
    docs: {
      description:
        'Trusts merge and close: Poole Hospital (RD3) became part of University Hospitals Dorset (R0D) in 2020. A partner whose ' +
        'trust the ODS register of NHS trusts (etr.csv) lists as closed is usually its successor now. Checked only when a register ' +
        'is given: pch lint --trusts etr.csv, or trusts: in .pchrc.yaml.',
      failing:
        'spec:\n' +
        '  workforce:\n' +
        '    partners:\n' +
        '      - { id: riverside-community, name: Riverside Community Health NHS Trust, sector: community-health, odsCode: RX1 }\n' +
        '      - { id: riverside-mh, name: Riverside Mental Health NHS Foundation Trust, sector: mental-health, odsCode: RX2 }\n' +
        '      - { id: riverside-acute, name: Riverside Hospitals NHS Foundation Trust, sector: acute, odsCode: RD3 }   # Poole Hospital, closed 2020-09-30\n' +
        '      - { id: riverside-council, name: Riverside City Council Adult Social Care, sector: social-care }\n' +
        '      - { id: riverside-cvs, name: Riverside Council for Voluntary Service, sector: voluntary }',
      passing:
        'spec:\n' +
        '  workforce:\n' +
        '    partners:\n' +
        '      - { id: riverside-community, name: Riverside Community Health NHS Trust, sector: community-health, odsCode: RX1 }\n' +
        '      - { id: riverside-mh, name: Riverside Mental Health NHS Foundation Trust, sector: mental-health, odsCode: RX2 }\n' +
        '      - { id: riverside-acute, name: Riverside Hospitals NHS Foundation Trust, sector: acute, odsCode: R0D }   # University Hospitals Dorset, open\n' +
        '      - { id: riverside-council, name: Riverside City Council Adult Social Care, sector: social-care }\n' +
        '      - { id: riverside-cvs, name: Riverside Council for Voluntary Service, sector: voluntary }',
    },
  },
  messages: {
    closed: '{code} {name} closed on {closed}: partner {partner} needs an open trust, usually its successor',
  },
  check(context) {
    for (const {path, code, partner, entry, name} of trustPartners(context)) {
      if (entry?.closed) context.report({path, messageId: 'closed', data: {code, name, closed: entry.closed, partner}})
    }
  },
})

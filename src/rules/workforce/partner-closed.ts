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
      failing: 'partners:\n  - { id: poole-acute, name: Poole Hospital NHS Foundation Trust, sector: acute, odsCode: RD3 }   # closed 2020-09-30',
      passing: 'partners:\n  - { id: dorset-acute, name: University Hospitals Dorset NHS Foundation Trust, sector: acute, odsCode: R0D }',
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

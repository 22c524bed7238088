// Characteristic 2: each member of the integrated team is employed by a practice or a partner.
import {defineRule} from '../../rule-api/rule.js'
import {unknownReferences} from '../references.js'
import {partnerIds, practiceCodes, workforce} from '../../rule-api/site.js'

/** Its place in its section of `pch rules` and the README table. */
export const order = 4

export default defineRule({
  meta: {
    id: 'workforce/unknown-employer',
    characteristic: 2,
    severity: 'error',
    compliance: false,
    scope: 'file',
    fixable: false,
    summary: "A team member's employer is a member practice's odsCode or a partner's id",
    docs: {
      description:
        'The integrated team is employed across the partnership. Each employer names a member practice by its ' +
        'ODS code or a partner by its id; any other name points at an organisation the definition does not hold.',
      failing:
        'spec:\n' + '  workforce:\n' + '    team:\n' + '      - { role: Clinical pharmacist, employer: riverside-pharmacy, wte: 2.0 }',
      passing: 'spec:\n  workforce:\n    team:\n      - { role: Clinical pharmacist, employer: A81001, wte: 2.0 }',
    },
  },
  messages: {
    unknown: 'Employer "{employer}" is not a member practice\'s odsCode or a partner\'s id{hint}',
  },
  check({data, report}) {
    // With no known partners the workforce rules speak; references to partners cannot be judged.
    const partners = partnerIds(data)
    const codes = practiceCodes(data)
    if (!partners || partners.size === 0 || !codes) return
    for (const {index, value, hint} of unknownReferences(workforce(data)?.team, 'employer', [codes, partners])) {
      report({path: `/spec/workforce/team/${index}/employer`, messageId: 'unknown', data: {employer: value, hint}})
    }
  },
})

// Characteristic 3: each risk-share party is the member practices, a member practice or a partner.
import {defineRule} from '../../rule-api/rule.js'
import {unknownReferences} from '../references.js'
import {partnerIds, practiceCodes, section} from '../../rule-api/site.js'

/** Its place in its section of `pch rules` and the README table. */
export const order = 5

export default defineRule({
  meta: {
    id: 'budget/unknown-party',
    characteristic: 3,
    severity: 'error',
    compliance: false,
    scope: 'file',
    fixable: false,
    summary: 'A risk-share party is {practicesParty}, a member practice odsCode or a partner id',
    docs: {
      description:
        'A share of risk belongs to someone the definition declares: the member practices together ' +
        '(member-practices), one member practice by its ODS code, or a partner by its id.',
      failing:
        'spec:\n' +
        '  budget:\n' +
        '    riskShare:\n' +
        '      shares:\n' +
        '        - { party: member-practices, gainPercent: 40, lossPercent: 30 }\n' +
        '        - { party: riverside-community, gainPercent: 30, lossPercent: 35 }\n' +
        '        - { party: riverside-hospital, gainPercent: 30, lossPercent: 35 }',
      passing:
        'spec:\n' +
        '  budget:\n' +
        '    riskShare:\n' +
        '      shares:\n' +
        '        - { party: member-practices, gainPercent: 40, lossPercent: 30 }\n' +
        '        - { party: riverside-community, gainPercent: 30, lossPercent: 35 }\n' +
        '        - { party: riverside-acute, gainPercent: 30, lossPercent: 35 }',
    },
  },
  messages: {
    unknown: 'Party "{party}" is not {practicesParty}, a member practice\'s odsCode or a partner\'s id{hint}',
  },
  check({data, params, report}) {
    // With no known partners the workforce rules speak; references to partners cannot be judged.
    const partners = partnerIds(data)
    const codes = practiceCodes(data)
    if (!partners || partners.size === 0 || !codes) return
    const practicesParty = String(params.practicesParty)
    const shares = section(data, 'spec', 'budget', 'riskShare')?.shares
    for (const {index, value, hint} of unknownReferences(shares, 'party', [new Set([practicesParty]), codes, partners])) {
      report({path: `/spec/budget/riskShare/shares/${index}/party`, messageId: 'unknown', data: {party: value, practicesParty, hint}})
    }
  },
})

// Characteristic 3: risk is shared across the divide: the member practices and at least one partner.
import {defineRule} from '../../rule-api/rule.js'
import {knownList, partnerIds, practiceCodes, section} from '../../rule-api/site.js'

/** Its place in its section of `pch rules` and the README table. */
export const order = 4

export default defineRule({
  meta: {
    id: 'budget/risk-share-parties',
    characteristic: 3,
    severity: 'error',
    compliance: true,
    scope: 'file',
    fixable: false,
    summary: 'At least two parties share risk, including the member practices and a partner',
    docs: {
      description:
        'Shared risk aligns general practice with its partners only when both sides hold a share: at least two ' +
        'parties, one of them the member practices (member-practices, or a member practice by its ODS code) and ' +
        'one of them a partner organisation (by its id).',
      failing:
        'spec:\n' +
        '  budget:\n' +
        '    riskShare:\n' +
        '      shares:\n' +
        '        - { party: member-practices, gainPercent: 100, lossPercent: 100 }',
      passing:
        'spec:\n' +
        '  budget:\n' +
        '    riskShare:\n' +
        '      shares:\n' +
        '        - { party: member-practices, gainPercent: 60, lossPercent: 50 }\n' +
        '        - { party: riverside-acute, gainPercent: 40, lossPercent: 50 }',
    },
  },
  messages: {
    tooFew: 'Risk is shared by {count} {parties}; at least {minimum} are needed (the member practices and a partner)',
    noPractices: 'The member practices hold no risk share: add member-practices or a member practice code as a party',
    noPartner: 'No partner organisation holds a risk share: add a partner id as a party',
  },
  check({data, params, report}) {
    const riskShare = section(data, 'spec', 'budget', 'riskShare')
    if (!riskShare || (riskShare.model !== 'gain-and-loss' && riskShare.model !== 'gain-only')) return
    const shares = knownList(riskShare.shares, 'party')
    if (!shares) return
    const parties = new Set(shares.map((share) => share.party as string))
    const path = riskShare.shares === undefined ? '/spec/budget/riskShare' : '/spec/budget/riskShare/shares'
    const minimum = Number(params.minimumParties)
    if (parties.size < minimum) {
      report({path, messageId: 'tooFew', data: {count: parties.size, parties: parties.size === 1 ? 'party' : 'parties', minimum}})
      return
    }
    // A party that names no member practice and no partner holds a share for neither side: that the
    // practices (or the partners) then hold none is a compliance finding of its own, which validate
    // must report even though budget/unknown-party (lint) also names the party. With no practices
    // or no partners at all, the population and workforce rules speak instead.
    const codes = practiceCodes(data)
    const partners = partnerIds(data)
    const list = [...parties]
    if (!codes || !partners || partners.size === 0) return
    if (!list.some((p) => p === params.practicesParty || codes.has(p))) report({path, messageId: 'noPractices'})
    if (!list.some((p) => partners.has(p))) report({path, messageId: 'noPartner'})
  },
})

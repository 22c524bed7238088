// Characteristic 3: gain shares (and, for gain-and-loss, loss shares) add up to 100 %.
import {defineRule} from '../../rule-api/rule.js'
import {knownList, num, section} from '../../rule-api/site.js'

/** Its place in its section of `pch rules` and the README table. */
export const order = 3

export default defineRule({
  meta: {
    id: 'budget/risk-shares-sum',
    characteristic: 3,
    severity: 'error',
    compliance: true,
    scope: 'file',
    fixable: false,
    summary: 'gainPercent values add up to {total}, and lossPercent values too for gain-and-loss',
    docs: {
      description:
        'Every pound of gain, and for a gain-and-loss model every pound of loss, must belong to someone: the ' +
        'shares add up to 100 %. A party with no loss share under gain-and-loss counts as 0 %.',
      failing:
        'spec:\n' +
        '  budget:\n' +
        '    riskShare:\n' +
        '      model: gain-and-loss\n' +
        '      shares:\n' +
        '        - { party: member-practices, gainPercent: 50, lossPercent: 40 }\n' +
        '        - { party: riverside-acute, gainPercent: 40, lossPercent: 60 }',
      passing:
        'spec:\n' +
        '  budget:\n' +
        '    riskShare:\n' +
        '      model: gain-and-loss\n' +
        '      shares:\n' +
        '        - { party: member-practices, gainPercent: 50, lossPercent: 40 }\n' +
        '        - { party: riverside-acute, gainPercent: 50, lossPercent: 60 }',
    },
  },
  messages: {
    gain: 'Gain shares add up to {sum:percent}, not {total:percent}',
    loss: 'Loss shares add up to {sum:percent}, not {total:percent} (model gain-and-loss)',
  },
  check({data, params, report}) {
    const riskShare = section(data, 'spec', 'budget', 'riskShare')
    if (!riskShare || (riskShare.model !== 'gain-and-loss' && riskShare.model !== 'gain-only')) return
    const shares = knownList(riskShare.shares, 'gainPercent')
    if (!shares || shares.length === 0) return
    const total = Number(params.total)
    const sumOf = (key: string): number | undefined => {
      let sum = 0
      for (const share of shares) {
        const value = share[key] === undefined ? 0 : num(share[key])
        if (value === undefined) return undefined
        sum += value
      }
      return Math.round(sum * 1e6) / 1e6
    }
    const path = '/spec/budget/riskShare/shares'
    const gain = sumOf('gainPercent')
    if (gain !== undefined && gain !== total) report({path, messageId: 'gain', data: {sum: gain, total}})
    if (riskShare.model !== 'gain-and-loss') return
    const loss = sumOf('lossPercent')
    if (loss !== undefined && loss !== total) report({path, messageId: 'loss', data: {sum: loss, total}})
  },
})

// Characteristic 3 (advisory): shared losses need a cap that every partner can afford.
import {defineRule} from '../../rule-api/rule.js'
import {section} from '../../rule-api/site.js'

/** Its place in its section of `pch rules` and the README table. */
export const order = 9

export default defineRule({
  meta: {
    id: 'budget/uncapped-loss',
    characteristic: 3,
    severity: 'warning',
    compliance: false,
    scope: 'file',
    fixable: false,
    summary: 'A gain-and-loss model sets maxLossPercent',
    docs: {
      description:
        'Sharing losses without a cap can expose a small practice to a loss it cannot survive. A gain-and-loss ' +
        'model should say the most any party can lose, as a percentage of the budget (maxLossPercent).',
      failing:
        'spec:\n' +
        '  budget:\n' +
        '    riskShare:\n' +
        '      model: gain-and-loss\n' +
        '      shares:\n' +
        '        - { party: member-practices, gainPercent: 40, lossPercent: 30 }\n' +
        '        - { party: riverside-community, gainPercent: 30, lossPercent: 35 }\n' +
        '        - { party: riverside-acute, gainPercent: 30, lossPercent: 35 }\n' +
        '      maxLossPercent: null   # removed',
      passing:
        'spec:\n' +
        '  budget:\n' +
        '    riskShare:\n' +
        '      model: gain-and-loss\n' +
        '      shares:\n' +
        '        - { party: member-practices, gainPercent: 40, lossPercent: 30 }\n' +
        '        - { party: riverside-community, gainPercent: 30, lossPercent: 35 }\n' +
        '        - { party: riverside-acute, gainPercent: 30, lossPercent: 35 }\n' +
        '      maxLossPercent: 3',
    },
  },
  messages: {
    uncapped: 'Losses are shared with no cap: set maxLossPercent, the most any party can lose',
  },
  check({data, report}) {
    const riskShare = section(data, 'spec', 'budget', 'riskShare')
    if (riskShare?.model === 'gain-and-loss' && riskShare.maxLossPercent === undefined) {
      report({path: '/spec/budget/riskShare', messageId: 'uncapped'})
    }
  },
})

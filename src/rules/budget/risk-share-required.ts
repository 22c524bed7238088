// Characteristic 3: risks and rewards are shared (a risk-share model other than none).
import {defineRule} from '../../rule-api/rule.js'
import {section} from '../../rule-api/site.js'

/** Its place in its section of `pch rules` and the README table. */
export const order = 2

export default defineRule({
  meta: {
    id: 'budget/risk-share-required',
    characteristic: 3,
    severity: 'error',
    compliance: true,
    scope: 'file',
    fixable: false,
    summary: 'riskShare.model is not none: risks and rewards are shared',
    docs: {
      description:
        'Aligned clinical and financial drivers need shared risks and rewards: the partners gain together when ' +
        'the population is kept well, and share the cost when it is not. A model of none shares nothing.',
      failing: 'spec:\n  budget:\n    riskShare:\n      model: none\n      shares: []',
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
    none: 'Risk-share model is none: risks and rewards must be shared between the practices and their partners',
  },
  check({data, report}) {
    if (section(data, 'spec', 'budget', 'riskShare')?.model === 'none') {
      report({path: '/spec/budget/riskShare/model', messageId: 'none'})
    }
  },
})

// Characteristic 3: risks and rewards are shared (a risk-share model other than none).
import {defineRule} from '../../rule-api/rule.js'
import {section} from '../../rule-api/site.js'

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
      failing: 'riskShare:\n  model: none',
      passing:
        'riskShare:\n  model: gain-and-loss\n  shares:\n    - { party: member-practices, gainPercent: 50, lossPercent: 50 }\n    - { party: riverside-acute, gainPercent: 50, lossPercent: 50 }\n  maxLossPercent: 3',
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

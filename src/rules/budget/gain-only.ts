// Characteristic 3 (advisory): sharing gains without losses aligns incentives only half-way.
import {defineRule} from '../../rule-api/rule.js'
import {section} from '../../rule-api/site.js'

/** Its place in its section of `pch rules` and the README table. */
export const order = 8

export default defineRule({
  meta: {
    id: 'budget/gain-only',
    characteristic: 3,
    severity: 'warning',
    compliance: false,
    scope: 'file',
    fixable: false,
    summary: 'The risk-share model shares losses as well as gains',
    docs: {
      description:
        'A gain-only model shares rewards but leaves each organisation to carry its own overspend, so the ' +
        'financial drivers are only partly aligned. Many sites start gain-only; gain-and-loss is the aim.',
      failing:
        'spec:\n' +
        '  budget:\n' +
        '    riskShare:\n' +
        '      model: gain-only\n' +
        '      shares:\n' +
        '        - { party: member-practices, gainPercent: 40 }\n' +
        '        - { party: riverside-community, gainPercent: 30 }\n' +
        '        - { party: riverside-acute, gainPercent: 30 }\n' +
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
    gainOnly: 'Risk-share model is gain-only: rewards are shared but risks are not',
  },
  check({data, report}) {
    if (section(data, 'spec', 'budget', 'riskShare')?.model === 'gain-only')
      report({path: '/spec/budget/riskShare/model', messageId: 'gainOnly'})
  },
})

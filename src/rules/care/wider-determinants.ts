// Characteristic 1 (advisory): population health reaches beyond health care.
import {defineRule} from '../../rule-api/rule.js'
import {missingOrEmpty, section} from '../../rule-api/site.js'

/** Its place in its section of `pch rules` and the README table. */
export const order = 7

export default defineRule({
  meta: {
    id: 'care/wider-determinants',
    characteristic: 1,
    severity: 'warning',
    compliance: false,
    scope: 'file',
    fixable: false,
    summary: 'The plan names the wider determinants of health it addresses',
    docs: {
      description:
        'Most of what makes a population healthy lies outside health care: housing, employment, isolation, ' +
        'education. The plan names the determinants it works on (populationHealth.determinants).',
      failing: 'spec:\n  care:\n    populationHealth:\n      determinants: null   # removed',
      passing: 'spec:\n  care:\n    populationHealth:\n      determinants: [housing, employment, social-isolation]',
    },
  },
  messages: {
    missing: 'No wider determinants of health in the plan: list those it addresses under populationHealth.determinants',
  },
  check({data, report}) {
    const plan = section(data, 'spec', 'care', 'populationHealth')
    if (plan && missingOrEmpty(plan.determinants)) {
      report({
        path: plan.determinants === undefined ? '/spec/care/populationHealth' : '/spec/care/populationHealth/determinants',
        messageId: 'missing',
      })
    }
  },
})

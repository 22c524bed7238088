// Characteristic 1 (advisory): the population-health plan rests on a current needs assessment.
import {addMonths, parseDate} from '../../rule-api/dates.js'
import {defineRule} from '../../rule-api/rule.js'
import {isObject, section} from '../../rule-api/site.js'

/** Its place in its section of `pch rules` and the README table. */
export const order = 6

export default defineRule({
  meta: {
    id: 'care/needs-assessment',
    characteristic: 1,
    severity: 'warning',
    compliance: false,
    scope: 'file',
    fixable: false,
    summary: 'A needs assessment completed in the last {maxAgeYears} years',
    docs: {
      description:
        'Population health improvement starts from the needs of the population: a needs assessment (such as the ' +
        'local Joint Strategic Needs Assessment) completed within the last 3 years (option maxAgeYears).',
      failing:
        'spec:\n' +
        '  care:\n' +
        '    populationHealth:\n' +
        '      needsAssessment: { completed: 2021-06-30, source: Riverside JSNA 2021 }   # today 2026-11-01',
      passing:
        'spec:\n' +
        '  care:\n' +
        '    populationHealth:\n' +
        '      needsAssessment: { completed: 2025-11-15, source: Riverside JSNA 2025 }',
    },
    options: {type: 'object', additionalProperties: false, properties: {maxAgeYears: {type: 'integer', minimum: 1}}},
  },
  messages: {
    missing: 'No needs assessment: the population-health plan should rest on one (populationHealth.needsAssessment)',
    old: 'The needs assessment was completed on {completed}, more than {years} years before {today}',
  },
  check({data, params, today, report}) {
    const plan = section(data, 'spec', 'care', 'populationHealth')
    if (!plan) return
    if (plan.needsAssessment === undefined) {
      report({path: '/spec/care/populationHealth', messageId: 'missing'})
      return
    }
    const completed = isObject(plan.needsAssessment) ? plan.needsAssessment.completed : undefined
    const date = parseDate(completed)
    const now = parseDate(today)
    const years = Number(params.maxAgeYears)
    if (date && now && addMonths(date, 12 * years) < now) {
      report({
        path: '/spec/care/populationHealth/needsAssessment/completed',
        messageId: 'old',
        data: {completed: String(completed), years, today},
      })
    }
  },
})

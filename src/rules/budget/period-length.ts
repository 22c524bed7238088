// Characteristic 3 (advisory): capitation is annual, so the budget period is one year.
import {addDays, addMonths, formatDate, parseDate} from '../../rule-api/dates.js'
import {defineRule} from '../../rule-api/rule.js'
import {section} from '../../rule-api/site.js'

/** Its place in its section of `pch rules` and the README table. */
export const order = 11

export default defineRule({
  meta: {
    id: 'budget/period-length',
    characteristic: 3,
    severity: 'warning',
    compliance: false,
    scope: 'file',
    fixable: false,
    summary: 'The budget period is {months} months (end is the day before start + {months} months)',
    docs: {
      description:
        'Capitation is an annual amount per patient, so the budget covers one year: 1 April 2026 to 31 March 2027 ' +
        'is 12 months. Any other length makes the total and the capitation disagree.',
      failing: 'spec:\n  budget:\n    period:\n      start: 2026-04-01\n      end: 2027-04-30',
      passing: 'spec:\n  budget:\n    period:\n      start: 2026-04-01\n      end: 2027-03-31',
    },
    options: {type: 'object', additionalProperties: false, properties: {months: {type: 'integer', minimum: 1}}},
  },
  messages: {
    length: 'The budget period {start} to {end} is not {months} months: it would end on {expected}',
  },
  check({data, params, report}) {
    const period = section(data, 'spec', 'budget', 'period')
    const start = parseDate(period?.start)
    const end = parseDate(period?.end)
    if (!start || !end || end <= start) return
    const months = Number(params.months)
    // Both are midnight UTC: the same time is the same day.
    const expected = addDays(addMonths(start, months), -1)
    if (end.getTime() !== expected.getTime()) {
      report({
        path: '/spec/budget/period',
        messageId: 'length',
        data: {start: formatDate(start), end: formatDate(end), months, expected: formatDate(expected)},
      })
    }
  },
})

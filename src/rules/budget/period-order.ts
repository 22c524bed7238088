// Characteristic 3: the budget period ends after it starts.
import {parseDate} from '../../rule-api/dates.js'
import {defineRule} from '../../rule-api/rule.js'
import {section} from '../../rule-api/site.js'

/** Its place in its section of `pch rules` and the README table. */
export const order = 6

export default defineRule({
  meta: {
    id: 'budget/period-order',
    characteristic: 3,
    severity: 'error',
    compliance: false,
    scope: 'file',
    fixable: false,
    summary: 'period.end is after period.start',
    docs: {
      description: 'A budget period that ends on or before the day it starts is almost always two dates swapped or a wrong year.',
      failing: 'spec:\n  budget:\n    period:\n      start: 2027-04-01\n      end: 2027-03-31',
      passing: 'spec:\n  budget:\n    period:\n      start: 2026-04-01\n      end: 2027-03-31',
    },
  },
  messages: {
    order: 'The budget period ends on {end}, which is not after its start on {start}',
  },
  check({data, report}) {
    const period = section(data, 'spec', 'budget', 'period')
    const start = parseDate(period?.start)
    const end = parseDate(period?.end)
    if (start && end && end <= start) {
      report({path: '/spec/budget/period/end', messageId: 'order', data: {start: String(period!.start), end: String(period!.end)}})
    }
  },
})

// Characteristic 3 (advisory): a budget whose period is over needs its next year declared.
import {parseDate} from '../../rule-api/dates.js'
import {defineRule} from '../../rule-api/rule.js'
import {section} from '../../rule-api/site.js'

/** Its place in its section of `pch rules` and the README table. */
export const order = 10

export default defineRule({
  meta: {
    id: 'budget/period-expired',
    characteristic: 3,
    severity: 'warning',
    compliance: false,
    scope: 'file',
    fixable: false,
    summary: 'period.end is not before today',
    docs: {
      description: "The budget period has ended: the definition describes last year's budget. Declare the current one.",
      failing: 'spec:\n  budget:\n    period:\n      start: 2025-04-01\n      end: 2026-03-31   # today 2026-11-01',
      passing: 'spec:\n  budget:\n    period:\n      start: 2026-04-01\n      end: 2027-03-31   # today 2026-11-01',
    },
  },
  messages: {
    expired: 'The budget period ended on {end}, before {today}: declare the current budget',
  },
  check({data, today, report}) {
    const end = section(data, 'spec', 'budget', 'period')?.end
    const endDate = parseDate(end)
    const now = parseDate(today)
    if (endDate && now && endDate < now) report({path: '/spec/budget/period/end', messageId: 'expired', data: {end: String(end), today}})
  },
})

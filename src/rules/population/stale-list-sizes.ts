// Characteristic 4 (advisory): list sizes from an old extract no longer describe the population.
import {olderThanMonths, parseDate} from '../../rule-api/dates.js'
import {defineRule} from '../../rule-api/rule.js'
import {population} from '../../rule-api/site.js'

/** Whether list sizes as of `asOf` are more than `months` months before `today` (null when either is not a date). */
export function listSizesStale(asOf: unknown, today: string, months: number): boolean | null {
  if (typeof asOf !== 'string') return null
  // A repository's definitions share a few extract dates: each is weighed once for a run's today and limit.
  if (verdicts.today !== today || verdicts.months !== months || verdicts.of.size > 10_000)
    Object.assign(verdicts, {today, months, of: new Map()})
  let stale = verdicts.of.get(asOf)
  if (stale === undefined) {
    const date = parseDate(asOf)
    const now = parseDate(today)
    stale = date && now ? olderThanMonths(date, months, now) : null
    verdicts.of.set(asOf, stale)
  }
  return stale
}
const verdicts = {today: '', months: 0, of: new Map<string, boolean | null>()}

/** Its place in its section of `pch rules` and the README table. */
export const order = 4

export default defineRule({
  meta: {
    id: 'population/stale-list-sizes',
    characteristic: 4,
    severity: 'warning',
    compliance: false,
    scope: 'file',
    fixable: false,
    summary: 'population.asOf is no more than {maxAgeMonths} months before today',
    docs: {
      description:
        'NHS Digital publishes list sizes monthly, and practices open, merge and close. List sizes more than ' +
        '6 months old (option maxAgeMonths) should be refreshed, for example with pch sync-list-sizes.',
      failing: 'spec:\n  population:\n    asOf: 2025-10-01   # today 2026-11-01',
      passing: 'spec:\n  population:\n    asOf: 2026-10-01   # today 2026-11-01',
    },
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {maxAgeMonths: {type: 'integer', minimum: 1}},
    },
  },
  messages: {
    stale: 'List sizes are as of {asOf}, more than {months} months before {today}; refresh them (pch sync-list-sizes)',
  },
  check({data, params, today, report}) {
    const asOf = population(data)?.asOf
    const months = Number(params.maxAgeMonths)
    if (listSizesStale(asOf, today, months)) {
      report({path: '/spec/population/asOf', messageId: 'stale', data: {asOf: asOf as string, months, today}})
    }
  },
})

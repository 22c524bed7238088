// Characteristic 1 (advisory): a target is set for after its baseline was measured.
import {parseDate} from '../../rule-api/dates.js'
import {defineRule} from '../../rule-api/rule.js'
import {entries, isObject, section, nameOf} from '../../rule-api/site.js'

/** Its place in its section of `pch rules` and the README table. */
export const order = 5

export default defineRule({
  meta: {
    id: 'care/target-date',
    characteristic: 1,
    severity: 'warning',
    compliance: false,
    scope: 'file',
    fixable: false,
    summary: 'target.by is after baseline.asOf',
    docs: {
      description: 'A target is met by a date after the baseline was measured; a target date on or before it cannot show improvement.',
      failing:
        'spec:\n' +
        '  care:\n' +
        '    populationHealth:\n' +
        '      outcomes:\n' +
        '        - id: emergency-admissions\n' +
        '          measure: Emergency admissions per 1,000 registered patients\n' +
        '          direction: decrease\n' +
        '          baseline: { value: 98.4, asOf: 2025-03-31 }\n' +
        '          target: { value: 90.0, by: 2025-03-31 }',
      passing:
        'spec:\n' +
        '  care:\n' +
        '    populationHealth:\n' +
        '      outcomes:\n' +
        '        - id: emergency-admissions\n' +
        '          measure: Emergency admissions per 1,000 registered patients\n' +
        '          direction: decrease\n' +
        '          baseline: { value: 98.4, asOf: 2025-03-31 }\n' +
        '          target: { value: 90.0, by: 2027-03-31 }',
    },
  },
  messages: {
    early: 'Target date {by} for "{outcome}" is not after its baseline date {asOf}',
  },
  check({data, report}) {
    for (const [index, outcome] of entries(section(data, 'spec', 'care', 'populationHealth')?.outcomes)) {
      const asOf = isObject(outcome.baseline) ? outcome.baseline.asOf : undefined
      const by = isObject(outcome.target) ? outcome.target.by : undefined
      const [from, to] = [parseDate(asOf), parseDate(by)]
      if (from && to && to <= from) {
        report({
          path: `/spec/care/populationHealth/outcomes/${index}/target/by`,
          messageId: 'early',
          data: {by: String(by), asOf: String(asOf), outcome: nameOf(outcome, index)},
        })
      }
    }
  },
})

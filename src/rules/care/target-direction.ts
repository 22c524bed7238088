// Characteristic 1: an outcome's target is an improvement on its baseline.
import {defineRule} from '../../rule-api/rule.js'
import {entries, isObject, num, section, nameOf} from '../../rule-api/site.js'

/** Its place in its section of `pch rules` and the README table. */
export const order = 3

export default defineRule({
  meta: {
    id: 'care/target-direction',
    characteristic: 1,
    severity: 'error',
    compliance: false,
    scope: 'file',
    fixable: false,
    summary: 'Each target improves on its baseline in the stated direction',
    docs: {
      description:
        'An outcome says which way is better (direction: decrease or increase). A target that is not better than ' +
        'the baseline in that direction is usually a swapped direction or a typing slip.',
      failing:
        'spec:\n' +
        '  care:\n' +
        '    populationHealth:\n' +
        '      outcomes:\n' +
        '        - id: emergency-admissions\n' +
        '          measure: Emergency admissions per 1,000 registered patients\n' +
        '          direction: decrease\n' +
        '          baseline: { value: 98.4, asOf: 2025-03-31 }\n' +
        '          target: { value: 104.0, by: 2027-03-31 }',
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
    decrease: 'Target {target} for "{outcome}" is not below its baseline {baseline}, but the direction is decrease',
    increase: 'Target {target} for "{outcome}" is not above its baseline {baseline}, but the direction is increase',
  },
  check({data, report}) {
    for (const [index, outcome] of entries(section(data, 'spec', 'care', 'populationHealth')?.outcomes)) {
      const baseline = isObject(outcome.baseline) ? num(outcome.baseline.value) : undefined
      const target = isObject(outcome.target) ? num(outcome.target.value) : undefined
      if (baseline === undefined || target === undefined) continue
      const direction = outcome.direction
      const improves = direction === 'decrease' ? target < baseline : direction === 'increase' ? target > baseline : true
      if (!improves) {
        report({
          path: `/spec/care/populationHealth/outcomes/${index}/target/value`,
          messageId: direction as 'decrease' | 'increase',
          data: {target, baseline, outcome: nameOf(outcome, index)},
        })
      }
    }
  },
})

// Characteristic 1: outcome ids are unique, so reports can track each outcome.
import {defineRule} from '../../rule-api/rule.js'
import {duplicates, entries, section, str} from '../../rule-api/site.js'

/** Its place in its section of `pch rules` and the README table. */
export const order = 4

export default defineRule({
  meta: {
    id: 'care/duplicate-outcome',
    characteristic: 1,
    severity: 'error',
    compliance: false,
    scope: 'file',
    fixable: false,
    summary: 'Outcome ids are unique within a definition',
    docs: {
      description: 'Progress is reported per outcome id; two outcomes with one id cannot be told apart.',
      failing:
        'spec:\n' +
        '  care:\n' +
        '    populationHealth:\n' +
        '      outcomes:\n' +
        '        - id: admissions\n' +
        '          measure: Emergency admissions per 1,000 registered patients\n' +
        '          direction: decrease\n' +
        '          baseline: { value: 98.4, asOf: 2025-03-31 }\n' +
        '          target: { value: 90.0, by: 2027-03-31 }\n' +
        '        - id: admissions\n' +
        '          measure: Elective admissions per 1,000 registered patients\n' +
        '          direction: decrease\n' +
        '          baseline: { value: 41.2, asOf: 2025-03-31 }\n' +
        '          target: { value: 38.0, by: 2027-03-31 }',
      passing:
        'spec:\n' +
        '  care:\n' +
        '    populationHealth:\n' +
        '      outcomes:\n' +
        '        - id: emergency-admissions\n' +
        '          measure: Emergency admissions per 1,000 registered patients\n' +
        '          direction: decrease\n' +
        '          baseline: { value: 98.4, asOf: 2025-03-31 }\n' +
        '          target: { value: 90.0, by: 2027-03-31 }\n' +
        '        - id: elective-admissions\n' +
        '          measure: Elective admissions per 1,000 registered patients\n' +
        '          direction: decrease\n' +
        '          baseline: { value: 41.2, asOf: 2025-03-31 }\n' +
        '          target: { value: 38.0, by: 2027-03-31 }',
    },
  },
  messages: {
    twice: 'Outcome id "{id}" is used more than once (first by outcome {first})',
  },
  check({data, report}) {
    const outcomes = entries(section(data, 'spec', 'care', 'populationHealth')?.outcomes)
    for (const {index, value, first} of duplicates(outcomes.map(([i, o]): [number, string | undefined] => [i, str(o.id)]))) {
      report({path: `/spec/care/populationHealth/outcomes/${index}/id`, messageId: 'twice', data: {id: value, first: first + 1}})
    }
  },
})

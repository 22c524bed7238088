// Characteristic 1: outcome ids are unique, so reports can track each outcome.
import {defineRule} from '../../rule-api/rule.js'
import {duplicates, entries, section, str} from '../../rule-api/site.js'

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
      failing: 'outcomes:\n  - { id: admissions, measure: Emergency admissions per 1,000, ... }\n  - { id: admissions, measure: Elective admissions per 1,000, ... }',
      passing: 'outcomes:\n  - { id: emergency-admissions, measure: Emergency admissions per 1,000, ... }\n  - { id: elective-admissions, measure: Elective admissions per 1,000, ... }',
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

// Characteristic 4: each member practice is listed once, so its patients are counted once.
import {defineRule} from '../../rule-api/rule.js'
import {duplicates, entries, population, str} from '../../rule-api/site.js'

/** Its place in its section of `pch rules` and the README table. */
export const order = 2

export default defineRule({
  meta: {
    id: 'population/duplicate-practice',
    characteristic: 4,
    severity: 'error',
    compliance: true,
    scope: 'file',
    fixable: false,
    summary: 'A practice odsCode appears only once in a definition',
    docs: {
      description:
        "The registered population is the sum of the member practices' list sizes, so a practice listed twice " +
        'counts its patients twice. Each practice appears once, under its ODS code.',
      failing:
        'spec:\n' +
        '  population:\n' +
        '    practices:\n' +
        '      - { odsCode: A81001, name: Riverside Surgery, listSize: 14250 }\n' +
        '      - { odsCode: A81002, name: Bridge Street Medical Centre, listSize: 11980 }\n' +
        '      - { odsCode: A81001, name: Riverside Surgery (branch), listSize: 9870 }',
      passing:
        'spec:\n' +
        '  population:\n' +
        '    practices:\n' +
        '      - { odsCode: A81001, name: Riverside Surgery, listSize: 14250 }\n' +
        '      - { odsCode: A81002, name: Bridge Street Medical Centre, listSize: 11980 }\n' +
        '      - { odsCode: A81004, name: Meadow Lane Practice, listSize: 9870 }',
    },
  },
  messages: {
    twice: 'Practice {code} is listed more than once (first as practice {first}); its patients would be counted twice',
  },
  check({data, report}) {
    const codes = entries(population(data)?.practices).map(([index, p]): [number, string | undefined] => [index, str(p.odsCode)])
    for (const {index, value, first} of duplicates(codes)) {
      report({path: `/spec/population/practices/${index}/odsCode`, messageId: 'twice', data: {code: value, first: first + 1}})
    }
  },
})

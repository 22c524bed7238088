// Characteristic 4 (advisory): a PCH is practices coming together, not one practice alone.
import {defineRule} from '../../rule-api/rule.js'
import {knownList, population} from '../../rule-api/site.js'

/** Its place in its section of `pch rules` and the README table. */
export const order = 5

export default defineRule({
  meta: {
    id: 'population/single-practice',
    characteristic: 4,
    severity: 'warning',
    compliance: false,
    scope: 'file',
    fixable: false,
    summary: 'More than one member practice',
    docs: {
      description:
        'The PCH model is GP practices coming together with their partners around a shared population. A single ' +
        'large practice can meet the population band alone, but misses the point of the model.',
      failing: 'spec:\n' + '  population:\n' + '    practices:\n' + '      - { odsCode: A81001, name: Riverside Surgery, listSize: 36100 }',
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
    single: 'Only one member practice: a PCH brings several practices together around one population',
  },
  check({data, report}) {
    if (knownList(population(data)?.practices)?.length === 1) report({path: '/spec/population/practices', messageId: 'single'})
  },
})

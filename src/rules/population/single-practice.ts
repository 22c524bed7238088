// Characteristic 4 (advisory): a PCH is practices coming together, not one practice alone.
import {defineRule} from '../../rule-api/rule.js'
import {knownList, population} from '../../rule-api/site.js'

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
      failing: 'practices:\n  - { odsCode: A81001, name: Riverside Surgery, listSize: 36100 }',
      passing: 'practices:\n  - { odsCode: A81001, name: Riverside Surgery, listSize: 24120 }\n  - { odsCode: A81002, name: Bridge Street, listSize: 11980 }',
    },
  },
  messages: {
    single: 'Only one member practice: a PCH brings several practices together around one population',
  },
  check({data, report}) {
    if (knownList(population(data)?.practices)?.length === 1) report({path: '/spec/population/practices', messageId: 'single'})
  },
})

// Characteristic 4 (with --ods): every member practice is a practice the ODS register knows.
import {defineRule} from '../../rule-api/rule.js'
import {entries, population, str} from '../../rule-api/site.js'

/** Its place in its section of `pch rules` and the README table. */
export const order = 6

export default defineRule({
  meta: {
    id: 'population/practice-not-in-register',
    characteristic: 4,
    severity: 'error',
    compliance: false,
    scope: 'file',
    fixable: false,
    summary: 'Each practice code is in the ODS register (only with --ods or ods: in .pchrc.yaml)',
    docs: {
      description:
        'A practice code that the ODS register of GP practices (epraccur.csv) does not hold is mistyped or not a GP practice. ' +
        'Checked only when a register is given: pch lint --ods epraccur.csv, or ods: in .pchrc.yaml.',
      failing:
        'spec:\n' +
        '  population:\n' +
        '    practices:\n' +
        '      - { odsCode: A81001, name: Riverside Surgery, listSize: 14250 }\n' +
        '      - { odsCode: A81002, name: Bridge Street Medical Centre, listSize: 11980 }\n' +
        '      - { odsCode: A89999, name: Meadow Lane Practice, listSize: 9870 }   # A89999: not in the register',
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
    unknown: 'Practice {code} is not in the ODS register of GP practices: check the code',
  },
  check({data, register, report}) {
    if (!register) return
    for (const [index, practice] of entries(population(data)?.practices)) {
      const code = str(practice.odsCode)
      if (code !== undefined && !register.has(code))
        report({path: `/spec/population/practices/${index}/odsCode`, messageId: 'unknown', data: {code}})
    }
  },
})

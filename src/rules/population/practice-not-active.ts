// Characteristic 4 (with --ods): every member practice is open: a closed practice has no patients.
import {defineRule} from '../../rule-api/rule.js'
import {entries, population, str} from '../../rule-api/site.js'

/** Its place in its section of `pch rules` and the README table. */
export const order = 7

export default defineRule({
  meta: {
    id: 'population/practice-not-active',
    characteristic: 4,
    severity: 'error',
    compliance: false,
    scope: 'file',
    fixable: false,
    summary: 'Each practice is active in the ODS register (only with --ods or ods: in .pchrc.yaml)',
    docs: {
      description:
        'Practices close, merge and go dormant. A member practice the ODS register (epraccur.csv) does not list as active ' +
        'has no registered patients to count. Checked only when a register is given: pch lint --ods epraccur.csv, or ods: in .pchrc.yaml.',
      failing:
        'spec:\n' +
        '  population:\n' +
        '    practices:\n' +
        '      - { odsCode: A81001, name: Riverside Surgery, listSize: 14250 }\n' +
        '      - { odsCode: A81002, name: Bridge Street Medical Centre, listSize: 11980 }\n' +
        '      - { odsCode: A81003, name: Victoria Medical Practice, listSize: 9870 }   # A81003: closed 2017-10-31',
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
    closed: 'Practice {code} is {status} in the ODS register (since {closed}): it has no registered patients to count',
    inactive: 'Practice {code} is {status} in the ODS register: it has no registered patients to count',
  },
  check({data, register, report}) {
    if (!register) return
    for (const [index, practice] of entries(population(data)?.practices)) {
      const code = str(practice.odsCode)
      const entry = code === undefined ? undefined : register.get(code)
      if (!entry || entry.status === 'active') continue
      report({
        path: `/spec/population/practices/${index}/odsCode`,
        messageId: entry.closed ? 'closed' : 'inactive',
        data: {code: code!, status: entry.status, ...(entry.closed ? {closed: entry.closed} : {})},
      })
    }
  },
})

// A `# pch-disable-next-line` comment that silences nothing is stale (as ESLint's unused disable directives).
import type {FindingsRule} from '../rule-api/rule.js'

/** Its place in its section of `pch rules` and the README table. */
export const order = 2

const rule: FindingsRule = {
  meta: {
    id: 'lint/unused-disable-directive',
    characteristic: null,
    severity: 'warning',
    compliance: false,
    scope: 'file',
    fixable: false,
    summary: 'Every pch-disable-next-line comment silences a finding on its next line',
    docs: {
      description:
        'A `# pch-disable-next-line RULE` comment silences RULE on the next line. When RULE does not fire there ' +
        '(the problem was fixed, or the comment drifted from its line), the comment is stale: remove it, so it ' +
        'cannot hide a future problem. Reported once for each rule it names that silences nothing.',
      failing:
        'spec:\n' +
        '  population:\n' +
        '    # pch-disable-next-line population/single-practice -- a merger is under way\n' +
        '    practices:   # three practices: the rule does not fire\n' +
        '      - { odsCode: A81001, name: Riverside Surgery, listSize: 14250 }\n' +
        '      - { odsCode: A81002, name: Bridge Street Medical Centre, listSize: 11980 }\n' +
        '      - { odsCode: A81004, name: Meadow Lane Practice, listSize: 9870 }',
      passing:
        'spec:\n' +
        '  population:\n' +
        '    # pch-disable-next-line population/single-practice -- a merger is under way\n' +
        '    practices:   # one practice: the rule fires and is silenced\n' +
        '      - { odsCode: A81001, name: Riverside Surgery, listSize: 36100 }',
    },
  },
  message: 'pch-disable-next-line {rule} silences nothing: {rule} does not fire on the next line',
}

export default rule

// A `# pch-disable-next-line` comment that cannot do what it says is itself a finding.
import type {FindingsRule} from '../rule-api/rule.js'

/** Its place in its section of `pch rules` and the README table. */
export const order = 1

const rule: FindingsRule = {
  meta: {
    id: 'lint/disable-directive',
    characteristic: null,
    severity: 'error',
    compliance: false,
    scope: 'file',
    fixable: false,
    summary: 'A pch-disable-next-line comment names known, non-compliance rules',
    docs: {
      description:
        'An inline comment `# pch-disable-next-line RULE[, RULE] -- reason` silences non-compliance rules on the ' +
        'next line. A comment naming no rule, an unknown rule, or a compliance rule (which only an approved ' +
        'exception in metadata.exceptions can accept) is reported, and silences nothing it cannot.',
      failing:
        'spec:\n' +
        '  population:\n' +
        '    # pch-disable-next-line population/size-band -- too small\n' +
        '    practices:\n' +
        '      - { odsCode: A81001, name: Riverside Surgery, listSize: 14250 }\n' +
        '      - { odsCode: A81002, name: Bridge Street Medical Centre, listSize: 11980 }\n' +
        '      - { odsCode: A81004, name: Meadow Lane Practice, listSize: 9870 }',
      passing:
        'spec:\n' +
        '  population:\n' +
        '    # pch-disable-next-line population/single-practice -- a merger is under way\n' +
        '    practices:\n' +
        '      - { odsCode: A81001, name: Riverside Surgery, listSize: 36100 }',
    },
  },
  message: '{problem}',
}

export default rule

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
      failing: '# pch-disable-next-line population/size-band -- too small\npractices:',
      passing: '# pch-disable-next-line population/single-practice -- a merger is under way\npractices:',
    },
  },
  message: '{problem}',
}

export default rule

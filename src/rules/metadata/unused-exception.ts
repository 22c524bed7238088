// General (advisory): an exception that accepts nothing is stale and hides future problems.
import type {FindingsRule} from '../../rule-api/rule.js'

/** Its place in its section of `pch rules` and the README table. */
export const order = 3

const rule: FindingsRule = {
  meta: {
    id: 'metadata/unused-exception',
    characteristic: null,
    severity: 'warning',
    compliance: false,
    scope: 'file',
    fixable: false,
    summary: 'Every exception accepts a finding that fires',
    docs: {
      description:
        'An approved exception names the compliance rule it accepts. When that rule no longer fires (the site ' +
        'grew into the band, say) the exception is stale: remove it, so it cannot hide a future problem.',
      failing:
        'metadata:\n' +
        '  exceptions:   # population 36,100: size-band does not fire\n' +
        '    - { rule: population/size-band, reason: Rural, approvedBy: North Riverside ICB, approvedOn: 2026-03-12 }',
      passing: 'metadata:\n  exceptions: []   # population 36,100',
    },
  },
  message: 'The exception for {rule} is not needed: the rule does not fire in this definition',
}

export default rule

// Characteristic 1: the site personalises care for at least one cohort.
import {requiredListRule} from './required-list.js'

/** Its place in its section of `pch rules` and the README table. */
export const order = 1

export default requiredListRule(
  {
    id: 'care/personalisation-required',
    characteristic: 1,
    severity: 'error',
    compliance: true,
    scope: 'file',
    fixable: false,
    summary: 'At least one personalisation approach is listed',
    docs: {
      description:
        'A PCH combines personalised care with population health. The plan names at least one personalisation ' +
        'approach (care planning, social prescribing, shared decision making, ...) and the cohort it serves.',
      failing: 'spec:\n  care:\n    personalisation: []',
      passing:
        'spec:\n' +
        '  care:\n' +
        '    personalisation:\n' +
        '      - { approach: care-planning, cohort: People with three or more long-term conditions }',
    },
  },
  ['personalisation'],
  'No personalisation approach: list at least one under care.personalisation',
)

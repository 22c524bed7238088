// Characteristic 1: the site commits to at least one population-health outcome.
import {requiredListRule} from './required-list.js'

/** Its place in its section of `pch rules` and the README table. */
export const order = 2

export default requiredListRule(
  {
    id: 'care/outcomes-required',
    characteristic: 1,
    severity: 'error',
    compliance: true,
    scope: 'file',
    fixable: false,
    summary: 'At least one population-health outcome is listed',
    docs: {
      description:
        'Improvements in population health outcomes are half of characteristic 1: the plan names at least one ' +
        'measurable outcome with a baseline, a target and the direction of improvement.',
      failing: 'spec:\n  care:\n    populationHealth:\n      outcomes: []',
      passing:
        'spec:\n' +
        '  care:\n' +
        '    populationHealth:\n' +
        '      outcomes:\n' +
        '        - id: emergency-admissions\n' +
        '          measure: Emergency admissions per 1,000 registered patients\n' +
        '          direction: decrease\n' +
        '          baseline: { value: 98.4, asOf: 2025-03-31 }\n' +
        '          target: { value: 90.0, by: 2027-03-31 }',
    },
  },
  ['populationHealth', 'outcomes'],
  'No population-health outcome: list at least one under care.populationHealth.outcomes',
)

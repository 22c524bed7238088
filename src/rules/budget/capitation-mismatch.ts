// Characteristic 3: the budget total is what capitation pays for the population, within tolerance.
import {defineRule} from '../../rule-api/rule.js'
import {budget, num, registeredPopulation, section} from '../../rule-api/site.js'

/** Its place in its section of `pch rules` and the README table. */
export const order = 1

export default defineRule({
  meta: {
    id: 'budget/capitation-mismatch',
    characteristic: 3,
    severity: 'error',
    compliance: true,
    scope: 'file',
    fixable: false,
    summary: 'The budget total matches annualPerPatient x population within {tolerancePercent} %',
    docs: {
      description:
        'A capitated budget follows the population: the total is the annual amount per patient times the ' +
        'registered population (or the weighted population when the basis is weighted). A total more than 1 % ' +
        'away (tolerance in schemas/budget.schema.json) means the budget and the population disagree.',
      failing:
        'spec:\n' +
        '  budget:\n' +
        '    capitation: { basis: registered, annualPerPatient: 160.00 }   # population 36,100\n' +
        '    total: 5000000\n' +
        '    contributions:\n' +
        '      - { source: ICB core capitation, amount: 5000000 }',
      passing:
        'spec:\n' +
        '  budget:\n' +
        '    capitation: { basis: registered, annualPerPatient: 160.00 }   # population 36,100\n' +
        '    total: 5776000',
    },
  },
  messages: {
    mismatch:
      'Budget total {total:money} differs by more than {tolerance:percent} from capitation: {perPatient:money} x {population} {basis} patients = {expected:money}',
  },
  check({data, params, report}) {
    const found = capitation(data, Number(params.tolerancePercent))
    if (!found || !found.mismatch) return
    const {total, perPatient, population, expected, basis} = found
    report({
      path: '/spec/budget/total',
      messageId: 'mismatch',
      data: {total, tolerance: found.tolerancePercent, perPatient, population, expected, basis},
    })
  },
})

export interface Capitation {
  total: number
  perPatient: number
  population: number
  basis: 'registered' | 'weighted'
  /** annualPerPatient x population. */
  expected: number
  tolerancePercent: number
  /** The total is more than the tolerance away from `expected`: the rule fires. */
  mismatch: boolean
}

/** The rule's figures for a document (also what sync-list-sizes reports); undefined when it cannot judge. */
export function capitation(data: unknown, tolerancePercent: number): Capitation | undefined {
  const terms = section(data, 'spec', 'budget', 'capitation')
  const total = num(budget(data)?.total)
  const perPatient = num(terms?.annualPerPatient)
  if (!terms || total === undefined || perPatient === undefined) return undefined
  const weighted = terms.basis === 'weighted'
  const population = weighted ? num(terms.weightedPopulation) : registeredPopulation(data)
  // No patients at all is population/size-band's finding, not a budget one.
  if (population === undefined || population === 0) return undefined
  const expected = perPatient * population
  const mismatch = Math.abs(total - expected) > (Math.abs(expected) * tolerancePercent) / 100
  return {total, perPatient, population, basis: weighted ? 'weighted' : 'registered', expected, tolerancePercent, mismatch}
}

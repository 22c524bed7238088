// Characteristic 3: the budget total is what capitation pays for the population, within tolerance.
import {defineRule} from '../rule.js'
import {budget, num, registeredPopulation, section} from '../site.js'

export default defineRule({
  meta: {
    id: 'budget/capitation-mismatch',
    characteristic: 3,
    severity: 'error',
    compliance: true,
    scope: 'file',
    fixable: false,
    summary: 'The budget total matches annualPerPatient x population within 1 %',
    docs: {
      description:
        'A capitated budget follows the population: the total is the annual amount per patient times the ' +
        'registered population (or the weighted population when the basis is weighted). A total more than 1 % ' +
        'away (tolerance in schemas/budget.schema.json) means the budget and the population disagree.',
      failing: 'capitation: { basis: registered, annualPerPatient: 160.00 }   # population 36,100\ntotal: 5000000',
      passing: 'capitation: { basis: registered, annualPerPatient: 160.00 }   # population 36,100\ntotal: 5776000',
    },
  },
  messages: {
    mismatch:
      'Budget total {total:money} differs by more than {tolerance:percent} from capitation: {perPatient:money} x {population} {basis} patients = {expected:money}',
  },
  check({data, params, report}) {
    const capitation = section(data, 'spec', 'budget', 'capitation')
    const total = num(budget(data)?.total)
    const perPatient = num(capitation?.annualPerPatient)
    if (!capitation || total === undefined || perPatient === undefined) return
    const weighted = capitation.basis === 'weighted'
    const population = weighted ? num(capitation.weightedPopulation) : registeredPopulation(data)
    // No patients at all is population/size-band's finding, not a budget one.
    if (population === undefined || population === 0) return
    const expected = perPatient * population
    const tolerance = Number(params.tolerancePercent)
    if (Math.abs(total - expected) <= (Math.abs(expected) * tolerance) / 100) return
    report({
      path: '/spec/budget/total',
      messageId: 'mismatch',
      data: {total, tolerance, perPatient, population, expected, basis: weighted ? 'weighted' : 'registered'},
    })
  },
})

// Characteristic 3: where the budget's sources are listed, they account for all of it.
import {defineRule} from '../../rule-api/rule.js'
import {budget, knownList, num} from '../../rule-api/site.js'

/** Its place in its section of `pch rules` and the README table. */
export const order = 7

export default defineRule({
  meta: {
    id: 'budget/contributions-sum',
    characteristic: 3,
    severity: 'error',
    compliance: false,
    scope: 'file',
    fixable: false,
    summary: 'contributions, where given, add up to total (to the penny)',
    docs: {
      description:
        'A unified budget pools money from several sources. When the contributions are listed they must account ' +
        'for the whole total, to the penny, so that the pooled budget is what the partners signed up to.',
      failing:
        'spec:\n' +
        '  budget:\n' +
        '    total: 5776000\n' +
        '    contributions:\n' +
        '      - { source: ICB core capitation, amount: 5276000 }\n' +
        '      - { source: Better Care Fund, amount: 400000 }',
      passing:
        'spec:\n' +
        '  budget:\n' +
        '    total: 5776000\n' +
        '    contributions:\n' +
        '      - { source: ICB core capitation, amount: 5276000 }\n' +
        '      - { source: Better Care Fund, amount: 500000 }',
    },
  },
  messages: {
    sum: 'Contributions add up to {sum:money}, not the budget total {total:money}',
  },
  check({data, params, report}) {
    const section = budget(data)
    const total = num(section?.total)
    const contributions = knownList(section?.contributions, 'amount')
    if (!section || section.contributions === undefined || total === undefined || !contributions) return
    const sum = contributions.reduce((acc, c) => acc + (num(c.amount) ?? Number.NaN), 0)
    if (Number.isNaN(sum) || Math.abs(sum - total) < Number(params.tolerance)) return
    report({path: '/spec/budget/contributions', messageId: 'sum', data: {sum: Math.round(sum * 100) / 100, total}})
  },
})

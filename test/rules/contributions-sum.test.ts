import {describe, expect, it} from 'vitest'
import {edit, lineOf, messages, riverside} from '../helpers.js'
import {ruleTable, type ValidCase} from '../rule-tester.js'

// riverside: total 5,776,000 = 5,276,000 (ICB core capitation) + 500,000 (Better Care Fund).
const base = riverside()
const contributions = lineOf(base, 'contributions:')
const total = lineOf(base, 'total: 5776000')
const core = lineOf(base, 'amount: 5276000')
const bcf = lineOf(base, 'amount: 500000')
const contributionList = /    contributions:[\s\S]*?(?=    riskShare:)/
const setCore = (value: string): [string, string] => ['amount: 5276000', `amount: ${value}`]
const setBcf = (value: string): [string, string] => ['amount: 500000', `amount: ${value}`]
const setTotal = (value: string): [string, string] => ['total: 5776000', `total: ${value}`]

/** A block list of contributions, one flow mapping per line. */
const rows = (...amounts: string[]): string =>
  `    contributions:\n${amounts.map((amount, i) => `      - {source: Source ${i + 1}, amount: ${amount}}\n`).join('')}`

/** These are lint rules: every case runs in lint mode unless it says otherwise. */
const lint = <T extends ValidCase>(cases: T[]): T[] => cases.map((c) => ({mode: 'lint' as const, ...c}))

ruleTable('budget/contributions-sum', {
  valid: lint([
    {name: 'riverside: 5,276,000 + 500,000 = 5,776,000', code: base},
    {name: 'no contributions: nothing to add up', code: edit(base, [contributionList, ''])},
    {name: 'one contribution of the whole total', code: edit(base, [contributionList, rows('5776000')])},
    {name: 'pence that add up exactly: 5,275,999.99 + 500,000.01', code: edit(base, setCore('5275999.99'), setBcf('500000.01'))},
    {
      name: 'floating-point amounts that add up exactly: 5,775,999.4 + 0.1 + 0.2 + 0.3',
      code: edit(base, [contributionList, rows('5775999.4', '0.1', '0.2', '0.3')]),
    },
    {
      name: 'floating-point amounts that add up exactly: 5,775,999.7 + 0.1 + 0.2',
      code: edit(base, [contributionList, rows('5775999.7', '0.1', '0.2')]),
    },
    {
      name: 'a total with pence and contributions to match',
      code: edit(base, setTotal('5776000.30'), [contributionList, rows('5776000.1', '0.2')]),
    },
    {name: 'a "500,000" amount is read as 500,000', code: edit(base, setBcf('"500,000"'))},
    {name: "an amount that is not a number: the sum is unknown, the schema's to report", code: edit(base, setBcf('lots'))},
    {name: "a total that is not a number: the schema's to report", code: edit(base, setTotal('lots'))},
    {name: 'validate mode does not run this lint rule', code: edit(base, setBcf('400000')), mode: 'validate'},
  ]),
  invalid: lint([
    {
      name: '100,000 short: at the contributions key',
      code: edit(base, setBcf('400000')),
      errors: [
        {at: `budget/contributions-sum@${contributions}:5-${contributions}:18`, messageId: 'sum', data: {sum: 5676000, total: 5776000}},
      ],
    },
    {
      name: 'a penny short',
      code: edit(base, setBcf('499999.99')),
      errors: [
        {at: `budget/contributions-sum@${contributions}:5-${contributions}:18`, messageId: 'sum', data: {sum: 5775999.99, total: 5776000}},
      ],
    },
    {
      name: 'a penny over',
      code: edit(base, setBcf('500000.01')),
      errors: [
        {at: `budget/contributions-sum@${contributions}:5-${contributions}:18`, messageId: 'sum', data: {sum: 5776000.01, total: 5776000}},
      ],
    },
    {
      name: 'the total a penny more than the contributions (capitation is within 1 %)',
      code: edit(base, setTotal('5776000.01')),
      errors: [
        {at: `budget/contributions-sum@${contributions}:5-${contributions}:18`, messageId: 'sum', data: {sum: 5776000, total: 5776000.01}},
      ],
    },
    {
      name: 'floating-point amounts a penny short: 5,775,999.39 + 0.1 + 0.2 + 0.3',
      code: edit(base, [contributionList, rows('5775999.39', '0.1', '0.2', '0.3')]),
      errors: [
        {at: `budget/contributions-sum@${contributions}:5-${contributions}:18`, messageId: 'sum', data: {sum: 5775999.99, total: 5776000}},
      ],
    },
    {
      name: 'a third contribution on top of the total',
      code: edit(base, [contributionList, rows('5276000', '500000', '25000')]),
      errors: [
        {at: `budget/contributions-sum@${contributions}:5-${contributions}:18`, messageId: 'sum', data: {sum: 5801000, total: 5776000}},
      ],
    },
    {
      name: 'an empty list is given and adds up to £0: at the []',
      code: edit(base, [contributionList, '    contributions: []\n']),
      errors: [{at: `budget/contributions-sum@${contributions}:20-${contributions}:22`, messageId: 'sum', data: {sum: 0, total: 5776000}}],
    },
    {
      name: 'a flow-style list: at the [',
      code: edit(base, [contributionList, '    contributions: [{source: ICB, amount: 5276000}, {source: BCF, amount: 400000}]\n']),
      errors: [
        {at: `budget/contributions-sum@${contributions}:20-${contributions}:83`, messageId: 'sum', data: {sum: 5676000, total: 5776000}},
      ],
    },
    {
      name: 'a "£400,000" amount is read as 400,000: format/number, and the sum is short',
      code: edit(base, setBcf('"£400,000"')),
      errors: [
        {at: `budget/contributions-sum@${contributions}:5-${contributions}:18`, messageId: 'sum', data: {sum: 5676000, total: 5776000}},
        `format/number@${bcf}:17`,
      ],
    },
    {
      name: 'a "500,000" amount is read as 500,000 (format/number only)',
      code: edit(base, setBcf('"500,000"')),
      errors: [`format/number@${bcf}:17`],
    },
    {
      name: 'an amount that is not a number: schema only, no crash',
      code: edit(base, setBcf('lots')),
      errors: [`schema@${bcf}:17`],
    },
    {
      name: 'a negative amount: schema only, not also the sum',
      code: edit(base, setCore('-5276000')),
      errors: [`schema@${core}:17`],
    },
    {
      name: 'a contribution without an amount: schema only, not also the sum',
      code: edit(base, ['        amount: 500000\n', '']),
      errors: [`schema@${lineOf(base, 'source: Better Care Fund')}:9`],
    },
    {
      name: 'contributions that are not a list: schema only, no crash',
      code: edit(base, [contributionList, '    contributions: {amount: 5776000}\n']),
      errors: [`schema@${contributions}:20`],
    },
    {
      name: 'a total that is not a number: schema only, no crash',
      code: edit(base, setTotal('lots')),
      errors: [`schema@${total}:12`],
    },
  ]),
})

describe('budget/contributions-sum message', () => {
  const text = (code: string): string[] =>
    messages(code, 'lint')
      .filter((m) => m.ruleId === 'budget/contributions-sum')
      .map((m) => `${m.severity}: ${m.message}`)

  it('gives the sum and the total as money', () => {
    expect(text(edit(base, setBcf('400000')))).toEqual(['error: Contributions add up to £5,676,000, not the budget total £5,776,000'])
  })

  it('shows pence when there are any', () => {
    expect(text(edit(base, setBcf('499999.99')))).toEqual(['error: Contributions add up to £5,775,999.99, not the budget total £5,776,000'])
    expect(text(edit(base, setTotal('5776000.01')))).toEqual([
      'error: Contributions add up to £5,776,000, not the budget total £5,776,000.01',
    ])
    expect(text(edit(base, setBcf('400000.5')))).toEqual(['error: Contributions add up to £5,676,000.50, not the budget total £5,776,000'])
  })
})

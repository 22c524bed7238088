import {describe, expect, it} from 'vitest'
import {checkText} from '../../src/engine/pipeline/run.js'
import {edit, lineOf, messages, riverside, TODAY} from '../helpers.js'
import {ruleTable, type InvalidCase, type ValidCase} from '../rule-tester.js'

// riverside: 14,250 + 11,980 + 9,870 = 36,100, mid-band; total 160 x 36,100 with contributions adding up to it.
const base = riverside()
const practices = lineOf(base, 'practices:')
const listSize = lineOf(base, 'listSize: 14250')
const practiceList = /practices:[\s\S]*?(?=  workforce:)/

/** A lint case (these are lint rules). */
const lint = <T extends ValidCase | InvalidCase>(cases: T[]): T[] => cases.map((c) => ({mode: 'lint', ...c}))

/** Riverside with a registered population of `n` (first practice resized), total = 160 x n and contributions adding up. */
const population = (n: number, ...more: Array<[string | RegExp, string]>): string =>
  edit(
    base,
    ['listSize: 14250', `listSize: ${14250 + n - 36100}`],
    ['total: 5776000', `total: ${160 * n}`],
    ['amount: 5276000', `amount: ${160 * n - 500000}`],
    ...more,
  )

ruleTable('population/near-band-edge', {
  valid: lint([
    {name: 'riverside: 36,100', code: base},
    {name: '31,500: just outside the lower margin', code: population(31500)},
    {name: '40,000: mid-band', code: population(40000)},
    {name: '47,500: just outside the upper margin', code: population(47500)},
    {name: "29,999 is below the band: size-band's, not near-band-edge", code: population(29999)},
    {name: "50,001 is above the band: size-band's, not near-band-edge", code: population(50001)},
    {
      name: "a list size that is not a number: the population is unknown, the schema's to report",
      code: edit(base, ['listSize: 14250', 'listSize: lots']),
    },
    {name: 'validate does not run it (not a compliance rule)', code: population(30000), mode: 'validate'},
  ]),
  invalid: lint([
    {
      name: 'exactly 30,000: the lower edge, at the practices key',
      code: population(30000),
      errors: [
        {
          at: `population/near-band-edge@${practices}:5-${practices}:14`,
          messageId: 'lower',
          data: {population: 30000, margin: 5, minimum: 30000, maximum: 50000},
        },
      ],
    },
    {
      name: '30,800',
      code: population(30800),
      errors: [
        {
          at: `population/near-band-edge@${practices}:5-${practices}:14`,
          messageId: 'lower',
          data: {population: 30800, margin: 5, minimum: 30000, maximum: 50000},
        },
      ],
    },
    {
      name: '31,499: the last population within 5 % of 30,000',
      code: population(31499),
      errors: [
        {
          at: `population/near-band-edge@${practices}:5-${practices}:14`,
          messageId: 'lower',
          data: {population: 31499, margin: 5, minimum: 30000, maximum: 50000},
        },
      ],
    },
    {
      name: '47,501: the first population within 5 % of 50,000',
      code: population(47501),
      errors: [
        {
          at: `population/near-band-edge@${practices}:5-${practices}:14`,
          messageId: 'upper',
          data: {population: 47501, margin: 5, minimum: 30000, maximum: 50000},
        },
      ],
    },
    {
      name: '49,000',
      code: population(49000),
      errors: [
        {
          at: `population/near-band-edge@${practices}:5-${practices}:14`,
          messageId: 'upper',
          data: {population: 49000, margin: 5, minimum: 30000, maximum: 50000},
        },
      ],
    },
    {
      name: 'exactly 50,000: the upper edge',
      code: population(50000),
      errors: [
        {
          at: `population/near-band-edge@${practices}:5-${practices}:14`,
          messageId: 'upper',
          data: {population: 50000, margin: 5, minimum: 30000, maximum: 50000},
        },
      ],
    },
    {name: '29,999: size-band only', code: population(29999), errors: [`population/size-band@${practices}:5`]},
    {name: '50,001: size-band only', code: population(50001), errors: [`population/size-band@${practices}:5`]},
    {
      name: 'a flow-style list of 30,800: at the [',
      code: edit(
        base,
        [practiceList, 'practices: [{odsCode: A81001, name: A, listSize: 18820}, {odsCode: A81002, name: B, listSize: 11980}]\n'],
        ['total: 5776000', 'total: 4928000'],
        ['amount: 5276000', 'amount: 4428000'],
      ),
      errors: [
        {
          at: `population/near-band-edge@${practices}:16-${practices}:106`,
          messageId: 'lower',
          data: {population: 30800, margin: 5, minimum: 30000, maximum: 50000},
        },
      ],
    },
    {
      name: 'a "8,150" list size is read as 8,150: 30,000 in all, format/number and near-band-edge',
      code: edit(
        base,
        ['listSize: 14250', 'listSize: "8,150"'],
        ['total: 5776000', 'total: 4800000'],
        ['amount: 5276000', 'amount: 4300000'],
      ),
      errors: [
        {
          at: `population/near-band-edge@${practices}:5-${practices}:14`,
          messageId: 'lower',
          data: {population: 30000, margin: 5, minimum: 30000, maximum: 50000},
        },
        `format/number@${listSize}:19`,
      ],
    },
    {
      name: 'weighted capitation: the band is about the registered population (30,500), not weightedPopulation',
      code: edit(
        base,
        ['listSize: 14250', 'listSize: 8650'],
        ['basis: registered', 'basis: weighted'],
        ['      # weightedPopulation: 38900', '      weightedPopulation: 40000'],
        ['total: 5776000', 'total: 6400000'],
        ['amount: 5276000', 'amount: 5900000'],
      ),
      errors: [
        {
          at: `population/near-band-edge@${practices}:5-${practices}:14`,
          messageId: 'lower',
          data: {population: 30500, margin: 5, minimum: 30000, maximum: 50000},
        },
      ],
    },
    {
      name: 'a list size that is not a number: schema only, no crash',
      code: edit(base, ['listSize: 14250', 'listSize: lots']),
      errors: [`schema@${listSize}:19`],
    },
    {name: 'a negative list size: schema only', code: edit(base, ['listSize: 14250', 'listSize: -1']), errors: [`schema@${listSize}:19`]},
  ]),
})

describe('population/near-band-edge messages and options', () => {
  it('names the population, the margin and the band (lower edge)', () => {
    expect(messages(population(30800), 'lint')).toMatchObject([
      {
        ruleId: 'population/near-band-edge',
        severity: 'warning',
        message: 'Registered population 30,800 is within 5 % of the lower edge of the band (30,000-50,000)',
        line: practices,
        column: 5,
        path: '/spec/population/practices',
        characteristic: 4,
      },
    ])
  })

  it('names the upper edge', () => {
    expect(messages(population(48250), 'lint').map((m) => m.message)).toEqual([
      'Registered population 48,250 is within 5 % of the upper edge of the band (30,000-50,000)',
    ])
  })

  const margin = (options: Record<string, unknown>, severity: 'warning' | 'error' | 'off' = 'warning') => ({
    dir: '/',
    rules: new Map([['population/near-band-edge', {severity, options}]]),
    ignore: [],
  })
  const lintWith = (code: string, config: ReturnType<typeof margin>) =>
    checkText(code, {mode: 'lint', today: TODAY, config}).messages.map((m) => [m.ruleId, m.severity, m.message])

  it.each([
    [32999, ['Registered population 32,999 is within 10 % of the lower edge of the band (30,000-50,000)']],
    [33000, []],
    [45000, []],
    [45001, ['Registered population 45,001 is within 10 % of the upper edge of the band (30,000-50,000)']],
  ])('option marginPercent 10: %i', (n, expected) => {
    expect(lintWith(population(n), margin({marginPercent: 10})).map(([, , message]) => message)).toEqual(expected)
  })

  it('config severity error and off', () => {
    expect(lintWith(population(30800), margin({}, 'error'))).toEqual([
      ['population/near-band-edge', 'error', 'Registered population 30,800 is within 5 % of the lower edge of the band (30,000-50,000)'],
    ])
    expect(lintWith(population(30800), margin({}, 'off'))).toEqual([])
  })
})

// What start-up does without ICU and debug gives the same as what it replaced: number formats, command order, loggers.
import {createRequire} from 'node:module'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {formatMoney, formatNumber, plural} from '../../src/rule-api/messages.js'

const require = createRequire(import.meta.url)
const compareCommandIds = require('../../scripts/command-order.cjs') as (a: string, b: string) => number

describe('whole numbers without Intl.NumberFormat', () => {
  const en = (value: number, min: number, max: number) =>
    new Intl.NumberFormat('en-GB', {minimumFractionDigits: min, maximumFractionDigits: max}).format(value)

  it.each([
    [0, '0'],
    [-0, '-0'],
    [7, '7'],
    [999, '999'],
    [1000, '1,000'],
    [-28400, '-28,400'],
    [1234567, '1,234,567'],
    [Number.MAX_SAFE_INTEGER, '9,007,199,254,740,991'],
    [0.5, '0.5'],
    [1234.567, '1,234.57'],
  ])('formatNumber(%s) is %s, as en-GB formats it', (value, text) => {
    expect(formatNumber(value)).toBe(text)
    expect(en(value, 0, 2)).toBe(text)
  })

  it('formatNumber and plural agree with en-GB for any safe integer', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (value) => {
        expect(formatNumber(value)).toBe(en(value, 0, 2))
        expect(plural(value, 'file')).toBe(`${en(value, 0, 2)} ${value === 1 ? 'file' : 'files'}`)
      }),
    )
  })

  it('formatMoney agrees with en-GB for whole pounds (below 10^13, where value * 100 is exact)', () => {
    fc.assert(
      fc.property(fc.integer({min: -1e13, max: 1e13}), (value) => {
        expect(formatMoney(value)).toBe(`£${en(value, 0, 0)}`)
      }),
    )
  })

  it('money with pence still goes through en-GB', () => {
    expect(formatMoney(160.5)).toBe('£160.50')
    expect(formatMoney(1e16)).toBe(`£${en(1e16, 0, 0)}`)
  })
})

describe("oclif's command order without localeCompare", () => {
  it('orders ids of letters, "-" and ":" exactly as localeCompare does', () => {
    const id = fc.stringMatching(/^[a-z:-]{0,8}$/)
    fc.assert(
      fc.property(id, id, (a, b) => {
        expect(Math.sign(compareCommandIds(a, b))).toBe(Math.sign(a.localeCompare(b)))
      }),
      {numRuns: 2000},
    )
    expect(['validate', 'sync-list-sizes', 'sync', 'lsp', 'lint'].sort(compareCommandIds)).toEqual([
      'lint',
      'lsp',
      'sync',
      'sync-list-sizes',
      'validate',
    ])
  })

  it('hands any other id to localeCompare', () => {
    expect(compareCommandIds('a', 'B')).toBe('a'.localeCompare('B'))
    expect(compareCommandIds('é', 'f')).toBe(-1)
    expect(compareCommandIds('a1', 'a:')).toBe('a1'.localeCompare('a:'))
  })
})

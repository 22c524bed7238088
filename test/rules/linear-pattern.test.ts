// Which local-rule patterns run on JavaScript's engine (provably linear with backtracking) and which
// on RE2; both answer as ajv's default engine would, and no pattern takes more than linear time.
import {describe, expect, it} from 'vitest'
import {backtracksLinearly, linearPattern, UnsupportedPattern} from '../../src/rules/linear-pattern.js'

describe('backtracksLinearly', () => {
  it.each([
    ['^R[A-Z0-9]{2}$', true],
    ['^[A-Y][0-9]{5}$', true],
    ['^[0-9]{6,8}$', true],
    ['^\\d+$', true],
    ['^Q', true],
    ['nhs\\.uk', true],
    ['^\\p{Lu}\\p{L}*$', true],
    ['^[^\\]]*$', true],
    ['^(a+)+$', false],
    ['^[a-z]+(-[a-z0-9]+)*$', false],
    ['^a*a*$', false],
    ['a+$', false],
    ['^a?b?$', false],
    ['^(a|b)$', false],
    ['^(a)\\1$', false],
    ['^a{1000}$', false],
  ])('%s: %s', (pattern, linear) => {
    expect(backtracksLinearly(pattern)).toBe(linear)
  })
})

describe('linearPattern', () => {
  it('matches as a JavaScript RegExp with the u flag would, on either engine', () => {
    for (const [pattern, texts] of [
      ['^R[A-Z0-9]{2}$', ['RX1', 'rx1', 'RX12', '']],
      ['^[a-z]+(-[a-z0-9]+)*$', ['riverside-cvs', 'Riverside', 'a--b', 'a-1']],
      ['@(nhs\\.net|[a-z0-9.-]+\\.nhs\\.uk)$', ['a@nhs.net', 'a@x.nhs.uk', 'a@gmail.com']],
    ] as const) {
      const compiled = linearPattern(pattern)
      for (const text of texts) expect([pattern, text, compiled.test(text)]).toEqual([pattern, text, new RegExp(pattern, 'u').test(text)])
    }
  })

  it('names each pattern in toString, as ajv keys compiled patterns by it', () => {
    expect([String(linearPattern('^R')), String(linearPattern('^(a+)+$'))]).toEqual(['js:^R', 're2:^(a+)+$'])
  })

  it('runs an exponential pattern in linear time, and refuses what RE2 cannot match', () => {
    expect(linearPattern('^(a+)+$').test(`${'a'.repeat(100_000)}!`)).toBe(false)
    expect(() => linearPattern('(?=a)a')).toThrow(UnsupportedPattern)
  })
})

// Which local-rule patterns run on JavaScript's engine (provably linear with backtracking) and which
// on RE2; both answer as ajv's default engine would, and no pattern takes more than linear time.
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {backtracksLinearly, engineOf, linearPattern, UnsupportedPattern} from '../../src/rules/linear-pattern.js'
import {propertyRuns} from '../seed.js'

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
    ['^(a|b)$', true],
    ['^(?:nhs\\.net|[a-z]+\\.nhs\\.uk)$', true],
    ['(a|b)(c|d)x', true],
    ['^(a|b)+$', false],
    ['^(a|b){2}$', false],
    ['^a|b$', false],
    ['^(?=a)a', false],
    ['^(?<year>\\d{4})$', false],
    [`^${'(a|b)'.repeat(7)}$`, false],
    ['^(a)\\1$', false],
    ['^a{1000}$', false],
  ])('%s: %s', (pattern, linear) => {
    expect(backtracksLinearly(pattern)).toBe(linear)
  })
})

describe('engineOf', () => {
  it.each<[string, ReturnType<typeof engineOf>]>([
    ['^R[A-Z0-9]{2}$', {}],
    ['@(nhs\\.net|[a-z0-9.-]+\\.nhs\\.uk)$', {reversed: '^(ten\\.shn|ku\\.shn\\.[a-z0-9.-]+)@'}],
    ['[a-z]+@x$', {reversed: '^x@[a-z]+'}],
    ['(?:ab|c\\d?)e$', {reversed: '^e(?:ba|\\d?c)'}],
    ['a+$', {reversed: '^a+'}],
    // What JavaScript and RE2 read differently is not matched backwards (RE2 stands in for it).
    ['.+x$', 're2'],
    ['\\s+x$', 're2'],
    ['\\p{L}+x$', 're2'],
    ['a+b+$', 're2'],
    ['a+', 're2'],
  ])('%s', (pattern, engine) => {
    expect(engineOf(pattern)).toEqual(engine)
  })
})

// Patterns of the shapes the analysis reads (and some it leaves to RE2), over texts of their letters.
const atom = fc.constantFrom('a', 'b', '[ab]', '[^a]', '\\d', '\\w', '\\.', '.', '\\s', '\\p{L}', '\\u{1F600}', '[\\uD800-\\uDFFF]')
const quantified = fc.tuple(atom, fc.constantFrom('', '', '*', '+', '?', '{2}', '{1,2}', '+?')).map(([a, q]) => a + q)
const sequenceOf = (inner: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.array(inner, {minLength: 1, maxLength: 4}).map((items) => items.join(''))
const drawnPattern: fc.Arbitrary<string> = fc.letrec((tie) => ({
  item: fc.oneof({depthSize: 'small'}, quantified, quantified, tie('group')),
  group: fc
    .tuple(fc.constantFrom('(', '(?:'), fc.array(tie('sequence'), {minLength: 1, maxLength: 3}))
    .map(([open, alternatives]) => `${open}${alternatives.join('|')})`),
  sequence: sequenceOf(tie('item') as fc.Arbitrary<string>),
})).sequence as fc.Arbitrary<string>
const anchored = fc
  .tuple(fc.constantFrom('', '^'), drawnPattern, fc.constantFrom('', '$', '$'))
  .map(([start, body, end]) => start + body + end)
const text = fc
  .array(fc.constantFrom('a', 'b', '1', '.', ' ', '_', '\u{1F600}', '\uD83D', '\uDE00', 'x'), {maxLength: 12})
  .map((characters) => characters.join(''))

describe('linearPattern', () => {
  it("answers as JavaScript's RegExp with the u flag, on whichever engine, for drawn patterns and texts", () => {
    fc.assert(
      fc.property(anchored, fc.array(text, {minLength: 1, maxLength: 8}), (pattern, texts) => {
        let compiled: ReturnType<typeof linearPattern>
        try {
          compiled = linearPattern(pattern)
        } catch (error) {
          // JavaScript syntax RE2 refuses (`\\u{...}`) in a pattern only RE2 could match in linear time: a config error.
          expect(error).toBeInstanceOf(UnsupportedPattern)
          expect(engineOf(pattern)).toBe('re2')
          return
        }
        const native = new RegExp(pattern, 'u')
        // RE2 reads `.` and `\s` a little differently (a line break, Unicode spaces): only the JavaScript engines must agree exactly.
        if (String(compiled).startsWith('re2:')) return
        for (const drawn of texts) expect([pattern, drawn, compiled.test(drawn)]).toEqual([pattern, drawn, native.test(drawn)])
      }),
      {numRuns: propertyRuns(2000)},
    )
  })

  it('matches a pattern backwards in time linear in the text, where forwards it would take quadratic time', () => {
    const long = 'a'.repeat(200_000)
    expect(linearPattern('[a-z]+@x$').test(long)).toBe(false)
    expect(linearPattern('[a-z]+@x$').test(`${long}@x`)).toBe(true)
  })

  it('hands a text with a lone surrogate to RE2 rather than turn it round (it could pair with another)', () => {
    const pattern = 'x+[^a]{2}b$'
    const compiled = linearPattern(pattern)
    expect(String(compiled)).toBe(`js-reversed:${pattern}`)
    // Turned round, \uDE00 \uD83D would be one character, and [^a]{2} would take the x as its second.
    for (const drawn of ['x\uDE00\uD83Db', 'x\uD83D\uDE00b', 'xx\uD83D\uDE00b'])
      expect([drawn, compiled.test(drawn)]).toEqual([drawn, new RegExp(pattern, 'u').test(drawn)])
  })

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

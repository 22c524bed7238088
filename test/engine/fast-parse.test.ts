// The fast parser against `yaml`: wherever it answers, data, start line and every position (value
// and key of every pointer, and of a missing child of each container) must be `yaml`'s. Fuzzed with
// fast-check; a failure prints its seed and path (PCH_PROPERTY_SEED=<seed> replays it).
import fc from 'fast-check'
import {stringify} from 'yaml'
import {describe, expect, it, vi} from 'vitest'
import {fastParse} from '../../src/engine/parse/fast-parse.js'
import {parseFull} from '../../src/engine/parse/parse.js'
import {checkText} from '../../src/engine/pipeline/run.js'
import {TODAY} from '../helpers.js'
import {corpus, jsonLike, mutate, mutation, yamlChar, yamlKey} from '../arbitraries.js'
import {difference} from './differential.js'
import {propertyRuns} from '../seed.js'

// The whole-check comparison turns the fast path off by declining every text, as the fast parser
// itself declines what it does not know: the engine then takes the full parser, as in production.
const fastPath = vi.hoisted(() => ({on: true, declined: 0}))
vi.mock('../../src/engine/parse/fast-parse.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/engine/parse/fast-parse.js')>()
  return {
    ...original,
    fastParse: (...args: Parameters<typeof original.fastParse>) => (fastPath.on ? original.fastParse(...args) : void fastPath.declined++),
  }
})

const RUNS = propertyRuns(2000)
// Replay a failure: PCH_PROPERTY_SEED=<seed> npx vitest run test/engine/fast-parse.test.ts (the seed is
// every property test's, test/seed.ts, set for fast-check by test/setup.ts).

describe('the fast parser agrees with yaml', () => {
  it('on every example and template, and takes the fast path for the plain ones', () => {
    for (const text of corpus) expect(difference(text), JSON.stringify(text)).toBeUndefined()
    expect(corpus.filter((text) => fastParse(text)).length).toBeGreaterThan(corpus.length - 6)
  })

  it('on JSON-like values written by yaml in block and flow styles', () => {
    const options = fc.record({
      collectionStyle: fc.constantFrom('any', 'block', 'flow') as fc.Arbitrary<'any' | 'block' | 'flow'>,
      indent: fc.constantFrom(2, 4),
      indentSeq: fc.boolean(),
      lineWidth: fc.constantFrom(0, 40, 80),
      defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_SINGLE', 'QUOTE_DOUBLE') as fc.Arbitrary<
        'PLAIN' | 'QUOTE_SINGLE' | 'QUOTE_DOUBLE'
      >,
    })
    // Flow collections one level down, as definitions write baseline: { value: 1, asOf: ... }.
    const flowInside = (data: Record<string, unknown>, opts: object): string =>
      Object.entries(data)
        .map(([k, v]) => stringify({[k]: v}, {...opts, collectionStyle: 'block'}).replace(/\n$/, '') + '\n')
        .join('')
    fc.assert(
      fc.property(fc.dictionary(yamlKey, jsonLike, {minKeys: 1, maxKeys: 5}), options, (data, opts) => {
        expect(difference(stringify(data, opts))).toBeUndefined()
        expect(difference(flowInside(data, opts))).toBeUndefined()
      }),
      {numRuns: RUNS},
    )
  })

  it('on the examples with random edits: characters, indentation, lines moved or dropped', () => {
    fc.assert(
      fc.property(fc.nat(corpus.length - 1), fc.array(mutation, {minLength: 1, maxLength: 3}), (which, mutations) => {
        const text = mutations.reduce(mutate, corpus[which]!)
        expect(difference(text), JSON.stringify(text)).toBeUndefined()
      }),
      {numRuns: RUNS},
    )
  })

  it('in whole checks: the same findings, positions and messages on either path', () => {
    const same = (text: string): void => {
      for (const mode of ['validate', 'lint'] as const) {
        const fast = checkText(text, {mode, today: TODAY, fileName: 'site.pch.yaml'})
        fastPath.on = false
        let full: ReturnType<typeof checkText>
        try {
          full = checkText(text, {mode, today: TODAY, fileName: 'site.pch.yaml'})
        } finally {
          fastPath.on = true
        }
        expect(fast, JSON.stringify(text)).toEqual(full)
      }
    }
    for (const text of corpus) same(text)
    // The engine asked the (declining) fast parser for every check of the corpus: both paths ran.
    expect(fastPath.declined).toBeGreaterThanOrEqual(corpus.length * 2)
    fc.assert(
      fc.property(fc.nat(corpus.length - 1), fc.array(mutation, {minLength: 1, maxLength: 3}), (which, mutations) => {
        same(mutations.reduce(mutate, corpus[which]!))
      }),
      {numRuns: RUNS},
    )
  })

  it('on arbitrary short texts of YAML-significant characters', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            yamlChar,
            fc.constantFrom('key', 'a: ', 'b:', '\nc: ', '[x, y]', '{p: 1}', '[-, -1]', '"q"', "'r''s'", '12', '-3.5', 'true'),
          ),
          {maxLength: 40},
        ),
        (parts) => {
          expect(difference(parts.join(''))).toBeUndefined()
        },
      ),
      {numRuns: RUNS},
    )
  })

  it('reads one-line flow collections inside flow collections, as a config writes its schemas', () => {
    const nested = [
      'where: { properties: { sector: { enum: [acute, community-health] } }, required: [sector, odsCode] }\n',
      'a: {b: {c: 1}}\n',
      'a: [[1, 2], {b: [c, {d: e}]}, [], {}]\n',
      'a: { b: { c: [x, "y"] } , d: {} }  # a comment\n',
      "a: [{b: 'c''d'}, [-1, 2.5, true, null]]\n",
    ]
    for (const text of nested) {
      expect(fastParse(text), text).toBeDefined()
      expect(difference(text), text).toBeUndefined()
    }
    expect(fastParse('a: {b: [1, {c: x}]}\n')!.data).toEqual({a: {b: [1, {c: 'x'}]}})
    // The same depth limit as yaml's path: a collection inside one is a level deeper.
    for (const [text, levels] of [
      ['a: {b: {c: 1}}\n', 3],
      ['a: [[[[1]]]]\n', 5],
      ['a: [b, {c: [d]}]\n', 4],
    ] as const) {
      for (const maxDepth of [levels - 1, levels]) {
        const tooDeep = parseFull(text, maxDepth).documents[0]!.problems.length > 0
        expect(fastParse(text, maxDepth) === undefined, `${text} at ${maxDepth}`).toBe(tooDeep)
        expect(tooDeep).toBe(maxDepth < levels)
      }
    }
    // Nested flow collections of drawn values (keys, scalars and collections) on one line.
    const flowValue: fc.Arbitrary<string> = fc.letrec<{value: string}>((tie) => ({
      value: fc.oneof(
        {depthSize: 'small', withCrossShrink: true},
        fc.constantFrom('x', '1', '-2', 'true', 'null', '"q"', "'r''s'", 'a b', '-', '[]', '{}'),
        fc.array(tie('value'), {maxLength: 3}).map((items) => `[${items.join(', ')}]`),
        fc
          .array(fc.tuple(fc.constantFrom('a', 'b', 'c-d', 'e/f'), tie('value')), {maxLength: 3})
          .map((pairs) => `{ ${pairs.map(([k, v]) => `${k}: ${v}`).join(', ')} }`),
      ),
    })).value
    let read = 0
    fc.assert(
      fc.property(flowValue, fc.constantFrom('', ' ', '  # note'), (value, after) => {
        const text = `key: ${value}${after}\n`
        expect(difference(text), text).toBeUndefined()
        if (fastParse(text)) read++
      }),
      {numRuns: RUNS},
    )
    // Most of them on the fast path (a dash alone in one is a syntax error to yaml, and declined).
    expect(read).toBeGreaterThan(RUNS / 2)
  })

  it('declines what it does not model, so yaml parses it', () => {
    const declined = [
      'a: &x 1\nb: *x\n', // anchors and aliases
      'a: !!str 1\n', // tags
      'a: |\n  text\n', // block scalars
      'a: one\n  two\n', // a plain scalar over two lines
      'a: 1\n---\nb: 2\n', // several documents
      'a:\tb\n', // tabs
      'a: 1\na: 2\n', // duplicate keys
      'a: "x\\ny"\n', // escapes
      'a:\nb: 1\n', // an empty value
      '"a": 1\n', // a quoted key
      'a: 1\r\nb: 2\r\n', // CRLF
      '__proto__: 1\n',
      'a: [-]\n', // a dash alone in a flow collection: a syntax error to yaml
      'a: [x, -]\n',
      'a: {b: -}\n',
      'a: {b: {c: 1}x}\n', // text after a collection inside one
      'a: [[a]b]\n',
      'a: {[a]: 1}\n', // a collection as a key
      'a: [{b: 1}, ]\n', // a trailing comma
      'a: {b: [1}\n', // brackets that do not match
      'a: [{b: 1},\n  {c: 2}]\n', // over two lines
    ]
    for (const text of declined) expect(fastParse(text), text).toBeUndefined()
  })
})

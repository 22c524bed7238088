// The plain schemas of local rules checked without ajv (simple-schema.ts) give ajv's answer: valid
// or not, and the instancePath of the first error, for drawn schemas of the plain keywords over
// drawn values, and for the cases where JavaScript and JSON Schema part (NaN, infinities, surrogate
// pairs, inherited properties, keys to escape, the order of `required` and `properties`).
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {localAjv} from '../../src/rules/local.js'
import {simpleSchema} from '../../src/rules/simple-schema.js'
import {INVALID} from '../../src/rule-api/site.js'
import {propertyRuns} from '../seed.js'

const ajv = localAjv()
/** ajv's answer: undefined when valid, else the first error's instancePath; 'throws' when ajv throws. */
function ajvAnswer(schema: unknown, value: unknown): string | undefined {
  const validate = ajv.compile(schema as object)
  try {
    return validate(value) ? undefined : (validate.errors?.[0]?.instancePath ?? '')
  } catch {
    // fast-deep-equal calls a value's own `valueOf` or `toString` key (ajv's flaw: no answer to match).
    return 'throws'
  }
}

function simpleAnswer(schema: unknown, value: unknown): string | undefined {
  const check = simpleSchema(schema)
  if (check === undefined) throw new Error(`not a plain schema: ${JSON.stringify(schema)}`)
  return check(value)
}

const key = fc.constantFrom('a', 'b', 'name', 'a/b', 'c~d', 'toString', '')
const scalar = fc.oneof(
  fc.integer({min: -5, max: 5}),
  fc.constantFrom(0.5, -0, 1e21, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
  fc.constantFrom('', 'a', 'ab', 'abc', '\u{1F600}', '\u{1F600}\u{1F600}x', 'a\u{1F600}\u{1F600}', 'R1A', 'x@nhs.net'),
  fc.string({unit: 'binary', maxLength: 8}),
  fc.boolean(),
  fc.constant(null),
)
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({depthSize: 'small'}, scalar, fc.constant(INVALID), tie('array'), tie('object')),
  array: fc.array(tie('value'), {maxLength: 3}),
  object: fc.dictionary(key, tie('value'), {maxKeys: 4, noNullPrototype: true}),
})).value
const jsonScalar = fc.oneof(fc.integer({min: -5, max: 5}), fc.constantFrom('', 'a', 'ab', '\u{1F600}'), fc.boolean(), fc.constant(null))
const jsonValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({depthSize: 'small'}, jsonScalar, tie('array'), tie('object')),
  array: fc.array(tie('value'), {maxLength: 2}),
  object: fc.dictionary(key, tie('value'), {maxKeys: 2, noNullPrototype: true}),
})).value
const typeName = fc.constantFrom('string', 'number', 'integer', 'boolean', 'null', 'object', 'array')
const bound = fc.integer({min: -3, max: 4})
const keywords = fc.record(
  {
    type: fc.oneof(typeName, fc.uniqueArray(typeName, {minLength: 1, maxLength: 3})),
    const: jsonValue,
    enum: fc.array(jsonValue, {minLength: 1, maxLength: 3}),
    minimum: bound,
    maximum: bound,
    exclusiveMinimum: bound,
    exclusiveMaximum: bound,
    minLength: fc.nat(3),
    maxLength: fc.nat(3),
    pattern: fc.constantFrom('^a', 'b$', '^R[A-Z0-9]{2}$', '@(nhs\\.net|[a-z]+\\.nhs\\.uk)$', '\\p{L}'),
    required: fc.uniqueArray(
      key.filter((name) => name !== ''),
      {maxLength: 3},
    ),
    title: fc.constant('annotated'),
  },
  {requiredKeys: []},
)
const schema: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  schema: fc.oneof({depthSize: 'small', withCrossShrink: true}, keywords, fc.boolean(), tie('withProperties')),
  withProperties: fc
    .tuple(keywords, fc.dictionary(key, tie('schema'), {maxKeys: 3, noNullPrototype: true}))
    .map(([own, properties]) => ({...own, properties})),
})).schema

describe('plain schemas without ajv', () => {
  it("give ajv's validity and first error's instancePath for drawn schemas and values", () => {
    fc.assert(
      fc.property(schema, fc.array(value, {minLength: 1, maxLength: 6}), (drawn, values) => {
        for (const drawnValue of values) {
          const expected = ajvAnswer(drawn, drawnValue)
          if (expected !== 'throws') expect(simpleAnswer(drawn, drawnValue)).toBe(expected)
        }
      }),
      {numRuns: propertyRuns(1000)},
    )
  })

  it.each<[string, unknown, unknown, string | undefined]>([
    ['NaN is no number to bound', {maximum: 1}, Number.NaN, undefined],
    ['an infinity is no number to bound', {minimum: 1}, Number.NEGATIVE_INFINITY, undefined],
    ['an infinity is not of type number', {type: 'number'}, Number.POSITIVE_INFINITY, ''],
    ['an infinity is not an integer', {type: 'integer'}, Number.POSITIVE_INFINITY, ''],
    ['an emoji is one character', {maxLength: 1}, '\u{1F600}', undefined],
    ['two emoji are two', {maxLength: 1}, '\u{1F600}\u{1F600}', ''],
    ['three characters in five units are at least three', {minLength: 3}, 'a\u{1F600}\u{1F600}', undefined],
    ['three characters in five units are more than two', {maxLength: 2}, 'a\u{1F600}\u{1F600}', ''],
    ['two characters in four units are fewer than three', {minLength: 3}, '\u{1F600}\u{1F600}', ''],
    ['two characters in four units are at most two', {maxLength: 2}, '\u{1F600}\u{1F600}', undefined],
    ['an inherited property is present', {required: ['toString']}, {}, undefined],
    ['required comes before properties', {required: ['b'], properties: {a: {type: 'string'}}}, {a: 1}, ''],
    ['const and enum come before properties', {properties: {a: false}, enum: [{a: 2}]}, {a: 1}, ''],
    ['properties in the schema order', {properties: {b: false, a: false}}, {a: 1, b: 2}, '/b'],
    ['a key is escaped in the path', {properties: {'a/b': {properties: {'c~d': false}}}}, {'a/b': {'c~d': 1}}, '/a~1b/c~0d'],
    ['a property the schema rejected is a value as any other', {properties: {a: {type: 'string'}}}, {a: INVALID}, '/a'],
    ['deep equality of const', {const: {a: [1, {b: null}]}}, {a: [1, {b: null}]}, undefined],
    ['equal numbers in enum', {enum: [0]}, -0, undefined],
    ['the false schema', false, 1, ''],
    ['NaN is no value of a const', {const: Number.NaN}, Number.NaN, ''],
  ])('%s', (_name, drawn, drawnValue, expected) => {
    expect(ajvAnswer(drawn, drawnValue)).toBe(expected)
    expect(simpleAnswer(drawn, drawnValue)).toBe(expected)
  })

  it('compares a value with a key named toString as any other, where ajv throws', () => {
    expect(ajvAnswer({enum: [{}]}, {toString: {}})).toBe('throws')
    expect(simpleAnswer({enum: [{}]}, {toString: {}})).toBe('')
    expect(simpleAnswer({const: {toString: 1}}, {toString: 1})).toBeUndefined()
  })

  it.each<[string, unknown]>([
    ['a keyword outside the plain ones', {minItems: 1}],
    ['a format', {format: 'date'}],
    ['a $ref', {$ref: '#/$defs/x'}],
    ['an unknown type', {type: 'strin'}],
    ['a length of the wrong type', {minLength: 'many'}],
    ['an empty enum', {enum: []}],
    ['a pattern RE2 cannot match', {pattern: '(a)\\1'}],
    ['a plain keyword beside another', {required: ['a'], properties: {a: {items: {}}}}],
    ['a required empty name (ajv never finds it missing)', {required: ['']}],
  ])('leave %s to ajv', (_name, drawn) => {
    expect(simpleSchema(drawn)).toBeUndefined()
  })
})

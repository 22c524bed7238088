// The validators the build precompiles (dist/engine/validators.cjs, ajv standalone code) are the
// schemas of schemas/ as they are now, and report exactly what ajv compiling them at run time does.
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import fc from 'fast-check'
import {globSync} from 'tinyglobby'
import type {ValidateFunction} from 'ajv/dist/2020.js'
import {describe, expect, it} from 'vitest'
import {parseSource} from '../../src/engine/parse/parse.js'
import {setAt} from '../../src/rule-api/pointer.js'
import {createAjv, loadSchemas, PRECOMPILED, precompiledSource} from '../../src/rule-api/schemas.js'
import {ROOT} from '../helpers.js'
import {pointersOf} from './differential.js'
import {propertyRuns} from '../seed.js'

const BUILT = `${ROOT}dist/engine/validators.cjs`
const built = createRequire(import.meta.url)(BUILT) as Record<keyof typeof PRECOMPILED, ValidateFunction>
const ajv = createAjv()
for (const schema of loadSchemas()) ajv.addSchema(schema)
const compiled = (name: keyof typeof PRECOMPILED): ValidateFunction => ajv.getSchema(PRECOMPILED[name])!

const definitions = globSync(['examples/**/*.pch.yaml', 'templates/*.yaml'], {cwd: ROOT, absolute: true})
  .sort()
  .flatMap((file) => parseSource(readFileSync(file, 'utf8')).documents.map((doc) => doc.data))
  .filter((data) => data !== undefined)

const errorsOf = (validate: ValidateFunction, data: unknown): unknown => (validate(data) ? [] : structuredClone(validate.errors))

describe('precompiled validators', () => {
  it('are the build of the schemas as they are now (npm run build writes them)', () => {
    expect(readFileSync(BUILT, 'utf8')).toBe(precompiledSource())
  })

  it('report what compiled ones report, on every example and on 2,000 damaged ones', () => {
    for (const data of definitions) expect(errorsOf(built.definition, data)).toEqual(errorsOf(compiled('definition'), data))
    const odd = fc.oneof(
      fc.string({maxLength: 8}),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constant([]),
      fc.constant({}),
      fc.constantFrom('A81001', 'a81001', '2026-02-30', 'x@y', 'RX1', 'live'),
    )
    fc.assert(
      fc.property(fc.nat(definitions.length - 1), fc.array(fc.tuple(fc.nat(), odd), {minLength: 1, maxLength: 3}), (which, edits) => {
        const data = structuredClone(definitions[which])
        for (const [at, value] of edits) {
          const pointers = pointersOf(data).filter((p) => p !== '' && !p.endsWith('/no-such-key'))
          if (pointers.length > 0) setAt(data, pointers[at % pointers.length]!, value)
        }
        expect(errorsOf(built.definition, data)).toEqual(errorsOf(compiled('definition'), data))
      }),
      {numRuns: propertyRuns(2000)},
    )
  })

  it('check configs and trust, practice and ICB codes as compiled ones do', () => {
    for (const config of [
      {},
      {rules: {'population/size-band': 'off'}},
      {rules: {x: 'loud'}},
      {ignore: [1]},
      {ods: 'epraccur.csv', extra: true},
    ]) {
      expect(errorsOf(built.config, config)).toEqual(errorsOf(compiled('config'), config))
    }
    for (const name of ['trustOdsCode', 'practiceOdsCode', 'icbOdsCode'] as const) {
      for (const code of ['RX1', 'TAA', 'rx1', 'R1', 'A81001', 'A8100', 'a81001', 'QHM', 'Q00', 'U', '', 7])
        expect([name, code, built[name](code)]).toEqual([name, code, compiled(name)(code)])
    }
  })
})

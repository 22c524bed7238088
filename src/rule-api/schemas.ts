// The bundled JSON Schemas: loaded from schemas/, and the thresholds of the four characteristics
// read from their `x-pch-thresholds`. The validators every run needs are precompiled at build
// time (ajv standalone code, dist/engine/validators.cjs); ajv itself is loaded only when something
// else must be compiled (rule options, init's answers), or when running from source.
import {readFileSync, readdirSync} from 'node:fs'
import {createRequire} from 'node:module'
import {ajv as ajvLibrary} from './lazy.js'
import type {Ajv2020, ErrorObject, Options, ValidateFunction} from 'ajv/dist/2020.js'

const require = createRequire(import.meta.url)

export const SCHEMA_DIR = new URL('../../schemas/', import.meta.url)
export const SCHEMA_BASE = 'https://schemas.pch-toolkit.invalid/v1/'
export const ROOT_SCHEMA_ID = `${SCHEMA_BASE}pch.schema.json`

/** Keywords of our own: annotations that ajv keeps but does not evaluate. */
export const PCH_KEYWORDS = ['x-pch-characteristic', 'x-pch-thresholds', 'x-pch-fix', 'x-pch-reported-by', 'x-pch-keeps-value'] as const

export type JsonSchema = Record<string, unknown>

let rawSchemas: JsonSchema[] | undefined
let cache: {ajv: Ajv2020} | undefined

/** The validators precompiled at build time: export name -> schema id. */
export const PRECOMPILED = {
  definition: ROOT_SCHEMA_ID,
  config: `${SCHEMA_BASE}config.schema.json`,
  trustOdsCode: `${SCHEMA_BASE}workforce.schema.json#/$defs/trustOdsCode`,
  // pch import checks every practice and commissioner code of a national map.
  practiceOdsCode: `${SCHEMA_BASE}common.schema.json#/$defs/practiceOdsCode`,
  icbOdsCode: `${SCHEMA_BASE}common.schema.json#/$defs/icbOdsCode`,
} as const
// Written by the build (scripts/precompile.js).
const PRECOMPILED_FILE = '../engine/validators.cjs'
let precompiled: Record<string, ValidateFunction> | null | undefined

/** Every schema file of schemas/, parsed (sorted by file name). */
export function loadSchemas(): JsonSchema[] {
  return readdirSync(SCHEMA_DIR)
    .filter((name) => name.endsWith('.schema.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(new URL(name, SCHEMA_DIR), 'utf8')) as JsonSchema)
}

/** A strict ajv 2020-12 instance that knows our annotation keywords and the formats we use. */
export function createAjv(options: Options = {}): Ajv2020 {
  const {Ajv2020: Ajv, addFormats} = ajvLibrary()
  const ajv = new Ajv({allErrors: true, strict: true, verbose: true, ...options})
  addFormats(ajv, ['date', 'email'])
  ajv.addVocabulary([...PCH_KEYWORDS])
  return ajv
}

/** The bundled schemas, read once (no compilation: cheap for `pch rules`). */
function schemas(): JsonSchema[] {
  rawSchemas ??= loadSchemas()
  return rawSchemas
}

function compiled(): NonNullable<typeof cache> {
  if (!cache) {
    const ajv = createAjv()
    for (const schema of schemas()) ajv.addSchema(schema)
    cache = {ajv}
  }
  return cache
}

const validators = new Map<string, ValidateFunction>()

/** A schema's validator: precompiled when the build made it, compiled here otherwise (once per id: it is asked for every file). */
function validator(id: string): ValidateFunction {
  let validate = validators.get(id)
  if (!validate) validators.set(id, (validate = findValidator(id)))
  return validate
}

function findValidator(id: string): ValidateFunction {
  if (precompiled === undefined) {
    try {
      precompiled = require(PRECOMPILED_FILE) as Record<string, ValidateFunction>
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error
      precompiled = null
    }
  }
  const name = Object.entries(PRECOMPILED).find(([, ref]) => ref === id)?.[0]
  const built = name === undefined ? undefined : precompiled?.[name]
  if (built) return built
  const validate = compiled().ajv.getSchema(id)
  if (!validate) throw new Error(`no bundled schema ${id}`)
  return validate
}

/** The CommonJS module of the precompiled validators, written by the build. */
export function precompiledSource(): string {
  const {default: standaloneCode} = require('ajv/dist/standalone/index.js') as typeof import('ajv/dist/standalone/index.js')
  const ajv = createAjv({code: {source: true}})
  for (const schema of schemas()) ajv.addSchema(schema)
  return standaloneCode(ajv, {...PRECOMPILED})
}

export function schemaById(id: string): JsonSchema {
  let schema = schemasById.get(id)
  if (!schema) {
    schema = schemas().find((s) => s.$id === `${SCHEMA_BASE}${id}`)
    if (!schema) throw new Error(`no bundled schema ${id}`)
    schemasById.set(id, schema)
  }
  return schema
}
const schemasById = new Map<string, JsonSchema>()

/** Validate plain data against the definition schema; ajv's raw errors. */
export function validateAgainstSchema(data: unknown): ErrorObject[] {
  const validate = validator(ROOT_SCHEMA_ID)
  return validate(data) ? [] : [...(validate.errors ?? [])]
}

/** Validate a config object against schemas/config.schema.json; ajv's raw errors. */
export function validateConfigAgainstSchema(data: unknown): ErrorObject[] {
  const validate = validator(PRECOMPILED.config)
  return validate(data) ? [] : [...(validate.errors ?? [])]
}

/** Validate a rule's options against the JSON Schema its meta declares; messages of the errors. */
export function optionErrors(schema: JsonSchema, options: unknown): ErrorObject[] {
  const validate = compiled().ajv.compile(schema)
  return validate(options) ? [] : [...(validate.errors ?? [])]
}

/** ajv's errors for one value against a named subschema, e.g. "common.schema.json#/$defs/slug". */
export function subschemaErrors(ref: string, value: unknown): ErrorObject[] {
  const validate = validator(`${SCHEMA_BASE}${ref}`)
  return validate(value) ? [] : [...(validate.errors ?? [])]
}

/** Check one value against a named subschema, e.g. "workforce.schema.json#/$defs/trustOdsCode". */
export function matchesSchema(ref: string, value: unknown): boolean {
  const validate = validator(`${SCHEMA_BASE}${ref}`)
  return validate(value) as boolean
}

/** The parameters a rule takes from the schemas (`x-pch-thresholds`), e.g. the population band. */
export function thresholds(ruleId: string): Record<string, unknown> {
  let table = thresholdTable
  if (!table) {
    table = thresholdTable = new Map()
    for (const schema of schemas()) {
      for (const [id, values] of Object.entries((schema['x-pch-thresholds'] ?? {}) as Record<string, Record<string, unknown>>)) {
        if (!table.has(id)) table.set(id, values)
      }
    }
  }
  return table.get(ruleId) ?? {}
}
let thresholdTable: Map<string, Record<string, unknown>> | undefined

/** The supported `apiVersion` and `kind`, as the root schema declares them. */
export function supportedVersion(): {apiVersion: string; kind: string} {
  if (!supported) {
    const properties = schemaById('pch.schema.json').properties as Record<string, {const: string}>
    supported = {apiVersion: properties.apiVersion!.const, kind: properties.kind!.const}
  }
  return supported
}
let supported: {apiVersion: string; kind: string} | undefined

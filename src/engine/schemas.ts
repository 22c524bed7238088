// The bundled JSON Schemas: loaded from schemas/, compiled once per process, and the
// thresholds of the four characteristics read from their `x-pch-thresholds`.
import {readFileSync, readdirSync} from 'node:fs'
import {Ajv2020} from 'ajv/dist/2020.js'
import type {ErrorObject, ValidateFunction} from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'

// ajv-formats is CommonJS; its default export arrives wrapped under NodeNext resolution.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default

export const SCHEMA_DIR = new URL('../../schemas/', import.meta.url)
export const SCHEMA_BASE = 'https://schemas.pch-toolkit.invalid/v1/'
export const ROOT_SCHEMA_ID = `${SCHEMA_BASE}pch.schema.json`

/** Keywords of our own: annotations that ajv keeps but does not evaluate. */
export const PCH_KEYWORDS = ['x-pch-characteristic', 'x-pch-thresholds', 'x-pch-fix', 'x-pch-reported-by'] as const

export type JsonSchema = Record<string, unknown>

let rawSchemas: JsonSchema[] | undefined
let cache: {validate: ValidateFunction; ajv: Ajv2020} | undefined

/** Every schema file of schemas/, parsed (sorted by file name). */
export function loadSchemas(): JsonSchema[] {
  return readdirSync(SCHEMA_DIR)
    .filter((name) => name.endsWith('.schema.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(new URL(name, SCHEMA_DIR), 'utf8')) as JsonSchema)
}

/** A strict ajv 2020-12 instance that knows our annotation keywords and the formats we use. */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({allErrors: true, strict: true, verbose: true})
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
    cache = {ajv, validate: ajv.getSchema(ROOT_SCHEMA_ID) as ValidateFunction}
  }
  return cache
}

export function schemaById(id: string): JsonSchema {
  const schema = schemas().find((s) => s.$id === `${SCHEMA_BASE}${id}`)
  if (!schema) throw new Error(`no bundled schema ${id}`)
  return schema
}

/** Validate plain data against the definition schema; ajv's raw errors. */
export function validateAgainstSchema(data: unknown): ErrorObject[] {
  const {validate} = compiled()
  return validate(data) ? [] : [...(validate.errors ?? [])]
}

/** Validate a config object against schemas/config.schema.json; ajv's raw errors. */
export function validateConfigAgainstSchema(data: unknown): ErrorObject[] {
  const validate = compiled().ajv.getSchema(`${SCHEMA_BASE}config.schema.json`) as ValidateFunction
  return validate(data) ? [] : [...(validate.errors ?? [])]
}

/** Validate a rule's options against the JSON Schema its meta declares; messages of the errors. */
export function optionErrors(schema: JsonSchema, options: unknown): ErrorObject[] {
  const validate = compiled().ajv.compile(schema)
  return validate(options) ? [] : [...(validate.errors ?? [])]
}

/** ajv's errors for one value against a named subschema, e.g. "common.schema.json#/$defs/slug". */
export function subschemaErrors(ref: string, value: unknown): ErrorObject[] {
  const validate = compiled().ajv.getSchema(`${SCHEMA_BASE}${ref}`)
  if (!validate) throw new Error(`no bundled schema ${ref}`)
  return validate(value) ? [] : [...(validate.errors ?? [])]
}

/** Check one value against a named subschema, e.g. "workforce.schema.json#/$defs/trustOdsCode". */
export function matchesSchema(ref: string, value: unknown): boolean {
  const validate = compiled().ajv.getSchema(`${SCHEMA_BASE}${ref}`)
  if (!validate) throw new Error(`no bundled schema ${ref}`)
  return validate(value) as boolean
}

/** The parameters a rule takes from the schemas (`x-pch-thresholds`), e.g. the population band. */
export function thresholds(ruleId: string): Record<string, unknown> {
  for (const schema of schemas()) {
    const table = schema['x-pch-thresholds'] as Record<string, Record<string, unknown>> | undefined
    if (table?.[ruleId]) return table[ruleId]
  }
  return {}
}

/** The supported `apiVersion` and `kind`, as the root schema declares them. */
export function supportedVersion(): {apiVersion: string; kind: string} {
  const properties = schemaById('pch.schema.json').properties as Record<string, {const: string}>
  return {apiVersion: properties.apiVersion!.const, kind: properties.kind!.const}
}

// The checked-in schemas are kept honest: strict compilation, closed objects, thresholds and
// rule ids that match the registry and rules.md.
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {createAjv, loadSchemas, thresholds, type JsonSchema} from '../src/rule-api/schemas.js'
import {catalogue, documentRules, findingsRules, repoRules} from '../src/rules/index.js'
import {SHARED} from './helpers.js'

const schemas = loadSchemas()

/** Rows of rules.md tables: id, severity, compliance, scope (structural rows have no severity). */
function specRules(): Array<{id: string; compliance: boolean; scope: string}> {
  const text = readFileSync(path.join(SHARED, 'spec', 'rules.md'), 'utf8')
  return [...text.matchAll(/^\| `([a-z-]+(?:\/[a-z-]+)?)` \|(.*)$/gm)].map(([, id, rest]) => {
    const cells = rest!.split('|').map((c) => c.trim())
    return {id: id!, compliance: cells[1] === 'yes', scope: cells[2] ?? 'structure'}
  })
}

function* subschemas(node: unknown, where = '#'): Generator<[string, JsonSchema]> {
  if (node === null || typeof node !== 'object') return
  if (!Array.isArray(node)) yield [where, node as JsonSchema]
  for (const [key, value] of Object.entries(node)) {
    if (key === 'x-pch-thresholds' || key === 'enum' || key === 'const') continue
    yield* subschemas(value, `${where}/${key}`)
  }
}

describe('schemas/', () => {
  it('has the top-level definition, the common definitions, one file per characteristic, and the config', () => {
    expect(schemas.map((s) => String(s.$id).split('/').at(-1)).sort()).toEqual([
      'budget.schema.json',
      'care.schema.json',
      'common.schema.json',
      'config.schema.json',
      'pch.schema.json',
      'population.schema.json',
      'workforce.schema.json',
    ])
  })

  it.each(schemas.map((s) => [String(s.$id).split('/').at(-1), s] as const))(
    '%s compiles in ajv strict mode (2020-12)',
    (_name, schema) => {
      const ajv = createAjv()
      for (const other of schemas) if (other !== schema) ajv.addSchema(other)
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
      expect(() => ajv.compile(schema)).not.toThrow()
    },
  )

  it('closes every object: each schema with properties forbids unknown keys', () => {
    const open: string[] = []
    for (const schema of schemas) {
      for (const [where, sub] of subschemas(schema)) {
        const isCondition = /\/(if|then)$/.test(where)
        if (sub.properties && !isCondition && sub.additionalProperties !== false) open.push(`${String(schema.$id)}${where}`)
      }
    }
    expect(open).toEqual([])
  })

  it('accepts exceptions for exactly the compliance rules', () => {
    const pch = schemas.find((s) => String(s.$id).endsWith('/pch.schema.json'))!
    const exception = ((pch.$defs as Record<string, JsonSchema>).exception!.properties as Record<string, JsonSchema>).rule!
    const compliance = specRules()
      .filter((r) => r.compliance)
      .map((r) => r.id)
    expect([...(exception.enum as string[])].sort()).toEqual(compliance.sort())
  })

  it('names only rules of rules.md in x-pch-thresholds, and holds the band of characteristic 4', () => {
    const ids = new Set(specRules().map((r) => r.id))
    for (const schema of schemas) {
      for (const id of Object.keys((schema['x-pch-thresholds'] as object | undefined) ?? {})) expect(ids.has(id), id).toBe(true)
    }
    expect(thresholds('population/size-band')).toEqual({minimum: 30000, maximum: 50000})
    expect(thresholds('budget/capitation-mismatch')).toEqual({tolerancePercent: 1})
    expect(thresholds('budget/risk-shares-sum')).toEqual({total: 100})
  })
})

describe('rule registry', () => {
  const spec = specRules()

  /** Rules pch adds beyond rules.md (documented in the README and by `pch rules`). */
  const added = [
    'population/practice-not-in-register',
    'population/practice-not-active',
    'workforce/partner-not-in-register',
    'workforce/partner-closed',
    'lint/disable-directive',
    'lint/unused-disable-directive',
  ]

  it('implements every rule of rules.md, and only those plus the ones it documents as added', () => {
    const implemented = catalogue.map((m) => m.id)
    expect(spec.map((r) => r.id).filter((id) => !implemented.includes(id))).toEqual([])
    expect(implemented.filter((id) => !spec.some((r) => r.id === id))).toEqual(added)
  })

  it('agrees with rules.md on every rule (severity, compliance, scope)', () => {
    const text = readFileSync(path.join(SHARED, 'spec', 'rules.md'), 'utf8')
    for (const meta of catalogue.filter((m) => !added.includes(m.id))) {
      const row = spec.find((r) => r.id === meta.id)!
      expect([meta.id, meta.compliance, meta.scope]).toEqual([meta.id, row.compliance, row.scope])
      const severity = new RegExp(`^\\| \`${meta.id}\` \\| (error|warning) \\|`, 'm').exec(text)?.[1] ?? 'error'
      expect([meta.id, meta.severity]).toEqual([meta.id, severity])
    }
  })

  it('gives every rule its docs: summary, description, a failing and a passing example', () => {
    for (const meta of catalogue) {
      expect(meta.summary.length, meta.id).toBeGreaterThan(10)
      expect(meta.docs.description.length, meta.id).toBeGreaterThan(40)
      expect(meta.docs.failing, meta.id).not.toBe(meta.docs.passing)
    }
  })

  it('has a table test file for every rule with a check', async () => {
    const {readdirSync} = await import('node:fs')
    const tests = new Set(readdirSync(new URL('./rules/', import.meta.url)))
    const missing = [...documentRules, ...repoRules, ...findingsRules]
      .filter((r) => !tests.has(`${r.meta.id.split('/')[1]}.test.ts`))
      .map((r) => r.meta.id)
    expect(missing).toEqual([])
  })
})

// `pch schema`: one self-contained schema that plain ajv accepts, and --out writing every file.
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {Ajv2020} from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import {describe, expect, it} from 'vitest'
import {parseAllDocuments} from 'yaml'
import {cli, edit, riverside, ROOT, tempDir} from '../helpers.js'

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default

describe('pch schema', () => {
  const printed = cli(['schema'])
  const bundle = JSON.parse(printed.stdout) as Record<string, unknown>

  it('prints one 2020-12 schema whose every $ref points inside it', () => {
    expect(printed.status).toBe(0)
    expect(bundle.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
    const refs = [...printed.stdout.matchAll(/"\$ref": "([^"]*)"/g)].map((m) => m[1]!)
    expect(refs.length).toBeGreaterThan(20)
    expect(refs.filter((ref) => !ref.startsWith('#/'))).toEqual([])
    expect(printed.stdout).not.toContain('x-pch-')
  })

  it('validates every valid example with plain ajv (strict, with ajv-formats), and rejects a broken one', () => {
    const ajv = new Ajv2020()
    addFormats(ajv)
    const validate = ajv.compile(bundle)
    const valid = ['riverside.pch.yaml', 'rural-exception.pch.yaml', 'two-sites.pch.yaml']
    for (const name of valid) {
      for (const doc of parseAllDocuments(readFileSync(path.join(ROOT, 'examples', name), 'utf8'))) {
        expect([name, validate(doc.toJS()), validate.errors ?? null]).toEqual([name, true, null])
      }
    }
    const broken = parseAllDocuments(edit(riverside(), ['listSize: 14250', 'listsize: 14250']))[0]!.toJS()
    expect(validate(broken)).toBe(false)
  })

  it('--out writes every schema file as pch uses it, and the bundle', () => {
    const dir = path.join(tempDir('pch-schema-'), 'nested', 'schemas')
    const r = cli(['schema', '--out', dir])
    expect(r.status).toBe(0)
    const sources = readdirSync(path.join(ROOT, 'schemas')).sort()
    expect(readdirSync(dir).sort()).toEqual([...sources, 'pch.bundle.schema.json'].sort())
    for (const name of sources)
      expect(readFileSync(path.join(dir, name), 'utf8')).toBe(readFileSync(path.join(ROOT, 'schemas', name), 'utf8'))
    expect(readFileSync(path.join(dir, 'pch.bundle.schema.json'), 'utf8')).toBe(printed.stdout)
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(sources.length + 1)
  })
})

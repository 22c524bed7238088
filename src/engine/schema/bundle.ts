// The single-file schema for editors and other tools: pch.schema.json with every other schema file
// inlined under $defs and every $ref rewritten to a local JSON Pointer. The x-pch-* annotations
// (pch's own thresholds) are left out, so plain ajv in strict mode accepts it.
import {loadSchemas, PCH_KEYWORDS, SCHEMA_BASE, type JsonSchema} from '../../rule-api/schemas.js'

/** "common.schema.json" -> "common". */
const defName = (file: string): string => file.replace(/\.schema\.json$/, '')

export function bundleSchema(): JsonSchema {
  const schemas = loadSchemas().filter((s) => !String(s.$id).endsWith('/config.schema.json'))
  const fileOf = (schema: JsonSchema): string => String(schema.$id).slice(SCHEMA_BASE.length)
  const root = schemas.find((s) => fileOf(s) === 'pch.schema.json')!
  const rewrite = (node: unknown, file: string, base: string): unknown => {
    if (Array.isArray(node)) return node.map((item) => rewrite(item, file, base))
    if (node === null || typeof node !== 'object') return node
    const out: JsonSchema = {}
    for (const [key, value] of Object.entries(node)) {
      if ((PCH_KEYWORDS as readonly string[]).includes(key)) continue
      if (key === '$ref' && typeof value === 'string') out.$ref = localRef(value, file, base)
      else out[key] = rewrite(value, file, base)
    }
    return out
  }
  const bundled = rewrite(root, 'pch.schema.json', '#') as JsonSchema
  const defs = {...(bundled.$defs as JsonSchema)}
  for (const schema of schemas) {
    const file = fileOf(schema)
    if (file === 'pch.schema.json') continue
    const {$id: _id, $schema: _schema, ...body} = rewrite(schema, file, `#/$defs/${defName(file)}`) as JsonSchema
    defs[defName(file)] = body
  }
  return {...bundled, $defs: defs}
}

/** A $ref of `file` (whose content now sits at `base`) as a pointer into the bundle. */
function localRef(ref: string, file: string, base: string): string {
  const [target = '', fragment = ''] = ref.split('#')
  const targetFile = target === '' ? file : target
  const prefix = targetFile === 'pch.schema.json' ? '#' : targetFile === file ? base : `#/$defs/${defName(targetFile)}`
  return `${prefix}${fragment}`
}

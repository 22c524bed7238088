// The bundled examples through the built CLI: every *.pch.yaml under examples/ declares, in its
// `# expect: RULE LINE:COL [severity]` comment lines, exactly what `pch validate` reports for it.
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import type {FileResult} from '../../src/engine/types.js'
import {cli, ROOT, TODAY, type CliResult} from '../helpers.js'

const EXAMPLES = path.join(ROOT, 'examples')
const INVALID = path.join(EXAMPLES, 'invalid')

/** Every rule `pch validate` implements: each must be shown by at least one example. */
const VALIDATE_RULES = [
  'yaml/syntax',
  'yaml/duplicate-key',
  'yaml/unsupported-tag',
  'schema/api-version',
  'schema',
  'format/number',
  'format/ods-code',
  'population/size-band',
  'population/duplicate-practice',
  'workforce/secondary-care-partner',
  'workforce/social-care-partner',
  'workforce/duplicate-partner',
  'budget/capitation-mismatch',
  'budget/risk-share-required',
  'budget/risk-shares-sum',
  'budget/risk-share-parties',
  'care/personalisation-required',
  'care/outcomes-required',
]

/** Every definition file below a directory, sorted, as absolute paths. */
function walk(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true})
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) return walk(full)
      return entry.isFile() && /\.pch\.ya?ml$/.test(entry.name) ? [full] : []
    })
}

/** A path as the CLI shows it when run from ROOT: relative, forward slashes. */
const shown = (file: string): string => path.relative(ROOT, file).split(path.sep).join('/')

interface Expectation {
  ruleId: string
  line: number
  column: number
  /** Omitted in the file means error. */
  severity: 'error' | 'warning' | 'info'
}

const EXPECT_PREFIX = /^#\s*expect:/
const EXPECT_LINE = /^#\s*expect:\s+(\S+)\s+(\d+):(\d+)(?:\s+(error|warning|info))?\s*$/

function expectationsOf(text: string, file: string): Expectation[] {
  return text
    .split(/\r?\n/)
    .filter((line) => EXPECT_PREFIX.test(line))
    .map((line) => {
      const match = EXPECT_LINE.exec(line)
      if (!match) throw new Error(`${shown(file)}: malformed expect line: ${line}`)
      const [, ruleId, l, c, severity] = match
      return {ruleId: ruleId!, line: Number(l), column: Number(c), severity: (severity ?? 'error') as Expectation['severity']}
    })
}

/** "RULE LINE:COL", plus the severity when it is not error. */
const key = (f: {ruleId: string; line: number; column: number; severity: string}): string =>
  `${f.ruleId} ${f.line}:${f.column}${f.severity === 'error' ? '' : ` ${f.severity}`}`

const sorted = (list: string[]): string[] => [...list].sort()

interface Example {
  file: string
  name: string
  text: string
  invalid: boolean
  expected: Expectation[]
}

const examples: Example[] = walk(EXAMPLES).map((file) => {
  const text = readFileSync(file, 'utf8')
  return {file, name: shown(file), text, invalid: file.startsWith(`${INVALID}${path.sep}`), expected: expectationsOf(text, file)}
})

function parseJson(result: CliResult): FileResult[] {
  try {
    return JSON.parse(result.stdout) as FileResult[]
  } catch {
    throw new Error(`stdout is not JSON (exit ${String(result.status)}):\n${result.stdout}\n${result.stderr}`)
  }
}

const runs = new Map<string, CliResult>()
/** `pch validate FILE --format json --today TODAY`, run once per file. */
function validateJson(file: string): CliResult {
  let result = runs.get(file)
  if (!result) {
    result = cli(['validate', shown(file), '--format', 'json', '--today', TODAY])
    runs.set(file, result)
  }
  return result
}

describe('examples/', () => {
  it('holds the reference definition, invalid examples and more than one of each kind', () => {
    const names = examples.map((e) => e.name)
    expect(names).toContain('examples/riverside.pch.yaml')
    expect(examples.filter((e) => e.invalid).length).toBeGreaterThanOrEqual(VALIDATE_RULES.length)
    expect(examples.filter((e) => !e.invalid).length).toBeGreaterThanOrEqual(2)
  })

  describe.each(examples.map((e) => [e.name, e] as const))('%s', (_name, example) => {
    it('reports exactly the findings its # expect: lines declare', () => {
      const result = validateJson(example.file)
      expect(result.stderr).toBe('')
      const output = parseJson(result)
      expect(output).toHaveLength(1)
      expect(output[0]!.filePath).toBe(example.name)
      expect(sorted(output[0]!.messages.map(key))).toEqual(sorted(example.expected.map(key)))
    })

    it('exits 1 when an error is expected, else 0', () => {
      const hasError = example.expected.some((e) => e.severity === 'error')
      expect(validateJson(example.file).status).toBe(hasError ? 1 : 0)
    })

    if (example.invalid) {
      it('declares at least one expected error', () => {
        expect(example.expected.length).toBeGreaterThan(0)
        expect(example.expected.some((e) => e.severity === 'error')).toBe(true)
      })
    } else {
      it('is valid: it declares no error', () => {
        expect(example.expected.filter((e) => e.severity === 'error')).toEqual([])
      })
    }

    if (!/^---\s*$/m.test(example.text)) {
      it('is named after its metadata.id', () => {
        const id = /^metadata:[ \t]*(?:#.*)?\r?\n(?:(?:[ \t]+.*|[ \t]*#.*|[ \t]*)\r?\n)*?[ \t]+id:[ \t]*([^\s#]+)/m.exec(example.text)?.[1]
        expect(id).toBeDefined()
        expect(path.basename(example.file).replace(/\.pch\.ya?ml$/, '')).toBe(id)
      })
    }
  })

  it('metadata.id values are distinct across all examples', () => {
    const ids = examples.flatMap((e) => [...e.text.matchAll(/^metadata:[ \t]*(?:#.*)?\r?\n(?:(?:[ \t]+.*|[ \t]*#.*|[ \t]*)\r?\n)*?[ \t]+id:[ \t]*([^\s#]+)/gm)].map((m) => m[1]!))
    expect(ids.length).toBeGreaterThanOrEqual(examples.length)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it.each(VALIDATE_RULES)('%s has an example that expects it', (ruleId) => {
    const showing = examples.filter((e) => e.expected.some((x) => x.ruleId === ruleId)).map((e) => e.name)
    expect(showing, `no example under examples/ declares # expect: ${ruleId}`).not.toEqual([])
  })
})

describe('pch validate on the examples', () => {
  it('riverside is clean: exit 0 and the stylish success line', () => {
    const result = cli(['validate', 'examples/riverside.pch.yaml', '--today', TODAY])
    expect(result.status).toBe(0)
    expect(result.stderr).toBe('')
    expect(result.stdout).toBe('✔ No problems in 1 file (1 definition)\n')
  })

  it('the whole directory: exit 1, every example file listed with its declared findings', () => {
    const result = cli(['validate', 'examples/', '--format', 'json', '--today', TODAY])
    expect(result.status).toBe(1)
    expect(result.stderr).toBe('')
    const output = parseJson(result)
    expect(sorted(output.map((r) => r.filePath))).toEqual(sorted(examples.map((e) => e.name)))
    for (const example of examples) {
      const found = output.find((r) => r.filePath === example.name)!
      expect(sorted(found.messages.map(key)), example.name).toEqual(sorted(example.expected.map(key)))
    }
  })
})

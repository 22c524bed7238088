// The bundled examples through the built CLI: every *.pch.yaml / *.pch.yml under examples/ declares,
// in its `# expect: RULE LINE:COL [severity]` comment lines, exactly what `pch lint` reports for it
// when the whole directory is linted in one run (so repo-scope rules see every example). What
// `pch validate` reports for a file is the subset of those findings whose rule validate checks.
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import type {FileResult} from '../../src/rule-api/types.js'
import {catalogue} from '../../src/rules/index.js'
import {cli, ROOT, TODAY, type CliResult} from '../helpers.js'

const EXAMPLES = path.join(ROOT, 'examples')
const INVALID = path.join(EXAMPLES, 'invalid')

/** Every rule users can meet: each must be shown by at least one example. */
// The register rules need an ODS extract (--ods, --trusts), which the examples run does not give; they have tests of their own.
const REGISTER_RULES = [
  'population/practice-not-in-register',
  'population/practice-not-active',
  'workforce/partner-not-in-register',
  'workforce/partner-closed',
]
const ALL_RULES = catalogue.map((meta) => meta.id).filter((id) => !REGISTER_RULES.includes(id))

/**
 * The rules `pch validate` reports (its locked verdict): structure (yaml/*, schema*, format/*) and
 * every compliance rule, file and repo scope. A pch-disable-next-line comment is lint's to judge.
 */
const VALIDATE_RULES: ReadonlySet<string> = new Set(
  catalogue.filter((meta) => meta.scope === 'structure' || meta.compliance).map((meta) => meta.id),
)
const REPO_RULES: ReadonlySet<string> = new Set(catalogue.filter((meta) => meta.scope === 'repo').map((meta) => meta.id))

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
  /** Everything `pch lint` reports for the file in a run over the whole of examples/. */
  expected: Expectation[]
  /** What `pch validate` reports for it in the run over the whole of examples/: validate's rules, warnings never. */
  validated: Expectation[]
  /** What `pch validate` reports for it alone: no other file for a repo-scope rule to meet. */
  validatedAlone: Expectation[]
}

const examples: Example[] = walk(EXAMPLES).map((file) => {
  const text = readFileSync(file, 'utf8')
  const expected = expectationsOf(text, file)
  const validated = expected.filter((e) => VALIDATE_RULES.has(e.ruleId) && e.severity !== 'warning')
  const validatedAlone = validated.filter((e) => !REPO_RULES.has(e.ruleId))
  return {file, name: shown(file), text, invalid: file.startsWith(`${INVALID}${path.sep}`), expected, validated, validatedAlone}
})

const declares = (example: Example, ruleId: string): boolean => example.expected.some((e) => e.ruleId === ruleId)

const ID = /^metadata:[ \t]*(?:#.*)?\r?\n(?:(?:[ \t]+.*|[ \t]*#.*|[ \t]*)\r?\n)*?[ \t]+id:[ \t]*([^\s#]+)/gm
/** The metadata.id of every document of an example, read from its text. */
const idsOf = (example: Example): string[] => [...example.text.matchAll(ID)].map((m) => m[1]!)

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

let lintRun: CliResult | undefined
/** `pch lint examples/ --format json --today TODAY`: one run over every example, so repo rules see them all. */
function lintAll(): CliResult {
  lintRun ??= cli(['lint', 'examples/', '--format', 'json', '--today', TODAY])
  return lintRun
}

describe('examples/', () => {
  it('holds the reference definition, invalid examples and more than one of each kind', () => {
    const names = examples.map((e) => e.name)
    expect(names).toContain('examples/riverside.pch.yaml')
    expect(examples.filter((e) => e.invalid).length).toBeGreaterThanOrEqual(ALL_RULES.length)
    expect(examples.filter((e) => !e.invalid).length).toBeGreaterThanOrEqual(2)
  })

  describe.each(examples.map((e) => [e.name, e] as const))('%s', (_name, example) => {
    it('pch validate of the file alone reports exactly the declared findings of its rules but the repo-scope ones', () => {
      const result = validateJson(example.file)
      expect(result.stderr).toBe('')
      const output = parseJson(result)
      expect(output).toHaveLength(1)
      expect(output[0]!.filePath).toBe(example.name)
      expect(sorted(output[0]!.messages.map(key))).toEqual(sorted(example.validatedAlone.map(key)))
    })

    it('pch validate exits 1 when it reports an error, else 0', () => {
      const hasError = example.validatedAlone.some((e) => e.severity === 'error')
      expect(validateJson(example.file).status).toBe(hasError ? 1 : 0)
    })

    if (example.invalid) {
      it('declares at least one expected error or warning', () => {
        expect(example.expected.some((e) => e.severity === 'error' || e.severity === 'warning')).toBe(true)
      })
    } else {
      it('is lint-clean: it declares no error and no warning', () => {
        expect(example.expected.filter((e) => e.severity !== 'info')).toEqual([])
      })
    }

    if (!/^---\s*$/m.test(example.text)) {
      const base = path.basename(example.file).replace(/\.pch\.ya?ml$/, '')
      if (declares(example, 'metadata/file-name')) {
        it('is not named after its metadata.id (the fault it shows)', () => {
          expect(idsOf(example)).toHaveLength(1)
          expect(base).not.toBe(idsOf(example)[0])
        })
      } else {
        it('is named after its metadata.id', () => {
          expect(idsOf(example)).toHaveLength(1)
          expect(base).toBe(idsOf(example)[0])
        })
      }
    }
  })

  it('metadata.id values are distinct across all examples, except where metadata/duplicate-id is declared', () => {
    const owners = new Map<string, Example[]>()
    for (const example of examples) for (const id of idsOf(example)) owners.set(id, [...(owners.get(id) ?? []), example])
    expect([...owners.values()].flat().length).toBeGreaterThanOrEqual(examples.length)
    for (const [id, sharing] of owners) {
      if (sharing.length === 1) {
        expect(
          declares(sharing[0]!, 'metadata/duplicate-id'),
          `${sharing[0]!.name} declares metadata/duplicate-id but "${id}" is unique`,
        ).toBe(false)
      } else {
        for (const example of sharing) expect(declares(example, 'metadata/duplicate-id'), `${example.name} shares id "${id}"`).toBe(true)
      }
    }
  })

  it.each(ALL_RULES)('%s has an example that expects it', (ruleId) => {
    const showing = examples.filter((e) => declares(e, ruleId)).map((e) => e.name)
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

  it('the whole directory: exit 1, every example file listed with its validate findings', () => {
    const result = cli(['validate', 'examples/', '--format', 'json', '--today', TODAY])
    expect(result.status).toBe(1)
    expect(result.stderr).toBe('')
    const output = parseJson(result)
    expect(sorted(output.map((r) => r.filePath))).toEqual(sorted(examples.map((e) => e.name)))
    for (const example of examples) {
      const found = output.find((r) => r.filePath === example.name)!
      expect(sorted(found.messages.map(key)), example.name).toEqual(sorted(example.validated.map(key)))
    }
  })
})

describe('pch lint on the examples', () => {
  it('riverside is clean: exit 0 and the stylish success line', () => {
    const result = cli(['lint', 'examples/riverside.pch.yaml', '--today', TODAY])
    expect(result.status).toBe(0)
    expect(result.stderr).toBe('')
    expect(result.stdout).toBe('✔ No problems in 1 file (1 definition)\n')
  })

  it('the whole directory in one run: exit 1', () => {
    const result = lintAll()
    expect(result.stderr).toBe('')
    expect(result.status).toBe(1)
  })

  it('the whole directory in one run: every example file listed', () => {
    const output = parseJson(lintAll())
    expect(sorted(output.map((r) => r.filePath))).toEqual(sorted(examples.map((e) => e.name)))
  })

  it.each(examples.map((e) => [e.name, e] as const))('%s: exactly the findings its # expect: lines declare', (_name, example) => {
    const found = parseJson(lintAll()).find((r) => r.filePath === example.name)
    expect(found, `${example.name} is missing from the lint output`).toBeDefined()
    expect(sorted(found!.messages.map(key))).toEqual(sorted(example.expected.map(key)))
    expect(found!.errorCount).toBe(example.expected.filter((e) => e.severity === 'error').length)
    expect(found!.warningCount).toBe(example.expected.filter((e) => e.severity === 'warning').length)
  })
})

// The gate (issue 17): `validate` exits 0 only when plain ajv over `pch schema` accepts every document
// and no compliance rule fires; no config or comment changes its verdict; repo scope included.
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {Ajv2020} from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import fc from 'fast-check'
import {globSync} from 'tinyglobby'
import {parseAllDocuments} from 'yaml'
import {describe, expect, it} from 'vitest'
import {run} from '../../src/engine/pipeline/run.js'
import {exitCode} from '../../src/cli/check-command.js'
import {ruleMeta} from '../../src/rules/index.js'
import type {FileResult} from '../../src/rule-api/types.js'
import {properties} from '../arbitraries.js'
import {cli, edit, riverside, ROOT, TODAY, useTempDir} from '../helpers.js'
import {PROPERTY_SEED as SEED, propertyRuns} from '../seed.js'

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default
// PCH_PROPERTY_RUNS: fewer cases where the engine's behaviour is not what a run tests (.ci/run on other Nodes).
const RUNS = propertyRuns(400)
const temp = useTempDir('pch-gate-')

const bundle = JSON.parse(cli(['schema']).stdout) as Record<string, unknown>
const ajv = new Ajv2020()
addFormats(ajv)
const schemaAccepts = ajv.compile(bundle)

/** Plain ajv over `pch schema`: every document of the text parses and is accepted (and there is one). */
function ajvAccepts(text: string): boolean {
  // YAML 1.2 (§5.4) counts a lone CR as a line break, as pch does; the yaml package reads it as
  // content, so the reference reads the text with each lone CR as the LF it stands for.
  const documents = parseAllDocuments(text.replace(/^\uFEFF/, '').replace(/\r(?!\n)/g, '\n'))
  if (!Array.isArray(documents) || documents.length === 0) return false
  return documents.every((doc) => doc.errors.length === 0 && schemaAccepts(doc.toJS({maxAliasCount: 1000})))
}

/** A compliance finding no approved exception accepted, from lint (every rule, no config). */
const complianceFires = (results: readonly FileResult[]): boolean =>
  results.some((r) => r.messages.some((m) => m.severity === 'error' && ruleMeta(m.ruleId)?.compliance === true))

const noConfig = () => ({dir: temp.path, rules: new Map(), ignore: []})

/** Every line preceded by a directive naming the locked rules: a comment must not change the verdict. */
const withDirectives = (text: string): string =>
  text
    .split('\n')
    .map(
      (line) =>
        `${line.match(/^\s*/)![0]}# pch-disable-next-line format/number, format/ods-code, schema, population/size-band -- try\n${line}`,
    )
    .join('\n')

describe('validate exits 0 only if ajv over pch schema accepts the document and no compliance rule fires', () => {
  it.each(properties)('%s, in the engine, as written and under directives', (_name, arbitrary) => {
    fc.assert(
      fc.property(arbitrary, (raw) => {
        for (const text of [raw, withDirectives(raw)]) {
          const input = {today: TODAY, paths: ['-'], stdin: text, stdinFilename: 'site.pch.yaml', config: noConfig()}
          const validate = run({...input, mode: 'validate'}).results
          if (exitCode(validate) !== 0) continue
          expect(ajvAccepts(text), text).toBe(true)
          expect(complianceFires(run({...input, mode: 'lint'}).results), text).toBe(false)
        }
      }),
      {numRuns: RUNS, seed: SEED},
    )
  })

  const files = globSync(['examples/**/*.pch.yaml', 'test/report/fixture/*.pch.yaml', 'templates/*.yaml'], {cwd: ROOT}).sort()

  it(`every example and fixture (${files.length} files) through the built binary, one file a run and all in one run`, () => {
    expect(files.length).toBeGreaterThan(40)
    const check = (paths: string[]): void => {
      const r = cli(['validate', ...paths, '--today', TODAY, '-f', 'json'])
      const results = JSON.parse(r.stdout) as FileResult[]
      const lint = run({mode: 'lint', today: TODAY, paths, cwd: ROOT, config: {dir: ROOT, rules: new Map(), ignore: []}}).results
      const accepted = paths.every((file) => ajvAccepts(readFileSync(path.join(ROOT, file), 'utf8')))
      if (r.status === 0) expect([paths, accepted, complianceFires(lint)]).toEqual([paths, true, false])
      else expect([paths, r.status]).toEqual([paths, 1])
      expect(exitCode(results)).toBe(r.status)
    }
    for (const file of files) check([file])
    check(files.filter((file) => !file.startsWith('examples/invalid/repo/')))
  })
})

describe('no config or comment changes validate verdict', () => {
  const listSizeAsText = edit(riverside(), ['listSize: 14250', 'listSize: "14,250"'])

  it('a directive naming format/number neither silences it in validate nor in lint, and is itself an error in lint', () => {
    temp.write(
      'site.pch.yaml',
      edit(listSizeAsText, [
        '        listSize: "14,250"',
        '        # pch-disable-next-line format/number -- imported from a spreadsheet\n        listSize: "14,250"',
      ]),
    )
    const validate = cli(['validate', 'site.pch.yaml', '--today', TODAY], {cwd: temp.path})
    expect(validate.status).toBe(1)
    expect(validate.stdout).toMatch(/error {2}listSize "14,250" .*format\/number/)
    const lint = cli(['lint', 'site.pch.yaml', '--today', TODAY, '-f', 'json'], {cwd: temp.path})
    expect(lint.status).toBe(1)
    const ids = (JSON.parse(lint.stdout) as FileResult[])[0]!.messages.map((m) => `${m.ruleId}:${m.severity}`)
    expect(ids).toContain('format/number:error')
    expect(ids).toContain('lint/disable-directive:error')
  })

  it('a bad or misspelt directive does not change validate (its problems are lint reports)', () => {
    temp.write(
      'site.pch.yaml',
      edit(riverside(), ['    practices:', '    # pch-disable-next-line population/no-such-rule\n    practices:']),
    )
    expect(cli(['validate', 'site.pch.yaml', '--today', TODAY], {cwd: temp.path}).status).toBe(0)
    expect(cli(['lint', 'site.pch.yaml', '--today', TODAY, '-f', 'json'], {cwd: temp.path}).status).toBe(1)
  })

  it.each(['format/number: warning', 'format/ods-code: off', "format/number: 'off'"])(
    'config `%s` is a config error (exit 2), never a pass',
    (setting) => {
      temp.write('site.pch.yaml', listSizeAsText)
      temp.write('.pchrc.yaml', `rules:\n  ${setting}\n`)
      for (const command of ['validate', 'lint']) {
        const r = cli([command, 'site.pch.yaml', '--today', TODAY], {cwd: temp.path})
        expect(r.status).toBe(2)
        expect(r.stderr).toMatch(
          /^pch: Invalid config \.pchrc\.yaml:2:\d+: format\/[a-z-]+ cannot be set to (warning|off): it decides whether a definition conforms to the format\n$/,
        )
      }
    },
  )

  it('advisory settings of the config change neither validate exit code nor its errors', () => {
    const broken = edit(riverside(), ['listSize: 14250', 'listSize: 1425'])
    temp.write('site.pch.yaml', broken)
    const plain = cli(['validate', 'site.pch.yaml', '--today', TODAY, '-f', 'json'], {cwd: temp.path})
    temp.write(
      '.pchrc.yaml',
      'rules:\n  population/near-band-edge: error\n  workforce/unknown-employer: off\n  metadata/duplicate-id: off\n  population/single-practice: error\n',
    )
    const configured = cli(['validate', 'site.pch.yaml', '--today', TODAY, '-f', 'json'], {cwd: temp.path})
    expect(plain.status).toBe(1)
    expect(configured.status).toBe(1)
    expect(configured.stdout).toBe(plain.stdout)
  })

  it('validate reports population/practice-in-multiple-sites across the files of the run, at both places', () => {
    temp.write('a.pch.yaml', riverside())
    temp.write('b.pch.yaml', edit(riverside(), [/id: riverside +#/, 'id: b #']))
    const r = cli(['validate', '.', '--today', TODAY, '-f', 'json'], {cwd: temp.path})
    expect(r.status).toBe(1)
    const results = JSON.parse(r.stdout) as FileResult[]
    for (const result of results) expect(result.messages.map((m) => m.ruleId)).toContain('population/practice-in-multiple-sites')
    expect(results.flatMap((result) => result.messages.map((m) => m.ruleId)).filter((id) => id === 'metadata/duplicate-id')).toEqual([])
  })
})

// SARIF output against the official OASIS SARIF 2.1.0 JSON Schema (shared/data/sarif), for the
// fixture and for the built CLI over examples/. Needs `npm run build` first.
import {readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
// The draft-07 class (ajv's default export; named here, as ajv is CommonJS under NodeNext).
import {Ajv, type ValidateFunction} from 'ajv'
import addFormatsModule from 'ajv-formats'
import {beforeAll, describe, expect, it} from 'vitest'
import sarif from '../../src/formatters/sarif.js'
import {catalogue} from '../../src/rules/index.js'
import type {RuleMeta} from '../../src/rule-api/rule.js'
import type {BaselineResult} from '../../src/formatters/baseline.js'
import {loadConfig} from '../../src/index.js'
import {ruleSetOf} from '../../src/rules/rule-set.js'
import {writeIcbRepository} from '../e2e/icb-repository.js'
import {cli, SHARED, tempDir, TODAY, useTempDir} from '../helpers.js'
import {context, fixture, rules as fixtureRules} from './fixture.js'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The schema with the known upstream defects worked around, in memory only:
 * - definitions.region.properties holds an `anyOf` array where a property schema belongs
 *   (sarif-spec issue 578): moved up to definitions.region, where it was meant to be;
 * - two `language` patterns start with the inline flag `(?i)`, which ECMA-262 rejects: stripped
 *   (and the character classes widened to both cases, which is what the flag meant);
 * - `$schema` names draft 2020-12, which the draft-07 Ajv class cannot resolve; the schema uses
 *   only draft-07 keywords (`definitions`, no `$ref` with siblings), so it is dropped.
 */
function loadSchema(): Json {
  const schema = JSON.parse(readFileSync(path.join(SHARED, 'data/sarif/sarif-schema-2.1.0.json'), 'utf8')) as Json
  delete schema.$schema
  const region = schema.definitions.region as Json
  expect(Array.isArray(region.properties.anyOf)).toBe(true) // the defect is still there: keep the fix honest
  region.anyOf = region.properties.anyOf
  delete region.properties.anyOf
  let flags = 0
  const strip = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(strip)
    else if (node && typeof node === 'object') {
      const object = node as Json
      if (typeof object.pattern === 'string' && object.pattern.includes('(?i)')) {
        object.pattern = object.pattern.replace('(?i)', '').replace('[a-zA]', '[a-zA-Z]').replace('[a-z]', '[a-zA-Z]')
        flags++
      }
      Object.values(object).forEach(strip)
    }
  }
  strip(schema)
  expect(flags).toBe(2)
  return schema
}

// ajv-formats is CommonJS; its default export arrives wrapped under NodeNext resolution.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default

let validate: ValidateFunction

beforeAll(() => {
  const ajv = new Ajv({strict: false, allErrors: true})
  addFormats(ajv)
  validate = ajv.compile(loadSchema())
})

const schemaErrors = (log: unknown): string[] =>
  validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`)

/** Every rule of `rules` described in tool.driver.rules, in order, and every ruleIndex pointing at its rule. */
function expectRulesAndIndexes(log: Json, rules: readonly RuleMeta[]): void {
  expect(log.runs).toHaveLength(1)
  const run = log.runs[0] as Json
  const described = run.tool.driver.rules as Json[]
  expect(described.map((r) => r.id)).toEqual(rules.map((r) => r.id))
  rules.forEach((meta, i) => {
    const rule = described[i]!
    expect(rule.shortDescription.text).toBe(meta.summary)
    expect(rule.fullDescription.text).toBe(meta.docs.description)
    expect(typeof rule.help.text).toBe('string')
    expect(rule.help.text).toContain(meta.docs.description)
    expect(rule.help.text).toContain(meta.docs.failing)
    expect(rule.help.text).toContain(meta.docs.passing)
    expect(rule.defaultConfiguration.level).toBe(meta.severity)
  })
  for (const result of run.results as Json[]) {
    expect(result.ruleIndex, `ruleIndex of ${result.ruleId}`).toBeTypeOf('number')
    expect(described[result.ruleIndex as number]!.id).toBe(result.ruleId)
  }
}

describe('SARIF schema: the validator itself', () => {
  it('accepts a minimal log and rejects one without a required property', () => {
    const minimal = {version: '2.1.0', runs: [{tool: {driver: {name: 'pch'}}, results: []}]}
    expect(schemaErrors(minimal)).toEqual([])
    const {version: _v, ...noVersion} = minimal
    expect(schemaErrors(noVersion).join('\n')).toContain("must have required property 'version'")
    expect(schemaErrors({...minimal, runs: [{results: []}]}).join('\n')).toContain("must have required property 'tool'")
    expect(schemaErrors({...minimal, runs: [{tool: {driver: {name: 'pch'}}, results: [{ruleId: 'x'}]}]}).join('\n')).toContain(
      "must have required property 'message'",
    )
    // The moved region anyOf still applies: a region must have a start.
    const region = (r: Json): Json => ({
      ...minimal,
      runs: [
        {
          tool: {driver: {name: 'pch'}},
          results: [{message: {text: 'm'}, locations: [{physicalLocation: {artifactLocation: {uri: 'a'}, region: r}}]}],
        },
      ],
    })
    expect(schemaErrors(region({startLine: 1}))).toEqual([])
    expect(schemaErrors(region({endLine: 1}))).not.toEqual([])
    expect(schemaErrors(region({startLine: 0}))).not.toEqual([])
  })
})

describe('SARIF schema: the fixture', () => {
  const log = JSON.parse(sarif(fixture, context)) as Json

  it('is valid SARIF 2.1.0', () => {
    expect(schemaErrors(log)).toEqual([])
  })

  it('fails validation once a required property is removed', () => {
    const copy = structuredClone(log)
    delete copy.version
    expect(schemaErrors(copy).join('\n')).toContain("must have required property 'version'")
    const noMessage = structuredClone(log)
    delete noMessage.runs[0].results[0].message
    expect(schemaErrors(noMessage)).not.toEqual([])
    const badLevel = structuredClone(log)
    badLevel.runs[0].results[0].level = 'info'
    expect(schemaErrors(badLevel)).not.toEqual([])
  })

  it('describes the context rules and points every ruleIndex at its rule', () => {
    expectRulesAndIndexes(log, fixtureRules)
  })

  it('writes relative, percent-encoded URIs, regions, and suppresses excepted findings as notes', () => {
    const results = log.runs[0].results as Json[]
    expect(results).toHaveLength(fixture.reduce((n, r) => n + r.messages.length, 0))
    const uris = results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri as string)
    expect(uris[0]).toBe("sites/100%25%20%3Ca%26b%3E%2C%20%22c%3Ad%22%20'e'%20caf%C3%A9.pch.yaml")
    const paths = fixture.flatMap((r) => r.messages.map(() => r.filePath))
    uris.forEach((uri, i) => {
      expect(uri).not.toMatch(/^[a-z][a-z0-9+.-]*:|^\//i) // relative: no scheme, no leading slash
      expect(uri).toMatch(/^[A-Za-z0-9\-._~!$&'()*+,;=:@/%]*$/) // only URI characters
      expect(uri.split('/').map(decodeURIComponent).join('/')).toBe(paths[i])
    })
    const excepted = results.filter((r) => r.suppressions)
    expect(excepted).toHaveLength(1)
    expect(excepted[0]!.level).toBe('note')
    expect(excepted[0]!.suppressions[0]).toMatchObject({kind: 'inSource', status: 'accepted'})
    expect(results[0]!.locations[0].physicalLocation.region).toEqual({startLine: 14, startColumn: 5, endLine: 14, endColumn: 17})
  })
})

describe('SARIF schema: a log with a baseline', () => {
  // The baseline: the fixture's log with its first result gone, its second result's message changed,
  // and one result of a file that is no longer there.
  const previous = JSON.parse(sarif(fixture, context)) as Json
  const [, second, ...rest] = previous.runs[0].results as Json[]
  const changed = structuredClone(fixture)
  changed[0]!.messages[1]!.message = 'Registered population 31,100 is within 5% of the band edge, 30,000'
  const baseline = [
    {...second!, partialFingerprints: JSON.parse(sarif(changed, context)).runs[0].results[1].partialFingerprints},
    ...rest,
    {...rest[0]!, partialFingerprints: {'pchLocation/v1': 'gone', 'pchFinding/v1': 'gone'}},
  ] as BaselineResult[]
  const log = JSON.parse(sarif(fixture, {...context, baseline})) as Json

  it('is valid SARIF 2.1.0, with a baselineState on every result', () => {
    expect(schemaErrors(log)).toEqual([])
    const results = log.runs[0].results as Json[]
    expect(results.map((r) => r.baselineState)).toEqual(['new', 'updated', ...rest.map(() => 'unchanged'), 'absent'])
    // An absent result is rejected by the schema with a state it does not know.
    const copy = structuredClone(log)
    copy.runs[0].results[0].baselineState = 'gone'
    expect(schemaErrors(copy)).not.toEqual([])
  })

  it('writes the same partialFingerprints whatever the line', () => {
    const moved = structuredClone(fixture)
    for (const result of moved) for (const m of result.messages) Object.assign(m, {line: m.line + 7, endLine: m.endLine + 7})
    const prints = (log: Json): unknown[] => (log.runs[0].results as Json[]).map((r) => r.partialFingerprints)
    expect(prints(JSON.parse(sarif(moved, context)))).toEqual(prints(previous))
  })
})

describe('SARIF schema: the built CLI over examples/', () => {
  let log: Json
  let json: Array<{filePath: string; messages: unknown[]}>

  beforeAll(() => {
    const r = cli(['lint', 'examples/', '--format', 'sarif', '--today', TODAY])
    expect(r.stderr).toBe('')
    expect(r.status).toBe(1) // examples/invalid holds errors
    log = JSON.parse(r.stdout) as Json
    const j = cli(['lint', 'examples/', '--format', 'json', '--today', TODAY])
    json = JSON.parse(j.stdout) as typeof json
  })

  it('is valid SARIF 2.1.0', () => {
    expect(schemaErrors(log)).toEqual([])
  })

  it('fails validation with `version` deleted', () => {
    const copy = structuredClone(log)
    delete copy.version
    expect(schemaErrors(copy).join('\n')).toContain("must have required property 'version'")
  })

  it('lists every catalogue rule with its docs and points every ruleIndex at its rule', () => {
    expectRulesAndIndexes(log, catalogue)
  })

  it('is valid SARIF 2.1.0 with --baseline, every result unchanged against its own log', () => {
    const previous = path.join(tempDir('pch-sarif-'), 'previous.sarif')
    writeFileSync(previous, JSON.stringify(log))
    const r = cli(['lint', 'examples/', '--format', 'sarif', '--today', TODAY, '--baseline', previous])
    const marked = JSON.parse(r.stdout) as Json
    expect(schemaErrors(marked)).toEqual([])
    expect(new Set((marked.runs[0].results as Json[]).map((result) => result.baselineState))).toEqual(new Set(['unchanged']))
  })

  it('has one result per finding of the JSON output', () => {
    const results = log.runs[0].results as Json[]
    expect(results.length).toBeGreaterThan(0)
    expect(results).toHaveLength(json.reduce((n, r) => n + r.messages.length, 0))
  })
})

describe('SARIF schema: the built CLI with local rules (an ICB config that extends others)', () => {
  const repo = useTempDir('pch-sarif-local-', 'all')
  let log: Json

  beforeAll(() => {
    writeIcbRepository(repo.write)
    const r = cli(['lint', 'sites', '--format', 'sarif', '--today', TODAY], {cwd: repo.path})
    expect([r.status, r.stderr]).toEqual([1, ''])
    log = JSON.parse(r.stdout) as Json
  })

  it('is valid SARIF 2.1.0', () => {
    expect(schemaErrors(log)).toEqual([])
  })

  it('lists the catalogue, then the local rules, with their docs, and points every ruleIndex at its rule', () => {
    const rules = ruleSetOf(loadConfig(repo.path)).metas
    expect(rules.slice(catalogue.length).map((m) => m.id)).toEqual(['local/acute-partner-has-ods-code', 'local/capitation-floor'])
    expectRulesAndIndexes(log, rules)
    expect((log.runs[0].results as Json[]).map((r) => r.ruleId)).toEqual([
      'local/capitation-floor',
      'local/acute-partner-has-ods-code',
      'local/capitation-floor',
    ])
  })
})

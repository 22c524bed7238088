// Property suite (issue 9): no input makes pch crash, hang or misreport. Three kinds of input, each
// at least RUNS cases: arbitrary YAML-significant text, JSON-like values written as YAML, and the
// real definitions mutated (keys deleted, types swapped, huge numbers, unicode, deep nesting, and
// character edits). Every case is checked twice:
// - in this process, through the engine and the JSON formatter the CLI uses (fast-check shrinks a
//   failure to its smallest input and prints its seed);
// - by the built binary, all the cases of a property as files of one run of `validate` and one of
//   `lint`: exit 0 or 1 within a time bound, no stack trace, JSON that parses, a result for every
//   file and every finding's line and column inside its file.
// Replay a failure: PCH_PROPERTY_SEED=<seed> npx vitest run test/e2e/properties.test.ts (test/seed.ts)
import {mkdirSync, writeFileSync} from 'node:fs'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {Chalk} from 'chalk'
import json from '../../src/formatters/json.js'
import {catalogue} from '../../src/rules/index.js'
import {run} from '../../src/engine/pipeline/run.js'
import {exitCode} from '../../src/cli/check-command.js'
import type {FileResult} from '../../src/rule-api/types.js'
import {properties} from '../arbitraries.js'
import {cli, TODAY, useTempDir} from '../helpers.js'
import {PROPERTY_SEED as SEED, propertyRuns, replayLine} from '../seed.js'

// PCH_PROPERTY_RUNS: fewer cases where the engine's behaviour is not what a run tests (.ci/run on other Nodes).
const RUNS = propertyRuns(2000)
const replay = replayLine('test/e2e/properties.test.ts')
const temp = useTempDir('pch-properties-')

const lineCount = (text: string): number => text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).length

/** Every finding has a rule id, a message, and a line and column inside the text. */
function expectWellPlaced(results: readonly FileResult[], texts: ReadonlyMap<string, string>): void {
  for (const result of results) {
    const text = texts.get(result.filePath)!
    const lines = lineCount(text)
    for (const m of result.messages) {
      const where = `${result.filePath}:${m.line}:${m.column} ${m.ruleId} in ${JSON.stringify(text)}`
      expect(m.ruleId, where).toMatch(/^[a-z]+(\/[a-z-]+)?$/)
      expect(m.message.length, where).toBeGreaterThan(0)
      expect(m.line >= 1 && m.line <= lines, where).toBe(true)
      expect(m.column >= 1 && m.endLine >= m.line && m.endLine <= lines + 1, where).toBe(true)
    }
  }
}

describe.each(properties)('%s: never a crash, a hang or a finding outside the file', (_name, arbitrary) => {
  it(`in the engine and the JSON formatter (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(arbitrary, (text) => {
        for (const mode of ['validate', 'lint'] as const) {
          const {results} = run({
            mode,
            today: TODAY,
            paths: ['-'],
            stdin: text,
            stdinFilename: 'site.pch.yaml',
            config: {dir: temp.path, rules: new Map(), ignore: []},
          })
          const parsed = JSON.parse(json(results, {color: new Chalk({level: 0}), rules: catalogue, version: '0.0.0'})) as FileResult[]
          expect(parsed).toHaveLength(1)
          expect([0, 1]).toContain(exitCode(parsed))
          expectWellPlaced(parsed, new Map([['site.pch.yaml', text]]))
        }
      }),
      {numRuns: RUNS, seed: SEED},
    )
  })

  it(`by the built binary, all ${RUNS} cases in one run of each command`, () => {
    const cases = fc.sample(arbitrary, {numRuns: RUNS, seed: SEED})
    const texts = new Map<string, string>()
    mkdirSync(`${temp.path}/cases`)
    cases.forEach((text, i) => {
      const name = `cases/case-${String(i).padStart(4, '0')}.pch.yaml`
      writeFileSync(`${temp.path}/${name}`, text)
      texts.set(name, text)
    })
    for (const command of ['validate', 'lint']) {
      const started = Date.now()
      const r = cli([command, 'cases', '--today', TODAY, '-f', 'json'], {cwd: temp.path})
      expect(Date.now() - started, replay).toBeLessThan(60_000)
      expect(r.stderr, replay).toBe('')
      expect([0, 1], replay).toContain(r.status)
      const results = JSON.parse(r.stdout) as FileResult[]
      expect(
        results.map((result) => result.filePath),
        replay,
      ).toEqual([...texts.keys()])
      expectWellPlaced(results, texts)
    }
  })
})

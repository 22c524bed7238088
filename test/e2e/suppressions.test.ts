// End-to-end: lint's bulk suppressions (ESLint 9's) with the built binary: a repository adopts a
// stricter .pchrc.yaml with --suppress-all, CI passes, a new finding fails it, a fixed one fails it
// until --prune-suppressions; compliance rules are never suppressed, and validate ignores the file.
import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {cli, edit, expectOneLineFailure, lineOf, riverside, TODAY, useTempDir} from '../helpers.js'

const base = riverside()
const temp = useTempDir('pch-suppress-')

/** Site `i` of a programme: its own id and practice codes; list sizes as of `asOf`; without wider determinants of health when `determinants` is false. */
const site = (i: number, {asOf = '2026-10-01', determinants = true} = {}): string =>
  edit(
    base,
    ['id: riverside ', `id: s${i} `],
    ['asOf: 2026-10-01', `asOf: ${asOf}`],
    [/      determinants:.*\n/, determinants ? '$&' : ''],
  ).replace(/A8100(\d)/g, `${'BCDEFGHJKL'[i]}8100$1`)

/** The stricter config the repository adopts: list sizes older than two months are stale. */
const STRICTER = 'rules:\n  population/stale-list-sizes: [warning, { maxAgeMonths: 2 }]\n'
const staleLine = lineOf(base, 'asOf: 2026-10-01')
const determinantsLine = lineOf(base, 'populationHealth:')

/** Ten sites: s0-s3 with list sizes of August (stale under the stricter config), s4 and s5 without wider determinants. */
function programme(): void {
  for (let i = 0; i < 10; i++)
    temp.write(`sites/s${i}.pch.yaml`, site(i, {asOf: i < 4 ? '2026-08-01' : '2026-10-01', determinants: i !== 4 && i !== 5}))
  temp.write('.pchrc.yaml', STRICTER)
}

const lint = (...args: string[]): ReturnType<typeof cli> => cli(['lint', 'sites', '--today', TODAY, ...args], {cwd: temp.path})
const suppressionsFile = (): string => readFileSync(path.join(temp.path, 'pch-suppressions.json'), 'utf8')

/** The suppressions file as pch writes it: sorted, indented, counts per file and rule. */
const fileOf = (entries: Array<[file: string, rule: string, count: number]>): string => {
  const out: Record<string, Record<string, {count: number}>> = {}
  for (const [file, rule, count] of entries) (out[file] ??= {})[rule] = {count}
  return `${JSON.stringify(out, null, 2)}\n`
}

const ADOPTED: Array<[string, string, number]> = [
  ['sites/s0.pch.yaml', 'population/stale-list-sizes', 1],
  ['sites/s1.pch.yaml', 'population/stale-list-sizes', 1],
  ['sites/s2.pch.yaml', 'population/stale-list-sizes', 1],
  ['sites/s3.pch.yaml', 'population/stale-list-sizes', 1],
  ['sites/s4.pch.yaml', 'care/wider-determinants', 1],
  ['sites/s5.pch.yaml', 'care/wider-determinants', 1],
]

describe('lint: bulk suppressions', () => {
  it('adopting a stricter config: --suppress-all, CI passes, a new finding fails, a fix fails until --prune-suppressions', () => {
    programme()
    expect(lint('--max-warnings', '0').stdout).toMatch(
      /✖ 6 problems \(0 errors, 6 warnings\)\n✖ Too many warnings: 6, more than --max-warnings 0 allows \(exit 1\)\n$/,
    )

    expect(lint('--suppress-all')).toEqual({
      status: 0,
      stdout: '✔ No problems in 10 files (10 definitions)\n6 findings suppressed by the suppressions file\n',
      stderr: '',
    })
    expect(suppressionsFile()).toBe(fileOf(ADOPTED))
    // CI: nothing new, nothing reported.
    expect(lint('--max-warnings', '0')).toEqual({
      status: 0,
      stdout: '✔ No problems in 10 files (10 definitions)\n6 findings suppressed by the suppressions file\n',
      stderr: '',
    })

    // A new finding fails CI, and it alone is reported.
    temp.write('sites/s6.pch.yaml', site(6, {asOf: '2026-07-01'}))
    const added = lint('--max-warnings', '0')
    expect(added.status).toBe(1)
    expect(added.stdout).toBe(
      `sites/s6.pch.yaml\n  ${staleLine}:11  warning  List sizes are as of 2026-07-01, more than 2 months before 2026-11-01; refresh them (pch sync-list-sizes)  population/stale-list-sizes\n\n` +
        '✖ 1 problem (0 errors, 1 warning)\n✖ Too many warnings: 1, more than --max-warnings 0 allows (exit 1)\n6 findings suppressed by the suppressions file\n',
    )
    temp.write('sites/s6.pch.yaml', site(6))

    // A fixed finding: its suppression no longer occurs, and the run fails until it is pruned.
    temp.write('sites/s0.pch.yaml', site(0))
    const fixed = lint('--max-warnings', '0')
    expect(fixed).toEqual({
      status: 1,
      stdout: '✔ No problems in 10 files (10 definitions)\n5 findings suppressed by the suppressions file\n',
      stderr:
        'pch: warning: 1 suppression no longer occurs in pch-suppressions.json: population/stale-list-sizes in sites/s0.pch.yaml; remove it with pch lint --prune-suppressions\n',
    })
    expect(lint('--prune-suppressions')).toEqual({
      status: 0,
      stdout: '✔ No problems in 10 files (10 definitions)\n5 findings suppressed by the suppressions file\n',
      stderr: '',
    })
    expect(suppressionsFile()).toBe(fileOf(ADOPTED.slice(1)))
    expect(lint('--max-warnings', '0').status).toBe(0)
  })

  it('--suppress-rule records only that rule, keeping the others; more findings than the count are all reported', () => {
    programme()
    expect(lint('--suppress-rule', 'care/wider-determinants').status).toBe(0)
    expect(suppressionsFile()).toBe(fileOf(ADOPTED.slice(4)))
    const r = cli(['lint', 'sites', '--today', TODAY, '-f', 'json'], {cwd: temp.path})
    const files = JSON.parse(r.stdout) as Array<{
      filePath: string
      warningCount: number
      messages: Array<{ruleId: string}>
      suppressedMessages?: Array<{ruleId: string; line: number}>
    }>
    expect(
      files.map((f) => [f.filePath, f.messages.map((m) => m.ruleId), (f.suppressedMessages ?? []).map((m) => `${m.ruleId}@${m.line}`)]),
    ).toEqual(
      files.map((f, i) => [
        f.filePath,
        i < 4 ? ['population/stale-list-sizes'] : [],
        i === 4 || i === 5 ? [`care/wider-determinants@${determinantsLine}`] : [],
      ]),
    )
    // Two documents of one rule in s4 against a count of one: both reported, as ESLint does.
    temp.write(
      'sites/s4.pch.yaml',
      `${site(4, {determinants: false})}---\n${site(4, {determinants: false}).replace('id: s4 ', 'id: s4b ').replaceAll('F8100', 'M8100')}`,
    )
    const over = lint('--suppress-rule', 'population/stale-list-sizes')
    expect(over.status).toBe(0)
    expect(suppressionsFile()).toBe(
      fileOf([
        ...ADOPTED.slice(0, 4),
        ['sites/s4.pch.yaml', 'care/wider-determinants', 1],
        ['sites/s5.pch.yaml', 'care/wider-determinants', 1],
      ]),
    )
    const both = lint('-f', 'json')
    const s4 = (JSON.parse(both.stdout) as Array<{filePath: string; messages: Array<{ruleId: string}>}>).find(
      (f) => f.filePath === 'sites/s4.pch.yaml',
    )!
    expect(s4.messages.map((m) => m.ruleId)).toEqual(['care/wider-determinants', 'care/wider-determinants'])
  })

  it('refuses to suppress a compliance or structural rule, by flag or in the file', () => {
    programme()
    expectOneLineFailure(
      lint('--suppress-rule', 'population/size-band'),
      /^pch: --suppress-rule: population\/size-band is a compliance rule: it cannot be suppressed; accept a finding with an approved exception in the definition's metadata.exceptions\n$/,
    )
    // The flags that write the file exclude one another, said on one line.
    expectOneLineFailure(
      lint('--suppress-all', '--prune-suppressions'),
      /^pch: --prune-suppressions=true cannot also be provided when using --suppress-all \(see pch lint --help\)\n$/,
    )
    expectOneLineFailure(
      lint('--suppress-rule', 'format/number'),
      /^pch: --suppress-rule: format\/number cannot be suppressed: it decides whether a definition conforms to the format\n$/,
    )
    expectOneLineFailure(
      lint('--suppress-rule', 'population/stale-list-size'),
      /^pch: --suppress-rule: unknown rule "population\/stale-list-size"; did you mean "population\/stale-list-sizes"\?\n$/,
    )
    temp.write('pch-suppressions.json', fileOf([['sites/s0.pch.yaml', 'workforce/social-care-partner', 1]]))
    expectOneLineFailure(
      lint(),
      /^pch: Invalid suppressions file pch-suppressions.json: "sites\/s0.pch.yaml": workforce\/social-care-partner is a compliance rule: it cannot be suppressed; accept a finding with an approved exception in the definition's metadata.exceptions\n$/,
    )
    expect(existsSync(path.join(temp.path, 'sites/s0.pch.yaml'))).toBe(true)
    expect(suppressionsFile()).toBe(fileOf([['sites/s0.pch.yaml', 'workforce/social-care-partner', 1]]))
  })

  it('compliance findings are still reported with a suppressions file; validate ignores the file', () => {
    programme()
    const broken = edit(site(7), ['listSize: 14250', 'listSize: 1000'])
    temp.write('sites/s7.pch.yaml', broken)
    expect(lint('--suppress-all').status).toBe(1)
    expect(suppressionsFile()).not.toContain('size-band')
    expect(lint().stdout).toContain('population/size-band')
    const withFile = cli(['validate', 'sites', '--today', TODAY, '-f', 'json'], {cwd: temp.path})
    temp.write('pch-suppressions.json', '{ not json')
    expect(cli(['validate', 'sites', '--today', TODAY, '-f', 'json'], {cwd: temp.path})).toEqual(withFile)
    expectOneLineFailure(
      lint(),
      /^pch: Invalid suppressions file pch-suppressions.json: not JSON; expected an object of files, each an object of rule ids, each \{"count": N\}\n$/,
    )
  })

  it('the file goes beside the config, with paths relative to itself; --suppressions-location names another', () => {
    programme()
    const inSites = cli(['lint', '.', '--today', TODAY, '--suppress-all'], {cwd: path.join(temp.path, 'sites')})
    expect(inSites.status).toBe(0)
    expect(suppressionsFile()).toBe(fileOf(ADOPTED))
    expect(lint('--suppressions-location', 'ci/suppressed.json', '--suppress-all').status).toBe(0)
    expect(readFileSync(path.join(temp.path, 'ci/suppressed.json'), 'utf8')).toBe(
      fileOf(ADOPTED.map(([file, rule, count]) => [`../${file}`, rule, count])),
    )
    expectOneLineFailure(lint('--suppressions-location', 'ci/missing.json'), /^pch: Suppressions file not found: ci\/missing.json\n$/)
    expectOneLineFailure(
      lint('--suppressions-location', 'sites/s0.pch.yaml', '--suppress-all'),
      /^pch: Invalid suppressions file sites\/s0.pch.yaml: not JSON/,
    )
    expectOneLineFailure(
      cli(['lint', '-', '--suppress-all'], {cwd: temp.path, input: base}),
      /^pch: Suppressions count the findings of files: standard input \(-\) cannot be suppressed\n$/,
    )
  })

  it('SARIF marks suppressed findings as suppressed (external), so code scanning does not show them', () => {
    programme()
    lint('--suppress-all')
    const log = JSON.parse(lint('-f', 'sarif').stdout) as {
      runs: Array<{results: Array<{ruleId: string; suppressions?: Array<{kind: string; status: string}>}>}>
    }
    expect(log.runs[0]!.results.map((r) => [r.ruleId, r.suppressions?.[0]?.kind])).toEqual(ADOPTED.map(([, rule]) => [rule, 'external']))
  })
})

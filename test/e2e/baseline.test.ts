// End-to-end: `lint --format sarif --baseline PREVIOUS.sarif` over two commits of a repository with
// the built binary: the fixed finding absent, the new one new, a changed message updated, and the
// rest unchanged, a finding whose line moved (and one naming that line in another file) included.
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {cli, edit, expectOneLineFailure, riverside, TODAY, useTempDir} from '../helpers.js'

const base = riverside()
const temp = useTempDir('pch-baseline-')

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

const withoutDeterminants = (text: string): string => edit(text, [/      determinants:.*\n/, ''])
/** Site b: its own codes; list sizes as of `asOf`. */
const siteB = (asOf: string): string =>
  edit(base, ['id: riverside ', 'id: b '], ['asOf: 2026-10-01', `asOf: ${asOf}`]).replace(/A8100(\d)/g, 'B8100$1')
/** Site c: its own codes, except B81001, which is b's too. */
const siteC = edit(base, ['id: riverside ', 'id: c '])
  .replaceAll('A81001', 'B81001')
  .replace(/A8100(\d)/g, 'C8100$1')

/** The first commit: a without wider determinants, b with stale list sizes, b and c sharing a practice. */
function firstCommit(): void {
  temp.write('sites/a.pch.yaml', withoutDeterminants(base).replace('id: riverside ', 'id: a '))
  temp.write('sites/b.pch.yaml', siteB('2026-01-01'))
  temp.write('sites/c.pch.yaml', siteC)
}

/** The second: a fixed; b's lines moved down two and its list sizes a month newer (still stale); c without wider determinants. */
function secondCommit(): void {
  temp.write('sites/a.pch.yaml', base.replace('id: riverside ', 'id: a '))
  temp.write('sites/b.pch.yaml', `# Site b\n# (moved down two lines)\n${siteB('2026-02-01')}`)
  temp.write('sites/c.pch.yaml', withoutDeterminants(siteC))
}

const sarif = (...args: string[]): Json => {
  const r = cli(['lint', 'sites', '--today', TODAY, '-f', 'sarif', ...args], {cwd: temp.path})
  expect([r.status, r.stderr]).toEqual([1, ''])
  return JSON.parse(r.stdout) as Json
}
const summary = (log: Json): string[] =>
  (log.runs[0].results as Json[]).map(
    (r) =>
      `${r.baselineState ?? '-'} ${r.locations[0].physicalLocation.artifactLocation.uri} ${r.ruleId}@${r.locations[0].physicalLocation.region.startLine}`,
  )

describe('lint --format sarif --baseline', () => {
  it('marks each result of the second commit against the first: new, unchanged (a moved line too), updated, absent', () => {
    firstCommit()
    const first = sarif()
    temp.write('previous.sarif', JSON.stringify(first))
    expect(summary(first)).toEqual([
      '- sites/a.pch.yaml care/wider-determinants@95',
      '- sites/b.pch.yaml population/stale-list-sizes@18',
      '- sites/b.pch.yaml population/practice-in-multiple-sites@21',
      '- sites/c.pch.yaml population/practice-in-multiple-sites@21',
    ])
    secondCommit()
    const second = sarif('--baseline', 'previous.sarif')
    expect(summary(second)).toEqual([
      'updated sites/b.pch.yaml population/stale-list-sizes@20',
      'unchanged sites/b.pch.yaml population/practice-in-multiple-sites@23',
      'unchanged sites/c.pch.yaml population/practice-in-multiple-sites@21',
      'new sites/c.pch.yaml care/wider-determinants@95',
      'absent sites/a.pch.yaml care/wider-determinants@95',
    ])
    // c's message names b's new line, yet it is the same finding.
    const results = second.runs[0].results as Json[]
    expect(results[2]!.message.text).toBe('Practice B81001 is also a member of site "b" (sites/b.pch.yaml:23)')
    expect(results[2]!.partialFingerprints).toEqual((first.runs[0].results as Json[])[3]!.partialFingerprints)
    // The absent result is the first commit's, as it was, pointed at this run's rule list.
    const {baselineState: _state, ...absent} = results[4]!
    expect(absent).toEqual((first.runs[0].results as Json[])[0])
    expect(second.runs[0].tool.driver.rules[results[4]!.ruleIndex].id).toBe('care/wider-determinants')
    // Against itself, every result is unchanged; a result already absent in a baseline is not carried again.
    temp.write('second.sarif', JSON.stringify(second))
    expect(summary(sarif('--baseline', 'second.sarif'))).toEqual(
      summary(second)
        .slice(0, 4)
        .map((line) => line.replace(/^\w+/, 'unchanged')),
    )
  })

  it('validate takes --baseline too; without --format sarif it is refused', () => {
    firstCommit()
    temp.write('previous.sarif', JSON.stringify(sarif()))
    const r = cli(['validate', 'sites', '--today', TODAY, '-f', 'sarif', '--baseline', 'previous.sarif'], {cwd: temp.path})
    const log = JSON.parse(r.stdout) as Json
    expect(summary(log)).toEqual([
      'unchanged sites/b.pch.yaml population/practice-in-multiple-sites@21',
      'unchanged sites/c.pch.yaml population/practice-in-multiple-sites@21',
      'absent sites/a.pch.yaml care/wider-determinants@95',
      'absent sites/b.pch.yaml population/stale-list-sizes@18',
    ])
    expectOneLineFailure(
      cli(['lint', 'sites', '--baseline', 'previous.sarif'], {cwd: temp.path}),
      /^pch: --baseline sets the baselineState of SARIF results: give it with --format sarif\n$/,
    )
    // Several reports: only the SARIF one is marked.
    const both = cli(['lint', 'sites', '--today', TODAY, '-f', 'json', '-f', 'sarif', '-o', 'now.sarif', '--baseline', 'previous.sarif'], {
      cwd: temp.path,
    })
    expect(both.stdout).not.toContain('baselineState')
    expect(readFileSync(path.join(temp.path, 'now.sarif'), 'utf8')).toContain('"baselineState": "unchanged"')
  })

  it('a baseline that is not a SARIF 2.1.0 log of pch is exit 2 with one line', () => {
    firstCommit()
    const refused = (content: string, pattern: RegExp): void => {
      temp.write('bad.sarif', content)
      expectOneLineFailure(cli(['lint', 'sites', '-f', 'sarif', '--baseline', 'bad.sarif'], {cwd: temp.path}), pattern)
    }
    refused('<xml/>', /^pch: --baseline bad.sarif is not a SARIF log: it is not JSON\n$/)
    refused('[]', /^pch: --baseline bad.sarif is not a SARIF log: expected an object with version "2.1.0" and runs\n$/)
    refused('{"version": "2.0.0", "runs": []}', /^pch: --baseline bad.sarif is not SARIF 2.1.0: its version is "2.0.0"\n$/)
    refused('{"version": "2.1.0", "runs": []}', /^pch: --baseline bad.sarif is not SARIF 2.1.0: it has no runs\n$/)
    refused(
      '{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "ESLint"}}, "results": []}]}',
      /^pch: --baseline bad.sarif is a SARIF log of "ESLint", not of pch: its results cannot be matched\n$/,
    )
    refused(
      '{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "pch"}}, "results": [{"ruleId": "schema", "message": {"text": "x"}}]}]}',
      /^pch: --baseline bad.sarif has no pch fingerprints in result 1 \(partialFingerprints pchLocation\/v1\); write the baseline with this version of pch, --format sarif\n$/,
    )
    expectOneLineFailure(
      cli(['lint', 'sites', '-f', 'sarif', '--baseline', 'gone.sarif'], {cwd: temp.path}),
      /^pch: --baseline gone.sarif does not exist\n$/,
    )
    temp.write('previous.sarif', JSON.stringify(sarif()))
    expectOneLineFailure(
      cli(['lint', 'sites', '-f', 'sarif', '-o', 'previous.sarif', '--baseline', 'previous.sarif'], {cwd: temp.path}),
      /^pch: previous.sarif is an input of this run; it would be overwritten, so nothing was written\n$/,
    )
  })
})

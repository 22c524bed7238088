// End-to-end: the built `pch report` over the fixture programme of test/report/fixture/: exit codes
// with and without --fail-on-noncompliance, the default format off a terminal, --output, and the
// run failures (exit 2, one line).
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {beforeEach, describe, expect, it} from 'vitest'
import {cli, ROOT, tempDir, TODAY, type CliResult, expectOneLineFailure} from '../helpers.js'
import {FIXTURE_DIR} from '../report/programme.js'

const golden = (name: string): string => readFileSync(new URL(`../report/golden/${name}`, import.meta.url), 'utf8')
const RIVERSIDE = path.join(ROOT, 'examples', 'riverside.pch.yaml')

/** `pch report` run in the fixture directory, so paths in the report are the golden files' paths. */
const report = (...args: string[]): CliResult => cli(['report', ...args, '--today', TODAY], {cwd: FIXTURE_DIR})

let dir: string
beforeEach(() => {
  dir = tempDir('pch-report-')
})

describe('pch report: exit codes', () => {
  it('exits 0 for a programme with non-compliant and unreadable definitions', () => {
    const r = report('.')
    expect([r.status, r.stderr]).toEqual([0, ''])
    expect(r.stdout).toContain('3 of 5 sites meet all four characteristics')
  })

  it('exits 1 with --fail-on-noncompliance, and still prints the report', () => {
    const r = report('.', '--fail-on-noncompliance')
    expect([r.status, r.stderr]).toEqual([1, ''])
    expect(r.stdout).toBe(golden('report.md'))
  })

  it('exits 1 with --fail-on-noncompliance for each kind of failing input on its own', () => {
    // southmoor: two characteristics not met; harbour.pch.yaml: harbour-west not met (and a pch/v2
    // document); broken.pch.yaml: no site at all, only an unreadable definition.
    for (const file of ['southmoor.pch.yaml', 'harbour.pch.yaml', 'broken.pch.yaml']) {
      const r = report(file, '--fail-on-noncompliance')
      expect([file, r.status, r.stderr]).toEqual([file, 1, ''])
    }
  })

  it('exits 0 with --fail-on-noncompliance when every site complies', () => {
    const r = cli(['report', RIVERSIDE, '--fail-on-noncompliance', '--today', TODAY])
    expect([r.status, r.stderr]).toEqual([0, ''])
    expect(r.stdout).toContain('1 of 1 sites meet all four characteristics; registered population 36,100.')
  })

  it('exits 0 with --fail-on-noncompliance for sites that comply, one of them by exception', () => {
    const r = report('fellgate.pch.yaml', 'northbank.pch.yaml', '--fail-on-noncompliance')
    expect([r.status, r.stderr]).toEqual([0, ''])
    expect(r.stdout).toContain('2 of 2 sites meet all four characteristics; registered population 61,900.')
  })
})

describe('pch report: formats and output', () => {
  it('writes markdown to standard output when it is not a terminal', () => {
    const r = report('.')
    expect(r.stdout).toBe(golden('report.md'))
    expect(report('.', '--format', 'markdown').stdout).toBe(r.stdout)
  })

  it('writes each format byte for byte as its renderer does', () => {
    expect(report('.', '--format', 'csv').stdout).toBe(golden('report.csv'))
    expect(report('.', '--format', 'json').stdout).toBe(golden('report.json'))
  })

  it('--output writes the file and prints nothing', () => {
    const file = path.join(dir, 'report.md')
    const r = report('.', '--output', file)
    expect(r).toEqual({status: 0, stdout: '', stderr: ''})
    expect(readFileSync(file, 'utf8')).toBe(golden('report.md'))
    expect(readdirSync(dir)).toEqual(['report.md'])
  })

  it('--output with --format csv writes the CSV bytes and keeps the exit code of --fail-on-noncompliance', () => {
    const file = path.join(dir, 'sites.csv')
    const r = report('.', '--format', 'csv', '--output', file, '--fail-on-noncompliance')
    expect(r).toEqual({status: 1, stdout: '', stderr: ''})
    expect(readFileSync(file)).toEqual(Buffer.from(golden('report.csv'), 'utf8'))
  })

  it('--format table without colour: no escapes, every line in 100 columns', () => {
    const r = report('.', '--format', 'table')
    expect([r.status, r.stderr]).toEqual([0, ''])

    expect(r.stdout).not.toMatch(/\u001b\[/)
    expect(r.stdout.split('\n').filter((line) => [...line].length > 100)).toEqual([])
    expect(r.stdout).toMatch(/^SITE +STATUS +POPULATION AS OF +PRACTICES {2}1 {2}2 {2}3 {2}4 {2}COMPLIANT\n/)
  })
})

describe('pch report: the run fails (exit 2, one line)', () => {
  it('a path that does not exist', () => {
    expectOneLineFailure(report('no-such-site.pch.yaml'), /^pch: Path not found: no-such-site\.pch\.yaml\n$/)
  })

  it('a missing path among good ones writes no report', () => {
    const file = path.join(dir, 'report.md')
    expectOneLineFailure(report('northbank.pch.yaml', 'no-such-site.pch.yaml', '--output', file), /no-such-site\.pch\.yaml/)
    expect(readdirSync(dir)).toEqual([])
  })

  it('an unknown --format', () => {
    expectOneLineFailure(report('.', '--format', 'xml'), /--format=xml.*table, markdown, html, json, csv/)
  })

  it('a --today that is not a date', () => {
    expectOneLineFailure(cli(['report', '.', '--today', '2026-13-01'], {cwd: FIXTURE_DIR}), /2026-13-01/)
  })
})

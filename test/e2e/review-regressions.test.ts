// Regression tests, through the built binary, for the faults a code review found (each fails on the
// code before the fix): --fix through aliases, block scalars, links, byte-order marks, CRLF, file
// modes, unwritable files and ambiguous plain text; files reached twice; standard input read as
// bytes; oclif's reason for a bad flag value.
import {spawnSync} from 'node:child_process'
import {chmodSync, chownSync, lstatSync, mkdirSync, readFileSync, readlinkSync, statSync, symlinkSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {parseAllDocuments} from 'yaml'
import {BIN, cli, edit, lineOf, riverside, TODAY, useTempDir} from '../helpers.js'

const base = riverside()
const temp = useTempDir('pch-review-e2e-')
const write = temp.write

/** "ruleId@line:column" per finding, per file, from --format json output. */
function parsed(stdout: string): Record<string, string[]> {
  const files: Record<string, string[]> = {}
  for (const result of JSON.parse(stdout) as Array<{filePath: string; messages: Array<{ruleId: string; line: number; column: number}>}>) {
    files[result.filePath] = result.messages.map((m) => `${m.ruleId}@${m.line}:${m.column}`)
  }
  return files
}

/** Lint (or fix) in `temp.path` with a fixed today and JSON output. */
function lint(
  args: string[],
  options: Parameters<typeof cli>[1] = {},
): {status: number | null; stderr: string; files: Record<string, string[]>} {
  const r = cli(['lint', ...args, '--today', TODAY, '--format', 'json'], {cwd: temp.path, ...options})
  return {status: r.status, stderr: r.stderr, files: r.stdout ? parsed(r.stdout) : {}}
}

const yamlErrors = (text: string): string[] =>
  parseAllDocuments(text).flatMap((doc) => ('errors' in doc ? doc.errors.map((e) => e.code) : []))
const crlf = (text: string): string => text.replace(/\n/g, '\r\n')
/** Riverside with one fixable finding (format/number); --fix turns it back into riverside. */
const fixable = edit(base, ['listSize: 14250', 'listSize: "14,250"'])

describe('pch lint --fix', () => {
  it('1: an alias of a fixed value: no overlapping edit, nothing written through the alias, valid YAML', () => {
    const text = edit(
      base,
      [/      - odsCode: A81002\n[\s\S]*?listSize: 11980\n/, '      - &bridge {odsCode: A81002, name: X, listSize: "11,980"}\n'],
      [/      - odsCode: A81004\n[\s\S]*?listSize: 9870\n/, '      - *bridge\n'],
    )
    const file = write('riverside.pch.yaml', text)
    const r = lint(['--fix'])
    const fixed = readFileSync(file)
    expect(fixed.equals(Buffer.from(edit(text, ['listSize: "11,980"}', 'listSize: 11980}'])))).toBe(true)
    expect(fixed.toString('utf8')).toContain('\n      - *bridge\n')
    expect(yamlErrors(fixed.toString('utf8'))).toEqual([])
    // What is left is the duplicate practice (and the capitation it skews), not format/number or yaml/*.
    expect(r.status).toBe(1)
    expect(r.files['riverside.pch.yaml']!.map((f) => f.split('@')[0])).toEqual([
      'population/duplicate-practice',
      'budget/capitation-mismatch',
    ])
  })

  it('2: a block scalar is left as it is: the file stays valid YAML and the finding stays', () => {
    const text = edit(base, ['odsCode: A81002', 'odsCode: >-\n          a81002'])
    const file = write('riverside.pch.yaml', text)
    const r = lint(['--fix'])
    const after = readFileSync(file)
    expect(after.equals(Buffer.from(text))).toBe(true)
    expect(yamlErrors(after.toString('utf8'))).toEqual([])
    expect(r).toEqual({status: 1, stderr: '', files: {'riverside.pch.yaml': [`format/ods-code@${lineOf(text, 'odsCode: >-')}:18`]}})
  })

  it("3: a file reached through a link is fixed in the link's target; the link stays a link", () => {
    const target = write('store/riverside.pch.yaml', fixable)
    mkdirSync(path.join(temp.path, 'sites'))
    const link = path.join(temp.path, 'sites', 'riverside.pch.yaml')
    symlinkSync('../store/riverside.pch.yaml', link)
    const r = lint(['--fix', 'sites/riverside.pch.yaml'])
    expect(r).toEqual({status: 0, stderr: '', files: {'sites/riverside.pch.yaml': []}})
    expect(lstatSync(link).isSymbolicLink()).toBe(true)
    expect(readlinkSync(link)).toBe('../store/riverside.pch.yaml')
    expect(readFileSync(target).equals(Buffer.from(base))).toBe(true)
  })

  it.each([
    {mode: 0o664, octal: '664'},
    {mode: 0o600, octal: '600'},
  ])('4: keeps a UTF-8 byte-order mark, CRLF line endings and the mode $octal', ({mode}) => {
    const file = write('riverside.pch.yaml', Buffer.from(`\uFEFF${crlf(fixable)}`))
    chmodSync(file, mode)
    const r = lint(['--fix'])
    expect(r).toEqual({status: 0, stderr: '', files: {'riverside.pch.yaml': []}})
    const after = readFileSync(file)
    expect(after.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true)
    expect(after.equals(Buffer.from(`\uFEFF${crlf(base)}`))).toBe(true)
    expect(statSync(file).mode & 0o7777).toBe(mode)
  })

  it('5: when one of two files cannot be written, exits 2 and leaves both as they were', () => {
    // Run as nobody (root writes anywhere): a/ is nobody's; b/ is root's and read-only, so the fix of
    // b/harbour.pch.yaml cannot be staged beside it, after a/riverside.pch.yaml's could have been.
    const nobody = 65534
    const harbour = edit(
      fixable,
      ['id: riverside ', 'id: harbour   '],
      ['odsCode: A81001', 'odsCode: A81009'],
      ['employer: A81001', 'employer: A81009'],
    )
      .replace(/A81002/g, 'A81008')
      .replace(/A81004/g, 'A81007')
    const a = write('a/riverside.pch.yaml', fixable)
    const b = write('b/harbour.pch.yaml', harbour)
    for (const owned of [temp.path, path.join(temp.path, 'a'), a, b]) chownSync(owned, nobody, nobody)
    chmodSync(path.join(temp.path, 'b'), 0o555)
    try {
      // The case is real: nobody can read both files, and each has a fix to write.
      const listSize = `format/number@${lineOf(fixable, 'listSize: "14,250"')}:19`
      expect(lint([], {uid: nobody, env: {HOME: temp.path}}).files).toEqual({
        'a/riverside.pch.yaml': [listSize],
        'b/harbour.pch.yaml': [listSize],
      })
      const r = cli(['lint', '--fix', '--today', TODAY], {cwd: temp.path, uid: nobody, env: {HOME: temp.path}})
      expect(r.status).toBe(2)
      expect(readFileSync(a).equals(Buffer.from(fixable))).toBe(true)
      expect(readFileSync(b).equals(Buffer.from(harbour))).toBe(true)
      expect(r.stderr).toBe(
        'pch: Cannot write b/harbour.pch.yaml: permission denied (EACCES); each file holds either its old or its fixed content\n',
      )
    } finally {
      chmodSync(path.join(temp.path, 'b'), 0o755)
    }
  })

  it('6: an ODS code YAML would read as a number is written in double quotes; a second lint is clean', () => {
    const text = edit(base, ['        sector: voluntary\n', '        sector: voluntary\n        odsCode: 1 23\n'])
    const file = write('riverside.pch.yaml', text)
    expect(lint([]).files).toEqual({'riverside.pch.yaml': [`format/ods-code@${lineOf(text, 'odsCode: 1 23')}:18`]})
    expect(lint(['--fix'])).toEqual({status: 0, stderr: '', files: {'riverside.pch.yaml': []}})
    expect(readFileSync(file).equals(Buffer.from(edit(text, ['odsCode: 1 23', 'odsCode: "123"'])))).toBe(true)
    expect(lint([])).toEqual({status: 0, stderr: '', files: {'riverside.pch.yaml': []}})
  })
})

describe('paths', () => {
  it('10: lint sites current, with current a link to sites, checks the file once', () => {
    write('sites/riverside.pch.yaml', base)
    symlinkSync('sites', path.join(temp.path, 'current'))
    expect(cli(['lint', 'sites', 'current', '--today', TODAY], {cwd: temp.path})).toEqual({
      status: 0,
      stdout: '✔ No problems in 1 file (1 definition)\n',
      stderr: '',
    })
  })

  it('10: standard input can be given only once', () => {
    expect(cli(['lint', '-', '-', '--today', TODAY], {cwd: temp.path, input: base})).toEqual({
      status: 2,
      stdout: '',
      stderr: 'pch: Standard input (-) can be given only once\n',
    })
  })
})

describe('11: standard input is read as bytes, like a file', () => {
  /** The built binary with `input` as exact bytes on standard input. */
  const cliBytes = (args: string[], input: Uint8Array): {status: number | null; stdout: string} => {
    const env: NodeJS.ProcessEnv = {...process.env, NO_COLOR: '1'}
    delete env.GITHUB_ACTIONS
    const r = spawnSync(process.execPath, [BIN, ...args], {cwd: temp.path, input, env, encoding: 'utf8', timeout: 60_000})
    return {status: r.status, stdout: r.stdout}
  }
  const json = ['--today', TODAY, '--format', 'json']

  it('a byte-order mark: the same line:column as the file', () => {
    const text = `\uFEFF${edit(base, [/^# yaml.*\n/, ''], ['apiVersion: pch/v1', 'apiVersion: pch/v2'])}`
    write('riverside.pch.yaml', text)
    const fromFile = cli(['lint', 'riverside.pch.yaml', ...json], {cwd: temp.path})
    const fromStdin = cli(['lint', '-', '--stdin-filename', 'riverside.pch.yaml', ...json], {cwd: temp.path, input: text})
    expect(parsed(fromFile.stdout)).toEqual({'riverside.pch.yaml': ['schema/api-version@1:13']})
    expect(fromStdin).toEqual(fromFile)
  })

  it('bytes that are not UTF-8: yaml/syntax "The file is not UTF-8 text", as for the file', () => {
    const bytes = Buffer.concat([Buffer.from('apiVersion: pch/v1\nkind: Pr'), Buffer.from([0xff, 0xfe]), Buffer.from('imaryCareHome\n')])
    write('riverside.pch.yaml', bytes)
    const fromFile = cliBytes(['lint', 'riverside.pch.yaml', ...json], Buffer.alloc(0))
    const fromStdin = cliBytes(['lint', '-', '--stdin-filename', 'riverside.pch.yaml', ...json], bytes)
    expect(fromStdin).toEqual(fromFile)
    expect(fromStdin.status).toBe(1)
    const [result] = JSON.parse(fromStdin.stdout) as Array<{
      messages: Array<{ruleId: string; line: number; column: number; message: string}>
    }>
    expect(result!.messages).toHaveLength(1)
    expect(result!.messages[0]).toMatchObject({ruleId: 'yaml/syntax', line: 2, column: 9})
    expect(result!.messages[0]!.message).toMatch(/^The file is not UTF-8 text/)
  })
})

describe('flags', () => {
  it('15: --max-warnings -1 exits 2 with one line that gives the reason', () => {
    write('riverside.pch.yaml', base)
    const r = cli(['lint', '--max-warnings', '-1', '--today', TODAY], {cwd: temp.path})
    expect(r.status).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr.endsWith('\n')).toBe(true)
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1)
    expect(r.stderr).toContain('Expected an integer greater than or equal to 0')
  })
})

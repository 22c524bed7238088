// End-to-end: the built `pch validate` binary, its exit codes, streams and output bytes.
import {readFileSync, writeFileSync, mkdirSync, existsSync, chmodSync} from 'node:fs'
import {spawnSync} from 'node:child_process'
import {pathToFileURL} from 'node:url'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {BIN, cli, edit, lineOf, riverside, ROOT, TODAY, useTempDir} from '../helpers.js'

const temp = useTempDir('pch-cli-', 'all')
let dir: string
const base = riverside()
const practicesLine = lineOf(base, 'practices:')
const belowBand = edit(base, ['listSize: 14250', 'listSize: 4250'], ['total: 5776000', 'total: 4176000'])

beforeAll(() => {
  dir = temp.path
  mkdirSync(path.join(dir, 'sites', 'nested'), {recursive: true})
  writeFileSync(path.join(dir, 'sites', 'riverside.pch.yaml'), base)
  writeFileSync(path.join(dir, 'sites', 'nested', 'below.pch.yml'), belowBand)
  writeFileSync(path.join(dir, 'sites', 'notes.yaml'), 'not: a definition\n')
  mkdirSync(path.join(dir, 'empty'))
})

describe('pch validate: exit codes', () => {
  it('exits 0 with one success line for a valid definition', () => {
    const r = cli(['validate', 'sites/riverside.pch.yaml'], {cwd: dir})
    expect(r).toEqual({status: 0, stdout: '✔ No problems in 1 file (1 definition)\n', stderr: ''})
  })

  it('exits 1 and prints the stylish report, byte for byte, for a compliance error', () => {
    const r = cli(['validate', 'sites/nested/below.pch.yml'], {cwd: dir})
    expect(r.status).toBe(1)
    expect(r.stderr).toBe('')
    expect(r.stdout).toBe(
      'sites/nested/below.pch.yml\n' +
        `  ${practicesLine}:5  error  Registered population 26,100 is below 30,000 (band 30,000-50,000)  population/size-band\n` +
        '\n' +
        '✖ 1 problem (1 error, 0 warnings)\n',
    )
  })

  it('walks directories recursively for *.pch.yaml and *.pch.yml only, in sorted order', () => {
    const r = cli(['validate', 'sites', '--format', 'json'], {cwd: dir})
    expect(r.status).toBe(1)
    const results = JSON.parse(r.stdout) as Array<{filePath: string}>
    expect(results.map((x) => x.filePath)).toEqual(['sites/nested/below.pch.yml', 'sites/riverside.pch.yaml'])
  })

  it('checks the current directory when no path is given', () => {
    const r = cli(['validate', '--format', 'json'], {cwd: path.join(dir, 'sites')})
    expect((JSON.parse(r.stdout) as Array<{filePath: string}>).map((x) => x.filePath)).toEqual([
      'nested/below.pch.yml',
      'riverside.pch.yaml',
    ])
  })

  it('expands globs', () => {
    const r = cli(['validate', 'sites/**/*.pch.yaml', '--format', 'json'], {cwd: dir})
    expect(r.status).toBe(0)
    expect((JSON.parse(r.stdout) as Array<{filePath: string}>).map((x) => x.filePath)).toEqual(['sites/riverside.pch.yaml'])
  })

  it('reports nothing and exits 0 when a definition has only advisory problems', () => {
    // One practice, no voluntary or mental-health partner, no determinants: all lint warnings, none for validate.
    const advisory = edit(
      base,
      [/      - odsCode: A81002[\s\S]*?listSize: 9870\n/, ''],
      ['listSize: 14250', 'listSize: 36100'],
      [/      - id: riverside-cvs[\s\S]*?charityNumber: "1012345"     # optional; string of 6-8 digits, or SC \+ 6 digits\n/, ''],
      ['      determinants: [housing, employment, social-isolation]   # optional: wider determinants addressed\n', ''],
      ['        employer: riverside-cvs', '        employer: riverside-council'],
    )
    const r = cli(['validate', '-'], {cwd: dir, input: advisory})
    expect(r).toEqual({status: 0, stdout: '✔ No problems in 1 file (1 definition)\n', stderr: ''})
  })

  it.each([
    [['validate', 'missing.pch.yaml'], 'pch: Path not found: missing.pch.yaml\n'],
    [['validate', 'nothing/**/*.pch.yaml'], 'pch: No files match the pattern nothing/**/*.pch.yaml\n'],
    [['validate', 'empty'], 'pch: No *.pch.yaml or *.pch.yml files found in empty\n'],
    [['validate', '--bogus'], 'pch: Nonexistent flag: --bogus (see pch validate --help)\n'],
    [
      ['validate', '--format', 'xml', 'sites'],
      'pch: Expected --format=xml to be one of: stylish, json, junit, sarif, github (see pch validate --help)\n',
    ],
    [['validate', '--today', '2026-02-30', 'sites'], 'pch: --today must be a real date written YYYY-MM-DD, not "2026-02-30"\n'],
    [
      ['validate', 'sites', '--output', 'sites/riverside.pch.yaml/out.json'],
      'pch: Cannot write sites/riverside.pch.yaml/out.json: a part of its path is a file, not a directory\n',
    ],
    [['valdate', 'sites'], 'pch: Unknown command "valdate"; did you mean "validate"? (see pch --help)\n'],
  ])('exits 2 with one clear line: %j', (args, stderr) => {
    const r = cli(args, {cwd: dir})
    expect(r).toEqual({status: 2, stdout: '', stderr})
  })

  it('fails the run (exit 2) before checking anything when one of several paths is missing', () => {
    const r = cli(['validate', 'sites', 'missing.pch.yaml'], {cwd: dir})
    expect(r.status).toBe(2)
    expect(r.stdout).toBe('')
  })

  it('checks a file given explicitly whatever its name', () => {
    const r = cli(['validate', 'sites/notes.yaml', '--format', 'json'], {cwd: dir})
    expect(r.status).toBe(1)
    expect(JSON.parse(r.stdout)[0].messages.map((m: {ruleId: string}) => m.ruleId)).toEqual(['schema/api-version'])
  })

  it('reports a binary file as yaml/syntax without a stack trace', () => {
    writeFileSync(path.join(dir, 'binary.pch.yaml'), Buffer.from([0x61, 0x3a, 0x20, 0xff, 0xfe, 0x00, 0x0a]))
    const r = cli(['validate', 'binary.pch.yaml', '--format', 'json'], {cwd: dir})
    expect(r.status).toBe(1)
    expect(r.stderr).toBe('')
    const [m] = JSON.parse(r.stdout)[0].messages
    expect([m.ruleId, m.line, m.column]).toEqual(['yaml/syntax', 1, 4])
  })

  it('exits 2 for a file it cannot read', () => {
    const file = path.join(dir, 'locked.pch.yaml')
    writeFileSync(file, base)
    chmodSync(file, 0o000)
    chmodSync(dir, 0o755)
    // root reads any file: run as nobody (65534) then, so the permission really is refused.
    const asNobody = process.getuid?.() === 0 ? {uid: 65534, env: {HOME: dir}} : {}
    const r = cli(['validate', 'locked.pch.yaml'], {cwd: dir, ...asNobody})
    expect(r).toEqual({status: 2, stdout: '', stderr: `pch: Cannot read ${file}: permission denied\n`})
  })
})

describe('pch validate: input and output', () => {
  it('reads one document from stdin with -, named by --stdin-filename', () => {
    const r = cli(['validate', '-', '--stdin-filename', 'site.pch.yaml', '--format', 'json'], {input: belowBand})
    expect(r.status).toBe(1)
    const [result] = JSON.parse(r.stdout)
    expect(result).toEqual({
      filePath: 'site.pch.yaml',
      documents: 1,
      errorCount: 1,
      warningCount: 0,
      messages: [
        {
          ruleId: 'population/size-band',
          severity: 'error',
          message: 'Registered population 26,100 is below 30,000 (band 30,000-50,000)',
          line: practicesLine,
          column: 5,
          endLine: practicesLine,
          endColumn: 14,
          path: '/spec/population/practices',
          characteristic: 4,
          fixable: false,
        },
      ],
    })
  })

  it('names stdin <stdin> by default', () => {
    const r = cli(['validate', '-', '--format', 'json'], {input: base})
    expect(JSON.parse(r.stdout)[0].filePath).toBe('<stdin>')
  })

  it('prints JSON as one value, with an empty messages array for a clean file', () => {
    const r = cli(['validate', 'sites/riverside.pch.yaml', '--format', 'json'], {cwd: dir})
    expect(r.stdout).toBe(
      `${JSON.stringify([{filePath: 'sites/riverside.pch.yaml', documents: 1, errorCount: 0, warningCount: 0, messages: []}], null, 2)}\n`,
    )
  })

  it('writes --output to a file and nothing to stdout; the exit code is unchanged', () => {
    const out = path.join(dir, 'report.json')
    const r = cli(['validate', 'sites', '--format', 'json', '--output', out], {cwd: dir})
    expect(r).toEqual({status: 1, stdout: '', stderr: ''})
    expect(JSON.parse(readFileSync(out, 'utf8'))).toHaveLength(2)
  })

  it('makes the directory of --output when it is missing, as ESLint does', () => {
    const r = cli(['validate', 'sites', '--format', 'json', '--output', 'reports/ci/report.json'], {cwd: dir})
    expect(r).toEqual({status: 1, stdout: '', stderr: ''})
    expect(JSON.parse(readFileSync(path.join(dir, 'reports/ci/report.json'), 'utf8'))).toHaveLength(2)
  })

  it('adds documentIndex to the findings of a multi-document file', () => {
    // The second site shares no practice with the first (validate reports a shared one).
    const other = edit(belowBand, ['id: riverside ', 'id: harbour ']).replaceAll('A8100', 'A8300')
    const r = cli(['validate', '-', '--format', 'json'], {input: `${base}---\n${other}`})
    const [result] = JSON.parse(r.stdout)
    expect(result.documents).toBe(2)
    expect(result.messages.map((m: {ruleId: string; documentIndex: number; line: number}) => [m.ruleId, m.documentIndex, m.line])).toEqual([
      ['population/size-band', 1, base.split('\n').length + practicesLine],
    ])
  })

  it('colours only when asked: no ANSI with NO_COLOR or when piped, ANSI with --color', () => {
    const plain = cli(['validate', 'sites'], {cwd: dir})
    expect(plain.stdout).not.toMatch(/\u001b\[/)
    const forced = cli(['validate', 'sites', '--color'], {cwd: dir, env: {NO_COLOR: '', FORCE_COLOR: '1'}})
    expect(forced.stdout).toMatch(/\u001b\[31m/)
    const off = cli(['validate', 'sites', '--no-color'], {cwd: dir, env: {NO_COLOR: '', FORCE_COLOR: '1'}})
    expect(off.stdout).not.toMatch(/\u001b\[/)
  })

  it('--quiet drops info findings (exceptions) but keeps errors', () => {
    const excepted = edit(belowBand, [
      '  exceptions: []                     # optional; see "Exceptions"',
      '  exceptions:\n    - rule: population/size-band\n      reason: Rural practices\n      approvedBy: ICB primary care committee\n      approvedOn: 2026-03-12',
    ])
    const loud = cli(['validate', '-', '--format', 'json'], {input: excepted})
    expect(loud.status).toBe(0)
    expect(JSON.parse(loud.stdout)[0].messages.map((m: {severity: string; excepted: boolean}) => [m.severity, m.excepted])).toEqual([
      ['info', true],
    ])
    const quiet = cli(['validate', '-', '--format', 'json', '--quiet'], {input: excepted})
    expect(JSON.parse(quiet.stdout)[0].messages).toEqual([])
  })

  it('uses --today without changing validate results (no date rules in validate)', () => {
    expect(cli(['validate', 'sites/riverside.pch.yaml', '--today', TODAY], {cwd: dir}).status).toBe(0)
  })

  it('prints help and version', () => {
    expect(cli(['--help']).stdout).toContain('validate')
    expect(cli(['--version']).stdout).toMatch(/^pch-toolkit\/\d+\.\d+\.\d+ /)
    // bin/run.js answers --version without oclif: in exactly oclif's words.
    const oclif = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import {execute} from '@oclif/core'; await execute({dir: ${JSON.stringify(pathToFileURL(BIN).href)}, args: ['--version']})`,
      ],
      {cwd: ROOT, encoding: 'utf8'},
    )
    expect(oclif.stdout).toMatch(/^pch-toolkit\//)
    expect(cli(['--version']).stdout).toBe(oclif.stdout)
    expect(existsSync(path.join(dir, 'sites'))).toBe(true)
  })
})

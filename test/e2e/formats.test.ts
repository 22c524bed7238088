// End-to-end: output formats of the built `pch validate` / `pch lint`: exit codes independent of the
// format, repeated --format/--output pairs, the GitHub Actions default, atomic --output.
import {spawnSync} from 'node:child_process'
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {beforeEach, describe, expect, it} from 'vitest'
import {FORMATS} from '../../src/formatters/index.js'
import {BIN, cli, ROOT, tempDir, TODAY, type CliResult, expectOneLineFailure} from '../helpers.js'

const VALID = 'examples/riverside.pch.yaml'
const INVALID = 'examples/invalid/size-band-below.pch.yaml'
const MISSING = 'examples/no-such-file.pch.yaml'

let dir: string
beforeEach(() => {
  dir = tempDir('pch-formats-')
})

/** cli() always removes GITHUB_ACTIONS from the environment, so runs that need it spawn directly. */
function cliWithEnv(args: string[], env: Record<string, string>): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    input: '',
    env: {...process.env, NO_COLOR: '1', ...env},
    encoding: 'utf8',
    timeout: 60_000,
  })
  return {status: result.status, stdout: result.stdout, stderr: result.stderr}
}

describe('exit codes do not depend on the format', () => {
  for (const command of ['validate', 'lint'] as const) {
    for (const format of [undefined, ...FORMATS]) {
      const flags = [...(format ? ['--format', format] : []), '--today', TODAY]
      it(`${command} ${format ?? '(default)'}: 0 valid, 1 invalid, 2 missing path`, () => {
        const valid = cli([command, VALID, ...flags])
        expect([valid.status, valid.stderr]).toEqual([0, ''])
        const invalid = cli([command, INVALID, ...flags])
        expect([invalid.status, invalid.stderr]).toEqual([1, ''])
        expect(invalid.stdout).not.toBe('')
        expectOneLineFailure(cli([command, MISSING, ...flags]), /no-such-file\.pch\.yaml/)
      })
    }
  }
})

describe('--format and --output pair in order', () => {
  const stdoutOf = (format: string): string => {
    const r = cli(['lint', INVALID, '--today', TODAY, '--format', format])
    expect(r.status).toBe(1)
    return r.stdout
  }

  it('-f stylish -f sarif -o X.sarif: stylish on stdout, SARIF in X', () => {
    const sarifFile = path.join(dir, 'X.sarif')
    const r = cli(['lint', INVALID, '--today', TODAY, '-f', 'stylish', '-f', 'sarif', '-o', sarifFile])
    expect([r.status, r.stderr]).toEqual([1, ''])
    expect(r.stdout).toBe(stdoutOf('stylish'))
    expect(r.stdout).toContain('population/size-band')
    const written = readFileSync(sarifFile, 'utf8')
    expect(written).toBe(stdoutOf('sarif'))
    expect(JSON.parse(written)).toMatchObject({version: '2.1.0'})
    expect(readdirSync(dir)).toEqual(['X.sarif'])
  })

  it('-f json -o a.json -f junit -o b.xml: writes both, prints nothing', () => {
    const a = path.join(dir, 'a.json')
    const b = path.join(dir, 'b.xml')
    const r = cli(['lint', INVALID, '--today', TODAY, '-f', 'json', '-o', a, '-f', 'junit', '-o', b])
    expect(r).toEqual({status: 1, stdout: '', stderr: ''})
    expect(readFileSync(a, 'utf8')).toBe(stdoutOf('json'))
    expect(readFileSync(b, 'utf8')).toBe(stdoutOf('junit'))
    expect(readdirSync(dir).sort()).toEqual(['a.json', 'b.xml'])
  })

  it('the exit code with files written is the same as without', () => {
    const r = cli(['validate', VALID, '-f', 'json', '-o', path.join(dir, 'ok.json')])
    expect(r).toEqual({status: 0, stdout: '', stderr: ''})
    expect(JSON.parse(readFileSync(path.join(dir, 'ok.json'), 'utf8'))).toHaveLength(1)
  })

  it('more outputs than formats: exit 2 with one line, nothing written', () => {
    const [a, b] = [path.join(dir, 'a.json'), path.join(dir, 'b.json')]
    expectOneLineFailure(cli(['validate', VALID, '-f', 'json', '-o', a, '-o', b]), /output/)
    expectOneLineFailure(cli(['lint', INVALID, '-o', a, '-f', 'json', '-o', b, '-o', path.join(dir, 'c.json')]), /output/)
    expect(readdirSync(dir)).toEqual([])
  })

  it('two formats without outputs: exit 2 with one line', () => {
    expectOneLineFailure(cli(['validate', VALID, '-f', 'json', '-f', 'junit']), /--format/)
    expectOneLineFailure(cli(['lint', INVALID, '-f', 'stylish', '-f', 'sarif', '-f', 'json', '-o', path.join(dir, 'x.json')]), /--format/)
    expect(readdirSync(dir)).toEqual([])
  })
})

describe('GitHub Actions', () => {
  it('defaults to github annotations when GITHUB_ACTIONS=true', () => {
    const r = cliWithEnv(['lint', INVALID, '--today', TODAY], {GITHUB_ACTIONS: 'true'})
    expect([r.status, r.stderr]).toEqual([1, ''])
    expect(r.stdout).toMatch(
      /^::error file=examples\/invalid\/size-band-below\.pch\.yaml,line=\d+,col=\d+,.*title=population\/size-band::Registered population/,
    )
    expect(r.stdout).toBe(cli(['lint', INVALID, '--today', TODAY, '--format', 'github']).stdout)
  })

  it('an explicit --format wins over GITHUB_ACTIONS', () => {
    for (const format of ['stylish', 'json'] as const) {
      const r = cliWithEnv(['lint', INVALID, '--today', TODAY, '--format', format], {GITHUB_ACTIONS: 'true'})
      expect(r.status).toBe(1)
      expect(r.stdout).toBe(cli(['lint', INVALID, '--today', TODAY, '--format', format]).stdout)
      expect(r.stdout).not.toMatch(/^::/m)
    }
  })

  it('stylish stays the default when GITHUB_ACTIONS is not "true"', () => {
    const r = cliWithEnv(['lint', INVALID, '--today', TODAY], {GITHUB_ACTIONS: 'false'})
    expect(r.stdout).toBe(cli(['lint', INVALID, '--today', TODAY]).stdout)
    expect(r.stdout).not.toMatch(/^::/m)
  })
})

describe('--output is written atomically', () => {
  it('replaces an existing file and leaves no temp file behind', () => {
    const out = path.join(dir, 'report.json')
    writeFileSync(out, 'old contents that are longer than nothing\n')
    const r = cli(['validate', VALID, '--format', 'json', '--output', out])
    expect(r).toEqual({status: 0, stdout: '', stderr: ''})
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject([{filePath: VALID, errorCount: 0}])
    expect(readdirSync(dir)).toEqual(['report.json'])
  })

  it('leaves no temp file when several reports are written', () => {
    const r = cli([
      'lint',
      INVALID,
      '--today',
      TODAY,
      '-f',
      'sarif',
      '-o',
      path.join(dir, 'r.sarif'),
      '-f',
      'junit',
      '-o',
      path.join(dir, 'r.xml'),
    ])
    expect(r.status).toBe(1)
    expect(readdirSync(dir).sort()).toEqual(['r.sarif', 'r.xml'])
  })

  it('makes a missing directory (as ESLint does), and fails with one line, writing nothing, when a file is in the way', () => {
    const out = path.join(dir, 'missing', 'report.json')
    expect(cli(['validate', VALID, '--format', 'json', '--output', out]).status).toBe(0)
    expect(existsSync(out)).toBe(true)
    const blocked = path.join(dir, 'missing', 'report.json', 'again.json')
    expectOneLineFailure(
      cli(['validate', VALID, '--format', 'json', '--output', blocked]),
      /^pch: Cannot write .*again\.json: a part of its path is a file, not a directory$/m,
    )
    expect(readdirSync(dir)).toEqual(['missing'])
  })
})

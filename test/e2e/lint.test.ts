// End-to-end: the built `pch lint` binary with config files, inline directives, --fix, repo-wide
// rules and `pch rules`, asserting exit codes and exact output.
import {execFileSync} from 'node:child_process'
import {chmodSync, mkdirSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {beforeEach, describe, expect, it} from 'vitest'
import {cli, edit, lineOf, riverside, tempDir, TODAY} from '../helpers.js'

const base = riverside()
let dir: string

beforeEach(() => {
  dir = tempDir('pch-lint-')
})

const write = (name: string, text: string): string => {
  const file = path.join(dir, name)
  mkdirSync(path.dirname(file), {recursive: true})
  writeFileSync(file, text)
  return file
}

/** Lint in `dir` with a fixed today and JSON output; "ruleId@line:column" per finding, per file. */
function lint(args: string[], cwd = dir): {status: number | null; stderr: string; files: Record<string, string[]>} {
  const r = cli(['lint', ...args, '--today', TODAY, '--format', 'json'], {cwd})
  const files: Record<string, string[]> = {}
  if (r.stdout) {
    for (const result of JSON.parse(r.stdout) as Array<{
      filePath: string
      messages: Array<{ruleId: string; line: number; column: number}>
    }>) {
      files[result.filePath] = result.messages.map((m) => `${m.ruleId}@${m.line}:${m.column}`)
    }
  }
  return {status: r.status, stderr: r.stderr, files}
}

// One practice of 36,100 patients: population/single-practice (warning) and nothing else.
const singlePractice = edit(base, [/      - odsCode: A81002[\s\S]*?listSize: 9870\n/, ''], ['listSize: 14250', 'listSize: 36100'])
const practicesLine = lineOf(base, 'practices:')

describe('pch lint', () => {
  it('exits 0 on the riverside example with the success line', () => {
    write('riverside.pch.yaml', base)
    expect(cli(['lint', '--today', TODAY], {cwd: dir})).toEqual({status: 0, stdout: '✔ No problems in 1 file (1 definition)\n', stderr: ''})
  })

  it('reports warnings, exits 0, and exits 1 once they exceed --max-warnings', () => {
    write('riverside.pch.yaml', singlePractice)
    expect(lint([])).toEqual({status: 0, stderr: '', files: {'riverside.pch.yaml': [`population/single-practice@${practicesLine}:5`]}})
    expect(lint(['--max-warnings', '1']).status).toBe(0)
    expect(lint(['--max-warnings', '0']).status).toBe(1)
    expect(lint(['--quiet']).files).toEqual({'riverside.pch.yaml': []})
  })

  it('reports a practice shared by two files in both files', () => {
    write('riverside.pch.yaml', base)
    write(
      'harbour.pch.yaml',
      edit(base, ['id: riverside ', 'id: harbour   '], ['odsCode: A81001', 'odsCode: A81009'], ['employer: A81001', 'employer: A81009']),
    )
    const r = cli(['lint', '--today', TODAY], {cwd: dir})
    expect(r.status).toBe(1)
    const a81002 = lineOf(base, 'odsCode: A81002')
    expect(r.stdout).toContain(
      `harbour.pch.yaml\n  ${a81002}:18  error  Practice A81002 is also a member of site "riverside" (riverside.pch.yaml:${a81002})`,
    )
    expect(r.stdout).toContain(
      `riverside.pch.yaml\n  ${a81002}:18  error  Practice A81002 is also a member of site "harbour" (harbour.pch.yaml:${a81002})`,
    )
  })
})

describe('.pchrc.yaml', () => {
  it('turns a rule off, changes an option, and is found from a subdirectory', () => {
    write('.pchrc.yaml', 'rules:\n  population/single-practice: off\n  population/stale-list-sizes: [warning, { maxAgeMonths: 1 }]\n')
    write('sites/riverside.pch.yaml', singlePractice)
    // asOf 2026-10-01 is more than one month before 2026-11-02: stale with maxAgeMonths 1 (not with the default 6).
    const r = cli(['lint', '--today', '2026-11-02', '--format', 'json'], {cwd: path.join(dir, 'sites')})
    expect(r.status).toBe(0)
    expect(JSON.parse(r.stdout)[0].messages.map((m: {ruleId: string}) => m.ruleId)).toEqual(['population/stale-list-sizes'])
  })

  it('sets a severity: a warning rule as error fails the run', () => {
    write('.pchrc.yml', 'rules:\n  population/single-practice: error\n')
    write('riverside.pch.yaml', singlePractice)
    expect(lint([]).status).toBe(1)
  })

  it('applies to validate too (its ignore list; no setting changes what validate reports)', () => {
    write('.pchrc.yaml', 'ignore: ["archive/**"]\n')
    write('riverside.pch.yaml', base)
    write('archive/old.pch.yaml', 'apiVersion: pch/v0\n')
    expect(cli(['validate'], {cwd: dir})).toEqual({status: 0, stdout: '✔ No problems in 1 file (1 definition)\n', stderr: ''})
    expect(cli(['validate', '--config', path.join(dir, 'none.yaml')], {cwd: dir})).toEqual({
      status: 2,
      stdout: '',
      stderr: 'pch: Config file not found: none.yaml\n',
    })
  })

  it('reads .pchrc.json as well', () => {
    write('.pchrc.json', '{"rules": {"population/single-practice": "off"}}\n')
    write('riverside.pch.yaml', singlePractice)
    expect(lint([])).toEqual({status: 0, stderr: '', files: {'riverside.pch.yaml': []}})
  })

  it('uses --config instead of the nearest config', () => {
    write('.pchrc.yaml', 'rules:\n  population/single-practice: error\n')
    write('ci.yaml', 'rules:\n  population/single-practice: off\n')
    write('riverside.pch.yaml', singlePractice)
    expect(lint(['--config', 'ci.yaml'])).toEqual({status: 0, stderr: '', files: {'riverside.pch.yaml': []}})
  })

  it('skips ignored files in a directory walk, but checks an ignored file named explicitly', () => {
    write('.pchrc.yaml', 'ignore: ["archive/**"]\n')
    write('riverside.pch.yaml', base)
    write('archive/old.pch.yaml', 'apiVersion: pch/v0\n')
    expect(Object.keys(lint(['.']).files)).toEqual(['riverside.pch.yaml'])
    expect(Object.keys(lint(['archive/old.pch.yaml']).files)).toEqual(['archive/old.pch.yaml'])
  })

  it.each([
    [
      'rules:\n  population/size-band: off\n',
      ".pchrc.yaml:2:25: population/size-band is a compliance rule: it cannot be set to off; accept a finding with an approved exception in the definition's metadata.exceptions",
    ],
    [
      'rules:\n  population/size-band: warning\n',
      ".pchrc.yaml:2:25: population/size-band is a compliance rule: it cannot be set to warning; accept a finding with an approved exception in the definition's metadata.exceptions",
    ],
    [
      'rules:\n  population/singel-practice: off\n',
      '.pchrc.yaml:2:3: unknown rule "population/singel-practice"; did you mean "population/single-practice"?',
    ],
    [
      'rules:\n  population/single-practice: of\n',
      '.pchrc.yaml:2:31: "of" is not a valid rule setting: expected error, warning or off, or a list of a severity and an options mapping',
    ],
    [
      'rules:\n  population/stale-list-sizes: [warning, { maxAgeMonth: 3 }]\n',
      '.pchrc.yaml:2:44: options of population/stale-list-sizes: Unknown key "maxAgeMonth" in the options; did you mean "maxAgeMonths"?',
    ],
    ['rules:\n  population/single-practice: [warning, { x: 1 }]\n', '.pchrc.yaml:2:41: population/single-practice takes no options'],
    ['rule:\n  population/single-practice: off\n', '.pchrc.yaml:1:1: Unknown key "rule" in the config; did you mean "rules"?'],
    ['rules: [\n', '.pchrc.yaml:2:1: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]'],
    [
      'rules:\n  yaml/syntax: off\n',
      '.pchrc.yaml:2:16: yaml/syntax cannot be set to off: it decides whether a definition conforms to the format',
    ],
    [
      'rules:\n  schema: warning\n',
      '.pchrc.yaml:2:11: schema cannot be set to warning: it decides whether a definition conforms to the format',
    ],
    [
      'rules: !!js/function "x"\n',
      '.pchrc.yaml:1:8: Tag !!js/function is not supported: a PCH definition holds plain values only (tags are never executed)',
    ],
  ])('refuses a bad config with exit 2 and one line naming the fault: %j', (config, message) => {
    write('.pchrc.yaml', config)
    write('riverside.pch.yaml', base)
    expect(cli(['lint', '--today', TODAY], {cwd: dir})).toEqual({status: 2, stdout: '', stderr: `pch: Invalid config ${message}\n`})
  })
})

describe('# pch-disable-next-line', () => {
  it('silences the named rule on the next line only', () => {
    const code = edit(singlePractice, [
      '    practices:',
      '    # pch-disable-next-line population/single-practice -- merger under way\n    practices:',
    ])
    write('riverside.pch.yaml', code)
    expect(lint([])).toEqual({status: 0, stderr: '', files: {'riverside.pch.yaml': []}})
  })

  it('does not silence another line or another rule', () => {
    const code = edit(singlePractice, ['    practices:', '    # pch-disable-next-line budget/gain-only -- not this one\n\n    practices:'])
    write('riverside.pch.yaml', code)
    // ... and silencing nothing, it is itself reported (lint/unused-disable-directive).
    expect(lint([]).files['riverside.pch.yaml']).toEqual([
      `lint/unused-disable-directive@${practicesLine}:5`,
      `population/single-practice@${practicesLine + 2}:5`,
    ])
  })

  it('reports a directive naming a compliance rule, and the compliance finding stays', () => {
    const small = edit(
      base,
      ['listSize: 14250', 'listSize: 4250'],
      ['total: 5776000', 'total: 4176000'],
      ['amount: 5276000', 'amount: 3676000'],
    )
    write(
      'riverside.pch.yaml',
      edit(small, ['    practices:', '    # pch-disable-next-line population/size-band -- small\n    practices:']),
    )
    const r = cli(['lint', '--today', TODAY], {cwd: dir})
    expect(r.status).toBe(1)
    expect(r.stdout).toContain(
      `  ${practicesLine}:5  error  population/size-band is a compliance rule: a comment cannot silence it; record an approved exception in metadata.exceptions  lint/disable-directive`,
    )
    expect(r.stdout).toContain(`  ${practicesLine + 1}:5  error  Registered population 26,100 is below 30,000 (band 30,000-50,000)`)
  })

  it('reports a directive naming a structural rule, which it cannot silence', () => {
    const code = edit(base, ['    asOf: 2026-10-01', '    # pch-disable-next-line schema -- x\n    asOf: 2026-09-31'])
    write('riverside.pch.yaml', code)
    const asOf = lineOf(base, 'asOf: 2026-10-01')
    expect(lint([]).files['riverside.pch.yaml']).toEqual([`lint/disable-directive@${asOf}:5`, `schema@${asOf + 1}:11`])
    expect(cli(['validate'], {cwd: dir}).status).toBe(1)
  })

  it('reports a directive naming an unknown rule', () => {
    write('riverside.pch.yaml', edit(base, ['    practices:', '    # pch-disable-next-line population/nope\n    practices:']))
    expect(lint([]).files['riverside.pch.yaml']).toEqual([`lint/disable-directive@${practicesLine}:5`])
  })
})

describe('--fix', () => {
  // Every line carries a comment, so any change outside the fixed values would show.
  const commented = base
    .split('\n')
    .map((line, i) => (line.trim() === '' ? line : `${line}  # note ${i + 1}`))
    .join('\n')
  const broken = edit(
    commented,
    ['listSize: 14250', 'listSize: "14,250"'],
    ['odsCode: A81002', 'odsCode: a81 002'],
    ['annualPerPatient: 160.00', 'annualPerPatient: "£160.00"'],
    ['odsCode: QXY', "odsCode: 'qxy'"],
  )
  const fixed = edit(commented, ['odsCode: QXY', "odsCode: 'QXY'"])

  it('rewrites only the fixed values, byte for byte, and a second --fix changes nothing', () => {
    const file = write('riverside.pch.yaml', broken)
    const first = cli(['lint', '--fix', '--today', TODAY], {cwd: dir})
    expect(first).toEqual({status: 0, stdout: '✔ No problems in 1 file (1 definition)\n', stderr: ''})
    expect(readFileSync(file, 'utf8')).toBe(fixed)
    const mtime = statSync(file).mtimeMs
    expect(cli(['lint', '--fix', '--today', TODAY], {cwd: dir}).status).toBe(0)
    expect(readFileSync(file, 'utf8')).toBe(fixed)
    expect(statSync(file).mtimeMs).toBe(mtime)
  })

  it('reports what remains after fixing, and keeps the file mode', () => {
    const file = write('riverside.pch.yaml', edit(broken, ['status: live', 'status: lve']))
    chmodSync(file, 0o640)
    const r = lint(['--fix'])
    expect(r).toEqual({status: 1, stderr: '', files: {'riverside.pch.yaml': [`schema@${lineOf(base, 'status:')}:11`]}})
    expect(statSync(file).mode & 0o777).toBe(0o640)
    expect(readFileSync(file, 'utf8')).toBe(edit(fixed, ['status: live', 'status: lve']))
  })

  it('--fix-dry-run prints a unified diff and writes nothing', () => {
    const file = write('riverside.pch.yaml', broken)
    const r = cli(['lint', '--fix-dry-run', '--today', TODAY], {cwd: dir})
    expect(r.status).toBe(0)
    expect(r.stdout.startsWith('--- a/riverside.pch.yaml\n+++ b/riverside.pch.yaml\n@@ ')).toBe(true)
    const note = lineOf(base, 'listSize: 14250')
    expect(r.stdout).toContain(`\n-        listSize: "14,250"              # registered patients, integer >= 0  # note ${note}\n`)
    expect(r.stdout).toContain(`\n+        listSize: 14250              # registered patients, integer >= 0  # note ${note}\n`)
    expect(readFileSync(file, 'utf8')).toBe(broken)
    // The patch applies: git apply turns the broken file into exactly what --fix writes.
    writeFileSync(path.join(dir, 'fix.patch'), r.stdout)
    execFileSync('git', ['apply', 'fix.patch'], {cwd: dir})
    expect(readFileSync(file, 'utf8')).toBe(fixed)
  })

  it('refuses --fix on standard input (exit 2)', () => {
    expect(cli(['lint', '-', '--fix'], {input: broken})).toEqual({
      status: 2,
      stdout: '',
      stderr: 'pch: --fix cannot rewrite standard input; use --fix-dry-run to see the changes\n',
    })
  })
})

describe('pch rules', () => {
  it('lists every rule in a table', () => {
    const r = cli(['rules'])
    expect(r.status).toBe(0)
    const lines = r.stdout.split('\n')
    expect(lines[0]).toMatch(/^RULE +CHAR\. +SEVERITY +COMPLIANCE +FIXABLE +SUMMARY$/)
    expect(lines.find((l) => l.startsWith('population/size-band '))).toMatch(
      /^population\/size-band +4 +error +yes +no +The registered population/,
    )
    expect(lines.find((l) => l.startsWith('format/number '))).toMatch(/^format\/number +- +error +no +yes +/)
  })

  it('shows one rule with its thresholds and examples, and all rules as JSON', () => {
    const r = cli(['rules', 'population/size-band'])
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('population/size-band\n  characteristic 4 · error · compliance · file scope · not fixable\n')
    expect(r.stdout).toContain('Thresholds (from schemas/): minimum 30000, maximum 50000')
    expect(r.stdout).toContain('  Fails:\n')
    const all = JSON.parse(cli(['rules', '--format', 'json']).stdout) as Array<{id: string}>
    expect(all.map((m) => m.id)).toContain('metadata/unused-exception')
  })

  it('exits 2 for an unknown rule, suggesting the nearest', () => {
    expect(cli(['rules', 'population/size-bnd'])).toEqual({
      status: 2,
      stdout: '',
      stderr: 'pch: Unknown rule "population/size-bnd"; did you mean "population/size-band"? (see pch rules)\n',
    })
  })
})

// The catalogue of hostile and odd inputs (issue 9): each runs the built binary and checks the
// documented outcome exactly. README.md's "Hostile and odd input" table is these rows, word for
// word (the last test holds them together).
import {spawn, spawnSync} from 'node:child_process'
import {chmodSync, existsSync, mkdirSync, readFileSync, symlinkSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it, onTestFinished} from 'vitest'
import {BIN, cli, edit, expectOneLineFailure, lineOf, riverside, ROOT, TODAY, useTempDir, withoutNetwork, type CliResult} from '../helpers.js'

const base = riverside()
const temp = useTempDir('pch-hostile-')

interface JsonMessage {
  ruleId: string
  line: number
  column: number
  message: string
}

/** `pch validate` of `args` in the temp directory, as JSON; the run must take under `seconds`. */
function validate(args: string[], seconds = 30): CliResult & {files: Array<{filePath: string; messages: JsonMessage[]}>; ms: number} {
  const started = Date.now()
  const r = cli(['validate', ...args, '--today', TODAY, '-f', 'json'], {cwd: temp.path})
  const ms = Date.now() - started
  expect(ms).toBeLessThan(seconds * 1000)
  expect(r.stderr).not.toMatch(/\bat .+:\d+:\d+\)?$/m)
  return {...r, ms, files: r.stdout ? JSON.parse(r.stdout) : []}
}

/** Writes `content` to `name` in the temp directory and validates it alone. */
const check = (name: string, content: string | Buffer, seconds?: number): ReturnType<typeof validate> => {
  temp.write(name, content)
  return validate([name], seconds)
}

/** The findings of the one file checked, as `ruleId@line:column`. */
const found = (r: ReturnType<typeof validate>): string[] => r.files.flatMap((f) => f.messages.map((m) => `${m.ruleId}@${m.line}:${m.column}`))

const billionLaughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...'bcdefghi'.split('').map((name, i) => `${name}: &${name} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`)].join('\n')

interface Row {
  input: string
  outcome: string
  exit: 0 | 1 | 2
  /** The row makes device nodes (mknod): it runs only as root, and is skipped elsewhere. */
  root?: true
  run: () => void
}

const isRoot = process.getuid?.() === 0

/** A character device in the temp directory (never the system's /dev): minor 5 is zero, 9 urandom. */
function device(name: string, minor: 5 | 9): string {
  const file = path.join(temp.path, name)
  const made = spawnSync('mknod', [file, 'c', '1', String(minor)], {encoding: 'utf8'})
  if (made.status !== 0) throw new Error(`mknod ${file}: ${made.stderr}`)
  return name
}

/** A FIFO in the temp directory with a writer that never stops, for one reader; the writer is ended with the test. */
function endlessPipe(name: string): string {
  const file = path.join(temp.path, name)
  spawnSync('mkfifo', [file])
  const writer = spawn('sh', ['-c', 'exec yes > "$0"', file], {stdio: 'ignore'})
  onTestFinished(() => {
    writer.kill()
  })
  return name
}

/** `pch ARGS` in the temp directory: it must fail on one line matching `pattern`, within 20 seconds. */
function failsQuickly(args: string[], pattern: RegExp): void {
  const started = Date.now()
  expectOneLineFailure(cli(args, {cwd: temp.path}), pattern)
  expect(Date.now() - started).toBeLessThan(20_000)
}

/** A "Patients Registered at a GP Practice" totals extract of 2026-04-01: a row per [practice, count]. */
function extract(rows: Array<[string, string]>, header = 'PUBLICATION,EXTRACT_DATE,TYPE,CCG_CODE,ONS_CCG_CODE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS\n'): string {
  return header + rows.map(([code, count]) => `GP_PRAC_PAT_LIST,2026-04-01,GP,00L,E38000130,${code},NE1 1AA,ALL,ALL,${count}\n`).join('')
}

export const catalogue: Row[] = [
  {
    input: 'YAML alias bomb ("billion laughs", 10^9 strings from 1 KB)',
    outcome: '`yaml/syntax` "Too many YAML aliases" at the document, at once, without expanding it',
    exit: 1,
    run() {
      const r = check('bomb.pch.yaml', `${base}lol:\n${billionLaughs.split('\n').map((line) => `  ${line}`).join('\n')}\n`, 20)
      expect(r.status).toBe(1)
      expect(r.files[0]!.messages.map((m) => [m.ruleId, m.message.split(':')[0]])).toEqual([['yaml/syntax', 'Too many YAML aliases']])
    },
  },
  {
    input: '10,000-deep nesting (flow `[[[...]]]`, or block `- - - ...`)',
    outcome: '`yaml/syntax` "nested more than 64 levels deep" at the 65th level; the limit is `limits.maxDepth` in the config',
    exit: 1,
    run() {
      temp.write('flow.pch.yaml', `${base}deep: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`)
      temp.write('block.pch.yaml', `${base}deep:\n  ${'- '.repeat(10_000)}x\n`)
      const r = validate(['flow.pch.yaml', 'block.pch.yaml'])
      expect(r.status).toBe(1)
      const deep = base.split('\n').length // the line after the base's last (it ends with a newline)
      // The 64th bracket or dash below the root mapping opens level 65.
      expect(found(r)).toEqual([`yaml/syntax@${deep}:${'deep: '.length + 64}`, `yaml/syntax@${deep + 1}:${2 + 2 * 63 + 1}`])
      expect(r.files[0]!.messages[0]!.message).toBe('The document is nested more than 64 levels deep (a definition needs about 7; limits.maxDepth in the config)')
      temp.write('.pchrc.yaml', 'limits:\n  maxDepth: 2\n')
      expect(found(validate(['flow.pch.yaml']))).toEqual([`yaml/syntax@${lineOf(base, 'commissioner:')}:3`])
    },
  },
  {
    input: '2,500,000-deep nesting in a 5 MB file (under the size limit)',
    outcome: 'the same `yaml/syntax` finding at the 65th level, at once: `yaml` reads the text only up to that bracket; brackets inside quoted text are not nesting',
    exit: 1,
    run() {
      const r = check('deep.pch.yaml', `${base}deep: ${'['.repeat(2_500_000)}${']'.repeat(2_500_000)}\n`, 20)
      expect([r.status, found(r)]).toEqual([1, [`yaml/syntax@${base.split('\n').length}:${'deep: '.length + 64}`]])
      // 100 brackets in a quoted name: counted as nesting by the quick scan, but not by yaml.
      const text = edit(base, ['name: Riverside Surgery', `name: "${'['.repeat(100)}"`])
      expect(found(check('brackets.pch.yaml', text))).toEqual([])
    },
  },
  {
    input: 'a 50 MB file',
    outcome: '`yaml/syntax` "The file is 52,428,800 bytes, more than the limit of 10,485,760" at 1:1, without reading it; the limit is `limits.maxFileSize`',
    exit: 1,
    run() {
      const r = check('huge.pch.yaml', Buffer.alloc(50 * 1024 * 1024, 'a: 1\n'), 20)
      expect(r.status).toBe(1)
      expect(r.files[0]!.messages).toMatchObject([
        {ruleId: 'yaml/syntax', line: 1, column: 1, message: 'The file is 52,428,800 bytes, more than the limit of 10,485,760 (limits.maxFileSize in the config); it was not read'},
      ])
      temp.write('riverside.pch.yaml', base)
      temp.write('.pchrc.yaml', 'limits:\n  maxFileSize: 1000\n')
      expect(validate(['riverside.pch.yaml']).files[0]!.messages.map((m) => m.message)).toEqual([
        `The file is ${Buffer.byteLength(base).toLocaleString('en-GB')} bytes, more than the limit of 1,000 (limits.maxFileSize in the config); it was not read`,
      ])
      temp.write('.pchrc.yaml', 'limits:\n  maxFileSize: lots\n')
      expectOneLineFailure(cli(['validate', 'riverside.pch.yaml'], {cwd: temp.path}), /^pch: Invalid config \.pchrc\.yaml:2:16: /m)
    },
  },
  {
    input: 'a link to `/dev/zero`, and standard input that never ends (`yes | pch validate -`)',
    outcome: '`yaml/syntax` "more than the limit of 10,485,760 bytes" at 1:1, having read no further than the limit',
    exit: 1,
    run() {
      symlinkSync('/dev/zero', path.join(temp.path, 'zero.pch.yaml'))
      const message = 'The file is more than the limit of 10,485,760 bytes (limits.maxFileSize in the config); it was not read beyond it'
      const r = validate(['zero.pch.yaml'], 20)
      expect([r.status, found(r), r.files[0]!.messages[0]!.message]).toEqual([1, ['yaml/syntax@1:1'], message])
      const endless = spawnSync('bash', ['-c', `yes | "$0" "$@"`, process.execPath, BIN, 'validate', '-', '-f', 'json'], {cwd: temp.path, encoding: 'utf8', timeout: 30_000, maxBuffer: 1 << 20, env: {...process.env, NODE_OPTIONS: withoutNetwork(process.env.NODE_OPTIONS)}})
      expect([endless.status, endless.stderr]).toEqual([1, ''])
      expect((JSON.parse(endless.stdout) as Array<{messages: JsonMessage[]}>)[0]!.messages.map((m) => m.message)).toEqual([message])
    },
  },
  {
    input: 'a config that never ends: `--config /dev/zero`, a `.pchrc.yaml` linked to `/dev/zero`, an endless pipe',
    outcome: '"pch: FILE is more than the limit of 10,485,760 bytes", one line, within seconds: a config is held to the default `limits.maxFileSize`',
    exit: 2,
    root: true,
    run() {
      temp.write('riverside.pch.yaml', base)
      const tooLarge = (file: string): RegExp => new RegExp(`^pch: ${file.replace('.', '\\.')} is more than the limit of 10,485,760 bytes \\(limits\\.maxFileSize, at its default for the config itself\\); it was not read beyond it\\n$`)
      failsQuickly(['lint', 'riverside.pch.yaml', '--config', device('zero', 5)], tooLarge('zero'))
      failsQuickly(['validate', 'riverside.pch.yaml', '--config', endlessPipe('fifo')], tooLarge('fifo'))
      symlinkSync('zero', path.join(temp.path, '.pchrc.yaml'))
      failsQuickly(['lint', 'riverside.pch.yaml'], tooLarge('.pchrc.yaml'))
    },
  },
  {
    input: 'a register or an extract that never ends: `ods: /dev/zero` in a committed `.pchrc.yaml`, `--ods /dev/urandom`, `sync-list-sizes --from /dev/zero`, an endless pipe',
    outcome: '"pch: FILE is more than the limit of 268,435,456 bytes (the limit for registers and extracts)", one line, within seconds; no file changes',
    exit: 2,
    root: true,
    run() {
      const file = temp.write('riverside.pch.yaml', base)
      const tooLarge = (name: string): RegExp => new RegExp(`^pch: ${name} is more than the limit of 268,435,456 bytes \\(the limit for registers and extracts\\); it was not read beyond it\\n$`)
      failsQuickly(['lint', 'riverside.pch.yaml', '--ods', device('urandom', 9)], tooLarge('urandom'))
      failsQuickly(['lint', 'riverside.pch.yaml', '--ods', endlessPipe('fifo')], tooLarge('fifo'))
      failsQuickly(['sync-list-sizes', '--from', device('zero', 5), 'riverside.pch.yaml'], tooLarge('zero'))
      failsQuickly(['sync-list-sizes', '--from', endlessPipe('fifo2'), 'riverside.pch.yaml'], tooLarge('fifo2'))
      temp.write('.pchrc.yaml', 'ods: zero\n')
      failsQuickly(['lint', 'riverside.pch.yaml', '--today', TODAY], tooLarge('zero'))
      expect(readFileSync(file, 'utf8')).toBe(base)
    },
  },
  {
    input: 'an extract count above 2^53 - 1 (`12345678901234567`, `99999999999999999999999`)',
    outcome: '"pch: FILE:LINE: NUMBER_OF_PATIENTS ... is more than pch can hold exactly", one line; no file changes (it is never rounded)',
    exit: 2,
    run() {
      const file = temp.write('riverside.pch.yaml', base)
      for (const count of ['12345678901234567', '99999999999999999999999']) {
        temp.write('extract.csv', extract([['A81002', '12000'], ['A81001', count]]))
        failsQuickly(['sync-list-sizes', '--from', 'extract.csv', 'riverside.pch.yaml'], new RegExp(`^pch: extract\\.csv:3: NUMBER_OF_PATIENTS ${count} is more than pch can hold exactly \\(9,007,199,254,740,991\\)\\n$`))
      }
      expect(readFileSync(file, 'utf8')).toBe(base)
    },
  },
  {
    input: 'one practice twice in an extract (100, then 20000)',
    outcome: '"pch: FILE:LINE: practice A81001 is in the extract twice with different counts (100 on line 2, 20000 on line 4)", one line; twice with the same count is read as once',
    exit: 2,
    run() {
      const file = temp.write('riverside.pch.yaml', base)
      temp.write('extract.csv', extract([['A81001', '100'], ['A81002', '12000'], ['A81001', '20000']]))
      failsQuickly(['sync-list-sizes', '--from', 'extract.csv', 'riverside.pch.yaml'], /^pch: extract\.csv:4: practice A81001 is in the extract twice with different counts \(100 on line 2, 20000 on line 4\)\n$/)
      expect(readFileSync(file, 'utf8')).toBe(base)
      temp.write('extract.csv', extract([['A81001', '100'], ['A81002', '12000'], ['A81001', '100']]))
      const r = cli(['sync-list-sizes', '--from', 'extract.csv', 'riverside.pch.yaml'], {cwd: temp.path})
      expect([r.status, r.stderr]).toEqual([0, ''])
      expect(readFileSync(file, 'utf8')).toBe(edit(base, ['listSize: 14250', 'listSize: 100'], ['listSize: 11980', 'listSize: 12000'], ['asOf: 2026-10-01', 'asOf: 2026-04-01']))
    },
  },
  {
    input: 'an extract with a CRLF header over LF rows (or any mix of CRLF, LF and CR)',
    outcome: 'read as the same extract with LF line breaks; errors name the same lines',
    exit: 0,
    run() {
      const file = temp.write('riverside.pch.yaml', base)
      const lf = extract([['A81001', '100'], ['A81002', '12000']])
      temp.write('extract.csv', lf.replace('\n', '\r\n'))
      const r = cli(['sync-list-sizes', '--from', 'extract.csv', 'riverside.pch.yaml'], {cwd: temp.path})
      expect([r.status, r.stderr]).toEqual([0, ''])
      expect(readFileSync(file, 'utf8')).toBe(edit(base, ['listSize: 14250', 'listSize: 100'], ['listSize: 11980', 'listSize: 12000'], ['asOf: 2026-10-01', 'asOf: 2026-04-01']))
      temp.write('extract.csv', extract([['A81001', '100'], ['A81002', 'many']]).replace('\n', '\r\n').replace(/\n(?=GP_PRAC_PAT_LIST,[^\n]*many)/, '\r'))
      failsQuickly(['sync-list-sizes', '--from', 'extract.csv', 'riverside.pch.yaml'], /^pch: extract\.csv:3: NUMBER_OF_PATIENTS "many" is not a whole number\n$/)
    },
  },
  {
    input: 'a CSV (an extract, the practice map, a register) with a quote that never closes, or a quote inside a field that does not start with one',
    outcome: '"pch: FILE:LINE: a field opens with a quote that never closes" (or "a quote inside field N, which does not start with one"), one line, at the line of that quote; no file changes',
    exit: 2,
    run() {
      const file = temp.write('riverside.pch.yaml', base)
      temp.write('extract.csv', extract([['A81001', '100'], ['"A81002', '12000'], ['A81003', '5000']]))
      failsQuickly(['sync-list-sizes', '--from', 'extract.csv', 'riverside.pch.yaml'], /^pch: extract\.csv:3: a field opens with a quote that never closes\n$/)
      temp.write('extract.csv', extract([['A81001', '100'], ['A81002', '12"000']]))
      failsQuickly(['sync-list-sizes', '--from', 'extract.csv', 'riverside.pch.yaml'], /^pch: extract\.csv:3: a quote inside field 10, which does not start with one \("12""\)\n$/)
      expect(readFileSync(file, 'utf8')).toBe(base)
      temp.write('map.csv', 'PUBLICATION,EXTRACT_DATE,PRACTICE_CODE,PRACTICE_NAME,PRACTICE_POSTCODE,PCN_CODE,PCN_NAME,STP_CODE,STP_NAME\nGP_PRAC_PAT_LIST,01Jan2022,A81001,"THE SURGERY,TS18 1HU,U89141,STOCKTON PCN,QHM,X\n')
      failsQuickly(['import', '--map', 'map.csv', '--list-sizes', 'extract.csv', '--dir', 'imported'], /^pch: map\.csv:2: a field opens with a quote that never closes\n$/)
      expect(existsSync(path.join(temp.path, 'imported'))).toBe(false)
    },
  },
  {
    input: 'binary data (a PNG)',
    outcome: '`yaml/syntax` "The file is not UTF-8 text" at its first byte that is not UTF-8',
    exit: 1,
    run() {
      const r = check('picture.pch.yaml', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))
      expect([r.status, found(r)]).toEqual([1, ['yaml/syntax@1:1']])
      expect(r.files[0]!.messages[0]!.message).toMatch(/^The file is not UTF-8 text/)
    },
  },
  {
    input: 'invalid UTF-8 (a Latin-1 "£" in a name)',
    outcome: '`yaml/syntax` "The file is not UTF-8 text" at the line and column of the bad byte',
    exit: 1,
    run() {
      const text = edit(base, ['name: Riverside Surgery', 'name: Riverside \u00a3 Surgery'])
      const bytes = Buffer.from(text, 'latin1')
      const r = check('latin1.pch.yaml', bytes)
      const line = lineOf(text, 'name: Riverside \u00a3')
      expect([r.status, found(r)]).toEqual([1, [`yaml/syntax@${line}:${text.split('\n')[line - 1]!.indexOf('\u00a3') + 1}`]])
    },
  },
  {
    input: 'a UTF-8 byte-order mark',
    outcome: 'read as the same text without it: same findings, same line:column',
    exit: 0,
    run() {
      const r = check('bom.pch.yaml', `\uFEFF${base}`)
      expect([r.status, found(r)]).toEqual([0, []])
    },
  },
  {
    input: 'CRLF line endings',
    outcome: 'the same findings at the same line:column as with LF',
    exit: 1,
    run() {
      const text = edit(base, ['status: live ', 'status: lve  '])
      temp.write('lf.pch.yaml', text)
      temp.write('crlf.pch.yaml', text.replace(/\n/g, '\r\n'))
      const lf = validate(['lf.pch.yaml'])
      const crlf = validate(['crlf.pch.yaml'])
      expect(found(lf)).toEqual([`schema@${lineOf(text, 'status: lve')}:11`])
      expect([crlf.status, found(crlf)]).toEqual([1, found(lf)])
    },
  },
  {
    input: 'a tab used for indentation',
    outcome: '`yaml/syntax` "Tabs are not allowed as indentation" at the tab',
    exit: 1,
    run() {
      const text = edit(base, ['  name: Riverside Primary Care Home', '\tname: Riverside Primary Care Home'])
      const r = check('tab.pch.yaml', text)
      expect([r.status, found(r)]).toEqual([1, [`yaml/syntax@${lineOf(text, '\tname:')}:1`]])
      expect(r.files[0]!.messages[0]!.message).toMatch(/tab/i)
    },
  },
  {
    input: 'an empty file',
    outcome: '`schema/api-version` "The file holds no PCH definition" at 1:1',
    exit: 1,
    run() {
      const r = check('empty.pch.yaml', '')
      expect([r.status, found(r)]).toEqual([1, ['schema/api-version@1:1']])
      expect(r.files[0]!.messages[0]!.message).toMatch(/^The file holds no PCH definition/)
    },
  },
  {
    input: 'a file of only comments',
    outcome: 'the same as an empty file',
    exit: 1,
    run() {
      const r = check('comments.pch.yaml', '# nothing here yet\n# still nothing\n')
      expect([r.status, found(r)]).toEqual([1, ['schema/api-version@1:1']])
    },
  },
  {
    input: '`__proto__` and `constructor` keys',
    outcome: '`schema` "unknown key" at each key, read as plain data; no prototype is touched',
    exit: 1,
    run() {
      const text = edit(base, ['  exceptions: []', '  exceptions: []\n  __proto__: {polluted: true}\n  constructor: {prototype: {polluted: true}}'])
      const r = check('proto.pch.yaml', text)
      expect([r.status, found(r)]).toEqual([1, [`schema@${lineOf(text, '__proto__')}:3`, `schema@${lineOf(text, 'constructor')}:3`]])
      expect(r.files[0]!.messages.map((m) => m.message).join('\n')).not.toMatch(/polluted/)
    },
  },
  {
    input: 'custom and language tags (`!include`, `!!js/function`)',
    outcome: '`yaml/unsupported-tag` at each tag, which is never resolved or run',
    exit: 1,
    run() {
      const text = edit(base, ['name: Riverside Surgery', 'name: !!js/function "return process.exit(7)"'], ['name: Meadow Lane Practice', 'name: !include /etc/passwd'])
      const r = check('tags.pch.yaml', text)
      expect([r.status, found(r)]).toEqual([1, [`yaml/unsupported-tag@${lineOf(text, '!!js')}:15`, `yaml/unsupported-tag@${lineOf(text, '!include')}:15`]])
    },
  },
  {
    input: 'YAML 1.1 booleans (`yes`, `NO`) and sexagesimal numbers (`1:30`)',
    outcome: 'read as YAML 1.2 strings, so `schema` names the expected type (`yes` is not `true`; `1:30` is not 90)',
    exit: 1,
    run() {
      const text = edit(base, ['listSize: 9870', 'listSize: 2:44:30'], ['  exceptions: []', '  exceptions: []\n  draft: yes'])
      const r = check('yaml11.pch.yaml', text)
      expect(r.status).toBe(1)
      expect(found(r)).toEqual([`schema@${lineOf(text, 'draft: yes')}:3`, `schema@${lineOf(text, 'listSize: 2:44:30')}:19`])
    },
  },
  {
    input: 'a mapping key that is itself a list or mapping (`? [a, b]`)',
    outcome: 'read as its text (`[ a, b ]`), so `schema` reports an unknown key, at the key of the mapping that holds it; nothing but the report is printed',
    exit: 1,
    run() {
      const text = edit(base, ['  exceptions: []', '  exceptions: []\n  ? [a, b]\n  : 1'])
      const r = check('complex-key.pch.yaml', text)
      expect([r.status, r.stderr, found(r)]).toEqual([1, '', [`schema@${lineOf(text, 'metadata:')}:1`]])
      expect(r.files[0]!.messages[0]!.message).toContain('[ a, b ]')
    },
  },
  {
    input: 'a directory symlink loop',
    outcome: 'each file is checked once; the loop is not followed again',
    exit: 0,
    run() {
      temp.write('sites/riverside.pch.yaml', base)
      symlinkSync('..', path.join(temp.path, 'sites', 'loop'))
      const r = validate(['sites'])
      expect([r.status, r.files.map((f) => f.filePath)]).toEqual([0, ['sites/riverside.pch.yaml']])
    },
  },
  {
    input: 'an unreadable file',
    outcome: '"pch: Cannot read FILE: permission denied", one line, before any output',
    exit: 2,
    run() {
      const file = temp.write('locked.pch.yaml', base)
      chmodSync(file, 0o000)
      chmodSync(temp.path, 0o755)
      // root reads any file: run as nobody (65534) then, so the permission really is refused.
      const asNobody = process.getuid?.() === 0 ? {uid: 65534, env: {HOME: temp.path}} : {}
      expectOneLineFailure(cli(['validate', 'locked.pch.yaml'], {cwd: temp.path, ...asNobody}), /^pch: Cannot read .*locked\.pch\.yaml: permission denied$/m)
    },
  },
  {
    input: 'a directory named `*.pch.yaml`',
    outcome: 'walked as a directory: the definitions in it are checked, the directory itself is not read as a file',
    exit: 0,
    run() {
      temp.write('odd.pch.yaml/riverside.pch.yaml', base)
      const r = validate(['.'])
      expect([r.status, r.files.map((f) => f.filePath)]).toEqual([0, ['odd.pch.yaml/riverside.pch.yaml']])
      expect(validate(['odd.pch.yaml']).files.map((f) => f.filePath)).toEqual(['odd.pch.yaml/riverside.pch.yaml'])
    },
  },
  {
    input: 'a glob that matches nothing',
    outcome: '"pch: No files match the pattern sites/*.pch.yaml", one line',
    exit: 2,
    run() {
      mkdirSync(path.join(temp.path, 'sites'))
      expectOneLineFailure(cli(['validate', 'sites/*.pch.yaml'], {cwd: temp.path}), /^pch: No files match the pattern sites\/\*\.pch\.yaml$/m)
    },
  },
]

describe('hostile and odd input: each gives its documented outcome and exit code, never a stack trace', () => {
  for (const row of catalogue) {
    it.skipIf(row.root && !isRoot)(`${row.input} -> exit ${row.exit}${row.root ? ' (needs root for mknod; skipped otherwise)' : ''}`, () => row.run())
  }

  it('README.md lists exactly these rows', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8')
    const table = readme.split('<!-- hostile-inputs -->')[1]!.split('\n\n')[0]!.trim().split('\n').slice(2)
    expect(table).toEqual(catalogue.map((row) => `| ${row.input} | ${row.outcome} | ${row.exit} |`))
  })
})


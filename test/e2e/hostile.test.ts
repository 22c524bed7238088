// The catalogue of hostile and odd inputs (issue 9): each runs the built binary and checks the
// documented outcome exactly. README.md's "Hostile and odd input" table is these rows, word for
// word (the last test holds them together).
import {spawn, spawnSync} from 'node:child_process'
import {
  chmodSync,
  chownSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
} from 'node:fs'
import path from 'node:path'
import * as fs from 'node:fs'
import {describe, expect, it, onTestFinished} from 'vitest'
import {
  BIN,
  cli,
  edit,
  expectOneLineFailure,
  lineOf,
  riverside,
  ROOT,
  SHARED,
  TODAY,
  useTempDir,
  withoutNetwork,
  type CliResult,
} from '../helpers.js'
import {startLsp, stopLsp, uri} from '../lsp/client.js'

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
const found = (r: ReturnType<typeof validate>): string[] =>
  r.files.flatMap((f) => f.messages.map((m) => `${m.ruleId}@${m.line}:${m.column}`))

/** A terminal's title (OSC 0 ... BEL), a clear screen (CSI 2J) and NEL, the C1 line break. */
const TERMINAL = '\u001b]0;title\u0007\u001b[2J\u0085'
/** A control character that no text output may hold (tab, LF and CR aside). */

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/

const billionLaughs = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'.split('').map(
    (name, i) =>
      `${name}: &${name} [${Array(9)
        .fill(`*${String.fromCharCode(97 + i)}`)
        .join(',')}]`,
  ),
].join('\n')

interface Row {
  input: string
  outcome: string
  exit: 0 | 1 | 2 | 130
  /** The row makes device nodes (mknod): it runs only as root, and is skipped elsewhere. */
  root?: true
  run: () => void | Promise<void>
}

const isRoot = process.getuid?.() === 0

/** A character device in the temp directory (never the system's /dev): minor 3 is null, 5 zero, 7 full, 9 urandom. */
function device(name: string, minor: 3 | 5 | 7 | 9): string {
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

/** A "Patients Registered at a GP Practice" totals extract of 2026-11-01 (after riverside's asOf: an older one is refused): a row per [practice, count]. */
function extract(
  rows: Array<[string, string]>,
  header = 'PUBLICATION,EXTRACT_DATE,TYPE,CCG_CODE,ONS_CCG_CODE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS\n',
): string {
  return header + rows.map(([code, count]) => `GP_PRAC_PAT_LIST,2026-11-01,GP,00L,E38000130,${code},NE1 1AA,ALL,ALL,${count}\n`).join('')
}

/** The riverside example with one fixable finding (`format/number`): lint exits 1, and --fix has an edit to make. */
const fixable = edit(base, ['listSize: 14250', 'listSize: "14,250"'])

/** `pch lint ARGS` as JSON in `cwd`. */
const lintIn = (cwd: string, args: string[], as: {uid?: number; env?: Record<string, string>} = {}): CliResult =>
  cli(['lint', ...args, '--today', TODAY, '-f', 'json'], {cwd, ...as})

/** Root writes anywhere: a run that must meet a directory it cannot write runs as nobody (65534) then. */
const unprivileged = (): {uid?: number; env?: Record<string, string>} => (isRoot ? {uid: 65534, env: {HOME: temp.path}} : {})

/** The one line of a cache that cannot be used. */
const cacheWarning = (location: string, why: string): string =>
  `pch: warning: cannot use the cache in ${location}: ${why}; running without the cache\n`

export const catalogue: Row[] = [
  {
    input: 'YAML alias bomb ("billion laughs", 10^9 strings from 1 KB)',
    outcome: '`yaml/syntax` "Too many YAML aliases" at the document, at once, without expanding it',
    exit: 1,
    run() {
      const r = check(
        'bomb.pch.yaml',
        `${base}lol:\n${billionLaughs
          .split('\n')
          .map((line) => `  ${line}`)
          .join('\n')}\n`,
        20,
      )
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
      expect(r.files[0]!.messages[0]!.message).toBe(
        'The document is nested more than 64 levels deep (a definition needs about 7; limits.maxDepth in the config)',
      )
      temp.write('.pchrc.yaml', 'limits:\n  maxDepth: 2\n')
      expect(found(validate(['flow.pch.yaml']))).toEqual([`yaml/syntax@${lineOf(base, 'commissioner:')}:3`])
    },
  },
  {
    input: '2,500,000-deep nesting in a 5 MB file (under the size limit)',
    outcome:
      'the same `yaml/syntax` finding at the 65th level, at once: `yaml` reads the text only up to that bracket; brackets inside quoted text are not nesting',
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
    outcome:
      '`yaml/syntax` "The file is 52,428,800 bytes, more than the limit of 10,485,760" at 1:1, without reading it; the limit is `limits.maxFileSize`',
    exit: 1,
    run() {
      const r = check('huge.pch.yaml', Buffer.alloc(50 * 1024 * 1024, 'a: 1\n'), 20)
      expect(r.status).toBe(1)
      expect(r.files[0]!.messages).toMatchObject([
        {
          ruleId: 'yaml/syntax',
          line: 1,
          column: 1,
          message: 'The file is 52,428,800 bytes, more than the limit of 10,485,760 (limits.maxFileSize in the config); it was not read',
        },
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
      const endless = spawnSync('bash', ['-c', `yes | "$0" "$@"`, process.execPath, BIN, 'validate', '-', '-f', 'json'], {
        cwd: temp.path,
        encoding: 'utf8',
        timeout: 30_000,
        maxBuffer: 1 << 20,
        env: {...process.env, NODE_OPTIONS: withoutNetwork(process.env.NODE_OPTIONS)},
      })
      expect([endless.status, endless.stderr]).toEqual([1, ''])
      expect((JSON.parse(endless.stdout) as Array<{messages: JsonMessage[]}>)[0]!.messages.map((m) => m.message)).toEqual([message])
    },
  },
  {
    input: 'a config that never ends: `--config /dev/zero`, a `.pchrc.yaml` linked to `/dev/zero`, an endless pipe',
    outcome:
      '"pch: FILE is more than the limit of 10,485,760 bytes", one line, within seconds: a config is held to the default `limits.maxFileSize`',
    exit: 2,
    root: true,
    run() {
      temp.write('riverside.pch.yaml', base)
      const tooLarge = (file: string): RegExp =>
        new RegExp(
          `^pch: ${file.replace('.', '\\.')} is more than the limit of 10,485,760 bytes \\(limits\\.maxFileSize, at its default for the config itself\\); it was not read beyond it\\n$`,
        )
      failsQuickly(['lint', 'riverside.pch.yaml', '--config', device('zero', 5)], tooLarge('zero'))
      failsQuickly(['validate', 'riverside.pch.yaml', '--config', endlessPipe('fifo')], tooLarge('fifo'))
      symlinkSync('zero', path.join(temp.path, '.pchrc.yaml'))
      failsQuickly(['lint', 'riverside.pch.yaml'], tooLarge('.pchrc.yaml'))
    },
  },
  {
    input: 'a local rule whose pattern takes exponential time with backtracking (`pattern: "^(a+)+$"` over a 999-character name)',
    outcome:
      'one finding of the rule, at once: `pattern` and `patternProperties` are matched by RE2 (`re2js`), in linear time; a pattern RE2 cannot match (lookaround) is a config error naming it',
    exit: 1,
    run() {
      temp.write(
        '.pchrc.yaml',
        'rules:\n  local/name-shape:\n    given: /metadata/name\n    then: { pattern: "^(a+)+$" }\n    message: "{{path}} is not all a"\n    severity: error\n',
      )
      temp.write('riverside.pch.yaml', edit(base, ['name: Riverside Primary Care Home', `name: ${'a'.repeat(998)}!`]))
      const started = Date.now()
      const r = cli(['lint', 'riverside.pch.yaml', '--today', TODAY, '-f', 'json'], {cwd: temp.path})
      expect(Date.now() - started).toBeLessThan(20_000)
      expect([r.status, r.stderr]).toEqual([1, ''])
      expect(JSON.parse(r.stdout)[0].messages.map((m: JsonMessage) => `${m.ruleId}@${m.line}:${m.column} ${m.message}`)).toEqual([
        `local/name-shape@${lineOf(base, 'name: Riverside')}:9 /metadata/name is not all a`,
      ])
      temp.write('.pchrc.yaml', 'rules:\n  local/name-shape:\n    given: /metadata/name\n    then: { pattern: "(?=a)a" }\n    message: m\n')
      failsQuickly(
        ['lint', 'riverside.pch.yaml'],
        /^pch: Invalid config \.pchrc\.yaml:4:22: local\/name-shape: the pattern "\(\?=a\)a" is not supported: pch matches patterns in linear time /,
      )
    },
  },
  {
    input: 'a local rule with a `$ref` to a URL (`$ref: https://example.org/evil.json`)',
    outcome:
      '"pch: Invalid config .pchrc.yaml:6:23: local/x: $ref "https://example.org/evil.json" points outside the rule: pch fetches no schema, ...", one line, at the `$ref`; nothing is fetched',
    exit: 2,
    run() {
      temp.write('riverside.pch.yaml', base)
      temp.write(
        '.pchrc.yaml',
        'rules:\n  local/x:\n    given: /metadata\n    then:\n      properties:\n        name: { $ref: "https://example.org/evil.json" }\n    message: m\n',
      )
      failsQuickly(
        ['lint', 'riverside.pch.yaml'],
        /^pch: Invalid config \.pchrc\.yaml:6:23: local\/x: \$ref "https:\/\/example\.org\/evil\.json" points outside the rule: pch fetches no schema, and a \$ref may point only inside it \(#\/\$defs\/\.\.\.\)\n$/,
      )
    },
  },
  {
    input: 'a config of 10,000 local rules',
    outcome:
      '"pch: Invalid config .pchrc.yaml:1:1: a config declares at most 1,000 local rules ...; this one has 10,000", one line, before any rule is compiled',
    exit: 2,
    run() {
      temp.write('riverside.pch.yaml', base)
      temp.write(
        '.pchrc.yaml',
        `rules:\n${Array.from({length: 10_000}, (_, i) => `  local/rule-${i}:\n    given: /metadata/name\n    then: { minLength: 1 }\n    message: m\n`).join('')}`,
      )
      failsQuickly(
        ['lint', 'riverside.pch.yaml'],
        /^pch: Invalid config \.pchrc\.yaml:1:1: a config declares at most 1,000 local rules \(with those of the configs it extends\); this one has 10,000\n$/,
      )
    },
  },
  {
    input:
      'a local rule whose message names a field the value does not have (`{{value.nope}}`), or something other than the value (`{{process.env.HOME}}`)',
    outcome:
      'the absent field reads `(no nope)`; any placeholder but `{{value}}`, `{{value.FIELD}}` and `{{path}}` is a config error: nothing but the matched value reaches a message',
    exit: 1,
    run() {
      temp.write('riverside.pch.yaml', base)
      temp.write(
        '.pchrc.yaml',
        'rules:\n  local/x:\n    given: /metadata/commissioner\n    then: { required: [nope] }\n    message: "{{value.name}}: {{value.nope}} {{ value.nope.deeper }}"\n    severity: error\n',
      )
      const r = cli(['lint', 'riverside.pch.yaml', '--today', TODAY, '-f', 'json'], {cwd: temp.path})
      expect([r.status, r.stderr]).toEqual([1, ''])
      expect(JSON.parse(r.stdout)[0].messages.map((m: JsonMessage) => m.message)).toEqual([
        'North Riverside Integrated Care Board: (no nope) (no nope.deeper)',
      ])
      temp.write('.pchrc.yaml', 'rules:\n  local/x:\n    given: /metadata\n    then: false\n    message: "{{process.env.HOME}}"\n')
      failsQuickly(
        ['lint', 'riverside.pch.yaml'],
        /^pch: Invalid config \.pchrc\.yaml:5:14: local\/x: \{\{process\.env\.HOME\}\} is not a placeholder: a message may use \{\{value\}\}, \{\{value\.FIELD\}\} and \{\{path\}\}\n$/,
      )
    },
  },
  {
    input: 'an `extends` that never ends or loops: `extends: [./zero]` (a node like `/dev/zero`), a FIFO, a config that extends itself',
    outcome:
      '"pch: Invalid config .pchrc.yaml:1:11: extends "./zero": not a regular file (...)", or "... extends makes a cycle: .pchrc.yaml -> .pchrc.yaml", one line; nothing is read but regular files',
    exit: 2,
    root: true,
    run() {
      temp.write('riverside.pch.yaml', base)
      temp.write('.pchrc.yaml', `extends: [./${device('zero', 5)}]\n`)
      failsQuickly(
        ['lint', 'riverside.pch.yaml'],
        /^pch: Invalid config \.pchrc\.yaml:1:11: extends "\.\/zero": not a regular file \(.*zero\)\n$/,
      )
      temp.write('.pchrc.yaml', `extends: [./${endlessPipe('fifo')}]\n`)
      failsQuickly(
        ['lint', 'riverside.pch.yaml'],
        /^pch: Invalid config \.pchrc\.yaml:1:11: extends "\.\/fifo": not a regular file \(.*fifo\)\n$/,
      )
      temp.write('.pchrc.yaml', 'extends: [./.pchrc.yaml]\n')
      failsQuickly(
        ['lint', 'riverside.pch.yaml'],
        /^pch: Invalid config \.pchrc\.yaml:1:11: extends makes a cycle: \.pchrc\.yaml -> \.pchrc\.yaml\n$/,
      )
    },
  },
  {
    input:
      'a register or an extract that never ends: `ods: /dev/zero` in a committed `.pchrc.yaml`, `--ods /dev/urandom`, `sync-list-sizes --from /dev/zero`, an endless pipe',
    outcome:
      '"pch: FILE is more than the limit of 268,435,456 bytes (the limit for registers and extracts)", one line, within seconds; no file changes',
    exit: 2,
    root: true,
    run() {
      const file = temp.write('riverside.pch.yaml', base)
      const tooLarge = (name: string): RegExp =>
        new RegExp(
          `^pch: ${name} is more than the limit of 268,435,456 bytes \\(the limit for registers and extracts\\); it was not read beyond it\\n$`,
        )
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
        temp.write(
          'extract.csv',
          extract([
            ['A81002', '12000'],
            ['A81001', count],
          ]),
        )
        failsQuickly(
          ['sync-list-sizes', '--from', 'extract.csv', 'riverside.pch.yaml'],
          new RegExp(
            `^pch: extract\\.csv:3: NUMBER_OF_PATIENTS ${count} is more than pch can hold exactly \\(9,007,199,254,740,991\\)\\n$`,
          ),
        )
      }
      expect(readFileSync(file, 'utf8')).toBe(base)
    },
  },
  {
    input: 'one practice twice in an extract (100, then 20000)',
    outcome:
      '"pch: FILE:LINE: practice A81001 is in the extract twice with different counts (100 on line 2, 20000 on line 4)", one line; twice with the same count is read as once',
    exit: 2,
    run() {
      const file = temp.write('riverside.pch.yaml', base)
      temp.write(
        'extract.csv',
        extract([
          ['A81001', '100'],
          ['A81002', '12000'],
          ['A81001', '20000'],
        ]),
      )
      failsQuickly(
        ['sync-list-sizes', '--from', 'extract.csv', 'riverside.pch.yaml'],
        /^pch: extract\.csv:4: practice A81001 is in the extract twice with different counts \(100 on line 2, 20000 on line 4\)\n$/,
      )
      expect(readFileSync(file, 'utf8')).toBe(base)
      temp.write(
        'extract.csv',
        extract([
          ['A81001', '100'],
          ['A81002', '12000'],
          ['A81001', '100'],
        ]),
      )
      const r = cli(['sync-list-sizes', '--from', 'extract.csv', 'riverside.pch.yaml'], {cwd: temp.path})
      expect([r.status, r.stderr]).toEqual([0, ''])
      expect(readFileSync(file, 'utf8')).toBe(edit(base, ['listSize: 14250', 'listSize: 100'], ['listSize: 11980', 'listSize: 12000']))
    },
  },
  {
    input: 'an extract with a CRLF header over LF rows (or any mix of CRLF, LF and CR)',
    outcome: 'read as the same extract with LF line breaks; errors name the same lines',
    exit: 0,
    run() {
      const file = temp.write('riverside.pch.yaml', base)
      const lf = extract([
        ['A81001', '100'],
        ['A81002', '12000'],
      ])
      temp.write('extract.csv', lf.replace('\n', '\r\n'))
      const r = cli(['sync-list-sizes', '--from', 'extract.csv', 'riverside.pch.yaml'], {cwd: temp.path})
      expect([r.status, r.stderr]).toEqual([0, ''])
      expect(readFileSync(file, 'utf8')).toBe(edit(base, ['listSize: 14250', 'listSize: 100'], ['listSize: 11980', 'listSize: 12000']))
      temp.write(
        'extract.csv',
        extract([
          ['A81001', '100'],
          ['A81002', 'many'],
        ])
          .replace('\n', '\r\n')
          .replace(/\n(?=GP_PRAC_PAT_LIST,[^\n]*many)/, '\r'),
      )
      failsQuickly(
        ['sync-list-sizes', '--from', 'extract.csv', 'riverside.pch.yaml'],
        /^pch: extract\.csv:3: NUMBER_OF_PATIENTS "many" is not a whole number\n$/,
      )
    },
  },
  {
    input: 'text piped to `pch validate` without the path `-` (a definition, or "a b")',
    outcome: 'standard input is not read: the current directory is checked, as without the pipe',
    exit: 0,
    run() {
      temp.write('riverside.pch.yaml', base)
      for (const input of [base, 'a b\n'])
        expect(cli(['validate', '--today', TODAY], {cwd: temp.path, input})).toEqual({
          status: 0,
          stdout: '✔ No problems in 1 file (1 definition)\n',
          stderr: '',
        })
    },
  },
  {
    input: 'a register or extract that does not exist: `--ods /nonexistent.csv`, `--trusts`, `sync-list-sizes --from`',
    outcome: '"pch: Cannot read /nonexistent.csv: no such file or directory", one line',
    exit: 2,
    run() {
      temp.write('riverside.pch.yaml', base)
      for (const args of [
        ['lint', '--ods'],
        ['lint', '--trusts'],
        ['sync-list-sizes', '--from'],
      ]) {
        expectOneLineFailure(
          cli([...args, '/nonexistent.csv'], {cwd: temp.path}),
          /^pch: Cannot read \/nonexistent\.csv: no such file or directory\n$/,
        )
      }
    },
  },
  {
    input: 'a definition `sync-list-sizes` cannot parse, even one named on the command line',
    outcome: '"pch: Cannot sync FILE:LINE:COLUMN: REASON", one line per such file; no file changes',
    exit: 2,
    run() {
      temp.write('riverside.pch.yaml', base)
      temp.write('broken.pch.yaml', 'spec: [\n')
      const r = cli(
        ['sync-list-sizes', '--from', path.join(SHARED, 'data', 'nhs', 'gp-reg-pat-prac-all-2026-04.csv'), 'broken.pch.yaml', '.'],
        {cwd: temp.path},
      )
      expectOneLineFailure(
        r,
        /^pch: Cannot sync broken\.pch\.yaml:2:1: YAML syntax error: .*; it was not synced and no file was changed\n$/,
      )
      expect(readFileSync(path.join(temp.path, 'riverside.pch.yaml'), 'utf8')).toBe(base)
    },
  },
  {
    input:
      'a CSV (an extract, the practice map, a register) with a quote that never closes, or a quote inside a field that does not start with one',
    outcome:
      '"pch: FILE:LINE: a field opens with a quote that never closes" (or "a quote inside field N, which does not start with one"), one line, at the line of that quote; no file changes',
    exit: 2,
    run() {
      const file = temp.write('riverside.pch.yaml', base)
      temp.write(
        'extract.csv',
        extract([
          ['A81001', '100'],
          ['"A81002', '12000'],
          ['A81003', '5000'],
        ]),
      )
      failsQuickly(
        ['sync-list-sizes', '--from', 'extract.csv', 'riverside.pch.yaml'],
        /^pch: extract\.csv:3: a field opens with a quote that never closes\n$/,
      )
      temp.write(
        'extract.csv',
        extract([
          ['A81001', '100'],
          ['A81002', '12"000'],
        ]),
      )
      failsQuickly(
        ['sync-list-sizes', '--from', 'extract.csv', 'riverside.pch.yaml'],
        /^pch: extract\.csv:3: a quote inside field 10, which does not start with one \("12""\)\n$/,
      )
      expect(readFileSync(file, 'utf8')).toBe(base)
      temp.write(
        'map.csv',
        'PUBLICATION,EXTRACT_DATE,PRACTICE_CODE,PRACTICE_NAME,PRACTICE_POSTCODE,PCN_CODE,PCN_NAME,STP_CODE,STP_NAME\nGP_PRAC_PAT_LIST,01Jan2022,A81001,"THE SURGERY,TS18 1HU,U89141,STOCKTON PCN,QHM,X\n',
      )
      failsQuickly(
        ['import', '--map', 'map.csv', '--list-sizes', 'extract.csv', '--dir', 'imported'],
        /^pch: map\.csv:2: a field opens with a quote that never closes\n$/,
      )
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
    input: 'CR-only line breaks (old Mac), or a mix of CR, LF and CRLF',
    outcome: 'the same findings at the same line:column as with LF; `lint --fix` and `sync-list-sizes` keep every line break as it was',
    exit: 1,
    run() {
      /** `text` with its LFs replaced by `breaks`, one after another. */
      const rebreak = (text: string, breaks: string[]): string => {
        let next = 0
        return text.replace(/\n/g, () => breaks[next++ % breaks.length]!)
      }
      const text = edit(base, ['status: live ', 'status: lve  '])
      temp.write('lf.pch.yaml', text)
      const lf = validate(['lf.pch.yaml'])
      expect(found(lf)).toEqual([`schema@${lineOf(text, 'status: lve')}:11`])
      for (const breaks of [['\r'], ['\r', '\n', '\r\n']]) {
        temp.write('odd.pch.yaml', rebreak(text, breaks))
        const odd = validate(['odd.pch.yaml'])
        expect([odd.status, found(odd)]).toEqual([1, found(lf)])
        // A fix edits the value alone: every byte around it, each line break among them, is kept.
        const file = temp.write('odd.pch.yaml', rebreak(edit(base, ['listSize: 14250', 'listSize: "14,250"']), breaks))
        const fixed = cli(['lint', '--fix', 'odd.pch.yaml', '--today', TODAY], {cwd: temp.path})
        expect([fixed.status, fixed.stderr]).toEqual([0, ''])
        expect(readFileSync(file, 'utf8')).toBe(rebreak(base, breaks))
        temp.write(
          'extract.csv',
          extract([
            ['A81001', '100'],
            ['A81002', '12000'],
          ]),
        )
        const synced = cli(['sync-list-sizes', '--from', 'extract.csv', 'odd.pch.yaml'], {cwd: temp.path})
        expect([synced.status, synced.stderr]).toEqual([0, ''])
        // A81004 is not in the extract, so asOf and source stay as they were.
        expect(readFileSync(file, 'utf8')).toBe(
          rebreak(edit(base, ['listSize: 14250', 'listSize: 100'], ['listSize: 11980', 'listSize: 12000']), breaks),
        )
      }
    },
  },
  {
    input: 'a control character in a text field (NUL, ESC, DEL, C1), as it is or escaped (`"\\0"`, `"\\e"`)',
    outcome:
      '`schema` "name holds a control character (U+0000), which cannot be seen or printed; remove it" at the value; tabs, and the line breaks of a block scalar, are text',
    exit: 1,
    run() {
      const text = edit(
        base,
        ['name: Riverside Surgery', 'name: Riverside\u0000 Surgery'],
        ['name: Riverside Primary Care Home', 'name: "Riverside\\e]0;pwned\\a Primary Care Home"'],
        ['name: Meadow Lane Practice', 'name: Meadow\u007f Lane\u009b Practice'],
        [/ {4}source: NHS Digital.*\n/, '    source: |\n      NHS Digital\n      list sizes\tOctober 2026\n'],
      )
      const r = check('control.pch.yaml', text)
      expect([r.status, found(r)]).toEqual([
        1,
        [
          `schema@${lineOf(text, 'name: "Riverside')}:9`,
          `schema@${lineOf(text, 'name: Riverside\u0000')}:15`,
          `schema@${lineOf(text, 'name: Meadow')}:15`,
        ],
      ])
      expect(r.files[0]!.messages.map((m) => m.message)).toEqual(
        ['001B', '0000', '007F'].map((code) => `name holds a control character (U+${code}), which cannot be seen or printed; remove it`),
      )
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
      const text = edit(base, [
        '  exceptions: []',
        '  exceptions: []\n  __proto__: {polluted: true}\n  constructor: {prototype: {polluted: true}}',
      ])
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
      const text = edit(
        base,
        ['name: Riverside Surgery', 'name: !!js/function "return process.exit(7)"'],
        ['name: Meadow Lane Practice', 'name: !include /etc/passwd'],
      )
      const r = check('tags.pch.yaml', text)
      expect([r.status, found(r)]).toEqual([
        1,
        [`yaml/unsupported-tag@${lineOf(text, '!!js')}:15`, `yaml/unsupported-tag@${lineOf(text, '!include')}:15`],
      ])
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
    outcome:
      'read as its text (`[ a, b ]`), so `schema` reports an unknown key, at the key of the mapping that holds it; nothing but the report is printed',
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
    input:
      'a cache location that cannot hold the cache: a file (`--cache-location notes.txt`), `/`, a read-only directory, a directory under a file (`--cache-location notes.txt/pch`)',
    outcome:
      '"pch: warning: cannot use the cache in notes.txt: it is a file, not a directory; running without the cache" (or why not), one line on stderr; the report and exit code are those of a run without `--cache`, and nothing is written',
    exit: 1,
    run() {
      temp.write('site.pch.yaml', fixable)
      const notes = temp.write('notes.txt', 'notes\n')
      const readOnly = path.join(temp.path, 'ro')
      mkdirSync(readOnly)
      chmodSync(readOnly, 0o555)
      chmodSync(temp.path, 0o755)
      const plain = lintIn(temp.path, ['site.pch.yaml'])
      expect(plain.status).toBe(1)
      // `/` as nobody too, so that no run of this test can ever write there.
      const cases: Array<[location: string, why: string, as: ReturnType<typeof unprivileged>]> = [
        ['notes.txt', 'it is a file, not a directory', {}],
        ['/', 'it is the root directory', unprivileged()],
        ['ro', 'it is not writable', unprivileged()],
        ['notes.txt/pch', 'it cannot be made: a part of its path is a file', {}],
      ]
      for (const [location, why, as] of cases) {
        expect(lintIn(temp.path, ['site.pch.yaml', '--cache', '--cache-location', location], as), location).toEqual({
          ...plain,
          stderr: cacheWarning(location, why),
        })
      }
      expect(readFileSync(notes, 'utf8')).toBe('notes\n')
      expect(fs.readdirSync(readOnly)).toEqual([])
    },
  },
  {
    input:
      'a committed cache that is a link or not a file: `node_modules/.cache/pch/lint.json` linked to another file, `node_modules` linked out of the working directory, a FIFO `lint.json`',
    outcome:
      '"pch: warning: cannot use the cache in node_modules/.cache/pch: lint.json there is a symbolic link, and pch never writes the cache through one; running without the cache" (or why not), one line; nothing is read or written through the link, and the report is that of a run without `--cache`',
    exit: 1,
    run() {
      const precious = temp.write('precious.txt', 'precious\n')
      const elsewhere = path.join(temp.path, 'elsewhere')
      mkdirSync(elsewhere)
      const cacheDir = path.join('node_modules', '.cache', 'pch')
      /** A working directory holding the definition, and a cache directory made by `prepare`. */
      const work = (name: string, prepare: (dir: string) => void): string => {
        temp.write(`${name}/site.pch.yaml`, fixable)
        const dir = path.join(temp.path, name)
        prepare(dir)
        return dir
      }
      const cases: Array<[dir: string, why: string]> = [
        [
          work('file-link', (dir) => {
            mkdirSync(path.join(dir, cacheDir), {recursive: true})
            symlinkSync('../../../../precious.txt', path.join(dir, cacheDir, 'lint.json'))
          }),
          'lint.json there is a symbolic link, and pch never writes the cache through one',
        ],
        [
          work('dir-link', (dir) => symlinkSync('../elsewhere', path.join(dir, 'node_modules'))),
          'it leads out of the working directory through a symbolic link',
        ],
        [
          work('fifo', (dir) => {
            mkdirSync(path.join(dir, cacheDir), {recursive: true})
            spawnSync('mkfifo', [path.join(dir, cacheDir, 'lint.json')])
          }),
          'lint.json there is not a regular file',
        ],
      ]
      const plain = lintIn(cases[0]![0], ['site.pch.yaml'])
      for (const [dir, why] of cases)
        expect(lintIn(dir, ['site.pch.yaml', '--cache']), dir).toEqual({...plain, stderr: cacheWarning(cacheDir, why)})
      expect(readFileSync(precious, 'utf8')).toBe('precious\n')
      expect(fs.readdirSync(elsewhere)).toEqual([])
    },
  },
  {
    input:
      'a forged or damaged cache file: an entry with the right hash and a fix edit that writes other bytes, an unknown rule, a line that is text, claims of no rule, a 100 MB file',
    outcome:
      'ignored without a word: `lint --cache --fix` writes what `lint --fix` writes (fix edits are never taken from a cache), and `lint --cache` prints what `lint` prints',
    exit: 0,
    run() {
      const file = temp.write('riverside.pch.yaml', fixable)
      const plain = lintIn(temp.path, ['riverside.pch.yaml'])
      const fixRun = lintIn(temp.path, ['riverside.pch.yaml', '--fix'])
      expect([plain.status, fixRun.status, readFileSync(file, 'utf8')]).toEqual([1, 0, base])
      temp.write('riverside.pch.yaml', fixable)
      const cached = ['riverside.pch.yaml', '--cache', '--cache-location', 'cache']
      lintIn(temp.path, cached)
      const honest = readFileSync(path.join(temp.path, 'cache', 'lint.json'), 'utf8')
      type Entry = {hash: string; file: {claims: string; findings: Array<Record<string, unknown>>}}
      const forge = (change: (entry: Entry) => void): string => {
        const saved = JSON.parse(honest) as {entries: Array<[string, Entry]>}
        change(saved.entries[0]![1])
        return JSON.stringify(saved)
      }
      const caches: Record<string, string | (() => void)> = {
        'the honest cache': honest,
        'a fix edit': forge((entry) => void (entry.file.findings[0]!.fix = {start: 0, end: fixable.length, text: 'pwned: true\n'})),
        'an unknown rule': forge((entry) => void (entry.file.findings[0]!.ruleId = 'no/such-rule')),
        'a line that is text': forge((entry) => void (entry.file.findings[0]!.line = '1')),
        'claims of no rule': forge((entry) => void (entry.file.claims = '[99,"x"]')),
        'a 100 MB file': () => fs.truncateSync(path.join(temp.path, 'cache', 'lint.json'), 100 * 1024 * 1024),
      }
      for (const [what, cache] of Object.entries(caches)) {
        const put = (): void => {
          temp.write('riverside.pch.yaml', fixable)
          if (typeof cache === 'string') temp.write('cache/lint.json', cache)
          else cache()
        }
        put()
        expect(lintIn(temp.path, cached), what).toEqual(plain)
        put()
        expect(lintIn(temp.path, [...cached, '--fix']), what).toEqual(fixRun)
        expect(readFileSync(file, 'utf8'), what).toBe(base)
      }
    },
  },
  {
    input:
      "a file name with a line break and `---`, `+++` and `@@` lines in it (a directory `$'d\\n--- a/victim.txt\\n+++ b/victim.txt\\n@@ -1 +1 @@\\n-safe\\n+pwned\\nzz'`), under `lint --fix-dry-run`",
    outcome:
      'the patch names it as git does, in C quotes (`--- "a/d\\n--- a/victim.txt\\n...zz/riverside.pch.yaml"`), so applying it changes that file and no other; `"`, `\\`, control characters and bytes above 0x7f are escaped (`é` is `\\303\\251`), and a name with a space has a tab after it',
    exit: 0,
    run() {
      const dir = 'd\n--- a/victim.txt\n+++ b/victim.txt\n@@ -1 +1 @@\n-safe\n+pwned\nzz'
      const file = temp.write(`${dir}/riverside.pch.yaml`, fixable)
      const victim = temp.write('victim.txt', 'safe\n')
      const r = cli(['lint', '.', '--fix-dry-run', '--today', TODAY], {cwd: temp.path})
      const quoted = (side: string): string =>
        `"${side}/d\\n--- a/victim.txt\\n+++ b/victim.txt\\n@@ -1 +1 @@\\n-safe\\n+pwned\\nzz/riverside.pch.yaml"`
      expect([r.status, r.stderr]).toEqual([0, ''])
      // The name holds spaces: a tab after it, as git writes it.
      expect(r.stdout.startsWith(`--- ${quoted('a')}\t\n+++ ${quoted('b')}\t\n@@ -21,5 +21,5 @@\n`)).toBe(true)
      expect(r.stdout.split('\n').filter((line) => /^(---|\+\+\+|@@) /.test(line))).toHaveLength(3)
      temp.write('fix.patch', r.stdout)
      expect(spawnSync('git', ['apply', 'fix.patch'], {cwd: temp.path, encoding: 'utf8'}).stderr).toBe('')
      expect([readFileSync(file, 'utf8'), readFileSync(victim, 'utf8')]).toEqual([base, 'safe\n'])
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
      expectOneLineFailure(
        cli(['validate', 'locked.pch.yaml'], {cwd: temp.path, ...asNobody}),
        /^pch: Cannot read .*locked\.pch\.yaml: permission denied$/m,
      )
    },
  },
  {
    input:
      "an `--output` that is one of the run's inputs: `validate site.pch.yaml -f json -o site.pch.yaml`, `report -f csv -o LINK-TO-IT`, `lint --fix -o site.pch.yaml`, the config or a register",
    outcome:
      '"pch: OUTPUT is an input of this run; it would be overwritten, so nothing was written", one line, before any work (the same file by device and inode, through any link); every file as it was',
    exit: 2,
    run() {
      const site = temp.write('site.pch.yaml', edit(base, ['listSize: 14250', 'listSize: "14,250"']))
      symlinkSync('site.pch.yaml', path.join(temp.path, 'link'))
      temp.write('.pchrc.yaml', 'rules: {}\n')
      const refused = (output: string, shown = '') =>
        new RegExp(
          `^pch: ${output.replaceAll('.', '\\.')} is ${shown}an input of this run; it would be overwritten, so nothing was written\\n$`,
        )
      failsQuickly(['validate', 'site.pch.yaml', '-f', 'json', '-o', 'site.pch.yaml'], refused('site.pch.yaml'))
      failsQuickly(['report', 'site.pch.yaml', '-f', 'csv', '-o', 'link'], refused('link', 'site.pch.yaml, '))
      failsQuickly(['lint', 'site.pch.yaml', '--fix', '-o', './site.pch.yaml', '--today', TODAY], refused('./site.pch.yaml'))
      failsQuickly(['lint', 'site.pch.yaml', '-o', '.pchrc.yaml', '--today', TODAY], refused('.pchrc.yaml'))
      expect(readFileSync(site, 'utf8')).toBe(edit(base, ['listSize: 14250', 'listSize: "14,250"']))
      expect(readFileSync(path.join(temp.path, '.pchrc.yaml'), 'utf8')).toBe('rules: {}\n')
    },
  },
  {
    input:
      '`--output` a device, a FIFO or standard output: `-o null` (a device node), `-o FIFO`, `-o /dev/stdout >> ci.log`, `-o /dev/stdout | cat`',
    outcome:
      'written in place, never by rename: a device or FIFO stays what it was, and `/dev/stdout` writes where standard output goes (appending to ci.log, into the pipe)',
    exit: 0,
    root: true,
    run() {
      temp.write('site.pch.yaml', base)
      const nul = path.join(temp.path, device('null', 3))
      expect(cli(['validate', 'site.pch.yaml', '-o', 'null'], {cwd: temp.path})).toEqual({status: 0, stdout: '', stderr: ''})
      expect(lstatSync(nul).isCharacterDevice()).toBe(true)
      spawnSync('mkfifo', [path.join(temp.path, 'fifo')])
      const reader = spawnSync(
        'bash',
        ['-c', `cat fifo > from-fifo & "$0" "$@" validate site.pch.yaml -o fifo; wait`, process.execPath, BIN],
        {
          cwd: temp.path,
          encoding: 'utf8',
          env: {...process.env, NO_COLOR: '1', NODE_OPTIONS: withoutNetwork(process.env.NODE_OPTIONS)},
          timeout: 30_000,
        },
      )
      expect([reader.status, reader.stderr, readFileSync(path.join(temp.path, 'from-fifo'), 'utf8')]).toEqual([
        0,
        '',
        '✔ No problems in 1 file (1 definition)\n',
      ])
      expect(lstatSync(path.join(temp.path, 'fifo')).isFIFO()).toBe(true)
      temp.write('ci.log', 'earlier line\n')
      const shell = (command: string) =>
        spawnSync('bash', ['-c', command, process.execPath, BIN], {
          cwd: temp.path,
          encoding: 'utf8',
          env: {...process.env, NO_COLOR: '1', NODE_OPTIONS: withoutNetwork(process.env.NODE_OPTIONS)},
          timeout: 30_000,
        })
      expect(shell('"$0" "$@" validate site.pch.yaml -o /dev/stdout >> ci.log').status).toBe(0)
      expect(readFileSync(path.join(temp.path, 'ci.log'), 'utf8')).toBe('earlier line\n✔ No problems in 1 file (1 definition)\n')
      expect(shell('"$0" "$@" validate site.pch.yaml -o /dev/stdout | cat; exit ${PIPESTATUS[0]}')).toMatchObject({
        status: 0,
        stdout: '✔ No problems in 1 file (1 definition)\n',
        stderr: '',
      })
    },
  },
  {
    input: '`--output` a device that fails its writes (`-o full`, a node like `/dev/full`)',
    outcome: '"pch: Cannot write full: no space left on the device (ENOSPC)", one line; the node stays a device',
    exit: 2,
    root: true,
    run() {
      temp.write('site.pch.yaml', base)
      const full = path.join(temp.path, device('full', 7))
      failsQuickly(['validate', 'site.pch.yaml', '-o', 'full'], /^pch: Cannot write full: no space left on the device \(ENOSPC\)\n$/)
      expect(lstatSync(full).isCharacterDevice()).toBe(true)
    },
  },
  {
    input: '`lint --fix` or `sync-list-sizes` as root on a file of another user (mode 640)',
    outcome: "the new file keeps the old one's owner, group and mode, so its owner can still read it",
    exit: 0,
    root: true,
    run() {
      const file = temp.write('riverside.pch.yaml', edit(base, ['listSize: 14250', 'listSize: "14,250"']))
      chownSync(file, 65534, 65534)
      chmodSync(file, 0o640)
      const owner = () => [statSync(file).uid, statSync(file).gid, statSync(file).mode & 0o777]
      expect(cli(['lint', 'riverside.pch.yaml', '--fix', '--today', TODAY], {cwd: temp.path})).toEqual({
        status: 0,
        stdout: '✔ No problems in 1 file (1 definition)\n',
        stderr: '',
      })
      expect([readFileSync(file, 'utf8'), ...owner()]).toEqual([base, 65534, 65534, 0o640])
      temp.write(
        'extract.csv',
        extract([
          ['A81001', '14300'],
          ['A81002', '12000'],
          ['A81004', '9900'],
        ]),
      )
      expect(cli(['sync-list-sizes', '--from', 'extract.csv', 'riverside.pch.yaml'], {cwd: temp.path}).status).toBe(0)
      expect([readFileSync(file, 'utf8').includes('listSize: 14300'), ...owner()]).toEqual([true, 65534, 65534, 0o640])
    },
  },
  {
    input: 'a file to fix or sync that has no write bit (mode 444)',
    outcome: '"pch: FILE is read-only (mode 0444); not written", one line, even as root; the file as it was',
    exit: 2,
    run() {
      const fixable = edit(base, ['listSize: 14250', 'listSize: "14,250"'])
      const file = temp.write('site.pch.yaml', fixable)
      chmodSync(file, 0o444)
      failsQuickly(
        ['lint', 'site.pch.yaml', '--fix', '--today', TODAY],
        /^pch: .*site\.pch\.yaml is read-only \(mode 0444\); not written; each file holds either its old or its fixed content\n$/,
      )
      temp.write(
        'extract.csv',
        extract([
          ['A81001', '100'],
          ['A81002', '12000'],
        ]),
      )
      failsQuickly(
        ['sync-list-sizes', '--from', 'extract.csv', 'site.pch.yaml'],
        /^pch: .*site\.pch\.yaml is read-only \(mode 0444\); not written; each file holds either its old or its updated content\n$/,
      )
      expect(readFileSync(file, 'utf8')).toBe(fixable)
    },
  },
  {
    input: 'a line another process appends to a file after pch read it and before the rename',
    outcome:
      '"pch: FILE changed since pch read it; not written, so that change is kept; the other file was written", one line; the other files of the run land as one',
    exit: 2,
    run() {
      const fixable = edit(base, ['listSize: 14250', 'listSize: "14,250"'])
      const a = temp.write('a.pch.yaml', fixable)
      const b = temp.write('b.pch.yaml', edit(fixable, ['id: riverside ', 'id: harbour ']).replaceAll('A8100', 'A8300'))
      const preload = path.join(ROOT, 'test', 'append-on-write.cjs')
      const r = cli(['lint', 'a.pch.yaml', 'b.pch.yaml', '--fix', '--today', TODAY], {
        cwd: temp.path,
        env: {NODE_OPTIONS: `--require ${JSON.stringify(preload)}`, PCH_TEST_APPEND_TO: a},
      })
      expectOneLineFailure(
        r,
        /^pch: .*a\.pch\.yaml changed since pch read it; not written, so that change is kept; the other file was written; each file holds either its old or its fixed content\n$/,
      )
      expect(readFileSync(a, 'utf8')).toBe(`${fixable}# a line another process added\n`)
      expect(readFileSync(b, 'utf8')).toBe(edit(base, ['id: riverside ', 'id: harbour ']).replaceAll('A8100', 'A8300'))
    },
  },
  {
    input:
      'SIGINT, SIGTERM or SIGHUP while `lint --fix` or `sync-list-sizes` writes (test/e2e/signals.test.ts interrupts 3,000 files at several moments)',
    outcome:
      'the write in progress ends whole or not at all, its temporary files are removed, and pch exits 130, 143 or 129; every file holds its old or its new bytes',
    exit: 130,
    run() {
      const sites = Array.from({length: 400}, (_, i) => [`s${i}.pch.yaml`, edit(base, ['id: riverside ', `id: s${i} `])] as const)
      for (const [name, text] of sites) temp.write(name, text)
      temp.write(
        'extract.csv',
        extract([
          ['A81001', '14300'],
          ['A81002', '12000'],
          ['A81004', '9900'],
        ]),
      )
      const whole = Date.now()
      const first = spawnSync(process.execPath, [BIN, 'sync-list-sizes', '--from', 'extract.csv', '.'], {
        cwd: temp.path,
        encoding: 'utf8',
        env: {...process.env, NODE_OPTIONS: withoutNetwork(process.env.NODE_OPTIONS)},
        timeout: 60_000,
      })
      expect(first.status).toBe(0)
      const ms = Date.now() - whole
      for (const [name, text] of sites) temp.write(name, text)
      const r = spawnSync(process.execPath, [BIN, 'sync-list-sizes', '--from', 'extract.csv', '.'], {
        cwd: temp.path,
        encoding: 'utf8',
        env: {...process.env, NODE_OPTIONS: withoutNetwork(process.env.NODE_OPTIONS)},
        timeout: Math.round(ms * 0.7),
        killSignal: 'SIGTERM',
      })
      expect(r.signal === 'SIGTERM' || r.status === 143 || r.status === 0, `${r.signal} ${r.status}`).toBe(true)
      expect(readdirSync(temp.path).filter((n) => n.endsWith('.tmp'))).toEqual([])
      const synced = (text: string) =>
        edit(
          text,
          ['listSize: 14250', 'listSize: 14300'],
          ['listSize: 11980', 'listSize: 12000'],
          ['listSize: 9870', 'listSize: 9900'],
          ['asOf: 2026-10-01', 'asOf: 2026-11-01'],
          [
            'source: NHS Digital, Patients Registered at a GP Practice, October 2026',
            'source: NHS Digital, Patients Registered at a GP Practice, 2026-11-01 (extract.csv)',
          ],
        )
      for (const [name, text] of sites) expect([text, synced(text)]).toContain(readFileSync(path.join(temp.path, name), 'utf8'))
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
    input:
      'a symbolic link where `pch init` would write (`init s5 --force`, `sites/s5.pch.yaml` linked to a file outside `--dir`, dangling, or inside it)',
    outcome:
      '"pch: sites/s5.pch.yaml is a symbolic link (to ...); pch init never writes through a link or replaces one", one line, with or without `--force`; the link and its target stay as they were',
    exit: 2,
    run() {
      const outside = temp.write('outside.txt', 'not a definition\n')
      temp.write('sites/inside.txt', 'nor this\n')
      const links = {s5: '../outside.txt', gone: 'nowhere.pch.yaml', in: 'inside.txt'}
      for (const [id, to] of Object.entries(links)) symlinkSync(to, path.join(temp.path, 'sites', `${id}.pch.yaml`))
      for (const [id, to] of Object.entries(links)) {
        for (const force of [['--force'], []]) {
          const refused = new RegExp(
            `^pch: sites/${id}\\.pch\\.yaml is a symbolic link \\(to "${to.replace(/\./g, '\\.')}"\\); pch init never writes through a link or replaces one: remove it, or choose another ID or --dir\\n$`,
          )
          failsQuickly(['init', id, '--dir', 'sites', ...force, '--yes', '--today', TODAY], refused)
        }
      }
      expect(readFileSync(outside, 'utf8')).toBe('not a definition\n')
      expect(readFileSync(path.join(temp.path, 'sites', 'inside.txt'), 'utf8')).toBe('nor this\n')
      expect(readdirSync(path.join(temp.path, 'sites')).sort()).toEqual(['gone.pch.yaml', 'in.pch.yaml', 'inside.txt', 's5.pch.yaml'])
      for (const [id, to] of Object.entries(links)) expect(readlinkSync(path.join(temp.path, 'sites', `${id}.pch.yaml`))).toBe(to)
      expect(existsSync(path.join(temp.path, 'sites', 'nowhere.pch.yaml'))).toBe(false)
    },
  },
  {
    input: "`init --schema` with a line break or a control character (`$'x\\napiVersion: pch/v2'`, an ESC)",
    outcome:
      '"pch: --schema must be a path or URL on one line; it holds a line break (U+000A) at character 2", one line, before anything is asked or written; a one-line value is written as given (`$&` too)',
    exit: 2,
    run() {
      const refused = (what: string, at: number): RegExp =>
        new RegExp(`^pch: --schema must be a path or URL on one line; it holds ${what} at character ${at}\\n$`)
      failsQuickly(
        ['init', 'harbour', '--schema', 'x\napiVersion: pch/v2', '--yes', '--today', TODAY],
        refused('a line break \\(U\\+000A\\)', 2),
      )
      failsQuickly(
        ['init', 'harbour', '--schema', 'x\u001b]0;owned\u0007', '--yes', '--today', TODAY],
        refused('a control character \\(U\\+001B\\)', 2),
      )
      failsQuickly(['init', 'harbour', '--schema', 'a\u2028b', '--yes', '--today', TODAY], refused('a line break \\(U\\+2028\\)', 2))
      expect(readdirSync(temp.path)).toEqual([])
      const r = cli(['init', 'harbour', '--schema', 'schemas/$&.json', '--yes', '--today', TODAY], {cwd: temp.path})
      expect([r.status, r.stderr]).toEqual([0, ''])
      expect(readFileSync(path.join(temp.path, 'harbour.pch.yaml'), 'utf8').split('\n')[0]).toBe(
        '# yaml-language-server: $schema=schemas/$&.json',
      )
    },
  },
  {
    input: 'a malformed request to `pch lsp --stdio` (no `textDocument`, no `range`, an unknown method)',
    outcome:
      'an LSP error response (-32602 invalid params, -32601 method not found); the server goes on answering, and exits 0 after shutdown',
    exit: 0,
    async run() {
      const file = temp.write('riverside.pch.yaml', base)
      const lsp = await startLsp(temp.path)
      lsp.open(file, base)
      await lsp.diagnosticsOf(file)
      await expect(lsp.connection.sendRequest('textDocument/hover', {position: {line: 0, character: 0}})).rejects.toMatchObject({
        code: -32602,
        message: 'pch: the request names no textDocument.uri',
      })
      await expect(lsp.connection.sendRequest('textDocument/codeAction', {textDocument: {uri: uri(file)}})).rejects.toMatchObject({
        code: -32602,
        message: 'pch: codeAction needs a range',
      })
      await expect(lsp.connection.sendRequest('pch/no-such-method', {})).rejects.toMatchObject({code: -32601})
      expect(
        await lsp.connection.sendRequest('textDocument/hover', {textDocument: {uri: uri(file)}, position: {line: 0, character: 0}}),
      ).toBeNull()
      expect(await stopLsp(lsp)).toBe(0)
    },
  },
  {
    input: 'a glob that matches nothing',
    outcome: '"pch: No files match the pattern sites/*.pch.yaml", one line',
    exit: 2,
    run() {
      mkdirSync(path.join(temp.path, 'sites'))
      expectOneLineFailure(
        cli(['validate', 'sites/*.pch.yaml'], {cwd: temp.path}),
        /^pch: No files match the pattern sites\/\*\.pch\.yaml$/m,
      )
    },
  },
  {
    input: 'control characters in a file or site name (ESC `]0;title` BEL, ESC `[2J`, NEL U+0085) and a line break',
    outcome:
      "shown as C-style escapes (`\\x1b]0;title\\x07`, `\\u0085`, `\\n`) by `stylish`, `junit`, the report's `table`, `markdown`, `csv` and `html`, pch's own failure lines and `sync-list-sizes`; a finding stays one line",
    exit: 0,
    run() {
      const file = `a\n${TERMINAL}.pch.yaml`
      temp.write(file, base)
      const shown = 'a\\n\\x1b]0;title\\x07\\x1b[2J\\u0085.pch.yaml'
      const stylish = cli(['lint', file, '--today', TODAY], {cwd: temp.path})
      expect([stylish.status, stylish.stdout.split('\n').slice(0, 2)]).toEqual([
        0,
        [shown, `  5:7  warning  File ${shown} holds site "riverside": name it riverside.pch.yaml  metadata/file-name`],
      ])
      expect(cli(['lint', file, '-f', 'junit', '--today', TODAY], {cwd: temp.path}).stdout).toContain(
        `<testsuite name="a&#10;\\x1b]0;title\\x07\\x1b[2J\\u0085.pch.yaml"`,
      )
      temp.write('broken.pch.yaml', `# ${TERMINAL}\na: [\n`)
      temp.write(file, edit(base, ['name: Riverside Primary Care Home', `name: "Riverside ${TERMINAL}"`]))
      const csv = cli(['report', file, '-f', 'csv', '--today', TODAY], {cwd: temp.path}).stdout
      expect(csv.split('\r\n')[1]).toMatch(/^riverside,Riverside \\x1b\]0;title\\x07\\x1b\[2J\\u0085,live,"a\n\\x1b/)
      for (const format of ['table', 'markdown', 'csv', 'html'])
        expect(cli(['report', '.', '-f', format, '--today', TODAY], {cwd: temp.path}).stdout).not.toMatch(CONTROL)
      expectOneLineFailure(
        cli(['validate', `missing${TERMINAL}\n.pch.yaml`], {cwd: temp.path}),
        /^pch: Path not found: missing\\x1b\]0;title\\x07\\x1b\[2J\\u0085\\n\.pch\.yaml\n$/,
      )
      temp.write(
        'extract.csv',
        extract([
          ['A81001', '100'],
          ['A81002', '11980'],
          ['A81004', '9870'],
        ]),
      )
      const sync = cli(['sync-list-sizes', '--from', 'extract.csv', '--check', file], {cwd: temp.path})
      const lines = sync.stdout.split('\n')
      expect([
        sync.status,
        lines.filter((line) => line.startsWith(`  ${shown} riverside: `)).length,
        lines.filter((line) => line === `stale: ${shown}`).length,
      ]).toEqual([1, 1, 1])
      expect(sync.stdout).not.toMatch(CONTROL)
    },
  },
  {
    input: 'a file name that forges a GitHub annotation (a line break, then `::error file=x::forged`)',
    outcome:
      '`github` writes one annotation per finding: the line break is `%0A`, `:` and `,` in properties `%3A` and `%2C`, controls are shown as escapes',
    exit: 0,
    run() {
      const file = `a\n::error file=x::forged${TERMINAL}.pch.yaml`
      temp.write(file, base)
      const r = cli(['lint', file, '-f', 'github', '--today', TODAY], {cwd: temp.path})
      expect([r.status, r.stderr]).toEqual([0, ''])
      expect(r.stdout).toBe(
        '::warning file=a%0A%3A%3Aerror file=x%3A%3Aforged\\x1b]0;title\\x07\\x1b[2J\\u0085.pch.yaml,line=5,col=7,endLine=5,endColumn=16,title=metadata/file-name::' +
          'File a%0A::error file=x::forged\\x1b]0;title\\x07\\x1b[2J\\u0085.pch.yaml holds site "riverside": name it riverside.pch.yaml\n',
      )
    },
  },
  {
    input: 'markup in a site name (`<script>`, `<img src=x onerror=alert(1)>`, `*`, `_`, `[`, `#`, `@`)',
    outcome:
      '`markdown` writes HTML as entities (`&lt;script&gt;`) and markdown specials with a backslash; `html` writes entities; no tag of the name reaches either page',
    exit: 0,
    run() {
      temp.write(
        'riverside.pch.yaml',
        edit(base, [
          'name: Riverside Primary Care Home',
          `name: "# <script>alert(1)</script> <img src=x onerror=alert(1)> *a* _b_ [c](d) @e"`,
        ]),
      )
      const markdown = cli(['report', '.', '-f', 'markdown', '--today', TODAY], {cwd: temp.path}).stdout
      expect(markdown).toContain(
        '| riverside | \\# &lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt; \\*a\\* \\_b\\_ \\[c\\](d) \\@e | live |',
      )
      const html = cli(['report', '.', '-f', 'html', '--today', TODAY], {cwd: temp.path}).stdout
      expect(html).toContain('# &lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt; *a* _b_ [c](d) @e')
      for (const page of [markdown, html]) expect(page).not.toMatch(/<script|<img/)
    },
  },
  {
    input: 'a spreadsheet formula as a site name (`=HYPERLINK("http://x")`, `+cmd`, `@SUM(1+1)`, `-2+3`)',
    outcome:
      '`csv` writes the cell with a leading `\'` (`\'=HYPERLINK(""http://x"")`), as OWASP advises; figures pch computed are numbers, written as they are',
    exit: 0,
    run() {
      const formulas = ['=HYPERLINK("http://x")', "+cmd|' /C calc'!A0", '@SUM(1+1)', '-2+3', '\t=1']
      formulas.forEach((name, i) =>
        temp.write(
          `s${i}.pch.yaml`,
          edit(base, ['id: riverside ', `id: s${i} `], ['name: Riverside Primary Care Home', `name: ${JSON.stringify(name)}`]).replace(
            /A8100(\d)/g,
            `${'BCDEF'[i]}8100$1`,
          ),
        ),
      )
      const r = cli(['report', '.', '-f', 'csv', '--today', TODAY], {cwd: temp.path})
      expect([r.status, r.stderr]).toEqual([0, ''])
      expect(
        r.stdout
          .split('\r\n')
          .slice(1, -1)
          .map((row) => row.split(',live,')[0]),
      ).toEqual([`s0,"'=HYPERLINK(""http://x"")"`, "s1,'+cmd|' /C calc'!A0", "s2,'@SUM(1+1)", "s3,'-2+3", "s4,'\t=1"])
      expect(r.stdout.split('\r\n')[1]).toContain(',3,36100,yes,acute community-health mental-health social-care voluntary,5776000,160,')
    },
  },
  {
    input:
      'a `--baseline` that is not a SARIF 2.1.0 log of pch (not JSON, `"version": "2.0.0"`, a log of another tool, a pch log without fingerprints)',
    outcome:
      '"pch: --baseline FILE ..." saying what it is instead (not JSON, not SARIF 2.1.0, a log of ESLint, without pch fingerprints), one line, before any file is checked',
    exit: 2,
    run() {
      temp.write('site.pch.yaml', base)
      const refused = (content: string, why: string): void => {
        temp.write('previous.sarif', content)
        failsQuickly(
          ['lint', 'site.pch.yaml', '-f', 'sarif', '--baseline', 'previous.sarif'],
          new RegExp(`^pch: --baseline previous\\.sarif ${why}\\n$`),
        )
      }
      refused('not json', 'is not a SARIF log: it is not JSON')
      refused('{"version": "2.0.0", "runs": []}', 'is not SARIF 2\\.1\\.0: its version is "2\\.0\\.0"')
      refused(
        '{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "ESLint"}}}]}',
        'is a SARIF log of "ESLint", not of pch: its results cannot be matched',
      )
      refused(
        '{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "pch"}}, "results": [{}]}]}',
        'has no pch fingerprints in result 1 .*',
      )
    },
  },
  {
    input: 'a suppressions file that is not one (not JSON, `{"count": 0}`, a compliance rule in it)',
    outcome: '"pch: Invalid suppressions file pch-suppressions.json: ...", one line naming the fault; nothing is written',
    exit: 2,
    run() {
      temp.write('site.pch.yaml', base)
      const refused = (content: string, why: string): void => {
        temp.write('pch-suppressions.json', content)
        failsQuickly(
          ['lint', 'site.pch.yaml', '--today', TODAY, '--prune-suppressions'],
          new RegExp(`^pch: Invalid suppressions file pch-suppressions\\.json: ${why}\\n$`),
        )
        expect(readFileSync(path.join(temp.path, 'pch-suppressions.json'), 'utf8')).toBe(content)
      }
      refused('{"site.pch.yaml": ', 'not JSON; .*')
      refused(
        '{"site.pch.yaml": {"care/wider-determinants": {"count": 0}}}',
        '"site\\.pch\\.yaml" › care/wider-determinants: expected \\{"count": N\\}, N a whole number of 1 or more',
      )
      refused(
        '{"site.pch.yaml": {"population/size-band": {"count": 1}}}',
        '"site\\.pch\\.yaml": population/size-band is a compliance rule: it cannot be suppressed; .*',
      )
    },
  },
  {
    input: 'a baseline, a suppressions file or a previous report that never ends (an endless pipe)',
    outcome:
      '"pch: FILE is more than the limit of 268,435,456 bytes (the limit for baselines, suppressions and previous reports)", one line, within seconds; nothing is written',
    exit: 2,
    run() {
      temp.write('site.pch.yaml', base)
      const tooLarge = (name: string): RegExp =>
        new RegExp(
          `^pch: ${name} is more than the limit of 268,435,456 bytes \\(the limit for baselines, suppressions and previous reports\\); it was not read beyond it\\n$`,
        )
      failsQuickly(['lint', 'site.pch.yaml', '-f', 'sarif', '--baseline', endlessPipe('baseline-fifo')], tooLarge('baseline-fifo'))
      failsQuickly(
        ['lint', 'site.pch.yaml', '--suppress-all', '--suppressions-location', endlessPipe('suppressions-fifo')],
        tooLarge('suppressions-fifo'),
      )
      failsQuickly(['report', 'site.pch.yaml', '--today', TODAY, '--compare', endlessPipe('report-fifo')], tooLarge('report-fifo'))
    },
  },
  {
    input:
      "a `report --compare` previous report that is not one of this format version (markdown, lint's JSON, a report of an older pch or of version 2)",
    outcome:
      '"pch: --compare FILE is a pch report of format version 2; this pch compares with version 1 only" (or what it is instead), one line, before any definition is read; nothing is written',
    exit: 2,
    run() {
      temp.write('site.pch.yaml', base)
      const refused = (content: string, why: string): void => {
        temp.write('previous.json', content)
        failsQuickly(
          ['report', 'site.pch.yaml', '--today', TODAY, '-o', 'report.md', '--compare', 'previous.json'],
          new RegExp(`^pch: --compare previous\\.json ${why}\\n$`),
        )
        expect(existsSync(path.join(temp.path, 'report.md'))).toBe(false)
      }
      refused('# Primary Care Home compliance report\n', 'is not a pch report: it is not JSON .*')
      refused('[]', 'is not a pch report .*')
      refused('{"generatedOn": "2026-10-01", "programme": {}, "sites": []}', 'is a pch report without a format version .*')
      refused('{"format": "pch-report", "version": 2}', 'is a pch report of format version 2; this pch compares with version 1 only')
    },
  },
]

describe('hostile and odd input: each gives its documented outcome and exit code, never a stack trace', () => {
  for (const row of catalogue) {
    it.skipIf(row.root && !isRoot)(
      `${row.input} -> exit ${row.exit}${row.root ? ' (needs root: mknod, chown; skipped otherwise)' : ''}`,
      () => row.run(),
    )
  }

  it('README.md lists exactly these rows', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8')
    const table = readme.split('<!-- hostile-inputs -->')[1]!.split('\n\n')[0]!.trim().split('\n').slice(2)
    expect(table).toEqual(catalogue.map((row) => `| ${row.input} | ${row.outcome} | ${row.exit} |`))
  })
})

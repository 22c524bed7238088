// End-to-end: text from a definition that would act on a terminal, a page, a spreadsheet or a CI
// log (ESC sequences, BEL, C1, a line break that forges an annotation, HTML, formulas) comes out
// of the built binary in every format as what it is, never as what it would do. Exact bytes: the
// whole output of the check formats, the lines and cells that hold the hostile text in the report.
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {cli, edit, riverside, TODAY, useTempDir} from '../helpers.js'

const temp = useTempDir('pch-neutralise-', 'all')

/** A terminal's title (OSC 0 ... BEL), a clear screen (CSI 2J) and NEL, the C1 line break. */
const TERMINAL = '\u001b]0;pwned\u0007\u001b[2J\u0085'
const MARKUP = '<script>alert(1)</script> <img src=x onerror=alert(1)>'
/** A file name that would forge a GitHub annotation and set the terminal's title. */
const FORGING_FILE = `a\n::error file=x::forged${TERMINAL}<img src=x onerror=alert(1)>.pch.yaml`

/** Any control character but tab, LF and CR (which some formats hold), or ESC, BEL, C1 anywhere. */

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/

/** The riverside example as site `id` named `name`, with its own practice codes (`letter` for A). */
function site(id: string, name: string, letter: string): string {
  return edit(
    riverside(),
    ['id: riverside  ', `id: ${id}  `],
    ['name: Riverside Primary Care Home', `name: ${JSON.stringify(name)}`],
  ).replace(/A8100(\d)/g, `${letter}8100$1`)
}

/** `pch ARGS` in the directory `dir` of the temp directory (each describe has its own). */
const run = (dir: string, args: string[]): ReturnType<typeof cli> => cli([...args, '--today', TODAY], {cwd: path.join(temp.path, dir)})

/** Writes `content` to `dir/name` in the temp directory. */
function write(dir: string, name: string, content: string): void {
  mkdirSync(path.join(temp.path, dir), {recursive: true})
  writeFileSync(path.join(temp.path, dir, name), content)
}

describe('check formats: a file name with controls, a line break and markup', () => {
  beforeAll(() => write('check', FORGING_FILE, riverside()))
  const lint = (...args: string[]): ReturnType<typeof cli> => run('check', ['lint', FORGING_FILE, ...args])

  /** The file name as each format shows it. */
  const shown = {
    terminal: 'a\\n::error file=x::forged\\x1b]0;pwned\\x07\\x1b[2J\\u0085<img src=x onerror=alert(1)>.pch.yaml',
    github: 'a%0A%3A%3Aerror file=x%3A%3Aforged\\x1b]0;pwned\\x07\\x1b[2J\\u0085<img src=x onerror=alert(1)>.pch.yaml',
    githubData: 'a%0A::error file=x::forged\\x1b]0;pwned\\x07\\x1b[2J\\u0085<img src=x onerror=alert(1)>.pch.yaml',
    xml: 'a&#10;::error file=x::forged\\x1b]0;pwned\\x07\\x1b[2J\\u0085&lt;img src=x onerror=alert(1)&gt;.pch.yaml',
  }

  it('stylish shows each control character as an escape, on one line per finding', () => {
    const r = lint()
    expect([r.status, r.stderr]).toEqual([0, ''])
    const message = `File ${shown.terminal} holds site "riverside": name it riverside.pch.yaml`
    expect(r.stdout).toBe(`${shown.terminal}\n  5:7  warning  ${message}  metadata/file-name\n\n✖ 1 problem (0 errors, 1 warning)\n`)
    expect(r.stdout).not.toMatch(CONTROL)
  })

  it('github writes one annotation: the line break is %0A, : and , in properties are encoded, controls shown', () => {
    const r = lint('-f', 'github')
    expect([r.status, r.stderr]).toEqual([0, ''])
    expect(r.stdout).toBe(
      `::warning file=${shown.github},line=5,col=7,endLine=5,endColumn=16,title=metadata/file-name::File ${shown.githubData} holds site "riverside": name it riverside.pch.yaml\n`,
    )
    expect(r.stdout).not.toMatch(CONTROL)
  })

  it('junit holds the controls as escapes, markup as entities, the line break as a reference', () => {
    const r = lint('-f', 'junit')
    expect([r.status, r.stderr]).toEqual([0, ''])
    expect(r.stdout).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="pch" tests="1" failures="0" errors="0">',
        `  <testsuite name="${shown.xml}" tests="1" failures="0" errors="0" skipped="0">`,
        `    <testcase classname="${shown.xml}" name="${shown.xml}">`,
        `      <system-out>${shown.xml}:5:7 warning File ${shown.xml} holds site &quot;riverside&quot;: name it riverside.pch.yaml (metadata/file-name)</system-out>`,
        '    </testcase>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    )
  })

  it('json and sarif are unchanged: JSON escapes C0 itself, and the name reads back exactly', () => {
    const r = lint('-f', 'json')
    expect(r.stdout).toContain(JSON.stringify(FORGING_FILE))
    expect((JSON.parse(r.stdout) as Array<{filePath: string}>)[0]!.filePath).toBe(FORGING_FILE)

    for (const format of ['json', 'sarif']) expect(lint('-f', format).stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/)
  })
})

describe('pch report: hostile site names', () => {
  const NAMES = {
    riverside: `Riverside ${TERMINAL} ${MARKUP}`,
    hyperlink: '=HYPERLINK("http://x")',
    calc: "+cmd|' /C calc'!A0",
    sum: '@SUM(1+1)',
    minus: '-2+3+cmd|"/C calc"!A0',
    forged: 'Line one\n| forged | row |',
  } as const
  /** A definition that cannot be read, in a file whose name holds controls and a line break. */
  const BROKEN = `broken\n${TERMINAL}.pch.yaml`
  beforeAll(() => {
    Object.entries(NAMES).forEach(([id, name], i) => write('report', `${id}.pch.yaml`, site(id, name, 'BCDEFG'[i]!)))
    write('report', BROKEN, 'a: [\n')
  })
  const report = (format: string): ReturnType<typeof cli> => run('report', ['report', '.', '-f', format])

  it('table shows the controls of a file name as escapes, on its one line', () => {
    const r = report('table')
    expect([r.status, r.stderr]).toEqual([0, ''])
    expect(r.stdout).not.toMatch(CONTROL)
    // The table names sites by id; file names reach it as the place of a definition it cannot read.
    const unreadable = r.stdout.split('\n').slice(r.stdout.split('\n').indexOf('1 definition could not be read:') + 1)[0]
    expect(unreadable).toBe('  broken\\n\\x1b]0;pwned\\x07\\x1b[2J\\u0085.pch.yaml:2:1 YAML syntax error: Flow sequence in block coll…')
  })

  it('markdown escapes HTML and markup, shows controls, keeps each row one row', () => {
    const r = report('markdown')
    expect([r.status, r.stderr]).toEqual([0, ''])
    const row = (id: string): string | undefined => r.stdout.split('\n').find((line) => line.startsWith(`| ${id} |`))
    const rest =
      ' | live | 3 | 36,100 | acute, community-health, mental-health, social-care, voluntary | £5,776,000 | £160 | gain-and-loss | 2 | ✔ met | ✔ met | ✔ met | ✔ met | 2026-10-01 |'
    expect(row('riverside')).toBe(
      `| riverside | Riverside \\\\x1b\\]0;pwned\\\\x07\\\\x1b\\[2J\\\\u0085 &lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;${rest}`,
    )
    expect(row('hyperlink')).toBe(`| hyperlink | \\=HYPERLINK("http://x")${rest}`)
    expect(row('calc')).toBe(`| calc | \\+cmd\\|' /C calc'!A0${rest}`)
    expect(row('sum')).toBe(`| sum | \\@SUM(1+1)${rest}`)
    expect(row('minus')).toBe(`| minus | \\-2+3+cmd\\|"/C calc"!A0${rest}`)
    expect(row('forged')).toBe(`| forged | Line one \\| forged \\| row \\|${rest}`)
    expect(r.stdout).toContain('\n- broken \\\\x1b\\]0;pwned\\\\x07\\\\x1b\\[2J\\\\u0085.pch.yaml:2:1: YAML syntax error: ')
    expect(r.stdout).not.toMatch(/<script|<img/)
    expect(r.stdout).not.toMatch(CONTROL)
  })

  it('csv neutralises cells that begin with =, +, - or @ and shows controls', () => {
    const r = report('csv')
    expect([r.status, r.stderr]).toEqual([0, ''])
    const lines = r.stdout.split('\r\n')
    const nameColumn = lines[0]!.split(',').indexOf('name')
    expect(nameColumn).toBe(1)
    // The id and name cells, exactly as written (the rest of each row is ordinary text).
    const start = (id: string): string => lines.find((line) => line.startsWith(`${id},`))!.split(',live,')[0]!
    expect(start('riverside')).toBe(
      'riverside,Riverside \\x1b]0;pwned\\x07\\x1b[2J\\u0085 <script>alert(1)</script> <img src=x onerror=alert(1)>',
    )
    expect(start('hyperlink')).toBe(`hyperlink,"'=HYPERLINK(""http://x"")"`)
    expect(start('calc')).toBe("calc,'+cmd|' /C calc'!A0")
    expect(start('sum')).toBe("sum,'@SUM(1+1)")
    expect(start('minus')).toBe(`minus,"'-2+3+cmd|""/C calc""!A0"`)
    // Figures pch computed are numbers, written as they are.
    expect(lines.find((line) => line.startsWith('minus,'))).toMatch(/,3,36100,yes,.*,5776000,160,gain-and-loss,2,/)
    // A line break inside a quoted cell is RFC 4180 text, not a new record.
    expect(r.stdout).toContain('forged,"Line one\n| forged | row |",live,')
    expect(r.stdout).not.toMatch(CONTROL)
  })

  it('html escapes markup and shows controls', () => {
    const r = report('html')
    expect([r.status, r.stderr]).toEqual([0, ''])
    expect(r.stdout).toContain(
      'Riverside \\x1b]0;pwned\\x07\\x1b[2J\\u0085 &lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;',
    )
    expect(r.stdout).not.toMatch(/<script|<img/)
    expect(r.stdout).not.toMatch(CONTROL)
  })
})

describe("pch's own lines: a failure that names a path, an unknown command, sync-list-sizes", () => {
  it('a missing path with controls and a line break is one line, the controls shown', () => {
    const r = run('.', ['validate', `missing\n${TERMINAL}.pch.yaml`])
    expect([r.status, r.stdout, r.stderr]).toEqual([2, '', 'pch: Path not found: missing\\n\\x1b]0;pwned\\x07\\x1b[2J\\u0085.pch.yaml\n'])
  })

  it("a bad flag value with controls (oclif's message) is one line, the controls shown", () => {
    const r = run('.', ['validate', '.', '--format', `x${TERMINAL}`])
    expect([r.status, r.stdout, r.stderr]).toEqual([
      2,
      '',
      'pch: Expected --format=x\\x1b]0;pwned\\x07\\x1b[2J\\u0085 to be one of: stylish, json, junit, sarif, github (see pch validate --help)\n',
    ])
  })

  it('an unknown command with controls is one line, the controls shown', () => {
    const r = cli([`vali${TERMINAL}date`])
    expect([r.status, r.stdout, r.stderr]).toEqual([
      2,
      '',
      'pch: Unknown command "vali\\x1b]0;pwned\\x07\\x1b[2J\\u0085date"; did you mean "validate"? (see pch --help)\n',
    ])
  })

  it('sync-list-sizes prints a file name with controls as escapes', () => {
    write('sync', FORGING_FILE, riverside().replace('asOf: 2026-10-01', 'asOf: 2026-01-01'))
    write(
      'sync',
      'extract.csv',
      'PUBLICATION,EXTRACT_DATE,TYPE,CCG_CODE,ONS_CCG_CODE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS\n' +
        ['A81001,14250', 'A81002,11980', 'A81004,9000']
          .map((row) => `GP_PRAC_PAT_LIST,2026-04-01,GP,00L,E38000130,${row.replace(',', ',NE1 1AA,ALL,ALL,')}\n`)
          .join(''),
    )
    const r = cli(['sync-list-sizes', '--from', 'extract.csv', '--check', FORGING_FILE], {cwd: path.join(temp.path, 'sync')})
    expect([r.status, r.stderr]).toEqual([1, ''])
    const file = 'a\\n::error file=x::forged\\x1b]0;pwned\\x07\\x1b[2J\\u0085<img src=x onerror=alert(1)>.pch.yaml'
    // The lines that name the file, exactly (what sync-list-sizes says of each site may grow).
    expect(r.stdout.split('\n').filter((line) => line.includes('pch.yaml'))).toEqual([
      `  ${file} riverside: registered population 36,100 -> 35,230 (1 list size changed)`,
      `stale: ${file}`,
    ])
    expect(r.stdout).not.toMatch(CONTROL)
    expect(readFileSync(path.join(temp.path, 'sync', FORGING_FILE), 'utf8')).toBe(
      riverside().replace('asOf: 2026-10-01', 'asOf: 2026-01-01'),
    )
  })
})

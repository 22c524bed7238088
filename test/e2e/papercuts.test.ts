// The papercuts of issue 17 through the built binary: each is what a person meets at the command line.
import {readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {cli, edit, expectOneLineFailure, lineOf, riverside, TODAY, useTempDir} from '../helpers.js'

const temp = useTempDir('pch-papercuts-')
const base = riverside()
/** Riverside with one practice of 36,100: one warning (population/single-practice) for lint, none for validate. */
const single = edit(base, [
  /practices:[\s\S]*?(?=  workforce:)/,
  'practices:\n      - odsCode: A81001\n        name: Riverside Surgery\n        listSize: 36100\n',
])

describe('--max-warnings and what the summary says', () => {
  it('validate takes --max-warnings (a common flag of cli.md); it reports no warnings', () => {
    temp.write('riverside.pch.yaml', single)
    expect(cli(['validate', '--max-warnings', '0', '--today', TODAY], {cwd: temp.path})).toEqual({
      status: 0,
      stdout: '✔ No problems in 1 file (1 definition)\n',
      stderr: '',
    })
  })

  it('lint --quiet --max-warnings 0 with a warning: the summary says why it exits 1', () => {
    temp.write('riverside.pch.yaml', single)
    expect(cli(['lint', '--quiet', '--max-warnings', '0', '--today', TODAY], {cwd: temp.path})).toEqual({
      status: 1,
      stdout:
        '✔ No errors in 1 file (1 definition); 1 warning not shown (--quiet)\n✖ Too many warnings: 1, more than --max-warnings 0 allows (exit 1)\n',
      stderr: '',
    })
  })

  it('lint --max-warnings 0 with a warning: the closing lines say so; within the limit, nothing more', () => {
    temp.write('riverside.pch.yaml', single)
    const over = cli(['lint', '--max-warnings', '0', '--today', TODAY], {cwd: temp.path})
    expect(over.status).toBe(1)
    expect(over.stdout).toMatch(
      /\n✖ 1 problem \(0 errors, 1 warning\)\n✖ Too many warnings: 1, more than --max-warnings 0 allows \(exit 1\)\n$/,
    )
    const within = cli(['lint', '--max-warnings', '1', '--today', TODAY], {cwd: temp.path})
    expect(within.status).toBe(0)
    expect(within.stdout).toMatch(/\n✖ 1 problem \(0 errors, 1 warning\)\n$/)
  })
})

describe('reports', () => {
  it('a report that cannot be written does not cost the others of the run', () => {
    temp.write('riverside.pch.yaml', base)
    const r = cli(['validate', '-f', 'junit', '-o', 'riverside.pch.yaml/x.xml', '-f', 'json', '-o', 'out.json', '--today', TODAY], {
      cwd: temp.path,
    })
    expectOneLineFailure(r, /^pch: Cannot write riverside\.pch\.yaml\/x\.xml: /)
    expect(JSON.parse(readFileSync(path.join(temp.path, 'out.json'), 'utf8'))).toHaveLength(1)
  })
})

describe('pch help COMMAND', () => {
  it('prints what COMMAND --help prints', () => {
    const help = cli(['help', 'validate'])
    expect(help.status).toBe(0)
    expect(help.stdout).toContain('--max-warnings')
    expect(help).toEqual(cli(['validate', '--help']))
  })

  it('an unknown command is one line with the nearest one', () => {
    expectOneLineFailure(cli(['help', 'valdiate']), /^pch: Unknown command "valdiate"; did you mean "validate"\? \(see pch --help\)\n$/)
  })
})

describe('did you mean, for rule ids', () => {
  it.each([
    ['size-band', 'population/size-band'],
    ['population/size-bnad', 'population/size-band'],
    ['budget/capitaton-mismatch', 'budget/capitation-mismatch'],
  ])('pch rules %s', (id, guess) => {
    expectOneLineFailure(cli(['rules', id]), new RegExp(`^pch: Unknown rule "${id}"; did you mean "${guess}"\\? \\(see pch rules\\)\\n$`))
  })

  it('in the config', () => {
    temp.write('riverside.pch.yaml', base)
    temp.write('.pchrc.yaml', 'rules:\n  single-practice: off\n')
    expectOneLineFailure(
      cli(['lint', '--today', TODAY], {cwd: temp.path}),
      /^pch: Invalid config \.pchrc\.yaml:2:3: unknown rule "single-practice"; did you mean "population\/single-practice"\?\n$/,
    )
  })

  it('in a directive', () => {
    const code = edit(single, ['    practices:', '    # pch-disable-next-line population/singel-practice -- merger\n    practices:'])
    temp.write('riverside.pch.yaml', code)
    const r = cli(['lint', '--format', 'json', '--today', TODAY], {cwd: temp.path})
    const messages = (JSON.parse(r.stdout) as Array<{messages: Array<{ruleId: string; message: string; line: number}>}>)[0]!.messages
    expect(messages.filter((m) => m.ruleId === 'lint/disable-directive').map((m) => [m.line, m.message])).toEqual([
      [
        lineOf(code, 'pch-disable'),
        'pch-disable-next-line names an unknown rule "population/singel-practice"; did you mean "population/single-practice"?',
      ],
    ])
  })
})

describe('lint/unused-disable-directive', () => {
  it('a directive that silences nothing is a warning of lint, not of validate', () => {
    const code = edit(base, ['    practices:', '    # pch-disable-next-line population/single-practice -- merger\n    practices:'])
    temp.write('riverside.pch.yaml', code)
    const line = lineOf(code, 'pch-disable')
    const lint = cli(['lint', '--today', TODAY], {cwd: temp.path})
    expect(lint).toEqual({
      status: 0,
      stdout:
        'riverside.pch.yaml\n' +
        `  ${line}:5  warning  pch-disable-next-line population/single-practice silences nothing: population/single-practice does not fire on the next line  lint/unused-disable-directive\n\n` +
        '✖ 1 problem (0 errors, 1 warning)\n',
      stderr: '',
    })
    expect(cli(['validate', '--today', TODAY], {cwd: temp.path}).status).toBe(0)
    writeFileSync(path.join(temp.path, '.pchrc.yaml'), 'rules:\n  lint/unused-disable-directive: off\n')
    expect(cli(['lint', '--today', TODAY], {cwd: temp.path}).stdout).toBe('✔ No problems in 1 file (1 definition)\n')
  })
})

describe('plurals', () => {
  it('"1 list size changed" in sync-list-sizes', () => {
    temp.write('riverside.pch.yaml', edit(base, ['asOf: 2026-10-01', 'asOf: 2026-01-01']))
    temp.write(
      'extract.csv',
      'PUBLICATION,EXTRACT_DATE,TYPE,SUB_ICB_LOCATION_CODE,ONS_SUB_ICB_LOCATION_CODE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS\nGP_PRAC_PAT_LIST,2026-04-01,GP,00L,E38000130,A81001,TS18 1HU,ALL,ALL,14300\n',
    )
    const r = cli(['sync-list-sizes', '--from', 'extract.csv'], {cwd: temp.path})
    expect(r.stdout).toContain(
      'List sizes as of 2026-04-01 (1 practice in extract.csv):\n  riverside.pch.yaml riverside: registered population 36,100 -> 36,150 (1 list size changed)\n',
    )
    expect(r.stdout).toContain('\nUpdated 1 file.\n')
  })

  it('"1 definition could not be read" in the report', () => {
    temp.write('riverside.pch.yaml', base)
    temp.write('broken.pch.yaml', 'spec: [\n')
    expect(cli(['report', '--format', 'table', '--today', TODAY], {cwd: temp.path}).stdout).toContain('\n1 definition could not be read:\n')
    expect(cli(['report', '--format', 'markdown', '--today', TODAY], {cwd: temp.path}).stdout).toContain(
      '; 1 definition could not be read.\n',
    )
  })
})

import {execFileSync, spawn} from 'node:child_process'
import {mkdirSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {finishRun, inspectSource, planRun, run} from '../../src/engine/pipeline/run.js'
import {cli, edit, lineOf, messages, riverside, short, tempDir, TODAY} from '../helpers.js'
import type {Message} from '../../src/rule-api/types.js'
import {ruleTable, type InvalidCase, type ValidCase} from '../rule-tester.js'

// Repo scope: riverside (A81001, A81002, A81004) and harbour, which shares A81001 and nothing else.
const base = riverside()
const harbour = edit(base, ['id: riverside ', 'id: harbour '], ['name: Riverside Primary Care Home', 'name: Harbour Primary Care Home'])
  .replaceAll('A81002', 'A83002')
  .replaceAll('A81004', 'A83004')
/** Harbour with none of riverside's practices. */
const elsewhere = harbour.replaceAll('A81001', 'A83001')

/** Several definitions in one text, separated by `---`. */
const docs = (...texts: string[]): string => texts.join('---\n')
const offset = base.split('\n').length // the "---" line: the second document starts just after it
/** The line in a two-document text of the second document's `line`. */
const second = (line: number): number => offset + line

const a81001 = lineOf(base, 'odsCode: A81001')
const a81002 = lineOf(base, 'odsCode: A81002')
const a81004 = lineOf(base, 'odsCode: A81004')
const siteId = lineOf(base, 'id: riverside ')

/** A lint case (these are lint rules). */
const lint = <T extends ValidCase | InvalidCase>(cases: T[]): T[] => cases.map((c) => ({mode: 'lint', ...c}))

const withException = (text: string): string =>
  edit(text, [
    'exceptions: []',
    'exceptions:\n    - rule: population/practice-in-multiple-sites\n      reason: Riverside Surgery moves to Harbour in April\n' +
      '      approvedBy: North Riverside ICB primary care committee\n      approvedOn: 2026-03-12',
  ])

const flowPractices = '    practices: [{odsCode: A83001, name: A, listSize: 18050}, {odsCode: A81001, name: B, listSize: 18050}]'
const flowHarbour = edit(harbour, [/    practices:[\s\S]*?(?=  workforce:)/, `${flowPractices}\n`]).replace(
  'employer: A81001',
  'employer: A83001',
)

ruleTable('population/practice-in-multiple-sites', {
  valid: lint([
    {name: 'riverside alone', code: base},
    {name: 'two sites with no practice in common', code: docs(base, elsewhere)},
    {
      name: 'a practice twice in one definition is duplicate-practice, not this rule',
      code: edit(base, ['odsCode: A81004', 'odsCode: A81001']),
    },
    {name: 'a practice code the schema rejects claims nothing', code: docs(base, edit(harbour, ['odsCode: A81001 ', 'odsCode: A8100 ']))},
    {name: 'a document that does not parse claims nothing', code: docs(base, edit(harbour, ['  id: harbour ', '  id: [harbour ']))},
  ]),
  invalid: lint([
    {
      name: 'validate reports it too (a compliance rule of characteristic 4)',
      code: docs(base, harbour),
      mode: 'validate',
      errors: [
        {
          at: `population/practice-in-multiple-sites@${a81001}:18-${a81001}:24`,
          message: 'Practice A81001 is also a member of site "harbour" (<stdin>:132)',
        },
        {
          at: `population/practice-in-multiple-sites@${second(a81001)}:18-${second(a81001)}:24`,
          message: 'Practice A81001 is also a member of site "riverside" (<stdin>:21)',
        },
      ],
    },
    {
      name: 'two sites share A81001: both places, at the code',
      code: docs(base, harbour),
      errors: [
        {
          at: `population/practice-in-multiple-sites@${a81001}:18-${a81001}:24`,
          message: 'Practice A81001 is also a member of site "harbour" (<stdin>:132)',
        },
        {
          at: `population/practice-in-multiple-sites@${second(a81001)}:18-${second(a81001)}:24`,
          message: 'Practice A81001 is also a member of site "riverside" (<stdin>:21)',
        },
      ],
    },
    {
      name: 'three sites share A81001: every place',
      code: docs(base, harbour, edit(harbour, ['id: harbour ', 'id: meadow ']).replaceAll('A8300', 'A8400')),
      errors: [
        {
          at: `population/practice-in-multiple-sites@${a81001}:18-${a81001}:24`,
          message: 'Practice A81001 is also a member of site "harbour" (<stdin>:132); site "meadow" (<stdin>:243)',
        },
        {
          at: `population/practice-in-multiple-sites@${second(a81001)}:18-${second(a81001)}:24`,
          message: 'Practice A81001 is also a member of site "riverside" (<stdin>:21); site "meadow" (<stdin>:243)',
        },
        {
          at: `population/practice-in-multiple-sites@${2 * offset + a81001}:18-${2 * offset + a81001}:24`,
          message: 'Practice A81001 is also a member of site "riverside" (<stdin>:21); site "harbour" (<stdin>:132)',
        },
      ],
    },
    {
      name: 'one definition twice: every practice and the id, in both documents',
      code: docs(base, base),
      errors: [
        `metadata/duplicate-id@${siteId}:7`,
        {
          at: `population/practice-in-multiple-sites@${a81001}:18-${a81001}:24`,
          message: 'Practice A81001 is also a member of site "riverside" (<stdin>:132)',
        },
        {
          at: `population/practice-in-multiple-sites@${a81002}:18-${a81002}:24`,
          message: 'Practice A81002 is also a member of site "riverside" (<stdin>:135)',
        },
        {
          at: `population/practice-in-multiple-sites@${a81004}:18-${a81004}:24`,
          message: 'Practice A81004 is also a member of site "riverside" (<stdin>:138)',
        },
        `metadata/duplicate-id@${second(siteId)}:7`,
        {
          at: `population/practice-in-multiple-sites@${second(a81001)}:18-${second(a81001)}:24`,
          message: 'Practice A81001 is also a member of site "riverside" (<stdin>:21)',
        },
        {
          at: `population/practice-in-multiple-sites@${second(a81002)}:18-${second(a81002)}:24`,
          message: 'Practice A81002 is also a member of site "riverside" (<stdin>:24)',
        },
        {
          at: `population/practice-in-multiple-sites@${second(a81004)}:18-${second(a81004)}:24`,
          message: 'Practice A81004 is also a member of site "riverside" (<stdin>:27)',
        },
      ],
    },
    {
      name: 'a lower-case code: format/ods-code, and compared as the fixed A81001',
      code: docs(base, harbour.replace('odsCode: A81001 ', 'odsCode: a81001 ')),
      errors: [
        {
          at: `population/practice-in-multiple-sites@${a81001}:18-${a81001}:24`,
          message: 'Practice A81001 is also a member of site "harbour" (<stdin>:132)',
        },
        `format/ods-code@${second(a81001)}:18`,
        {
          at: `population/practice-in-multiple-sites@${second(a81001)}:18-${second(a81001)}:24`,
          message: 'Practice A81001 is also a member of site "riverside" (<stdin>:21)',
        },
      ],
    },
    {
      name: 'a flow-style list: at the code on the one line',
      code: docs(base, flowHarbour),
      errors: [
        {
          at: `population/practice-in-multiple-sites@${a81001}:18-${a81001}:24`,
          message: 'Practice A81001 is also a member of site "harbour" (<stdin>:131)',
        },
        {
          at: `population/practice-in-multiple-sites@${second(lineOf(base, 'practices:'))}:${1 + flowPractices.indexOf('A81001')}-${second(lineOf(base, 'practices:'))}:78`,
          message: 'Practice A81001 is also a member of site "riverside" (<stdin>:21)',
        },
      ],
    },
    {
      name: 'a practice twice in one site and once in another: duplicate-practice there, and one claim per site',
      code: docs(edit(base, ['odsCode: A81004', 'odsCode: A81001']), harbour),
      errors: [
        {
          at: `population/practice-in-multiple-sites@${a81001}:18-${a81001}:24`,
          message: 'Practice A81001 is also a member of site "harbour" (<stdin>:132)',
        },
        `population/duplicate-practice@${a81004}:18`,
        {
          at: `population/practice-in-multiple-sites@${second(a81001)}:18-${second(a81001)}:24`,
          message: 'Practice A81001 is also a member of site "riverside" (<stdin>:21)',
        },
      ],
    },
  ]),
})

describe('population/practice-in-multiple-sites in one text of several documents', () => {
  it('reports both places, each naming the other site and line, with its documentIndex', () => {
    expect(messages(docs(base, harbour), 'lint')).toEqual([
      {
        ruleId: 'population/practice-in-multiple-sites',
        severity: 'error',
        message: `Practice A81001 is also a member of site "harbour" (<text>:${second(a81001)})`,
        line: a81001,
        column: 18,
        endLine: a81001,
        endColumn: 24,
        path: '/spec/population/practices/0/odsCode',
        characteristic: 4,
        fixable: false,
        documentIndex: 0,
      },
      {
        ruleId: 'population/practice-in-multiple-sites',
        severity: 'error',
        message: `Practice A81001 is also a member of site "riverside" (<text>:${a81001})`,
        line: second(a81001),
        column: 18,
        endLine: second(a81001),
        endColumn: 24,
        path: '/spec/population/practices/0/odsCode',
        characteristic: 4,
        fixable: false,
        documentIndex: 1,
      },
    ])
  })

  it('names every other site when three share a practice', () => {
    const meadow = edit(harbour, ['id: harbour ', 'id: meadow ']).replaceAll('A8300', 'A8400')
    expect(messages(docs(base, harbour, meadow), 'lint').map((m) => [m.documentIndex, m.message])).toEqual([
      [0, `Practice A81001 is also a member of site "harbour" (<text>:${second(a81001)}); site "meadow" (<text>:${2 * offset + a81001})`],
      [1, `Practice A81001 is also a member of site "riverside" (<text>:${a81001}); site "meadow" (<text>:${2 * offset + a81001})`],
      [2, `Practice A81001 is also a member of site "riverside" (<text>:${a81001}); site "harbour" (<text>:${second(a81001)})`],
    ])
  })

  it('an approved exception (a compliance rule) makes the finding info and excepted in that definition only', () => {
    const text = docs(base, withException(harbour))
    const line = offset + lineOf(withException(harbour), 'odsCode: A81001')
    expect(messages(text, 'lint').map((m) => [short(m), m.documentIndex, m.severity, m.excepted])).toEqual([
      [`population/practice-in-multiple-sites@${a81001}:18`, 0, 'error', undefined],
      [`population/practice-in-multiple-sites@${line}:18`, 1, 'info', true],
    ])
  })

  it('an exception for it is not judged unused in a run of one definition (the other site is not in view)', () => {
    expect(messages(withException(base), 'lint')).toEqual([])
  })

  it('an exception for it is unused when the run holds other sites and none shares a practice', () => {
    const text = docs(withException(base), elsewhere)
    expect(messages(text, 'lint').map((m) => [short(m), m.severity, m.message])).toEqual([
      [
        `metadata/unused-exception@${lineOf(text, 'rule: population/practice-in-multiple-sites')}:13`,
        'warning',
        'The exception for population/practice-in-multiple-sites is not needed: the rule does not fire in this definition',
      ],
    ])
  })

  it('validate reports two sites sharing a practice as lint does', () => {
    expect(messages(docs(base, harbour), 'validate')).toEqual(messages(docs(base, harbour), 'lint'))
  })
})

describe('population/practice-in-multiple-sites across files', () => {
  /** A temporary repository with these files; returns its directory. */
  const repo = (files: Record<string, string>): string => {
    const dir = tempDir('pch-sites-')
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), {recursive: true})
      writeFileSync(path.join(dir, name), text)
    }
    return dir
  }

  const summary = (cwd: string, mode: 'lint' | 'validate', paths: string[] = ['sites']) =>
    run({mode, today: TODAY, paths, cwd}).results.map((r) => ({
      filePath: r.filePath,
      errorCount: r.errorCount,
      messages: r.messages.map((m) => ({
        ruleId: m.ruleId,
        line: m.line,
        column: m.column,
        severity: m.severity,
        excepted: m.excepted,
        message: m.message,
      })),
    }))

  it('reports the practice in both files, each naming the other file, site and line', () => {
    const cwd = repo({'sites/riverside.pch.yaml': base, 'sites/harbour.pch.yaml': harbour})
    const finding = (message: string) => ({
      ruleId: 'population/practice-in-multiple-sites',
      line: a81001,
      column: 18,
      severity: 'error',
      excepted: undefined,
      message,
    })
    expect(summary(cwd, 'lint')).toEqual([
      {
        filePath: 'sites/harbour.pch.yaml',
        errorCount: 1,
        messages: [finding(`Practice A81001 is also a member of site "riverside" (sites/riverside.pch.yaml:${a81001})`)],
      },
      {
        filePath: 'sites/riverside.pch.yaml',
        errorCount: 1,
        messages: [finding(`Practice A81001 is also a member of site "harbour" (sites/harbour.pch.yaml:${a81001})`)],
      },
    ])
  })

  it('the same when the files are named one by one (in the order given)', () => {
    const cwd = repo({'sites/riverside.pch.yaml': base, 'sites/harbour.pch.yaml': harbour})
    const found = run({mode: 'lint', today: TODAY, paths: ['sites/riverside.pch.yaml', 'sites/harbour.pch.yaml'], cwd}).results
    expect(found.map((r) => [r.filePath, r.messages.map(short)])).toEqual([
      ['sites/riverside.pch.yaml', [`population/practice-in-multiple-sites@${a81001}:18`]],
      ['sites/harbour.pch.yaml', [`population/practice-in-multiple-sites@${a81001}:18`]],
    ])
  })

  // Phase 2 reads a sharing file again to place its claims: a file changed or gone in between costs
  // that file its finding, never the run.
  it.each([
    {change: 'no longer shares the practice', act: (file: string) => writeFileSync(file, elsewhere)},
    {change: 'is deleted', act: (file: string) => rmSync(file)},
    {change: 'is no longer text', act: (file: string) => writeFileSync(file, Buffer.from([0xff, 0xfe, 0]))},
  ])('a file that $change between phase 1 and phase 2: no finding, and the run completes', ({act}) => {
    const cwd = repo({'sites/riverside.pch.yaml': base, 'sites/harbour.pch.yaml': harbour})
    const plan = planRun({mode: 'lint', today: TODAY, paths: ['sites'], cwd})
    const inspected = plan.sources.map((source) => inspectSource(plan, source))
    act(path.join(cwd, 'sites/harbour.pch.yaml'))
    expect(finishRun(plan, inspected).results.map((r) => [r.filePath, r.messages.map(short)])).toEqual([
      ['sites/harbour.pch.yaml', []],
      ['sites/riverside.pch.yaml', []],
    ])
  })

  it('a FIFO that shares a practice: phase 2 places its claim from the text phase 1 read (it cannot be read twice)', () => {
    const cwd = repo({'sites/riverside.pch.yaml': base, 'harbour.txt': harbour})
    execFileSync('mkfifo', [path.join(cwd, 'harbour.pch.yaml')])
    const writer = spawn('sh', ['-c', 'cat harbour.txt > harbour.pch.yaml'], {cwd})
    // The built binary, under a time limit: reading the FIFO a second time would wait for ever.
    const r = cli(['lint', 'sites/riverside.pch.yaml', 'harbour.pch.yaml', '--today', TODAY, '-f', 'json'], {cwd})
    writer.kill()
    expect([r.status, r.stderr]).toEqual([1, ''])
    const found = JSON.parse(r.stdout) as Array<{filePath: string; messages: Message[]}>
    expect(found.map((f) => [f.filePath, f.messages.map(short)])).toEqual([
      ['sites/riverside.pch.yaml', [`population/practice-in-multiple-sites@${a81001}:18`]],
      ['harbour.pch.yaml', [`population/practice-in-multiple-sites@${a81001}:18`]],
    ])
  })

  it('files with no practice in common are clean', () => {
    const cwd = repo({'sites/riverside.pch.yaml': base, 'sites/harbour.pch.yaml': elsewhere})
    expect(summary(cwd, 'lint')).toEqual([
      {filePath: 'sites/harbour.pch.yaml', errorCount: 0, messages: []},
      {filePath: 'sites/riverside.pch.yaml', errorCount: 0, messages: []},
    ])
  })

  it('an approved exception in one file makes its finding info, excepted; the other file keeps its error', () => {
    const excepted = withException(harbour)
    const line = lineOf(excepted, 'odsCode: A81001')
    const cwd = repo({'sites/riverside.pch.yaml': base, 'sites/harbour.pch.yaml': excepted})
    expect(summary(cwd, 'lint')).toEqual([
      {
        filePath: 'sites/harbour.pch.yaml',
        errorCount: 0,
        messages: [
          {
            ruleId: 'population/practice-in-multiple-sites',
            line,
            column: 18,
            severity: 'info',
            excepted: true,
            message: `Practice A81001 is also a member of site "riverside" (sites/riverside.pch.yaml:${a81001})`,
          },
        ],
      },
      {
        filePath: 'sites/riverside.pch.yaml',
        errorCount: 1,
        messages: [
          {
            ruleId: 'population/practice-in-multiple-sites',
            line: a81001,
            column: 18,
            severity: 'error',
            excepted: undefined,
            message: `Practice A81001 is also a member of site "harbour" (sites/harbour.pch.yaml:${line})`,
          },
        ],
      },
    ])
  })

  it('validate reports it across files as lint does', () => {
    const cwd = repo({'sites/riverside.pch.yaml': base, 'sites/harbour.pch.yaml': harbour})
    expect(summary(cwd, 'validate')).toEqual(summary(cwd, 'lint'))
    expect(summary(cwd, 'validate').map((r) => r.errorCount)).toEqual([1, 1])
  })
})

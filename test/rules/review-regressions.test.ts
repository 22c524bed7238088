// Regression tests for the faults a code review found (each fails on the code before the fix):
// fix edits through aliases, block scalars and ambiguous plain text; cascades on a missing
// population; unresolved aliases; directives after block scalars; files reached twice; standard
// input read as bytes (a byte-order mark dropped); unused exceptions under schema errors; directive document indexes; the
// stylish formatter on very many findings; directory ignore patterns.
import {symlinkSync} from 'node:fs'
import path from 'node:path'
import {Chalk} from 'chalk'
import {describe, expect, it} from 'vitest'
import {parseAllDocuments} from 'yaml'
import {applyEdits} from '../../src/engine/pipeline/fix.js'
import {run} from '../../src/engine/pipeline/run.js'
import type {FileResult, Message} from '../../src/rule-api/types.js'
import stylish from '../../src/formatters/stylish.js'
import {edit, findings, lineOf, messages, riverside, short, TODAY, useTempDir} from '../helpers.js'

const base = riverside()
const temp = useTempDir('pch-review-')
const write = temp.write

/** Lint `paths` in `temp.path`, keeping fix edits. */
const lintRun = (paths: string[], extra: Partial<Parameters<typeof run>[0]> = {}): ReturnType<typeof run> =>
  run({mode: 'lint', today: TODAY, paths, cwd: temp.path, collect: {fixes: true}, ...extra})

const yamlErrors = (text: string): string[] =>
  parseAllDocuments(text).flatMap((doc) => ('errors' in doc ? doc.errors.map((e) => e.code) : []))

// Practices 2 and 3 of riverside become one anchored flow mapping and an alias of it.
const bridge = edit(
  base,
  [/      - odsCode: A81002\n[\s\S]*?listSize: 11980\n/, '      - &bridge {odsCode: A81002, name: X, listSize: "11,980"}\n'],
  [/      - odsCode: A81004\n[\s\S]*?listSize: 9870\n/, '      - *bridge\n'],
)

describe('fix edits (1, 2, 6)', () => {
  it('1: a value reached through an alias gets one edit, at its anchor; the fixed text stays valid YAML', () => {
    write('riverside.pch.yaml', bridge)
    const {fixes} = lintRun(['.'])
    expect(fixes).toHaveLength(1)
    expect(fixes[0]!.edits).toHaveLength(1)
    const fixed = applyEdits(fixes[0]!.text, fixes[0]!.edits)
    expect(fixed).toBe(edit(bridge, ['listSize: "11,980"}', 'listSize: 11980}']))
    expect(yamlErrors(fixed)).toEqual([])
  })

  it('1: applyEdits drops an edit that repeats or overlaps an earlier one', () => {
    const text = 'a: "11,980"\n'
    const start = text.indexOf('"')
    const end = text.indexOf('\n')
    const once = {start, end, text: '11980'}
    expect(applyEdits(text, [once, {...once}])).toBe('a: 11980\n')
    expect(applyEdits(text, [once, {start: start + 1, end, text: 'x'}])).toBe('a: 11980\n')
  })

  it('2: a block scalar gets no edit (its finding stays)', () => {
    const text = edit(base, ['odsCode: A81002', 'odsCode: >-\n          a81002'])
    write('riverside.pch.yaml', text)
    const {fixes, results} = lintRun(['.'])
    expect(fixes).toEqual([])
    expect(results[0]!.messages.map(short)).toEqual([`format/ods-code@${lineOf(text, 'odsCode: >-')}:18`])
  })

  it('6: an ODS code whose plain text YAML would read as a number is written in double quotes', () => {
    const text = edit(base, ['        sector: voluntary\n', '        sector: voluntary\n        odsCode: 1 23\n'])
    write('riverside.pch.yaml', text)
    const {fixes} = lintRun(['.'])
    expect(fixes).toHaveLength(1)
    const fixed = applyEdits(fixes[0]!.text, fixes[0]!.edits)
    expect(fixed).toBe(edit(text, ['odsCode: 1 23', 'odsCode: "123"']))
    expect(findings(fixed, 'lint')).toEqual([])
  })
})

describe('7: no cascades from a missing population or an empty practice list', () => {
  const noPopulation = edit(base, [/  population:[\s\S]*?(?=  workforce:)/, ''])
  const noPractices = edit(base, [/    practices:[\s\S]*?(?=  workforce:)/, '    practices: []\n'])

  it.each(['validate', 'lint'] as const)('spec.population missing: only the schema finding (%s)', (mode) => {
    expect(messages(noPopulation, mode).map((m) => [m.ruleId, m.message])).toEqual([
      ['schema', 'spec is missing the required key "population"'],
    ])
  })

  it.each(['validate', 'lint'] as const)('practices: []: population/size-band only (%s)', (mode) => {
    expect(findings(noPractices, mode)).toEqual([`population/size-band@${lineOf(noPractices, 'practices: []')}:16`])
  })
})

describe('8: an alias that names no anchor', () => {
  it('is one yaml/syntax finding at the alias', () => {
    const text = edit(base, ['name: Riverside Surgery', 'name: *nope'])
    const line = lineOf(text, 'name: *nope')
    expect(messages(text, 'lint')).toMatchObject([
      {
        ruleId: 'yaml/syntax',
        message: 'A YAML alias (*name) refers to no anchor (&name) defined before it',
        line,
        column: 15,
        endLine: line,
        endColumn: 20,
      },
    ])
  })
})

describe('9: a directive on the line after a block scalar', () => {
  // One practice of 36,100: population/single-practice (a warning) and nothing else.
  const single = edit(base, [/      - odsCode: A81002[\s\S]*?listSize: 9870\n/, ''], ['listSize: 14250', 'listSize: 36100'])
  const afterBlock = edit(single, [
    /    source: NHS Digital.*\n    practices:/,
    '    source: |\n      NHS Digital\n    # pch-disable-next-line population/single-practice -- a merger\n    practices:',
  ])

  it('the case is real: without the directive, single-practice fires', () => {
    expect(findings(single, 'lint')).toEqual([`population/single-practice@${lineOf(single, 'practices:')}:5`])
  })

  it.each([
    ['LF', afterBlock],
    ['CRLF', afterBlock.replace(/\n/g, '\r\n')],
  ])('silences the finding (%s)', (_name, text) => {
    expect(findings(text, 'lint')).toEqual([])
  })
})

describe('10: a file reached twice is checked once', () => {
  it('lint sites current, with current a link to sites: one file, no repo findings', () => {
    write('sites/riverside.pch.yaml', base)
    symlinkSync('sites', path.join(temp.path, 'current'))
    for (const paths of [
      ['sites', 'current'],
      ['sites/riverside.pch.yaml', 'current/riverside.pch.yaml'],
    ]) {
      const {results} = lintRun(paths)
      expect(results.map((r) => [r.filePath, r.messages.map(short)])).toEqual([['sites/riverside.pch.yaml', []]])
    }
    // The walk of "." meets current/ first (names are sorted), then sites/: the same file.
    expect(lintRun(['.']).results.map((r) => [r.filePath, r.messages.map(short)])).toEqual([['current/riverside.pch.yaml', []]])
  })

  it('standard input given twice is a usage error', () => {
    expect(() => lintRun(['-', '-'], {stdin: Buffer.from(base)})).toThrow('Standard input (-) can be given only once')
  })
})

describe('11: standard input is read as bytes, like a file', () => {
  // An error at a known place: apiVersion pch/v2.
  const text = edit(base, [/^# yaml.*\n/, ''], ['apiVersion: pch/v1', 'apiVersion: pch/v2'])

  const positions = (results: FileResult[]): string[] =>
    results.flatMap((r) => r.messages.map((m) => `${short(m)}-${m.endLine}:${m.endColumn} ${m.message}`))

  it.each([
    ['bytes', Buffer.from(`\uFEFF${text}`)],
    ['text', `\uFEFF${text}`],
  ])('a byte-order mark: the same line:column as the file (stdin as %s)', (_name, stdin) => {
    write('riverside.pch.yaml', `\uFEFF${text}`)
    const fromFile = positions(lintRun(['riverside.pch.yaml']).results)
    const fromStdin = positions(lintRun(['-'], {stdin, stdinFilename: 'riverside.pch.yaml'}).results)
    expect(fromFile).toEqual(['schema/api-version@1:13-1:19 apiVersion "pch/v2" is not supported; supported: pch/v1'])
    expect(fromStdin).toEqual(fromFile)
  })
})

describe('12: an exception is not unused while the schema rejects the values its rule needs', () => {
  it('listSize: lots elsewhere: the schema finding, not metadata/unused-exception', () => {
    const small = edit(
      base,
      ['listSize: 14250', 'listSize: 4250'],
      ['total: 5776000', 'total: 4176000'],
      ['amount: 5276000', 'amount: 3676000'],
      [
        '  exceptions: []',
        '  exceptions:\n    - rule: population/size-band\n      reason: Rural\n      approvedBy: ICB\n      approvedOn: 2026-03-12',
      ],
    )
    // The exception is used while the list sizes are numbers.
    expect(messages(small, 'lint').map((m) => [m.ruleId, m.severity])).toEqual([['population/size-band', 'info']])
    const lots = edit(small, ['listSize: 11980', 'listSize: lots'])
    const ruleIds = messages(lots, 'lint').map((m) => m.ruleId)
    expect(ruleIds).toContain('schema')
    expect(ruleIds).not.toContain('metadata/unused-exception')
  })
})

describe('14: a directive finding in a later document', () => {
  it("carries that document's index", () => {
    const first = edit(base, [/^# yaml.*\n/, ''])
    const second = edit(
      first.replace(/A8100/g, 'B8100'),
      ['id: riverside ', 'id: other     '],
      ['    practices:', '    # pch-disable-next-line nope/rule\n    practices:'],
    )
    const text = `${first}---\n${second}`
    const directive = messages(text, 'lint').filter((m) => m.ruleId === 'lint/disable-directive')
    expect(directive).toHaveLength(1)
    expect(directive[0]).toMatchObject({line: lineOf(text, '# pch-disable-next-line nope/rule'), documentIndex: 1})
  })
})

describe('16: the stylish formatter on very many findings', () => {
  it('formats 200,000 findings without overflowing the stack', () => {
    const message: Message = {
      ruleId: 'format/number',
      severity: 'error',
      message: 'listSize "11,980" is written as text; write it as the plain number 11980',
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 2,
      path: '/spec/population/practices/0/listSize',
      characteristic: null,
      fixable: true,
    }
    const count = 200_000
    const result: FileResult = {
      filePath: 'big.pch.yaml',
      documents: 1,
      errorCount: count,
      warningCount: 0,
      messages: Array.from({length: count}, (_, i) => ({...message, line: i + 1})),
    }
    const text = stylish([result], {color: new Chalk({level: 0}), rules: [], version: '0.0.0'})
    expect(typeof text).toBe('string')
    expect(text.endsWith('✖ 200,000 problems (200,000 errors, 0 warnings)\n')).toBe(true)
  })
})

describe('18: .pchrc.yaml ignore patterns that name a directory', () => {
  it.each(['archive', 'archive/', '/archive/**'])('%s skips files under archive/ in a directory walk', (pattern) => {
    write('.pchrc.yaml', `ignore: [${JSON.stringify(pattern)}]\n`)
    write('sites/riverside.pch.yaml', base)
    write('archive/riverside.pch.yaml', base)
    write('archive/old/riverside.pch.yaml', base)
    const {results} = lintRun(['.'])
    expect(results.map((r) => [r.filePath, r.messages.map(short)])).toEqual([['sites/riverside.pch.yaml', []]])
  })
})

import {mkdirSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import type {ConfiguredSeverity} from '../../src/engine/config/config.js'
import {checkText, run} from '../../src/engine/pipeline/run.js'
import {edit, lineOf, messages, riverside, short, tempDir, TODAY} from '../helpers.js'
import {ruleTable, type InvalidCase, type ValidCase} from '../rule-tester.js'

// Repo scope: riverside and "east", a second site with its own practices (A820xx) that reuses the id riverside.
const base = riverside()
const east = edit(base, ['name: Riverside Primary Care Home', 'name: Riverside East Primary Care Home']).replaceAll('A810', 'A820')
const renamed = (text: string, id: string): string => edit(text, ['id: riverside ', `id: ${id} `])

/** Several definitions in one text, separated by `---`. */
const docs = (...texts: string[]): string => texts.join('---\n')
const offset = base.split('\n').length // the "---" line: the second document starts just after it
/** The line in a two-document text of the second document's `line`. */
const second = (line: number): number => offset + line
const siteId = lineOf(base, 'id: riverside ')

/** A lint case (these are lint rules). */
const lint = <T extends ValidCase | InvalidCase>(cases: T[]): T[] => cases.map((c) => ({mode: 'lint', ...c}))

ruleTable('metadata/duplicate-id', {
  valid: lint([
    {name: 'riverside alone', code: base},
    {name: 'two sites with their own ids', code: docs(base, renamed(east, 'riverside-east'))},
    {name: 'ids that differ only by a suffix', code: docs(base, renamed(east, 'riverside-2'))},
    {name: 'an id the schema rejects claims nothing', code: docs(base, renamed(east, 'Riverside'))},
    {name: 'an id that is not text claims nothing', code: docs(base, renamed(east, '42'))},
    {name: 'validate does not run repo-scope rules', code: docs(base, east), mode: 'validate'},
  ]),
  invalid: lint([
    {
      name: 'two definitions share an id: both places, at the id value',
      code: docs(base, east),
      errors: [
        {at: `metadata/duplicate-id@${siteId}:7-${siteId}:16`, message: 'Site id "riverside" is also used by <stdin>:116'},
        {at: `metadata/duplicate-id@${second(siteId)}:7-${second(siteId)}:16`, message: 'Site id "riverside" is also used by <stdin>:5'},
      ],
    },
    {
      name: 'three definitions share an id: every place',
      code: docs(base, east, east.replaceAll('A820', 'A830')),
      errors: [
        {at: `metadata/duplicate-id@${siteId}:7-${siteId}:16`, message: 'Site id "riverside" is also used by <stdin>:116; <stdin>:227'},
        {
          at: `metadata/duplicate-id@${second(siteId)}:7-${second(siteId)}:16`,
          message: 'Site id "riverside" is also used by <stdin>:5; <stdin>:227',
        },
        {
          at: `metadata/duplicate-id@${2 * offset + siteId}:7-${2 * offset + siteId}:16`,
          message: 'Site id "riverside" is also used by <stdin>:5; <stdin>:116',
        },
      ],
    },
    {
      name: 'a quoted id is the same id',
      code: docs(base, renamed(east, '"riverside"')),
      errors: [
        {at: `metadata/duplicate-id@${siteId}:7-${siteId}:16`, message: 'Site id "riverside" is also used by <stdin>:116'},
        {at: `metadata/duplicate-id@${second(siteId)}:7-${second(siteId)}:18`, message: 'Site id "riverside" is also used by <stdin>:5'},
      ],
    },
    {
      name: 'an id that is not a slug: schema there, and the others still collide',
      code: docs(base, renamed(east, 'Riverside'), east.replaceAll('A820', 'A830')),
      errors: [
        {at: `metadata/duplicate-id@${siteId}:7-${siteId}:16`, message: 'Site id "riverside" is also used by <stdin>:227'},
        `schema@${second(siteId)}:7`,
        {
          at: `metadata/duplicate-id@${2 * offset + siteId}:7-${2 * offset + siteId}:16`,
          message: 'Site id "riverside" is also used by <stdin>:5',
        },
      ],
    },
  ]),
})

describe('metadata/duplicate-id in one text of several documents', () => {
  it('reports both places, each naming the other line, with its documentIndex', () => {
    expect(messages(docs(base, east), 'lint')).toEqual([
      {
        ruleId: 'metadata/duplicate-id',
        severity: 'error',
        message: `Site id "riverside" is also used by <text>:${second(siteId)}`,
        line: siteId,
        column: 7,
        endLine: siteId,
        endColumn: 16,
        path: '/metadata/id',
        characteristic: null,
        fixable: false,
        documentIndex: 0,
      },
      {
        ruleId: 'metadata/duplicate-id',
        severity: 'error',
        message: `Site id "riverside" is also used by <text>:${siteId}`,
        line: second(siteId),
        column: 7,
        endLine: second(siteId),
        endColumn: 16,
        path: '/metadata/id',
        characteristic: null,
        fixable: false,
        documentIndex: 1,
      },
    ])
  })

  it('names at most three other places, then how many more', () => {
    const text = docs(base, ...['A820', 'A830', 'A840', 'A850'].map((prefix) => east.replaceAll('A820', prefix)))
    const place = (i: number): string => `<text>:${i * offset + siteId}`
    expect(messages(text, 'lint').map((m) => m.message)).toEqual([
      `Site id "riverside" is also used by ${place(1)}; ${place(2)}; ${place(3)} and 1 more`,
      `Site id "riverside" is also used by ${place(0)}; ${place(2)}; ${place(3)} and 1 more`,
      `Site id "riverside" is also used by ${place(0)}; ${place(1)}; ${place(3)} and 1 more`,
      `Site id "riverside" is also used by ${place(0)}; ${place(1)}; ${place(2)} and 1 more`,
      `Site id "riverside" is also used by ${place(0)}; ${place(1)}; ${place(2)} and 1 more`,
    ])
  })

  const config = (severity: ConfiguredSeverity) => ({
    dir: '/',
    rules: new Map([['metadata/duplicate-id', {severity, options: {}}]]),
    ignore: [],
  })

  it('config can make it a warning, or turn it off', () => {
    const lintWith = (severity: ConfiguredSeverity) =>
      checkText(docs(base, east), {mode: 'lint', today: TODAY, config: config(severity)}).messages
    expect(lintWith('warning').map((m) => [short(m), m.severity])).toEqual([
      [`metadata/duplicate-id@${siteId}:7`, 'warning'],
      [`metadata/duplicate-id@${second(siteId)}:7`, 'warning'],
    ])
    expect(lintWith('off')).toEqual([])
  })

  it('a pch-disable-next-line comment silences it at one place only', () => {
    const text = docs(
      edit(base, [
        '  id: riverside ',
        '  # pch-disable-next-line metadata/duplicate-id -- the east site is being renamed\n  id: riverside ',
      ]),
      east,
    )
    expect(messages(text, 'lint').map((m) => [short(m), m.message])).toEqual([
      [`metadata/duplicate-id@${offset + 1 + siteId}:7`, `Site id "riverside" is also used by <text>:${siteId + 1}`],
    ])
  })
})

describe('metadata/duplicate-id across files', () => {
  const repo = (files: Record<string, string>): string => {
    const dir = tempDir('pch-ids-')
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), {recursive: true})
      writeFileSync(path.join(dir, name), text)
    }
    return dir
  }

  const summary = (cwd: string, mode: 'lint' | 'validate') =>
    run({mode, today: TODAY, paths: ['sites'], cwd}).results.map((r) => ({
      filePath: r.filePath,
      messages: r.messages.map((m) => ({ruleId: m.ruleId, line: m.line, column: m.column, severity: m.severity, message: m.message})),
    }))

  it('reports the id in both files, each naming the other file and line (and the misnamed file)', () => {
    const cwd = repo({'sites/riverside.pch.yaml': base, 'sites/riverside-east.pch.yaml': east})
    expect(summary(cwd, 'lint')).toEqual([
      {
        filePath: 'sites/riverside-east.pch.yaml',
        messages: [
          {
            ruleId: 'metadata/duplicate-id',
            line: siteId,
            column: 7,
            severity: 'error',
            message: `Site id "riverside" is also used by sites/riverside.pch.yaml:${siteId}`,
          },
          {
            ruleId: 'metadata/file-name',
            line: siteId,
            column: 7,
            severity: 'warning',
            message: 'File riverside-east.pch.yaml holds site "riverside": name it riverside.pch.yaml',
          },
        ],
      },
      {
        filePath: 'sites/riverside.pch.yaml',
        messages: [
          {
            ruleId: 'metadata/duplicate-id',
            line: siteId,
            column: 7,
            severity: 'error',
            message: `Site id "riverside" is also used by sites/riverside-east.pch.yaml:${siteId}`,
          },
        ],
      },
    ])
  })

  it('a file of two documents and a file of one: every place, naming file and line', () => {
    const cwd = repo({
      'sites/both.pch.yaml': docs(renamed(base, 'harbour').replaceAll('A810', 'A830'), east),
      'sites/riverside.pch.yaml': base,
    })
    expect(
      run({mode: 'lint', today: TODAY, paths: ['sites'], cwd}).results.map((r) => [
        r.filePath,
        r.messages.map((m) => [short(m), m.documentIndex, m.message]),
      ]),
    ).toEqual([
      [
        'sites/both.pch.yaml',
        [[`metadata/duplicate-id@${second(siteId)}:7`, 1, `Site id "riverside" is also used by sites/riverside.pch.yaml:${siteId}`]],
      ],
      [
        'sites/riverside.pch.yaml',
        [[`metadata/duplicate-id@${siteId}:7`, undefined, `Site id "riverside" is also used by sites/both.pch.yaml:${second(siteId)}`]],
      ],
    ])
  })

  it('files with their own ids are clean', () => {
    const cwd = repo({'sites/riverside.pch.yaml': base, 'sites/riverside-east.pch.yaml': renamed(east, 'riverside-east')})
    expect(summary(cwd, 'lint')).toEqual([
      {filePath: 'sites/riverside-east.pch.yaml', messages: []},
      {filePath: 'sites/riverside.pch.yaml', messages: []},
    ])
  })

  it('validate does not report it', () => {
    const cwd = repo({'sites/riverside.pch.yaml': base, 'sites/riverside-east.pch.yaml': east})
    expect(summary(cwd, 'validate')).toEqual([
      {filePath: 'sites/riverside-east.pch.yaml', messages: []},
      {filePath: 'sites/riverside.pch.yaml', messages: []},
    ])
  })
})

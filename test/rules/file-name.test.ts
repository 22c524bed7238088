import {mkdirSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import type {ConfiguredSeverity} from '../../src/engine/config/config.js'
import {checkText, run} from '../../src/engine/pipeline/run.js'
import type {Mode} from '../../src/rule-api/types.js'
import {edit, findings, lineOf, riverside, short, tempDir, TODAY} from '../helpers.js'

// metadata/file-name needs a file name, which findings() does not pass: these tables call checkText with one.
const base = riverside()
const siteId = lineOf(base, 'id: riverside ')
const renamed = (id: string): string => edit(base, ['id: riverside ', `id: ${id} `])

interface Case {
  name: string
  code: string
  /** The file name as shown; undefined for unnamed standard input. */
  fileName: string | undefined
  mode?: Mode
  errors?: string[]
}

const check = (c: Case) =>
  checkText(c.code, {mode: c.mode ?? 'lint', today: TODAY, ...(c.fileName === undefined ? {} : {fileName: c.fileName})}).messages

/** The same table shape as ruleTable, with a file name per case. */
function fileNameTable(table: {valid: Case[]; invalid: Case[]}): void {
  describe('metadata/file-name', () => {
    it.each(table.valid.map((c) => [c.name, c] as const))('valid: %s', (_name, c) => {
      expect(
        check(c)
          .map(short)
          .filter((f) => f.startsWith('metadata/file-name@')),
      ).toEqual([])
    })
    it.each(table.invalid.map((c) => [c.name, c] as const))('invalid: %s', (_name, c) => {
      expect(check(c).map(short)).toEqual(c.errors)
    })
  })
}

const east = edit(base, ['id: riverside ', 'id: riverside-east ']).replaceAll('A810', 'A820')

fileNameTable({
  valid: [
    {name: 'riverside in sites/riverside.pch.yaml', code: base, fileName: 'sites/riverside.pch.yaml'},
    {name: '.pch.yml is accepted', code: base, fileName: 'sites/riverside.pch.yml'},
    {name: 'no directory', code: base, fileName: 'riverside.pch.yaml'},
    {name: 'a directory of another name', code: base, fileName: 'archive/harbour/riverside.pch.yaml'},
    {name: 'unnamed standard input: no file name to judge', code: base, fileName: undefined},
    {name: 'two definitions in one file are exempt', code: `${base}---\n${east}`, fileName: 'sites/sites.pch.yaml'},
    {name: "an id the schema rejects is the schema's to report", code: renamed('Riverside'), fileName: 'sites/Riverside.pch.yaml'},
    {name: 'validate does not run it (not a compliance rule)', code: base, fileName: 'sites/riverside-pch.pch.yaml', mode: 'validate'},
  ],
  invalid: [
    {
      name: 'a suffix in the name: at the id value',
      code: base,
      fileName: 'sites/riverside-pch.pch.yaml',
      errors: [`metadata/file-name@${siteId}:7`],
    },
    {name: "another site's name", code: base, fileName: 'sites/harbour.pch.yaml', errors: [`metadata/file-name@${siteId}:7`]},
    {name: 'without .pch', code: base, fileName: 'sites/riverside.yaml', errors: [`metadata/file-name@${siteId}:7`]},
    {
      name: 'capitals: names are compared exactly',
      code: base,
      fileName: 'sites/Riverside.pch.yaml',
      errors: [`metadata/file-name@${siteId}:7`],
    },
    {
      name: 'the id renamed, the file not',
      code: renamed('riverside-north'),
      fileName: 'sites/riverside.pch.yaml',
      errors: [`metadata/file-name@${siteId}:7`],
    },
    {
      name: 'a trailing --- adds no document: still one definition',
      code: `${base}---\n`,
      fileName: 'sites/riverside-pch.pch.yaml',
      errors: [`metadata/file-name@${siteId}:7`],
    },
    {
      name: 'an id the schema rejects: schema only',
      code: renamed('Riverside'),
      fileName: 'sites/Riverside.pch.yaml',
      errors: [`schema@${siteId}:7`],
    },
    {name: 'an id that is not text: schema only', code: renamed('42'), fileName: 'sites/42.pch.yaml', errors: [`schema@${siteId}:7`]},
  ],
})

describe('metadata/file-name message, config and directives', () => {
  it('names the file (without its directory) and the name it should have', () => {
    expect(checkText(base, {mode: 'lint', today: TODAY, fileName: 'sites/riverside-pch.pch.yaml'}).messages).toEqual([
      {
        ruleId: 'metadata/file-name',
        severity: 'warning',
        message: 'File riverside-pch.pch.yaml holds site "riverside": name it riverside.pch.yaml',
        line: siteId,
        column: 7,
        endLine: siteId,
        endColumn: 16,
        path: '/metadata/id',
        characteristic: null,
        fixable: false,
      },
    ])
  })

  it('findings() passes no file name, so riverside is silent there', () => {
    expect(findings(base, 'lint')).toEqual([])
  })

  const lintWith = (severity: ConfiguredSeverity) =>
    checkText(base, {
      mode: 'lint',
      today: TODAY,
      fileName: 'sites/riverside-pch.pch.yaml',
      config: {dir: '/', rules: new Map([['metadata/file-name', {severity, options: {}}]]), ignore: []},
    }).messages.map((m) => [short(m), m.severity])

  it('config can make it an error, or turn it off', () => {
    expect(lintWith('error')).toEqual([[`metadata/file-name@${siteId}:7`, 'error']])
    expect(lintWith('off')).toEqual([])
  })

  it('a pch-disable-next-line comment above the id silences it', () => {
    const code = edit(base, ['  id: riverside ', '  # pch-disable-next-line metadata/file-name -- renamed next release\n  id: riverside '])
    expect(checkText(code, {mode: 'lint', today: TODAY, fileName: 'sites/riverside-pch.pch.yaml'}).messages).toEqual([])
  })
})

describe('metadata/file-name with real files', () => {
  it('judges each file by its own name', () => {
    const cwd = tempDir('pch-names-')
    mkdirSync(path.join(cwd, 'sites'))
    writeFileSync(path.join(cwd, 'sites/riverside.pch.yaml'), base)
    writeFileSync(path.join(cwd, 'sites/harbour.pch.yml'), edit(base, ['id: riverside ', 'id: harbour ']).replaceAll('A810', 'A830'))
    writeFileSync(path.join(cwd, 'sites/east.pch.yaml'), east)
    expect(
      run({mode: 'lint', today: TODAY, paths: ['sites'], cwd}).results.map((r) => [
        r.filePath,
        r.messages.map((m) => [short(m), m.message]),
      ]),
    ).toEqual([
      [
        'sites/east.pch.yaml',
        [[`metadata/file-name@${siteId}:7`, 'File east.pch.yaml holds site "riverside-east": name it riverside-east.pch.yaml']],
      ],
      ['sites/harbour.pch.yml', []],
      ['sites/riverside.pch.yaml', []],
    ])
  })
})

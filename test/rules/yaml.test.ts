// yaml/syntax, yaml/duplicate-key, yaml/unsupported-tag, alias limits, several documents in one file,
// and files that hold no definition. Any yaml/* finding stops the document: nothing else is reported.
import {describe, expect, it} from 'vitest'
import {checkText} from '../../src/engine/pipeline/run.js'
import {edit, lineOf, messages, riverside, short, TODAY} from '../helpers.js'
import {ruleTable} from '../rule-tester.js'

const base = riverside()
const surgery = lineOf(base, 'name: Riverside Surgery') // 8 spaces, then `name: Riverside Surgery`

/** A minimal "billion laughs": nine levels of nine aliases each (9^9 strings if expanded). */
const billionLaughs = [
  'apiVersion: pch/v1',
  'kind: PrimaryCareHome',
  'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
  ...'bcdefghi'.split('').map((name, i) => {
    const previous = 'abcdefghi'[i]!
    return `${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`
  }),
  '',
].join('\n')

/** A definition-shaped document with `count` aliases of one anchor. */
const aliases = (count: number): string =>
  `apiVersion: pch/v1\nkind: PrimaryCareHome\nx: &x 1\ny: [${Array(count).fill('*x').join(', ')}]\n`

ruleTable('yaml/syntax', {
  valid: [
    {name: 'riverside', code: base},
    {name: 'a quoted name', code: edit(base, ['name: Riverside Surgery', 'name: "Riverside Surgery"'])},
    {
      name: 'an anchor and an alias',
      code: edit(base, ['name: Riverside Surgery', 'name: &n Riverside Surgery'], ['name: Meadow Lane Practice', 'name: *n']),
    },
    {name: 'a few hundred aliases are within the limit', code: aliases(500)},
    {name: 'a tab after a value is not indentation', code: edit(base, ['status: live ', 'status: live\t'])},
  ],
  invalid: [
    {
      name: 'tab indentation: at the tab',
      code: edit(base, ['  name: Riverside Primary Care Home', '  \tname: Riverside Primary Care Home']),
      errors: [
        {
          at: `yaml/syntax@${lineOf(base, 'name: Riverside Primary Care Home')}:3-${lineOf(base, 'name: Riverside Primary Care Home')}:4`,
          message: 'YAML syntax error: Tabs are not allowed as indentation',
        },
      ],
    },
    {
      name: 'tab indentation at the start of a line',
      code: 'apiVersion: pch/v1\nkind: PrimaryCareHome\nmetadata:\n\tid: riverside\n',
      errors: [{at: 'yaml/syntax@4:1-4:2', message: 'YAML syntax error: Tabs are not allowed as indentation'}],
    },
    {
      name: 'bad indentation: a key indented further than its siblings (at its line)',
      code: edit(base, ['        name: Riverside Surgery', '         name: Riverside Surgery']),
      errors: [
        {at: `yaml/syntax@${surgery}:1-${surgery}:2`, message: 'YAML syntax error: All mapping items must start at the same column'},
      ],
    },
    {
      name: 'bad indentation: a key indented less than its siblings (at its line)',
      code: 'apiVersion: pch/v1\nkind: PrimaryCareHome\nmetadata:\n  id: riverside\n name: Riverside\n',
      errors: [{at: 'yaml/syntax@5:1-5:2', message: 'YAML syntax error: All mapping items must start at the same column'}],
    },
    {
      name: 'an unterminated double-quoted string: where the closing quote is missing',
      code: edit(base, ['name: Riverside Surgery', 'name: "Riverside Surgery']),
      errors: [{at: `yaml/syntax@${surgery}:33-${surgery + 1}:1`, message: 'YAML syntax error: Missing closing "quote'}],
    },
    {
      name: 'an unterminated single-quoted string',
      code: edit(base, ['name: Riverside Surgery', "name: 'Riverside Surgery"]),
      errors: [{at: `yaml/syntax@${surgery}:33-${surgery + 1}:1`, message: "YAML syntax error: Missing closing 'quote"}],
    },
    {
      name: 'an unterminated string at the top of metadata',
      code: edit(base, ['  name: Riverside Primary Care Home', '  name: "Riverside Primary Care Home']),
      errors: [
        {
          at: `yaml/syntax@${lineOf(base, 'name: Riverside Primary Care Home')}:37-${lineOf(base, 'name: Riverside Primary Care Home') + 1}:1`,
          message: 'YAML syntax error: Missing closing "quote',
        },
      ],
    },
    {
      name: 'an unclosed flow sequence on the last line: where the ] is missing',
      code: 'apiVersion: pch/v1\nkind: PrimaryCareHome\nlist: [a, b',
      errors: [
        {
          at: 'yaml/syntax@3:12-3:13',
          message: 'YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]',
        },
      ],
    },
    {
      name: 'a "billion laughs" alias bomb: one finding, at the document',
      code: billionLaughs,
      errors: [
        {
          at: 'yaml/syntax@1:1-1:19',
          message: 'Too many YAML aliases: the document expands beyond what a PCH definition needs (possible alias bomb)',
        },
      ],
    },
    {
      name: 'more aliases than the limit (1,001)',
      code: aliases(1001),
      errors: [
        {
          at: 'yaml/syntax@1:1-1:19',
          message: 'Too many YAML aliases: the document expands beyond what a PCH definition needs (possible alias bomb)',
        },
      ],
    },
    {
      name: 'an alias bomb inside an otherwise valid definition: at the document',
      code: edit(base, [
        '  exceptions: []',
        `  exceptions: []\n  lol:\n${billionLaughs
          .split('\n')
          .slice(2)
          .filter(Boolean)
          .map((line) => `    ${line}`)
          .join('\n')}`,
      ]),
      errors: [
        {
          at: `yaml/syntax@${lineOf(base, 'apiVersion:')}:1-${lineOf(base, 'apiVersion:')}:19`,
          message: 'Too many YAML aliases: the document expands beyond what a PCH definition needs (possible alias bomb)',
        },
      ],
    },
  ],
})

describe('yaml/syntax messages', () => {
  it('names the fault', () => {
    const [tab] = messages('apiVersion: pch/v1\nkind: PrimaryCareHome\nmetadata:\n\tid: riverside\n')
    expect(tab).toMatchObject({
      ruleId: 'yaml/syntax',
      severity: 'error',
      message: 'YAML syntax error: Tabs are not allowed as indentation',
      path: '',
    })
    const [quote] = messages(edit(base, ['name: Riverside Surgery', 'name: "Riverside Surgery']))
    expect(quote!.message).toBe('YAML syntax error: Missing closing "quote')
  })

  it('a billion-laughs document gives one finding, quickly', () => {
    const started = performance.now()
    const found = messages(billionLaughs)
    const elapsed = performance.now() - started
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({
      ruleId: 'yaml/syntax',
      severity: 'error',
      message: 'Too many YAML aliases: the document expands beyond what a PCH definition needs (possible alias bomb)',
    })
    expect(elapsed).toBeLessThan(2000)
  })

  it('a syntax error stops the document: no schema or rule findings', () => {
    const code = edit(
      base,
      ['listSize: 14250', 'listsize: "14,250"'],
      ['status: live', 'status: lve'],
      ['  name: Riverside Primary Care Home', '  \tname: Riverside Primary Care Home'],
    )
    expect(messages(code).map(short)).toEqual([`yaml/syntax@${lineOf(base, 'name: Riverside Primary Care Home')}:3`])
  })
})

ruleTable('yaml/duplicate-key', {
  valid: [{name: 'riverside: the same key in different mappings and list entries', code: base}],
  invalid: [
    {
      name: 'a top-level key twice: at the second',
      code: edit(base, ['kind: PrimaryCareHome', 'kind: PrimaryCareHome\nkind: PrimaryCareHome']),
      errors: [
        {
          at: `yaml/duplicate-key@${lineOf(base, 'kind:') + 1}:1-${lineOf(base, 'kind:') + 1}:2`,
          message: 'A key appears twice in the same mapping; keys must be unique',
        },
      ],
    },
    {
      name: 'in a nested mapping',
      code: edit(base, ['status: live ', 'status: live\n  status: withdrawn ']),
      errors: [
        {
          at: `yaml/duplicate-key@${lineOf(base, 'status:') + 1}:3-${lineOf(base, 'status:') + 1}:4`,
          message: 'A key appears twice in the same mapping; keys must be unique',
        },
      ],
    },
    {
      name: 'inside a list entry',
      code: edit(base, ['listSize: 14250', 'listSize: 14250\n        listSize: 14520']),
      errors: [
        {
          at: `yaml/duplicate-key@${lineOf(base, 'listSize: 14250') + 1}:9-${lineOf(base, 'listSize: 14250') + 1}:10`,
          message: 'A key appears twice in the same mapping; keys must be unique',
        },
      ],
    },
    {
      name: 'in a flow mapping: at the second key',
      code: edit(base, ['baseline: { value: 98.4, asOf: 2025-03-31 }', 'baseline: { value: 98.4, value: 98.4, asOf: 2025-03-31 }']),
      errors: [
        {
          at: `yaml/duplicate-key@${lineOf(base, 'baseline: { value: 98.4')}:36-${lineOf(base, 'baseline: { value: 98.4')}:37`,
          message: 'A key appears twice in the same mapping; keys must be unique',
        },
      ],
    },
    {
      name: 'a key three times: each repeat',
      code: 'apiVersion: pch/v1\nkind: PrimaryCareHome\nkind: PrimaryCareHome\nkind: PrimaryCareHome\n',
      errors: [
        {at: 'yaml/duplicate-key@3:1-3:2', message: 'A key appears twice in the same mapping; keys must be unique'},
        {at: 'yaml/duplicate-key@4:1-4:2', message: 'A key appears twice in the same mapping; keys must be unique'},
      ],
    },
    {
      name: 'two mappings with a repeat each',
      code: edit(
        base,
        ['kind: PrimaryCareHome', 'kind: PrimaryCareHome\nkind: PrimaryCareHome'],
        ['status: live ', 'status: live\n  status: live '],
      ),
      errors: [
        {
          at: `yaml/duplicate-key@${lineOf(base, 'kind:') + 1}:1-${lineOf(base, 'kind:') + 1}:2`,
          message: 'A key appears twice in the same mapping; keys must be unique',
        },
        {
          at: `yaml/duplicate-key@${lineOf(base, 'status:') + 2}:3-${lineOf(base, 'status:') + 2}:4`,
          message: 'A key appears twice in the same mapping; keys must be unique',
        },
      ],
    },
  ],
})

describe('yaml/duplicate-key message', () => {
  it('says what is wrong', () => {
    expect(messages(edit(base, ['listSize: 14250', 'listSize: 14250\n        listSize: 14520']))).toMatchObject([
      {ruleId: 'yaml/duplicate-key', severity: 'error', message: 'A key appears twice in the same mapping; keys must be unique', path: ''},
    ])
  })
})

ruleTable('yaml/unsupported-tag', {
  valid: [
    {name: 'riverside', code: base},
    {name: 'a core tag: !!str 5', code: edit(base, ['name: Riverside Surgery', 'name: !!str 5'])},
    {name: 'a core tag: !!int', code: edit(base, ['listSize: 14250', 'listSize: !!int 14250'])},
    {name: 'a core tag: !!float with a decimal point', code: edit(base, ['annualPerPatient: 160.00', 'annualPerPatient: !!float 160.00'])},
    {name: 'a core tag: a date as !!str', code: edit(base, ['asOf: 2026-10-01', 'asOf: !!str 2026-10-01'])},
    {
      name: 'a core tag in verbatim form',
      code: edit(base, ['name: Riverside Surgery', 'name: !<tag:yaml.org,2002:str> Riverside Surgery']),
    },
  ],
  invalid: [
    {
      name: 'a local tag !foo: at the tag',
      code: edit(base, ['name: Riverside Surgery', 'name: !foo Riverside Surgery']),
      errors: [
        {
          at: `yaml/unsupported-tag@${surgery}:15-${surgery}:19`,
          message: 'Tag !foo is not supported: a PCH definition holds plain values only (tags are never executed)',
        },
      ],
    },
    {
      name: 'a language tag !!js/function',
      code: edit(base, ['name: Riverside Surgery', 'name: !!js/function "return 1"']),
      errors: [
        {
          at: `yaml/unsupported-tag@${surgery}:15-${surgery}:28`,
          message: 'Tag !!js/function is not supported: a PCH definition holds plain values only (tags are never executed)',
        },
      ],
    },
    {
      name: 'a language tag !!js/undefined',
      code: edit(base, ['name: Riverside Surgery', 'name: !!js/undefined ~']),
      errors: [
        {
          at: `yaml/unsupported-tag@${surgery}:15-${surgery}:29`,
          message: 'Tag !!js/undefined is not supported: a PCH definition holds plain values only (tags are never executed)',
        },
      ],
    },
    {
      name: 'an !include tag is not expanded',
      code: edit(base, ['name: Riverside Surgery', 'name: !include other.yaml']),
      errors: [
        {
          at: `yaml/unsupported-tag@${surgery}:15-${surgery}:23`,
          message: 'Tag !include is not supported: a PCH definition holds plain values only (tags are never executed)',
        },
      ],
    },
    {
      name: 'a tag on a block mapping',
      code: edit(base, ['  commissioner:                      # optional', '  commissioner: !foo']),
      errors: [
        {
          at: `yaml/unsupported-tag@${lineOf(base, 'commissioner:')}:17-${lineOf(base, 'commissioner:')}:21`,
          message: 'Tag !foo is not supported: a PCH definition holds plain values only (tags are never executed)',
        },
      ],
    },
    {
      name: 'a %TAG-declared prefix',
      code: `%TAG !e! tag:example.com,2000:\n---\n${edit(base, ['name: Riverside Surgery', 'name: !e!foo x'])}`,
      errors: [
        {
          at: `yaml/unsupported-tag@${surgery + 2}:15-${surgery + 2}:21`,
          message: 'Tag tag:example.com,2000:foo is not supported: a PCH definition holds plain values only (tags are never executed)',
        },
      ],
    },
    {
      name: 'two tags: two findings',
      code: edit(base, ['name: Riverside Surgery', 'name: !foo x'], ['name: Meadow Lane Practice', 'name: !bar y']),
      errors: [
        {
          at: `yaml/unsupported-tag@${surgery}:15-${surgery}:19`,
          message: 'Tag !foo is not supported: a PCH definition holds plain values only (tags are never executed)',
        },
        {
          at: `yaml/unsupported-tag@${lineOf(base, 'name: Meadow Lane Practice')}:15-${lineOf(base, 'name: Meadow Lane Practice')}:19`,
          message: 'Tag !bar is not supported: a PCH definition holds plain values only (tags are never executed)',
        },
      ],
    },
  ],
})

describe('yaml/unsupported-tag message', () => {
  it('names the tag and says it is never executed', () => {
    expect(messages(edit(base, ['name: Riverside Surgery', 'name: !!js/function "return 1"']))).toMatchObject([
      {
        ruleId: 'yaml/unsupported-tag',
        severity: 'error',
        message: 'Tag !!js/function is not supported: a PCH definition holds plain values only (tags are never executed)',
        line: surgery,
        column: 15,
        endLine: surgery,
        endColumn: 28,
      },
    ])
    expect(messages(edit(base, ['name: Riverside Surgery', 'name: !foo Riverside Surgery']))[0]!.message).toBe(
      'Tag !foo is not supported: a PCH definition holds plain values only (tags are never executed)',
    )
  })
})

describe('several documents in one file', () => {
  const broken = edit(base, ['listSize: 14250', 'listSize: 14250\n        listSize: 14520'])
  const offset = base.split('\n').length - 1 // lines of document 1; `---` follows, then document 2

  it('only document 2 is broken: its finding carries documentIndex 1 and a line in the file', () => {
    const text = `${base}---\n${broken}`
    const found = messages(text)
    expect(found.map(short)).toEqual([`yaml/duplicate-key@${offset + 1 + lineOf(base, 'listSize: 14250') + 1}:9`])
    expect(found[0]).toMatchObject({ruleId: 'yaml/duplicate-key', documentIndex: 1})
    expect(checkText(text, {mode: 'validate', today: TODAY}).documents).toBe(2)
  })

  it('a broken document 2 does not stop document 1 from being checked', () => {
    const small = edit(base, ['listSize: 14250', 'listSize: 4250'], ['total: 5776000', 'total: 4176000'])
    const found = messages(`${small}---\n${broken}`)
    expect(found.map((m) => [short(m), m.documentIndex])).toEqual([
      [`population/size-band@${lineOf(base, 'practices:')}:5`, 0],
      [`yaml/duplicate-key@${offset + 1 + lineOf(base, 'listSize: 14250') + 1}:9`, 1],
    ])
  })

  it('two valid documents: no findings', () => {
    const other = edit(base, ['id: riverside ', 'id: harbour ']).replaceAll('A8100', 'A8300')
    expect(messages(`${base}---\n${other}`)).toEqual([])
  })

  it('a single document carries no documentIndex', () => {
    const [finding] = messages(broken)
    expect(finding).toBeDefined()
    expect(finding).not.toHaveProperty('documentIndex')
  })
})

describe('documents with no definition', () => {
  const noDefinition = 'The file holds no PCH definition (expected apiVersion: pch/v1 and kind: PrimaryCareHome)'

  it.each([
    ['an empty file', ''],
    ['a comments-only file', '# yaml-language-server: $schema=../schemas/pch.schema.json\n# nothing here yet\n'],
    ['a file of blank lines', '\n\n   \n'],
  ])('%s: one schema/api-version at 1:1', (_name, text) => {
    const found = messages(text)
    expect(found.map(short)).toEqual(['schema/api-version@1:1'])
    expect(found[0]).toMatchObject({severity: 'error', message: noDefinition})
    expect(found[0]).not.toHaveProperty('documentIndex')
    expect(checkText(text, {mode: 'validate', today: TODAY}).documents).toBe(0)
  })

  it('an explicit --- before the only document is not an extra document', () => {
    const text = `---\n${base}`
    expect(messages(text)).toEqual([])
    expect(checkText(text, {mode: 'validate', today: TODAY}).documents).toBe(1)
  })

  it('a document end marker (...) after the only document is not an extra document', () => {
    const text = `${base}...\n`
    expect(messages(text)).toEqual([])
    expect(checkText(text, {mode: 'validate', today: TODAY}).documents).toBe(1)
  })
})

describe('line breaks: CR (old Mac), CRLF and LF are all line breaks (YAML 1.2 §5.4), on either parse path', () => {
  const styles: Array<[name: string, breaks: string[]]> = [
    ['CR only', ['\r']],
    ['CRLF', ['\r\n']],
    ['CR, LF and CRLF mixed', ['\r', '\n', '\r\n']],
  ]
  /** `text` with its LFs replaced by `breaks`, one after another. */
  const rebreak = (text: string, breaks: string[]): string => {
    let next = 0
    return text.replace(/\n/g, () => breaks[next++ % breaks.length]!)
  }
  // The plain subset (fast path), and each thing that sends a file to yaml: a syntax error, a
  // duplicate key, a tag, a block scalar, a quoted string over two lines, two documents.
  const faulty: Array<[name: string, text: string]> = [
    ['a schema fault in the plain subset', edit(base, ['status: live ', 'status: lve  '], ['wte: 1.5', 'wte: 0'])],
    ['an unterminated string', edit(base, ['name: Riverside Surgery', 'name: "Riverside Surgery'])],
    ['a duplicate key', edit(base, ['listSize: 14250', 'listSize: 14250\n        listSize: 14520'])],
    ['a tag', edit(base, ['name: Riverside Surgery', 'name: !foo Riverside Surgery'])],
    [
      'a block scalar, then a schema fault',
      edit(
        base,
        [/ {4}source: NHS Digital.*\n/, '    source: |\n      NHS Digital\n      list sizes\n'],
        ['status: live ', 'status: lve  '],
      ),
    ],
    [
      'a quoted string over two lines, then a schema fault',
      edit(base, ['name: Riverside Surgery', 'name: "Riverside\n          Surgery"'], ['wte: 1.5', 'wte: 0']),
    ],
    ['two documents, the second broken', `${base}---\n${edit(base, ['listSize: 14250', 'listSize: 14250\n        listSize: 14520'])}`],
  ]

  /**
   * The findings of `text`. A range that ends on a line break (a syntax error at the end of a line)
   * covers its first character: the CR of a CRLF, where LF's ends on the next line. A lone CR is
   * read as LF, so CR-only texts agree with LF's to the last column.
   */
  const found = (text: string, mode: 'validate' | 'lint', exact: boolean): unknown[] =>
    messages(text, mode).map(({endLine, endColumn, ...rest}) => (exact ? {...rest, endLine, endColumn} : rest))

  describe.each(styles)('%s', (_style, breaks) => {
    it.each(faulty)('%s: the findings, lines and columns of the LF text', (_name, text) => {
      const exact = !breaks.includes('\r\n')
      expect(found(text, 'validate', exact).length).toBeGreaterThan(0)
      for (const mode of ['validate', 'lint'] as const) expect(found(rebreak(text, breaks), mode, exact)).toEqual(found(text, mode, exact))
    })

    it('riverside: no finding, one document', () => {
      expect(checkText(rebreak(base, breaks), {mode: 'lint', today: TODAY})).toMatchObject({messages: [], documents: 1})
    })

    it('a line break in a block scalar or a quoted string is text, not a control character', () => {
      const text = edit(
        base,
        [/ {4}source: NHS Digital.*\n/, '    source: |\n      NHS Digital\n      list sizes\n'],
        ['name: Riverside Surgery', 'name: "Riverside\n          Surgery"'],
      )
      expect(messages(rebreak(text, breaks))).toEqual([])
    })
  })

  it('a lone CR ends a comment: the line after it is read', () => {
    expect(messages(edit(base, ['status: live ', 'status: lve # comment\r  owner: x'])).map(short)).toEqual([
      `schema@${lineOf(base, 'status:')}:11`,
      `schema@${lineOf(base, 'status:') + 1}:3`,
    ])
  })
})

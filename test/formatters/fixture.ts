// One fixed, hand-written result set for the formatter golden tests: every severity, a file with two
// documents, a clean file, a file that did not parse (0 documents), and text that each format must
// escape (% , : & < > " ' newline, carriage return, non-ASCII, an XML-forbidden control character).
import {Chalk} from 'chalk'
import type {FileResult} from '../../src/rule-api/types.js'
import type {FormatContext} from '../../src/formatters/formatter.js'
import type {RuleMeta} from '../../src/rule-api/rule.js'
import {catalogue} from '../../src/rules/index.js'

/** A path that needs escaping in every format: % , : & < > " ' a space and non-ASCII. */
export const AWKWARD_PATH = `sites/100% <a&b>, "c:d" 'e' café.pch.yaml`

export const fixture: FileResult[] = [
  {
    // Two definitions in one file: document 0 has an error and a warning, document 1 an error.
    filePath: AWKWARD_PATH,
    documents: 2,
    errorCount: 2,
    warningCount: 1,
    messages: [
      {
        ruleId: 'population/size-band',
        severity: 'error',
        message: `Registered population 28,400 is below 30,000: "A&B" <co-op> 'x' 100% of £5,776,000`,
        line: 14,
        column: 5,
        endLine: 14,
        endColumn: 17,
        path: '/spec/population/practices',
        characteristic: 4,
        fixable: false,
        documentIndex: 0,
      },
      {
        ruleId: 'population/near-band-edge',
        severity: 'warning',
        message: 'Registered population 31,200 is within 5% of the band edge, 30,000',
        line: 14,
        column: 5,
        endLine: 14,
        endColumn: 17,
        path: '/spec/population/practices',
        characteristic: 4,
        fixable: false,
        documentIndex: 0,
      },
      {
        ruleId: 'population/size-band',
        severity: 'error',
        message: 'Line one\nline two\r\nline three\rend \u0001 café',
        line: 52,
        column: 5,
        endLine: 52,
        endColumn: 17,
        path: '/spec/population/practices',
        characteristic: 4,
        fixable: false,
        documentIndex: 1,
      },
    ],
  },
  {
    // An exception accepts a compliance finding (info, excepted) and a warning remains.
    filePath: 'sites/rural £ exception.pch.yaml',
    documents: 1,
    errorCount: 0,
    warningCount: 1,
    messages: [
      {
        ruleId: 'population/size-band',
        severity: 'info',
        message: 'Registered population 21,000 is below 30,000 (band 30,000-50,000)',
        line: 9,
        column: 5,
        endLine: 9,
        endColumn: 17,
        path: '/spec/population/practices',
        characteristic: 4,
        fixable: false,
        excepted: true,
      },
      {
        ruleId: 'population/near-band-edge',
        severity: 'warning',
        message: 'Registered population 48,900 is within 5% of the band edge, 50,000',
        line: 9,
        column: 5,
        endLine: 9,
        endColumn: 17,
        path: '/spec/population/practices',
        characteristic: 4,
        fixable: false,
      },
    ],
  },
  {
    filePath: 'sites/clean.pch.yaml',
    documents: 1,
    errorCount: 0,
    warningCount: 0,
    messages: [],
  },
  {
    // Did not parse: no documents, two syntax errors.
    filePath: 'sites/broken.pch.yaml',
    documents: 0,
    errorCount: 2,
    warningCount: 0,
    messages: [
      {
        ruleId: 'yaml/syntax',
        severity: 'error',
        message: 'Nested mappings are not allowed in compact mappings: "name: a: b"',
        line: 3,
        column: 9,
        endLine: 3,
        endColumn: 10,
        path: '',
        characteristic: null,
        fixable: false,
      },
      {
        ruleId: 'yaml/syntax',
        severity: 'error',
        message: "Unexpected flow-map end '}' & <tab>",
        line: 7,
        column: 1,
        endLine: 7,
        endColumn: 2,
        path: '',
        characteristic: null,
        fixable: false,
      },
    ],
  },
]

const pick = (id: string): RuleMeta => {
  const meta = catalogue.find((rule) => rule.id === id)
  if (!meta) throw new Error(`fixture: no rule ${id} in the catalogue`)
  return meta
}

export const rules: readonly RuleMeta[] = [pick('yaml/syntax'), pick('population/size-band'), pick('population/near-band-edge')]

export const VERSION = '9.9.9'

export const context: FormatContext = {color: new Chalk({level: 0}), rules, version: VERSION}

import {edit, lineOf, riverside} from '../helpers.js'
import {ruleTable} from '../rule-tester.js'

const base = riverside()
const first = lineOf(base, 'odsCode: A81001')
const second = lineOf(base, 'odsCode: A81002')
const third = lineOf(base, 'odsCode: A81004')
const practiceList = /practices:[\s\S]*?(?=  workforce:)/

// A fourth practice: a branch of A81001 listed again, with the total kept at 160 x 38,100.
const branch = edit(
  base,
  [
    '        listSize: 9870\n',
    '        listSize: 9870\n      - odsCode: A81001\n        name: Riverside Surgery (branch)\n        listSize: 2000\n',
  ],
  ['total: 5776000', 'total: 6096000'],
)

// A flow-style list: the finding points at the second code's value on the one line.
const flowLine = 'practices: [{odsCode: A81001, name: A, listSize: 18050}, {odsCode: A81001, name: B, listSize: 18050}]'
const flow = edit(base, [practiceList, `${flowLine}\n`])
const flowColumn = 5 + flowLine.lastIndexOf('A81001') // the line is indented by 4

ruleTable('population/duplicate-practice', {
  valid: [
    {name: 'riverside: three distinct codes', code: base},
    {
      name: 'a single practice',
      code: edit(base, [practiceList, 'practices:\n      - odsCode: A81001\n        name: Riverside Surgery\n        listSize: 36100\n']),
    },
    {name: 'codes that differ only in a digit', code: edit(base, ['odsCode: A81004', 'odsCode: A81003'])},
    {name: "a code that is not text is the schema's to report", code: edit(base, ['odsCode: A81004', 'odsCode: 81001'])},
    {name: "practices that are not a list are the schema's to report", code: edit(base, [practiceList, 'practices: {odsCode: A81001}\n'])},
  ],
  invalid: [
    {
      name: "a code repeated: at the second occurrence's value",
      code: edit(base, ['odsCode: A81004', 'odsCode: A81001']),
      errors: [{at: `population/duplicate-practice@${third}:18-${third}:24`, messageId: 'twice', data: {code: 'A81001', first: 1}}],
    },
    {
      name: 'a branch listed as a fourth practice (total kept consistent)',
      code: branch,
      errors: [
        {
          at: `population/duplicate-practice@${lineOf(branch, 'odsCode: A81001', first)}:18-${lineOf(branch, 'odsCode: A81001', first)}:24`,
          messageId: 'twice',
          data: {code: 'A81001', first: 1},
        },
      ],
    },
    {
      name: 'a code three times: each repeat reported',
      code: edit(base, ['odsCode: A81002', 'odsCode: A81001'], ['odsCode: A81004', 'odsCode: A81001']),
      errors: [
        {at: `population/duplicate-practice@${second}:18-${second}:24`, messageId: 'twice', data: {code: 'A81001', first: 1}},
        {at: `population/duplicate-practice@${third}:18-${third}:24`, messageId: 'twice', data: {code: 'A81001', first: 1}},
      ],
    },
    {
      name: 'a lower-case repeat: format/ods-code, and compared as the normalised code',
      code: edit(base, ['odsCode: A81004', 'odsCode: a81001']),
      errors: [
        `format/ods-code@${third}:18`,
        {at: `population/duplicate-practice@${third}:18-${third}:24`, messageId: 'twice', data: {code: 'A81001', first: 1}},
      ],
    },
    {
      name: 'a repeat written with a space: format/ods-code, and compared as the normalised code',
      code: edit(base, ['odsCode: A81004', 'odsCode: "A81 001"']),
      errors: [
        `format/ods-code@${third}:18`,
        {at: `population/duplicate-practice@${third}:18-${third}:27`, messageId: 'twice', data: {code: 'A81001', first: 1}},
      ],
    },
    {
      name: 'the first occurrence in lower case: format/ods-code there, the duplicate at the second',
      code: edit(base, ['odsCode: A81001 ', 'odsCode: a81001 '], ['odsCode: A81004', 'odsCode: A81001']),
      errors: [
        `format/ods-code@${first}:18`,
        {at: `population/duplicate-practice@${third}:18-${third}:24`, messageId: 'twice', data: {code: 'A81001', first: 1}},
      ],
    },
    {
      name: 'a flow-style list: at the repeated code',
      code: flow,
      errors: [
        {
          at: `population/duplicate-practice@${lineOf(flow, 'practices:')}:${flowColumn}-${lineOf(flow, 'practices:')}:78`,
          messageId: 'twice',
          data: {code: 'A81001', first: 1},
        },
      ],
    },
    {
      name: 'a repeated code that is not text: schema only, no crash',
      code: edit(base, ['odsCode: A81002', 'odsCode: 81001'], ['odsCode: A81004', 'odsCode: 81001']),
      errors: [`schema@${second}:18`, `schema@${third}:18`],
    },
    {
      name: 'a practice entry that is not a mapping: schema only, no crash',
      code: edit(base, [/      - odsCode: A81004\n.*\n.*\n/, '      - A81001\n']),
      errors: [`schema@${third}:9`],
    },
  ],
})

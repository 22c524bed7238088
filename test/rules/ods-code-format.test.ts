import {describe, expect, it} from 'vitest'
import {edit, lineOf, messages, riverside} from '../helpers.js'
import {ruleTable, type InvalidCase, type ValidCase} from '../rule-tester.js'

// riverside trust partners: riverside-community RX1, riverside-mh RX2, riverside-acute RX3.
const base = riverside()
const rx1 = lineOf(base, 'odsCode: RX1')
const rx2 = lineOf(base, 'odsCode: RX2')
const rx3 = lineOf(base, 'odsCode: RX3')
const acutePartner = /      - id: riverside-acute[\s\S]*?(?=      - id: riverside-council)/
const flowAcute = '      - {id: riverside-acute, name: Riverside Hospitals, sector: acute, odsCode: RX301}'

/** A lint case (these are lint rules). */
const lint = <T extends ValidCase | InvalidCase>(cases: T[]): T[] => cases.map((c) => ({mode: 'lint', ...c}))

/** The acute trust with another code. */
const acuteCode = (code: string): string => edit(base, ['odsCode: RX3', `odsCode: ${code}`])

ruleTable('workforce/ods-code-format', {
  valid: lint([
    {name: 'riverside: RX1, RX2 and RX3', code: base},
    {name: 'a T code', code: acuteCode('TAJ')},
    {name: 'a trust without an odsCode', code: edit(base, ['        odsCode: RX3\n', ''])},
    {
      name: 'a social-care partner with a local authority code',
      code: edit(base, ['        sector: social-care\n', '        sector: social-care\n        odsCode: 00X\n']),
    },
    {
      name: 'a voluntary partner with a non-trust code',
      code: edit(base, ['        sector: voluntary\n', '        sector: voluntary\n        odsCode: NL1\n']),
    },
    {name: 'a lower-case trust code is read as the fixed RX3', code: acuteCode('rx3')},
    {name: "a code too long for any organisation is the schema's to report", code: acuteCode('A81001')},
    {
      name: 'a trust whose sector the schema rejects is not judged',
      code: edit(base, ['sector: mental-health', 'sector: mentalhealth'], ['odsCode: RX2', 'odsCode: QXZ']),
    },
    {name: 'validate does not run it (not a compliance rule)', code: acuteCode('RX301'), mode: 'validate'},
  ]),
  invalid: lint([
    {
      name: 'a site code for an acute trust: at the code',
      code: acuteCode('RX301'),
      errors: [
        {
          at: `workforce/ods-code-format@${rx3}:18-${rx3}:23`,
          messageId: 'notTrust',
          data: {
            code: 'RX301',
            sector: 'acute',
            partner: 'riverside-acute',
            expected: 'R or T followed by two capital letters or digits, e.g. RX1',
          },
        },
      ],
    },
    {
      name: 'an ICB code for a mental-health trust',
      code: edit(base, ['odsCode: RX2', 'odsCode: QXZ']),
      errors: [
        {
          at: `workforce/ods-code-format@${rx2}:18-${rx2}:21`,
          messageId: 'notTrust',
          data: {
            code: 'QXZ',
            sector: 'mental-health',
            partner: 'riverside-mh',
            expected: 'R or T followed by two capital letters or digits, e.g. RX1',
          },
        },
      ],
    },
    {
      name: 'a code starting with a digit for a community-health trust',
      code: edit(base, ['odsCode: RX1 ', 'odsCode: 5A1 ']),
      errors: [
        {
          at: `workforce/ods-code-format@${rx1}:18-${rx1}:21`,
          messageId: 'notTrust',
          data: {
            code: '5A1',
            sector: 'community-health',
            partner: 'riverside-community',
            expected: 'R or T followed by two capital letters or digits, e.g. RX1',
          },
        },
      ],
    },
    {
      name: 'two trusts with wrong codes: each reported',
      code: edit(base, ['odsCode: RX3', 'odsCode: RX301'], ['odsCode: RX2', 'odsCode: QXZ']),
      errors: [
        {
          at: `workforce/ods-code-format@${rx2}:18-${rx2}:21`,
          messageId: 'notTrust',
          data: {
            code: 'QXZ',
            sector: 'mental-health',
            partner: 'riverside-mh',
            expected: 'R or T followed by two capital letters or digits, e.g. RX1',
          },
        },
        {
          at: `workforce/ods-code-format@${rx3}:18-${rx3}:23`,
          messageId: 'notTrust',
          data: {
            code: 'RX301',
            sector: 'acute',
            partner: 'riverside-acute',
            expected: 'R or T followed by two capital letters or digits, e.g. RX1',
          },
        },
      ],
    },
    {
      name: 'a flow-style partner: at the code on the one line',
      code: edit(base, [acutePartner, `${flowAcute}\n`]),
      errors: [
        {
          at: `workforce/ods-code-format@${lineOf(base, 'id: riverside-acute')}:${1 + flowAcute.indexOf('RX301')}-${lineOf(base, 'id: riverside-acute')}:87`,
          messageId: 'notTrust',
          data: {
            code: 'RX301',
            sector: 'acute',
            partner: 'riverside-acute',
            expected: 'R or T followed by two capital letters or digits, e.g. RX1',
          },
        },
      ],
    },
    {
      name: 'a lower-case site code: format/ods-code, then the fixed RX301 is not a trust code',
      code: acuteCode('rx301'),
      errors: [
        `format/ods-code@${rx3}:18`,
        {
          at: `workforce/ods-code-format@${rx3}:18-${rx3}:23`,
          messageId: 'notTrust',
          data: {
            code: 'RX301',
            sector: 'acute',
            partner: 'riverside-acute',
            expected: 'R or T followed by two capital letters or digits, e.g. RX1',
          },
        },
      ],
    },
    {name: 'a lower-case trust code: format/ods-code only', code: acuteCode('rx3'), errors: [`format/ods-code@${rx3}:18`]},
    {name: 'a trust code with a space: format/ods-code only', code: acuteCode('"RX 3"'), errors: [`format/ods-code@${rx3}:18`]},
    {name: 'a code too long for any organisation: schema only', code: acuteCode('A81001'), errors: [`schema@${rx3}:18`]},
    {name: 'a code that is not text: schema only', code: acuteCode('123'), errors: [`schema@${rx3}:18`]},
    {
      name: 'a partner id the schema rejects: schema there, and the code still judged',
      code: edit(
        base,
        ['odsCode: RX3', 'odsCode: RX301'],
        ['id: riverside-acute', 'id: Riverside_Acute'],
        ['party: riverside-acute', 'party: riverside-mh'],
      ),
      errors: [
        `schema@${lineOf(base, 'id: riverside-acute')}:13`,
        {
          at: `workforce/ods-code-format@${rx3}:18-${rx3}:23`,
          messageId: 'notTrust',
          data: {code: 'RX301', sector: 'acute', partner: '3', expected: 'R or T followed by two capital letters or digits, e.g. RX1'},
        },
      ],
    },
  ]),
})

describe('workforce/ods-code-format message', () => {
  it('names the code, the sector, the partner and the expected form', () => {
    expect(messages(acuteCode('RX301'), 'lint')).toMatchObject([
      {
        ruleId: 'workforce/ods-code-format',
        severity: 'error',
        message:
          'ODS code "RX301" of acute partner riverside-acute is not an NHS trust code: expected R or T followed by two capital letters or digits, e.g. RX1',
        line: rx3,
        column: 18,
        path: '/spec/workforce/partners/2/odsCode',
        characteristic: 2,
      },
    ])
  })

  it('names a partner without a valid id by its position', () => {
    const withoutId = edit(
      base,
      ['odsCode: RX3', 'odsCode: RX301'],
      ['      - id: riverside-acute\n        name:', '      - name:'],
      ['party: riverside-acute', 'party: riverside-mh'],
    )
    expect(messages(withoutId, 'lint').map((m) => [m.ruleId, m.message])).toEqual([
      ['schema', 'Entry 3 of partners is missing the required key "id"'],
      [
        'workforce/ods-code-format',
        'ODS code "RX301" of acute partner 3 is not an NHS trust code: expected R or T followed by two capital letters or digits, e.g. RX1',
      ],
    ])
  })
})

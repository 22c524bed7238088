// format/number and format/ods-code: fixable spellings of a valid value. Every other check reads
// the value as the fix would write it ("one fault, one finding"); a value that is still invalid
// after the fix is reported by the schema on re-validation.
import {describe, expect, it} from 'vitest'
import {edit, lineOf, messages, riverside} from '../helpers.js'
import {ruleTable} from '../rule-tester.js'

const base = riverside()
const listSize = lineOf(base, 'listSize: 14250')
const perPatient = lineOf(base, 'annualPerPatient:')
const amount = lineOf(base, 'amount: 500000')
const practice1 = lineOf(base, 'odsCode: A81001')

const cases = {
  thousands: edit(base, ['listSize: 14250', 'listSize: "14,250"']),
  quotedPlain: edit(base, ['listSize: 14250', 'listSize: "14250"']),
  pounds: edit(base, ['annualPerPatient: 160.00', 'annualPerPatient: "£160.00"']),
  negativeAmount: edit(base, ['amount: 500000', 'amount: "-1,000"']),
  lowerPractice: edit(base, ['odsCode: A81001 ', 'odsCode: a81001 ']),
  spacedPractice: edit(base, ['odsCode: A81001 ', 'odsCode: "A81 001" ']),
  lowerCommissioner: edit(base, ['odsCode: QXY', 'odsCode: qxy']),
  lowerPartner: edit(base, ['odsCode: RX1 ', 'odsCode: rx1 ']),
}

ruleTable('format/number', {
  valid: [
    {name: 'riverside', code: base},
    {name: 'a plain decimal', code: edit(base, ['annualPerPatient: 160.00', 'annualPerPatient: 160'])},
    {name: 'text in a text field is left alone', code: edit(base, ['name: Riverside Surgery', 'name: "14,250"'])},
  ],
  invalid: [
    {
      name: '"14,250" list size: at the value, and nothing else',
      code: cases.thousands,
      errors: [
        {
          at: `format/number@${listSize}:19-${listSize}:27`,
          message: 'listSize "14,250" is written as text; write it as the plain number 14250',
        },
      ],
      output: base,
    },
    {
      name: '"14250" list size',
      code: cases.quotedPlain,
      errors: [
        {
          at: `format/number@${listSize}:19-${listSize}:26`,
          message: 'listSize "14250" is written as text; write it as the plain number 14250',
        },
      ],
      output: base,
    },
    {
      name: "'14250' single-quoted",
      code: edit(base, ['listSize: 14250', "listSize: '14250'"]),
      errors: [
        {
          at: `format/number@${listSize}:19-${listSize}:26`,
          message: 'listSize "14250" is written as text; write it as the plain number 14250',
        },
      ],
      output: base,
    },
    {
      name: '"£160.00" per patient: the capitation still matches',
      code: cases.pounds,
      errors: [
        {
          at: `format/number@${perPatient}:25-${perPatient}:34`,
          message: 'annualPerPatient "£160.00" is written as text; write it as the plain number 160.00',
        },
      ],
      output: base,
    },
    {
      name: '£160.00 unquoted',
      code: edit(base, ['annualPerPatient: 160.00', 'annualPerPatient: £160.00']),
      errors: [
        {
          at: `format/number@${perPatient}:25-${perPatient}:32`,
          message: 'annualPerPatient "£160.00" is written as text; write it as the plain number 160.00',
        },
      ],
      output: base,
    },
    {
      name: '"£5,776,000" total: the capitation still matches',
      code: edit(base, ['total: 5776000', 'total: "£5,776,000"']),
      errors: [
        {
          at: `format/number@${lineOf(base, 'total:')}:12-${lineOf(base, 'total:')}:24`,
          message: 'total "£5,776,000" is written as text; write it as the plain number 5776000',
        },
      ],
      output: base,
    },
    {
      name: 'an amount in contributions',
      code: edit(base, ['amount: 500000', 'amount: "£500,000"']),
      errors: [
        {
          at: `format/number@${amount}:17-${amount}:27`,
          message: 'amount "£500,000" is written as text; write it as the plain number 500000',
        },
      ],
      output: base,
    },
    {
      name: 'an amount with pence',
      code: edit(base, ['amount: 500000', 'amount: "500,000.50"']),
      errors: [
        {
          at: `format/number@${amount}:17-${amount}:29`,
          message: 'amount "500,000.50" is written as text; write it as the plain number 500000.50',
        },
      ],
      output: edit(base, ['amount: 500000', 'amount: 500000.50']),
    },
    {
      name: 'a percentage',
      code: edit(base, ['gainPercent: 40', 'gainPercent: "40"']),
      errors: [
        {
          at: `format/number@${lineOf(base, 'gainPercent: 40')}:24-${lineOf(base, 'gainPercent: 40')}:28`,
          message: 'gainPercent "40" is written as text; write it as the plain number 40',
        },
      ],
      output: base,
    },
    {
      name: 'a year',
      code: edit(base, ['cohort: 2016', 'cohort: "2016"']),
      errors: [
        {
          at: `format/number@${lineOf(base, 'cohort:')}:11-${lineOf(base, 'cohort:')}:17`,
          message: 'cohort "2016" is written as text; write it as the plain number 2016',
        },
      ],
      output: base,
    },
    {
      name: 'a negative amount: fixed to -1000, which the schema then rejects',
      code: cases.negativeAmount,
      errors: [
        {at: `format/number@${amount}:17-${amount}:25`, message: 'amount "-1,000" is written as text; write it as the plain number -1000'},
        `schema@${amount}:17`,
      ],
      output: edit(base, ['amount: 500000', 'amount: -1000']),
    },
    {
      name: 'a "-£5" amount: fixed to -5, which the schema then rejects',
      code: edit(base, ['amount: 500000', 'amount: "-£5"']),
      errors: [
        {at: `format/number@${amount}:17-${amount}:22`, message: 'amount "-£5" is written as text; write it as the plain number -5'},
        `schema@${amount}:17`,
      ],
      output: edit(base, ['amount: 500000', 'amount: -5']),
    },
    {
      // -5 with the next practice 5 + 14250 larger: the sum stays 36,100.
      name: 'a negative list size: fixed to -5, which the schema then rejects',
      code: edit(base, ['listSize: 14250', 'listSize: "-5"'], ['listSize: 11980', 'listSize: 26235']),
      errors: [
        {at: `format/number@${listSize}:19-${listSize}:23`, message: 'listSize "-5" is written as text; write it as the plain number -5'},
        `schema@${listSize}:19`,
      ],
      output: edit(base, ['listSize: 14250', 'listSize: -5'], ['listSize: 11980', 'listSize: 26235']),
    },
    {
      name: 'out of range after the fix: cohort "1,999"',
      code: edit(base, ['cohort: 2016', 'cohort: "1,999"']),
      errors: [
        {
          at: `format/number@${lineOf(base, 'cohort:')}:11-${lineOf(base, 'cohort:')}:18`,
          message: 'cohort "1,999" is written as text; write it as the plain number 1999',
        },
        `schema@${lineOf(base, 'cohort:')}:11`,
      ],
      output: edit(base, ['cohort: 2016', 'cohort: 1999']),
    },
    {
      name: 'not a whole number after the fix: "14,250.5"',
      code: edit(base, ['listSize: 14250', 'listSize: "14,250.5"']),
      errors: [
        {
          at: `format/number@${listSize}:19-${listSize}:29`,
          message: 'listSize "14,250.5" is written as text; write it as the plain number 14250.5',
        },
        `schema@${listSize}:19`,
      ],
      output: edit(base, ['listSize: 14250', 'listSize: 14250.5']),
    },
    {
      name: 'a non-numeric string "lots" is schema, not format/number',
      code: edit(base, ['listSize: 14250', 'listSize: "lots"']),
      errors: [`schema@${listSize}:19`],
      output: null,
    },
    {
      name: 'badly grouped digits "14,25" are schema',
      code: edit(base, ['listSize: 14250', 'listSize: "14,25"']),
      errors: [`schema@${listSize}:19`],
      output: null,
    },
  ],
})

ruleTable('format/ods-code', {
  valid: [
    {name: 'riverside', code: base},
    {
      name: 'a lower-case slug employer is a partner id, not a code',
      code: edit(base, ['employer: riverside-cvs', 'employer: riverside-council']),
    },
  ],
  invalid: [
    {
      name: 'a81001: at the value',
      code: cases.lowerPractice,
      errors: [
        {
          at: `format/ods-code@${practice1}:18-${practice1}:24`,
          message: 'ODS code "a81001" must be written in capitals without spaces: A81001',
        },
      ],
      output: base,
    },
    {
      name: '"A81 001" with a space',
      code: cases.spacedPractice,
      errors: [
        {
          at: `format/ods-code@${practice1}:18-${practice1}:27`,
          message: 'ODS code "A81 001" must be written in capitals without spaces: A81001',
        },
      ],
      output: edit(base, ['odsCode: A81001 ', 'odsCode: "A81001" ']),
    },
    {
      name: 'A81 001 unquoted',
      code: edit(base, ['odsCode: A81001 ', 'odsCode: A81 001 ']),
      errors: [
        {
          at: `format/ods-code@${practice1}:18-${practice1}:25`,
          message: 'ODS code "A81 001" must be written in capitals without spaces: A81001',
        },
      ],
      output: base,
    },
    {
      name: 'qxy commissioner',
      code: cases.lowerCommissioner,
      errors: [
        {
          at: `format/ods-code@${lineOf(base, 'odsCode: QXY')}:14-${lineOf(base, 'odsCode: QXY')}:17`,
          message: 'ODS code "qxy" must be written in capitals without spaces: QXY',
        },
      ],
      output: base,
    },
    {
      name: 'rx1 partner',
      code: cases.lowerPartner,
      errors: [
        {
          at: `format/ods-code@${lineOf(base, 'odsCode: RX1')}:18-${lineOf(base, 'odsCode: RX1')}:21`,
          message: 'ODS code "rx1" must be written in capitals without spaces: RX1',
        },
      ],
      output: base,
    },
    {
      name: 'a8100 stays invalid when upper-cased: schema, not format/ods-code',
      code: edit(base, ['odsCode: A81001 ', 'odsCode: a8100 ']),
      errors: [`schema@${practice1}:18`],
      output: null,
    },
    {
      name: 'a lower-case practice code still matches the team employer A81001 (lint too)',
      code: cases.lowerPractice,
      mode: 'lint',
      errors: [
        {
          at: `format/ods-code@${practice1}:18-${practice1}:24`,
          message: 'ODS code "a81001" must be written in capitals without spaces: A81001',
        },
      ],
      output: base,
    },
    {
      name: 'a lower-case duplicate of A81001 is still a duplicate',
      code: edit(base, ['odsCode: A81002', 'odsCode: a81001']),
      errors: [
        {
          at: `format/ods-code@${lineOf(base, 'odsCode: A81002')}:18-${lineOf(base, 'odsCode: A81002')}:24`,
          message: 'ODS code "a81001" must be written in capitals without spaces: A81001',
        },
        `population/duplicate-practice@${lineOf(base, 'odsCode: A81002')}:18`,
      ],
      output: edit(base, ['odsCode: A81002', 'odsCode: A81001']),
    },
  ],
})

describe('format messages', () => {
  it('format/number names the field, the text and the number to write', () => {
    expect(messages(cases.thousands)).toMatchObject([
      {
        ruleId: 'format/number',
        severity: 'error',
        message: 'listSize "14,250" is written as text; write it as the plain number 14250',
        path: '/spec/population/practices/0/listSize',
        fixable: true,
        characteristic: null,
      },
    ])
    expect(messages(cases.pounds)[0]!.message).toBe('annualPerPatient "£160.00" is written as text; write it as the plain number 160.00')
  })

  it('the schema reports the fixed value, not the text', () => {
    expect(messages(cases.negativeAmount).map((m) => m.message)).toEqual([
      'amount "-1,000" is written as text; write it as the plain number -1000',
      'amount must be at least 0, not -1,000',
    ])
  })

  it('format/ods-code names the code and the fix', () => {
    expect(messages(cases.lowerPractice)).toMatchObject([
      {
        ruleId: 'format/ods-code',
        severity: 'error',
        message: 'ODS code "a81001" must be written in capitals without spaces: A81001',
        path: '/spec/population/practices/0/odsCode',
        fixable: true,
      },
    ])
    expect(messages(cases.spacedPractice)[0]!.message).toBe('ODS code "A81 001" must be written in capitals without spaces: A81001')
    expect(messages(cases.lowerCommissioner)[0]!.message).toBe('ODS code "qxy" must be written in capitals without spaces: QXY')
  })
})

describe('one fault, one finding', () => {
  it('a "14,250" list size does not also break the population sum or the capitation total', () => {
    // Read as 0 or skipped, the population would be 21,850 (out of band) and the total £2,280,000 too high.
    expect(messages(cases.thousands, 'lint').map((m) => m.ruleId)).toEqual(['format/number'])
  })

  it("a lower-case practice code still matches a risk-share party A81001 (the practices' only share)", () => {
    const code = edit(base, ['odsCode: A81001 ', 'odsCode: a81001 '], ['party: member-practices', 'party: A81001'])
    expect(
      messages(edit(base, ['odsCode: A81001 ', 'odsCode: A81009 '], ['party: member-practices', 'party: A81001'])).map((m) => m.ruleId),
    ).toEqual(['budget/risk-share-parties'])
    expect(messages(code, 'lint').map((m) => m.ruleId)).toEqual(['format/ods-code'])
  })
})

// workforce/partner-not-in-register: a trust partner's code the trust register (--trusts) does not hold.
import {describe, expect, it} from 'vitest'
import {checkText} from '../../src/engine/pipeline/run.js'
import type {TrustRegister} from '../../src/engine/io/ods.js'
import {edit, lineOf, riverside, TODAY} from '../helpers.js'

const base = riverside()
const trusts: TrustRegister = new Map([
  ['RX1', {name: 'RIVERSIDE COMMUNITY HEALTH NHS TRUST'}],
  ['RX2', {name: 'RIVERSIDE MENTAL HEALTH NHS TRUST'}],
  ['RX3', {name: 'RIVERSIDE HOSPITALS NHS FOUNDATION TRUST'}],
])
const found = (
  code: string,
  options: {trusts?: TrustRegister; mode?: 'lint' | 'validate'} = {trusts},
): Array<[string, number, number, string]> =>
  checkText(code, {mode: options.mode ?? 'lint', today: TODAY, ...(options.trusts ? {trusts: options.trusts} : {})}).messages.map((m) => [
    m.ruleId,
    m.line,
    m.column,
    m.message,
  ])
const ids = (code: string, register: TrustRegister = trusts): string[] => found(code, {trusts: register}).map(([id]) => id)

describe('workforce/partner-not-in-register', () => {
  it('reports a trust partner whose code the register does not hold, at the code', () => {
    expect(found(edit(base, ['odsCode: RX3', 'odsCode: RZZ']))).toEqual([
      [
        'workforce/partner-not-in-register',
        lineOf(base, 'odsCode: RX3'),
        18,
        'Trust code RZZ of partner riverside-acute is not in the ODS register of NHS trusts: check the code',
      ],
    ])
  })

  it.each([
    ['every trust partner in the register', base],
    ['a trust partner without an odsCode', edit(base, ['        odsCode: RX3\n', ''])],
    [
      'a social-care partner with a code the trust register does not hold',
      edit(base, ['        sector: social-care\n', '        sector: social-care\n        odsCode: 00X\n']),
    ],
    ['a voluntary partner with a code', edit(base, ['        sector: voluntary\n', '        sector: voluntary\n        odsCode: NL1\n'])],
  ])('is silent for %s', (_name, code) => {
    expect(ids(code)).toEqual([])
  })

  it('checks each of the three trust sectors', () => {
    for (const code of ['RX1', 'RX2', 'RX3']) {
      const without = new Map([...trusts].filter(([c]) => c !== code))
      expect(found(base, {trusts: without}).map(([id, line]) => `${id}@${line}`)).toEqual([
        `workforce/partner-not-in-register@${lineOf(base, `odsCode: ${code}`)}`,
      ])
    }
  })

  it('reads a lower-case code as format/ods-code fixes it', () => {
    expect(ids(edit(base, ['odsCode: RX3', 'odsCode: rx3']))).toEqual(['format/ods-code'])
  })

  it('is silent without a register, and in validate (not a compliance rule)', () => {
    const unknown = edit(base, ['odsCode: RX3', 'odsCode: RZZ'])
    expect(found(unknown, {})).toEqual([])
    expect(found(unknown, {trusts, mode: 'validate'})).toEqual([])
  })

  it('reports a code that is not a trust code with ods-code-format as well', () => {
    expect(ids(edit(base, ['odsCode: RX3', 'odsCode: RX301']))).toEqual(['workforce/ods-code-format', 'workforce/partner-not-in-register'])
  })
})

// workforce/partner-closed: a trust partner the trust register (--trusts) lists as closed, with its close date.
import {describe, expect, it} from 'vitest'
import {checkText} from '../../src/engine/pipeline/run.js'
import type {TrustRegister} from '../../src/engine/io/ods.js'
import {edit, lineOf, riverside, TODAY} from '../helpers.js'

const base = riverside()
const trusts: TrustRegister = new Map([
  ['RX1', {name: 'RIVERSIDE COMMUNITY HEALTH NHS TRUST'}],
  ['RX2', {name: "ST MARY'S MENTAL HEALTH NHS TRUST", closed: '2019-03-31'}],
  ['RX3', {name: 'RIVERSIDE HOSPITALS NHS FOUNDATION TRUST'}],
])
const found = (
  code: string,
  register: TrustRegister | null = trusts,
  mode: 'lint' | 'validate' = 'lint',
): Array<[string, number, number, string]> =>
  checkText(code, {mode, today: TODAY, ...(register ? {trusts: register} : {})}).messages.map((m) => [
    m.ruleId,
    m.line,
    m.column,
    m.message,
  ])

describe('workforce/partner-closed', () => {
  it('reports a closed trust partner, naming the trust as people write it and its close date', () => {
    expect(found(base)).toEqual([
      [
        'workforce/partner-closed',
        lineOf(base, 'odsCode: RX2'),
        18,
        "RX2 St Mary's Mental Health NHS Trust closed on 2019-03-31: partner riverside-mh needs an open trust, usually its successor",
      ],
    ])
  })

  it('reports every closed trust partner, in order', () => {
    const closed = new Map([...trusts].map(([code, entry]) => [code, {...entry, closed: '2020-09-30'}]))
    expect(found(base, closed).map(([id, line]) => `${id}@${line}`)).toEqual(
      ['RX1', 'RX2', 'RX3'].map((code) => `workforce/partner-closed@${lineOf(base, `odsCode: ${code}`)}`),
    )
  })

  it.each([
    ['open trusts', new Map([...trusts].map(([code, {name}]) => [code, {name}]))],
    ['no register', null],
  ])('is silent with %s', (_name, register) => {
    expect(found(base, register)).toEqual([])
  })

  it('is silent in validate, and for a closed code on a partner that is not a trust', () => {
    expect(found(base, trusts, 'validate')).toEqual([])
    const notTrust = edit(
      base,
      ['        sector: mental-health\n        odsCode: RX2\n', '        sector: mental-health\n'],
      ['        sector: voluntary\n', '        sector: voluntary\n        odsCode: RX2\n'],
    )
    expect(found(notTrust)).toEqual([])
  })

  it('leaves a code the register does not hold to partner-not-in-register', () => {
    expect(found(edit(base, ['odsCode: RX2', 'odsCode: RZZ'])).map(([id]) => id)).toEqual(['workforce/partner-not-in-register'])
  })
})

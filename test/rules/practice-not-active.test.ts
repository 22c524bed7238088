import {checkText} from '../../src/engine/pipeline/run.js'
import {describe, expect, it} from 'vitest'
import {edit, lineOf, riverside, TODAY} from '../helpers.js'

const base = riverside()
const register = new Map([
  ['A81001', {status: 'active'}],
  ['A81002', {status: 'dormant'}],
  ['A81004', {status: 'closed', closed: '2017-10-31'}],
])
const found = (code: string, withRegister = true): Array<[string, number, number, string]> =>
  checkText(code, {mode: 'lint', today: TODAY, ...(withRegister ? {register} : {})}).messages.map((m) => [
    m.ruleId,
    m.line,
    m.column,
    m.message,
  ])

describe('population/practice-not-active', () => {
  it('reports each practice that is not active, naming the close date when the register gives one', () => {
    expect(found(base)).toEqual([
      [
        'population/practice-not-active',
        lineOf(base, 'odsCode: A81002'),
        18,
        'Practice A81002 is dormant in the ODS register: it has no registered patients to count',
      ],
      [
        'population/practice-not-active',
        lineOf(base, 'odsCode: A81004'),
        18,
        'Practice A81004 is closed in the ODS register (since 2017-10-31): it has no registered patients to count',
      ],
    ])
  })

  it('is silent for active practices, without a register, and in validate', () => {
    const active = new Map([...register].map(([code]) => [code, {status: 'active'}]))
    expect(checkText(base, {mode: 'lint', today: TODAY, register: active}).messages).toEqual([])
    expect(found(base, false)).toEqual([])
    expect(checkText(base, {mode: 'validate', today: TODAY, register}).messages).toEqual([])
  })

  it('leaves a practice the register does not hold to practice-not-in-register', () => {
    expect(found(edit(base, ['odsCode: A81002', 'odsCode: A89999'])).map(([id]) => id)).toEqual([
      'population/practice-not-in-register',
      'population/practice-not-active',
    ])
  })
})

import {checkText} from '../../src/engine/pipeline/run.js'
import {describe, expect, it} from 'vitest'
import {edit, lineOf, riverside, short, TODAY} from '../helpers.js'

const base = riverside()
const register = new Map([
  ['A81001', {status: 'active'}],
  ['A81002', {status: 'active'}],
  ['A81004', {status: 'active'}],
])
const lint = (code: string, withRegister = true): string[] =>
  checkText(code, {mode: 'lint', today: TODAY, ...(withRegister ? {register} : {})}).messages.map(short)

describe('population/practice-not-in-register', () => {
  it('is silent for riverside, whose practices are all in the register', () => {
    expect(lint(base)).toEqual([])
  })

  it('reports a practice the register does not hold, at its code', () => {
    const code = edit(base, ['odsCode: A81004', 'odsCode: A89999'])
    expect(lint(code)).toEqual([`population/practice-not-in-register@${lineOf(base, 'odsCode: A81004')}:18`])
    const [message] = checkText(code, {mode: 'lint', today: TODAY, register}).messages
    expect(message!.message).toBe('Practice A89999 is not in the ODS register of GP practices: check the code')
  })

  it('is silent without a register, and in validate', () => {
    const code = edit(base, ['odsCode: A81004', 'odsCode: A89999'])
    expect(lint(code, false)).toEqual([])
    expect(checkText(code, {mode: 'validate', today: TODAY, register}).messages).toEqual([])
  })

  it('reads a lower-case code as format/ods-code fixes it', () => {
    expect(lint(edit(base, ['odsCode: A81004', 'odsCode: a81004']))).toEqual([`format/ods-code@${lineOf(base, 'odsCode: A81004')}:18`])
  })
})

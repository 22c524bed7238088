// Approved exceptions (format.md "Exceptions"): all four fields present, they turn the named compliance
// rule's findings into severity `info`, marked excepted; anything less does not apply.
import {describe, expect, it} from 'vitest'
import {validate} from '../../src/index.js'
import {edit, lineOf, messages, riverside, short, TODAY} from '../helpers.js'

const base = riverside()

/** Riverside at 26,100 (below the band), budget adjusted so only population/size-band fires. */
const small = edit(
  base,
  ['listSize: 14250', 'listSize: 4250'],
  ['total: 5776000', 'total: 4176000'],
  ['amount: 5276000', 'amount: 3676000'],
)

/** Replace `exceptions: []` with one exception of the given `key: value` lines. */
const withException = (text: string, ...fields: string[]): string =>
  edit(text, ['exceptions: []', `exceptions:\n    - ${fields.join('\n      ')}`])

const sizeBand = 'rule: population/size-band'
const reason = 'reason: Rural practices; the ICB approved a population of 24,000'
const approvedBy = 'approvedBy: North Riverside ICB primary care committee'
const approvedOn = 'approvedOn: 2026-03-12'

const approved = withException(small, sizeBand, reason, approvedBy, approvedOn)
const practices = lineOf(approved, 'practices:')

describe('exceptions', () => {
  it('the riverside example has none, and no finding is excepted', () => {
    expect(base).toContain('exceptions: []')
    expect(messages(base)).toEqual([])
    expect(messages(base, 'lint').filter((m) => m.excepted || m.severity === 'info')).toEqual([])
  })

  it('without an exception, the small site is a size-band error', () => {
    expect(messages(small)).toMatchObject([{ruleId: 'population/size-band', severity: 'error'}])
    expect(messages(small)[0]).not.toHaveProperty('excepted')
  })

  it.each(['validate', 'lint'] as const)('an approved exception turns size-band into info, excepted (%s)', (mode) => {
    expect(messages(approved, mode)).toEqual([
      {
        ruleId: 'population/size-band',
        severity: 'info',
        message: 'Registered population 26,100 is below 30,000 (band 30,000-50,000)',
        line: practices,
        column: 5,
        endLine: practices,
        endColumn: 14,
        path: '/spec/population/practices',
        characteristic: 4,
        fixable: false,
        excepted: true,
      },
    ])
  })

  it('validate counts no error for an excepted finding', () => {
    const [result] = validate({paths: ['-'], stdin: approved, stdinFilename: 'riverside.pch.yaml', today: TODAY})
    expect(result).toMatchObject({filePath: 'riverside.pch.yaml', documents: 1, errorCount: 0, warningCount: 0})
    expect(result!.messages.map((m) => [m.ruleId, m.severity, m.excepted])).toEqual([['population/size-band', 'info', true]])
  })

  it('without approvedBy the exception does not apply: size-band stays an error, and the schema names the missing key', () => {
    const code = withException(small, sizeBand, reason, approvedOn)
    const found = messages(code)
    expect(found.map(short)).toEqual([`schema@${lineOf(code, sizeBand)}:7`, `population/size-band@${lineOf(code, 'practices:')}:5`])
    expect(found.map((m) => [m.severity, m.excepted])).toEqual([
      ['error', undefined],
      ['error', undefined],
    ])
    expect(found[0]!.message).toBe('Entry 1 of exceptions is missing the required key "approvedBy"')
    const [result] = validate({paths: ['-'], stdin: code, today: TODAY})
    expect(result!.errorCount).toBe(2)
  })

  it.each([
    ['reason', [sizeBand, approvedBy, approvedOn], 'reason'],
    ['approvedOn', [sizeBand, reason, approvedBy], 'approvedOn'],
  ])('without %s the exception does not apply', (_name, fields, missing) => {
    const code = withException(small, ...fields)
    const found = messages(code)
    expect(found.map((m) => [short(m), m.severity])).toEqual([
      [`schema@${lineOf(code, sizeBand)}:7`, 'error'],
      [`population/size-band@${lineOf(code, 'practices:')}:5`, 'error'],
    ])
    expect(found[0]!.message).toBe(`Entry 1 of exceptions is missing the required key "${missing}"`)
  })

  it('an empty approvedBy does not apply', () => {
    const code = withException(small, sizeBand, reason, 'approvedBy: ""', approvedOn)
    expect(messages(code).map((m) => [short(m), m.severity])).toEqual([
      [`schema@${lineOf(code, 'approvedBy:')}:19`, 'error'],
      [`population/size-band@${lineOf(code, 'practices:')}:5`, 'error'],
    ])
  })

  it('an exception for one rule does not cover another', () => {
    // Below the band and the total left at £5,776,000: size-band (excepted) and capitation-mismatch (not).
    const code = withException(edit(base, ['listSize: 14250', 'listSize: 4250']), sizeBand, reason, approvedBy, approvedOn)
    expect(messages(code).map((m) => [short(m), m.severity, m.excepted ?? false])).toEqual([
      [`population/size-band@${lineOf(code, 'practices:')}:5`, 'info', true],
      [`budget/capitation-mismatch@${lineOf(code, 'total:')}:12`, 'error', false],
    ])
    const [result] = validate({paths: ['-'], stdin: code, today: TODAY})
    expect(result!.errorCount).toBe(1)
  })

  it('an exception for another compliance rule does not cover size-band', () => {
    const code = withException(small, 'rule: workforce/social-care-partner', reason, approvedBy, approvedOn)
    expect(messages(code).map((m) => [short(m), m.severity, m.excepted ?? false])).toEqual([
      [`population/size-band@${lineOf(code, 'practices:')}:5`, 'error', false],
    ])
  })

  it('an approved exception covers every finding of its rule, and only those', () => {
    // No social-care partner, and below the band: only the social-care finding is excepted.
    const code = withException(
      edit(small, ['sector: social-care', 'sector: voluntary']),
      'rule: workforce/social-care-partner',
      'reason: Social care is commissioned across the county',
      approvedBy,
      approvedOn,
    )
    expect(messages(code).map((m) => [short(m), m.severity, m.excepted ?? false])).toEqual([
      [`population/size-band@${lineOf(code, 'practices:')}:5`, 'error', false],
      [`workforce/social-care-partner@${lineOf(code, 'partners:')}:5`, 'info', true],
    ])
  })
})

import {describe, expect, it} from 'vitest'
import {checkText} from '../../src/engine/pipeline/run.js'
import type {ConfiguredSeverity} from '../../src/engine/config/config.js'
import {edit, lineOf, messages, riverside, TODAY} from '../helpers.js'
import {ruleTable, type InvalidCase, type ValidCase} from '../rule-tester.js'

// riverside: population.asOf 2026-10-01; TODAY 2026-11-01; the default maximum age is 6 months.
const base = riverside()
const asOf = lineOf(base, 'asOf: 2026-10-01')
const populationKey = lineOf(base, 'population:')

/** A lint case (these are lint rules). */
const lint = <T extends ValidCase | InvalidCase>(cases: T[]): T[] => cases.map((c) => ({mode: 'lint', ...c}))

const listedOn = (date: string): string => edit(base, ['asOf: 2026-10-01', `asOf: ${date}`])

ruleTable('population/stale-list-sizes', {
  valid: lint([
    {name: 'riverside: one month old', code: base},
    {name: 'exactly 6 months old (2026-05-01 on 2026-11-01) is not stale', code: listedOn('2026-05-01')},
    {name: 'as of today', code: listedOn(TODAY)},
    {name: 'a date after today', code: listedOn('2027-01-01')},
    {name: 'a quoted date, exactly 6 months old', code: listedOn('"2026-05-01"')},
    {name: 'month ends: 2026-04-30 is exactly 6 months before 2026-10-30', code: listedOn('2026-04-30'), today: '2026-10-30'},
    {name: 'a short month: 2026-08-31 + 6 months is 2027-02-28', code: listedOn('2026-08-31'), today: '2027-02-28'},
    {name: "an impossible date is the schema's to report", code: listedOn('2026-02-30')},
    {name: 'validate does not run it (not a compliance rule)', code: listedOn('2025-10-01'), mode: 'validate'},
  ]),
  invalid: lint([
    {
      name: 'a day more than 6 months old: at the asOf value',
      code: listedOn('2026-04-30'),
      errors: [
        {
          at: `population/stale-list-sizes@${asOf}:11-${asOf}:21`,
          messageId: 'stale',
          data: {asOf: '2026-04-30', months: 6, today: '2026-11-01'},
        },
      ],
    },
    {
      name: 'a year old',
      code: listedOn('2025-10-01'),
      errors: [
        {
          at: `population/stale-list-sizes@${asOf}:11-${asOf}:21`,
          messageId: 'stale',
          data: {asOf: '2025-10-01', months: 6, today: '2026-11-01'},
        },
      ],
    },
    {
      name: 'a quoted date a day too old',
      code: listedOn('"2026-04-30"'),
      errors: [
        {
          at: `population/stale-list-sizes@${asOf}:11-${asOf}:23`,
          messageId: 'stale',
          data: {asOf: '2026-04-30', months: 6, today: '2026-11-01'},
        },
      ],
    },
    {
      name: 'month ends: 2026-04-30 on 2026-10-31',
      code: listedOn('2026-04-30'),
      today: '2026-10-31',
      errors: [
        {
          at: `population/stale-list-sizes@${asOf}:11-${asOf}:21`,
          messageId: 'stale',
          data: {asOf: '2026-04-30', months: 6, today: '2026-10-31'},
        },
      ],
    },
    {
      name: 'a short month: 2026-08-31 on 2027-03-01',
      code: listedOn('2026-08-31'),
      today: '2027-03-01',
      errors: [
        {
          at: `population/stale-list-sizes@${asOf}:11-${asOf}:21`,
          messageId: 'stale',
          data: {asOf: '2026-08-31', months: 6, today: '2027-03-01'},
        },
      ],
    },
    {name: 'an impossible date: schema only', code: listedOn('2026-02-30'), errors: [`schema@${asOf}:11`]},
    {name: 'a number, not a date: schema only', code: listedOn('20250101'), errors: [`schema@${asOf}:11`]},
    {
      name: 'asOf missing: schema only, at the population key',
      code: edit(base, ['    asOf: 2026-10-01                 # date of the list-size extract\n', '']),
      errors: [`schema@${populationKey}:3`],
    },
  ]),
})

describe('population/stale-list-sizes message and options', () => {
  it('names the date, the maximum age and today', () => {
    expect(messages(listedOn('2026-04-30'), 'lint')).toMatchObject([
      {
        ruleId: 'population/stale-list-sizes',
        severity: 'warning',
        message: 'List sizes are as of 2026-04-30, more than 6 months before 2026-11-01; refresh them (pch sync-list-sizes)',
        line: asOf,
        column: 11,
        path: '/spec/population/asOf',
        characteristic: 4,
      },
    ])
  })

  const config = (severity: ConfiguredSeverity, options: Record<string, unknown>) => ({
    dir: '/',
    rules: new Map([['population/stale-list-sizes', {severity, options}]]),
    ignore: [],
  })
  const lintWith = (code: string, severity: ConfiguredSeverity, options: Record<string, unknown> = {}) =>
    checkText(code, {mode: 'lint', today: TODAY, config: config(severity, options)}).messages.map((m) => [m.ruleId, m.severity, m.message])

  it('option maxAgeMonths 3: exactly 3 months is not stale', () => {
    expect(lintWith(listedOn('2026-08-01'), 'warning', {maxAgeMonths: 3})).toEqual([])
  })

  it('option maxAgeMonths 3: a day more is, and the message names 3 months', () => {
    expect(lintWith(listedOn('2026-07-31'), 'warning', {maxAgeMonths: 3})).toEqual([
      [
        'population/stale-list-sizes',
        'warning',
        'List sizes are as of 2026-07-31, more than 3 months before 2026-11-01; refresh them (pch sync-list-sizes)',
      ],
    ])
  })

  it('option maxAgeMonths 12: a year old is not stale', () => {
    expect(lintWith(listedOn('2025-11-01'), 'warning', {maxAgeMonths: 12})).toEqual([])
  })

  it('config severity error and off', () => {
    expect(lintWith(listedOn('2026-04-30'), 'error').map(([, severity]) => severity)).toEqual(['error'])
    expect(lintWith(listedOn('2026-04-30'), 'off')).toEqual([])
  })
})

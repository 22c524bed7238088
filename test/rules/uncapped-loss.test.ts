import {describe, expect, it} from 'vitest'
import {edit, lineOf, messages, riverside} from '../helpers.js'
import {ruleTable, type ValidCase} from '../rule-tester.js'

// riverside: riskShare model gain-and-loss with maxLossPercent 3.
const base = riverside()
const riskShare = lineOf(base, 'riskShare:')
const cap = lineOf(base, 'maxLossPercent: 3')
const noCap: [RegExp, string] = [/      maxLossPercent: .*\n/, '']
const setCap = (value: string): [string, string] => ['maxLossPercent: 3 ', `maxLossPercent: ${value} `]
const riskShareBlock = /    riskShare:[\s\S]*?(?=  care:)/
const flowRiskShare = (extra: string): string =>
  `    riskShare: {model: gain-and-loss, shares: [{party: member-practices, gainPercent: 60, lossPercent: 60}, {party: riverside-acute, gainPercent: 40, lossPercent: 40}]${extra}}\n`

/** These are lint rules: every case runs in lint mode unless it says otherwise. */
const lint = <T extends ValidCase>(cases: T[]): T[] => cases.map((c) => ({mode: 'lint' as const, ...c}))

ruleTable('budget/uncapped-loss', {
  valid: lint([
    {name: 'riverside: gain-and-loss, maxLossPercent 3', code: base},
    {name: 'a cap of 0 is a cap', code: edit(base, setCap('0'))},
    {name: 'a cap of 100', code: edit(base, setCap('100'))},
    {name: 'a flow-style riskShare with a cap', code: edit(base, [riskShareBlock, flowRiskShare(', maxLossPercent: 5')])},
    {name: 'gain-only: no losses to cap', code: edit(base, ['model: gain-and-loss', 'model: gain-only'], noCap)},
    {name: 'model none: no losses to cap', code: edit(base, ['model: gain-and-loss', 'model: none'], noCap)},
    {name: 'a "3" cap is read as 3', code: edit(base, setCap('"3"'))},
    {name: "a cap that is not a number is the schema's to report", code: edit(base, setCap('three'))},
    {name: 'validate mode does not run this lint rule', code: edit(base, noCap), mode: 'validate'},
  ]),
  invalid: lint([
    {
      name: 'gain-and-loss without maxLossPercent: at the riskShare key',
      code: edit(base, noCap),
      errors: [{at: `budget/uncapped-loss@${riskShare}:5-${riskShare}:14`, messageId: 'uncapped'}],
    },
    {
      name: 'a flow-style riskShare without a cap: at the flow mapping',
      code: edit(base, [riskShareBlock, flowRiskShare('')]),
      errors: [{at: `budget/uncapped-loss@${riskShare}:16-${riskShare}:169`, messageId: 'uncapped'}],
    },
    {
      name: 'a "3" cap is read as 3 (format/number only)',
      code: edit(base, setCap('"3"')),
      errors: [`format/number@${cap}:23`],
    },
    {
      name: 'a cap that is not a number: schema only, not also uncapped',
      code: edit(base, setCap('three')),
      errors: [`schema@${cap}:23`],
    },
    {
      name: 'a cap over 100: schema only',
      code: edit(base, setCap('150')),
      errors: [`schema@${cap}:23`],
    },
  ]),
})

describe('budget/uncapped-loss message', () => {
  it('asks for maxLossPercent', () => {
    const found = messages(edit(base, noCap), 'lint').filter((m) => m.ruleId === 'budget/uncapped-loss')
    expect(found.map((m) => [m.severity, m.message])).toEqual([
      ['warning', 'Losses are shared with no cap: set maxLossPercent, the most any party can lose'],
    ])
  })
})

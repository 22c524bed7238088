import {describe, expect, it} from 'vitest'
import {edit, lineOf, messages, riverside} from '../helpers.js'
import {ruleTable, type ValidCase} from '../rule-tester.js'

// riverside: riskShare model gain-and-loss with maxLossPercent 3.
const base = riverside()
const riskShare = lineOf(base, 'riskShare:')
const model = lineOf(base, 'model: gain-and-loss')
const setModel = (value: string): [string, string] => ['model: gain-and-loss', `model: ${value}`]
const riskShareBlock = /    riskShare:[\s\S]*?(?=  care:)/

/** These are lint rules: every case runs in lint mode unless it says otherwise. */
const lint = <T extends ValidCase>(cases: T[]): T[] => cases.map((c) => ({mode: 'lint' as const, ...c}))

ruleTable('budget/gain-only', {
  valid: lint([
    {name: 'riverside: gain-and-loss', code: base},
    {name: "model none is risk-share-required's to report", code: edit(base, setModel('none'))},
    {name: "an unknown model is the schema's to report", code: edit(base, setModel('Gain-Only'))},
    {name: 'validate mode does not run this lint rule', code: edit(base, setModel('gain-only')), mode: 'validate'},
  ]),
  invalid: lint([
    {
      name: 'gain-only: at the model value',
      code: edit(base, setModel('gain-only')),
      errors: [{at: `budget/gain-only@${model}:14-${model}:23`, messageId: 'gainOnly'}],
    },
    {
      name: 'gain-only, quoted',
      code: edit(base, setModel('"gain-only"')),
      errors: [{at: `budget/gain-only@${model}:14-${model}:25`, messageId: 'gainOnly'}],
    },
    {
      name: 'gain-only without maxLossPercent: not also uncapped-loss',
      code: edit(base, setModel('gain-only'), [/      maxLossPercent: .*\n/, '']),
      errors: [{at: `budget/gain-only@${model}:14-${model}:23`, messageId: 'gainOnly'}],
    },
    {
      name: 'a flow-style riskShare with gain-only shares: at the model value',
      code: edit(base, [
        riskShareBlock,
        '    riskShare: {model: gain-only, shares: [{party: member-practices, gainPercent: 60}, {party: riverside-acute, gainPercent: 40}]}\n',
      ]),
      errors: [{at: `budget/gain-only@${riskShare}:24-${riskShare}:33`, messageId: 'gainOnly'}],
    },
    {
      name: 'a model misspelt: schema only (with a suggestion), not also gain-only',
      code: edit(base, setModel('Gain-Only')),
      errors: [`schema@${model}:14`],
    },
    {
      name: 'a model that is not text: schema only, no crash',
      code: edit(base, setModel('[gain-only]')),
      errors: [`schema@${model}:14`],
    },
    {
      name: 'no model: schema only, at the riskShare key',
      code: edit(base, [/      model: gain-and-loss.*\n/, '']),
      errors: [`schema@${riskShare}:5`],
    },
  ]),
})

describe('budget/gain-only message', () => {
  it('says rewards are shared but risks are not', () => {
    const found = messages(edit(base, setModel('gain-only')), 'lint').filter((m) => m.ruleId === 'budget/gain-only')
    expect(found.map((m) => [m.severity, m.message])).toEqual([
      ['warning', 'Risk-share model is gain-only: rewards are shared but risks are not'],
    ])
  })
})

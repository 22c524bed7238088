import {edit, lineOf, riverside} from '../helpers.js'
import {ruleTable} from '../rule-tester.js'

const base = riverside()
const model = lineOf(base, 'model: gain-and-loss')
const shareList = /      shares:[\s\S]*?(?=      maxLossPercent:)/
const none: [string, string] = ['model: gain-and-loss', 'model: none']

ruleTable('budget/risk-share-required', {
  valid: [
    {name: 'riverside: gain-and-loss', code: base},
    {name: 'gain-only shares rewards', code: edit(base, ['model: gain-and-loss', 'model: gain-only'])},
    {name: "a model that is not in the list is the schema's to report", code: edit(base, ['model: gain-and-loss', 'model: None'])},
  ],
  invalid: [
    {
      name: 'model none: at the model value',
      code: edit(base, none),
      errors: [{at: `budget/risk-share-required@${model}:14-${model}:18`, messageId: 'none'}],
    },
    {
      name: 'model "none" quoted',
      code: edit(base, ['model: gain-and-loss', 'model: "none"']),
      errors: [{at: `budget/risk-share-required@${model}:14-${model}:20`, messageId: 'none'}],
    },
    {
      name: 'model none without shares: one finding, the share rules step aside',
      code: edit(base, none, [shareList, '']),
      errors: [{at: `budget/risk-share-required@${model}:14-${model}:18`, messageId: 'none'}],
    },
    {
      name: 'model none with an empty shares list: one finding',
      code: edit(base, none, [shareList, '      shares: []\n']),
      errors: [{at: `budget/risk-share-required@${model}:14-${model}:18`, messageId: 'none'}],
    },
    {
      name: 'model none with shares that neither add up nor include a partner: one finding',
      code: edit(
        base,
        none,
        ['gainPercent: 40', 'gainPercent: 50'],
        ['party: riverside-community', 'party: A81001'],
        ['party: riverside-acute', 'party: A81002'],
      ),
      errors: [{at: `budget/risk-share-required@${model}:14-${model}:18`, messageId: 'none'}],
    },
    {
      name: 'a mis-cased model: schema only (enum), no crash',
      code: edit(base, ['model: gain-and-loss', 'model: None']),
      errors: [`schema@${model}:14`],
    },
    {
      name: 'a model that is a list: schema only, no crash',
      code: edit(base, ['model: gain-and-loss', 'model: [none]']),
      errors: [`schema@${model}:14`],
    },
    {
      name: 'model missing: schema only, at the riskShare key',
      code: edit(base, ['      model: gain-and-loss           # gain-and-loss | gain-only | none\n', '']),
      errors: [`schema@${lineOf(base, 'riskShare:')}:5`],
    },
    {
      name: 'riskShare missing: schema only, at the budget key',
      code: edit(base, [/    riskShare:[\s\S]*?(?=  care:)/, '']),
      errors: [`schema@${lineOf(base, 'budget:')}:3`],
    },
  ],
})

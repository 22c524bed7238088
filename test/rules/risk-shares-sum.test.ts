import {edit, lineOf, riverside} from '../helpers.js'
import {ruleTable} from '../rule-tester.js'

// riverside shares: gain 40 + 30 + 30, loss 30 + 35 + 35, model gain-and-loss.
const base = riverside()
const shares = lineOf(base, 'shares:')
const shareList = /      shares:[\s\S]*?(?=      maxLossPercent:)/
const gainOnly: [string, string] = ['model: gain-and-loss', 'model: gain-only']
const gain40 = lineOf(base, 'gainPercent: 40')
const loss30 = lineOf(base, 'lossPercent: 30')

/** A block list of shares, one flow mapping per line. */
const shareRows = (...rows: string[]): string => `      shares:\n${rows.map((row) => `        - ${row}\n`).join('')}`
const thirds = shareRows(
  '{party: member-practices, gainPercent: 33.4, lossPercent: 33.4}',
  '{party: riverside-community, gainPercent: 33.3, lossPercent: 33.3}',
  '{party: riverside-acute, gainPercent: 33.3, lossPercent: 33.3}',
)

ruleTable('budget/risk-shares-sum', {
  valid: [
    {name: 'riverside: 40 + 30 + 30 and 30 + 35 + 35', code: base},
    {name: 'decimal shares 33.4 + 33.3 + 33.3 add up to exactly 100', code: edit(base, [shareList, thirds])},
    {name: 'gain-only: loss shares are not checked', code: edit(base, gainOnly, ['lossPercent: 30', 'lossPercent: 20'])},
    {
      name: 'gain-only without any lossPercent',
      code: edit(base, gainOnly, [
        shareList,
        shareRows('{party: member-practices, gainPercent: 60}', '{party: riverside-acute, gainPercent: 40}'),
      ]),
    },
    {
      name: 'model none: shares are not checked',
      code: edit(base, ['model: gain-and-loss', 'model: none'], ['gainPercent: 40', 'gainPercent: 50']),
    },
    {name: "an empty shares list is risk-share-parties' to report", code: edit(base, [shareList, '      shares: []\n'])},
    {
      name: "a gain that is not a number: the sum is unknown, the schema's to report",
      code: edit(base, ['gainPercent: 40', 'gainPercent: forty']),
    },
  ],
  invalid: [
    {
      name: 'gain shares add up to 110: at the shares key',
      code: edit(base, ['gainPercent: 40', 'gainPercent: 50']),
      errors: [{at: `budget/risk-shares-sum@${shares}:7-${shares}:13`, messageId: 'gain', data: {sum: 110, total: 100}}],
    },
    {
      name: 'gain shares add up to 90',
      code: edit(base, ['gainPercent: 40', 'gainPercent: 30']),
      errors: [{at: `budget/risk-shares-sum@${shares}:7-${shares}:13`, messageId: 'gain', data: {sum: 90, total: 100}}],
    },
    {
      name: 'gain-and-loss: loss shares add up to 90',
      code: edit(base, ['lossPercent: 30', 'lossPercent: 20']),
      errors: [{at: `budget/risk-shares-sum@${shares}:7-${shares}:13`, messageId: 'loss', data: {sum: 90, total: 100}}],
    },
    {
      name: 'both off: one finding for gain, one for loss',
      code: edit(base, ['gainPercent: 40', 'gainPercent: 50'], ['lossPercent: 30', 'lossPercent: 20']),
      errors: [
        {at: `budget/risk-shares-sum@${shares}:7-${shares}:13`, messageId: 'gain', data: {sum: 110, total: 100}},
        {at: `budget/risk-shares-sum@${shares}:7-${shares}:13`, messageId: 'loss', data: {sum: 90, total: 100}},
      ],
    },
    {
      name: 'gain-only: gain shares are still checked',
      code: edit(base, gainOnly, ['gainPercent: 40', 'gainPercent: 45']),
      errors: [{at: `budget/risk-shares-sum@${shares}:7-${shares}:13`, messageId: 'gain', data: {sum: 105, total: 100}}],
    },
    {
      name: 'gain-and-loss: a share without lossPercent counts as 0 (loss 70)',
      code: edit(base, ['          lossPercent: 30\n', '']),
      errors: [{at: `budget/risk-shares-sum@${shares}:7-${shares}:13`, messageId: 'loss', data: {sum: 70, total: 100}}],
    },
    {
      name: 'decimal shares 33.3 x 3 add up to 99.9',
      code: edit(base, [shareList, thirds.replace('gainPercent: 33.4', 'gainPercent: 33.3')]),
      errors: [{at: `budget/risk-shares-sum@${shares}:7-${shares}:13`, messageId: 'gain', data: {sum: 99.9, total: 100}}],
    },
    {
      name: 'a flow-style list: at the [',
      code: edit(base, [
        shareList,
        '      shares: [{party: member-practices, gainPercent: 50, lossPercent: 50}, {party: riverside-acute, gainPercent: 40, lossPercent: 50}]\n',
      ]),
      errors: [{at: `budget/risk-shares-sum@${shares}:15-${shares}:136`, messageId: 'gain', data: {sum: 90, total: 100}}],
    },
    {
      name: 'a "50" gain share is read as 50: format/number, and the gain sum is 110',
      code: edit(base, ['gainPercent: 40', 'gainPercent: "50"']),
      errors: [
        {at: `budget/risk-shares-sum@${shares}:7-${shares}:13`, messageId: 'gain', data: {sum: 110, total: 100}},
        `format/number@${gain40}:24`,
      ],
    },
    {
      name: 'a "40" gain share is read as 40 (format/number only)',
      code: edit(base, ['gainPercent: 40', 'gainPercent: "40"']),
      errors: [`format/number@${gain40}:24`],
    },
    {
      name: 'a gain share that is not a number: schema only, no crash',
      code: edit(base, ['gainPercent: 40', 'gainPercent: forty']),
      errors: [`schema@${gain40}:24`],
    },
    {
      name: 'a loss share that is not a number: schema only, no crash',
      code: edit(base, ['lossPercent: 30', 'lossPercent: thirty']),
      errors: [`schema@${loss30}:24`],
    },
    {
      name: 'an out-of-range loss share (130): schema only, not also the loss sum',
      code: edit(base, ['lossPercent: 30', 'lossPercent: 130']),
      errors: [`schema@${loss30}:24`],
    },
    {
      name: 'shares that are not a list: schema only, no crash',
      code: edit(base, [shareList, '      shares: {party: member-practices}\n']),
      errors: [`schema@${shares}:15`],
    },
  ],
})

import {edit, lineOf, riverside} from '../helpers.js'
import {ruleTable} from '../rule-tester.js'

// riverside shares: member-practices, riverside-community and riverside-acute.
const base = riverside()
const shares = lineOf(base, 'shares:')
const shareList = /      shares:[\s\S]*?(?=      maxLossPercent:)/

/** A block list of shares, one flow mapping per line. */
const shareRows = (...rows: string[]): string => `      shares:\n${rows.map((row) => `        - ${row}\n`).join('')}`

ruleTable('budget/risk-share-parties', {
  valid: [
    {name: 'riverside: member-practices and two trusts', code: base},
    {name: 'a member practice by its code instead of member-practices', code: edit(base, ['party: member-practices', 'party: A81004'])},
    {name: 'a social-care partner holds a share', code: edit(base, ['party: riverside-community', 'party: riverside-council'])},
    {
      name: 'exactly two parties, gain-only',
      code: edit(
        base,
        ['model: gain-and-loss', 'model: gain-only'],
        [shareList, shareRows('{party: member-practices, gainPercent: 60}', '{party: riverside-acute, gainPercent: 40}')],
      ),
    },
    {name: 'model none: parties are not checked', code: edit(base, ['model: gain-and-loss', 'model: none'], [shareList, ''])},
    {name: "shares that are not a list are the schema's to report", code: edit(base, [shareList, '      shares: all\n'])},
  ],
  invalid: [
    {
      name: 'one party: too few, at the shares key',
      code: edit(base, [shareList, shareRows('{party: member-practices, gainPercent: 100, lossPercent: 100}')]),
      errors: [
        {at: `budget/risk-share-parties@${shares}:7-${shares}:13`, messageId: 'tooFew', data: {count: 1, parties: 'party', minimum: 2}},
      ],
    },
    {
      name: 'one party in a flow-style list: at the [',
      code: edit(base, [shareList, '      shares: [{party: member-practices, gainPercent: 100, lossPercent: 100}]\n']),
      errors: [
        {at: `budget/risk-share-parties@${shares}:15-${shares}:78`, messageId: 'tooFew', data: {count: 1, parties: 'party', minimum: 2}},
      ],
    },
    {
      name: 'the same party twice counts once',
      code: edit(base, [
        shareList,
        shareRows(
          '{party: member-practices, gainPercent: 50, lossPercent: 50}',
          '{party: member-practices, gainPercent: 50, lossPercent: 50}',
        ),
      ]),
      errors: [
        {at: `budget/risk-share-parties@${shares}:7-${shares}:13`, messageId: 'tooFew', data: {count: 1, parties: 'party', minimum: 2}},
      ],
    },
    {
      name: 'gain-only with one party',
      code: edit(base, ['model: gain-and-loss', 'model: gain-only'], [shareList, shareRows('{party: member-practices, gainPercent: 100}')]),
      errors: [
        {at: `budget/risk-share-parties@${shares}:7-${shares}:13`, messageId: 'tooFew', data: {count: 1, parties: 'party', minimum: 2}},
      ],
    },
    {
      name: 'an empty list: 0 parties at the [, not schema',
      code: edit(base, [shareList, '      shares: []\n']),
      errors: [
        {at: `budget/risk-share-parties@${shares}:15-${shares}:17`, messageId: 'tooFew', data: {count: 0, parties: 'parties', minimum: 2}},
      ],
    },
    {
      name: 'shares missing: 0 parties at the riskShare key',
      code: edit(base, [shareList, '']),
      errors: [
        {
          at: `budget/risk-share-parties@${lineOf(base, 'riskShare:')}:5-${lineOf(base, 'riskShare:')}:14`,
          messageId: 'tooFew',
          data: {count: 0, parties: 'parties', minimum: 2},
        },
      ],
    },
    {
      name: 'no member practice holds a share',
      code: edit(base, ['party: member-practices', 'party: riverside-mh']),
      errors: [{at: `budget/risk-share-parties@${shares}:7-${shares}:13`, messageId: 'noPractices'}],
    },
    {
      name: 'a practice code that is not a member does not count for the practices',
      code: edit(base, ['party: member-practices', 'party: A99999']),
      errors: [{at: `budget/risk-share-parties@${shares}:7-${shares}:13`, messageId: 'noPractices'}],
    },
    {
      name: 'no partner holds a share: only practices',
      code: edit(base, ['party: riverside-community', 'party: A81001'], ['party: riverside-acute', 'party: A81002']),
      errors: [{at: `budget/risk-share-parties@${shares}:7-${shares}:13`, messageId: 'noPartner'}],
    },
    {
      name: 'an id that is not a partner does not count for the partners',
      code: edit(base, ['party: riverside-community', 'party: riverside-dental'], ['party: riverside-acute', 'party: riverside-gp']),
      errors: [{at: `budget/risk-share-parties@${shares}:7-${shares}:13`, messageId: 'noPartner'}],
    },
    {
      name: 'neither practices nor a partner: both findings',
      code: edit(base, [
        shareList,
        shareRows('{party: A99999, gainPercent: 50, lossPercent: 50}', '{party: someone-else, gainPercent: 50, lossPercent: 50}'),
      ]),
      errors: [
        {at: `budget/risk-share-parties@${shares}:7-${shares}:13`, messageId: 'noPartner'},
        {at: `budget/risk-share-parties@${shares}:7-${shares}:13`, messageId: 'noPractices'},
      ],
    },
    {
      name: 'a lower-case code in practices: format/ods-code, and it still counts as a member',
      code: edit(base, ['odsCode: A81004', 'odsCode: a81004'], ['party: member-practices', 'party: A81004']),
      errors: [`format/ods-code@${lineOf(base, 'odsCode: A81004')}:18`],
    },
    {
      name: 'a party code written with a space: format/ods-code, and it counts as the member',
      code: edit(base, ['party: member-practices', 'party: "A81 004"']),
      errors: [`format/ods-code@${lineOf(base, 'party: member-practices')}:18`],
    },
    {
      name: 'a party that is not text beside two valid parties: schema only, no crash',
      code: edit(base, ['party: riverside-acute', 'party: 42']),
      errors: [`schema@${lineOf(base, 'party: riverside-acute')}:18`],
    },
    {
      name: 'shares that are not a list: schema only, no crash',
      code: edit(base, [shareList, '      shares: all\n']),
      errors: [`schema@${shares}:15`],
    },
  ],
})

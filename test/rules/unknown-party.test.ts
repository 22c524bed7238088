import {describe, expect, it} from 'vitest'
import {edit, lineOf, messages, riverside} from '../helpers.js'
import {ruleTable, type ValidCase} from '../rule-tester.js'

// riverside parties: member-practices, riverside-community and riverside-acute; practices A81001,
// A81002 and A81004; partners riverside-community, -mh, -acute, -council and -cvs.
const base = riverside()
const shares = lineOf(base, 'shares:')
const shareList = /      shares:[\s\S]*?(?=      maxLossPercent:)/
const practicesParty = lineOf(base, 'party: member-practices')
const community = lineOf(base, 'party: riverside-community')
const acute = lineOf(base, 'party: riverside-acute')
const setAcute = (party: string): [string, string] => ['party: riverside-acute', `party: ${party}`]

/** These are lint rules: every case runs in lint mode unless it says otherwise. */
const lint = <T extends ValidCase>(cases: T[]): T[] => cases.map((c) => ({mode: 'lint' as const, ...c}))

ruleTable('budget/unknown-party', {
  valid: lint([
    {name: 'riverside: member-practices and two partner ids', code: base},
    {name: 'a member practice by its odsCode', code: edit(base, ['party: member-practices', 'party: A81004'])},
    {name: 'any partner id: the mental-health trust', code: edit(base, setAcute('riverside-mh'))},
    {name: 'any partner id: the social-care partner', code: edit(base, setAcute('riverside-council'))},
    {
      name: "a lower-case odsCode in practices still matches the party (format/ods-code's to report)",
      code: edit(base, ['odsCode: A81004', 'odsCode: a81004'], ['party: member-practices', 'party: A81004']),
    },
    {name: 'a party written "A81 001" is read as the member A81001', code: edit(base, setAcute('"A81 001"'))},
    {name: 'no shares: nothing to check', code: edit(base, [shareList, ''])},
    {name: 'an empty shares list: nothing to check', code: edit(base, [shareList, '      shares: []\n'])},
    {
      name: 'a partner id the schema rejected: the partners are not known, so no party is judged',
      code: edit(base, ['id: riverside-mh', 'id: Riverside-MH'], setAcute('riverside-acut')),
    },
    {name: 'validate mode does not run this lint rule', code: edit(base, setAcute('riverside-acut')), mode: 'validate'},
  ]),
  invalid: lint([
    {
      name: 'a partner id misspelt: at the party value',
      code: edit(base, setAcute('riverside-acut')),
      errors: [
        {
          at: `budget/unknown-party@${acute}:18-${acute}:32`,
          messageId: 'unknown',
          data: {party: 'riverside-acut', practicesParty: 'member-practices', hint: '; did you mean "riverside-acute"?'},
        },
      ],
    },
    {
      name: 'an id nobody declared (no suggestion)',
      code: edit(base, setAcute('nobody')),
      errors: [
        {
          at: `budget/unknown-party@${acute}:18-${acute}:24`,
          messageId: 'unknown',
          data: {party: 'nobody', practicesParty: 'member-practices', hint: ''},
        },
      ],
    },
    {
      name: "a partner's name-like id that was never declared (the rule's docs example)",
      code: edit(base, setAcute('riverside-hospital')),
      errors: [
        {
          at: `budget/unknown-party@${acute}:18-${acute}:36`,
          messageId: 'unknown',
          data: {party: 'riverside-hospital', practicesParty: 'member-practices', hint: ''},
        },
      ],
    },
    {
      name: 'member-practices misspelt: the practices then hold no share either',
      code: edit(base, ['party: member-practices', 'party: member-practice']),
      errors: [
        `budget/risk-share-parties@${shares}:7`,
        {
          at: `budget/unknown-party@${practicesParty}:18-${practicesParty}:33`,
          messageId: 'unknown',
          data: {party: 'member-practice', practicesParty: 'member-practices', hint: '; did you mean "member-practices"?'},
        },
      ],
    },
    {
      name: 'a practice code that is not a member',
      code: edit(base, setAcute('A81003')),
      errors: [
        {
          at: `budget/unknown-party@${acute}:18-${acute}:24`,
          messageId: 'unknown',
          data: {party: 'A81003', practicesParty: 'member-practices', hint: '; did you mean "A81001"?'},
        },
      ],
    },
    {
      name: "a partner's trust odsCode is not its id: the schema rejects RX3 as a party, once",
      code: edit(base, setAcute('RX3')),
      errors: [`schema@${acute}:18`],
    },
    {
      name: 'a lower-case practice code is a valid slug, but no member or partner: suggests the code',
      code: edit(base, setAcute('a81001')),
      errors: [
        {
          at: `budget/unknown-party@${acute}:18-${acute}:24`,
          messageId: 'unknown',
          data: {party: 'a81001', practicesParty: 'member-practices', hint: '; did you mean "A81001"?'},
        },
      ],
    },
    {
      name: 'two unknown parties: one finding each, in order (and no partner holds a share)',
      code: edit(base, ['party: riverside-community', 'party: riverside-communty'], setAcute('riverside-acut')),
      errors: [
        `budget/risk-share-parties@${shares}:7`,
        {
          at: `budget/unknown-party@${community}:18-${community}:36`,
          messageId: 'unknown',
          data: {party: 'riverside-communty', practicesParty: 'member-practices', hint: '; did you mean "riverside-community"?'},
        },
        {
          at: `budget/unknown-party@${acute}:18-${acute}:32`,
          messageId: 'unknown',
          data: {party: 'riverside-acut', practicesParty: 'member-practices', hint: '; did you mean "riverside-acute"?'},
        },
      ],
    },
    {
      name: 'a flow-style list: at the party inside the flow mapping',
      code: edit(base, [
        shareList,
        '      shares: [{party: member-practices, gainPercent: 60, lossPercent: 60}, {party: riverside-acut, gainPercent: 40, lossPercent: 40}]\n',
      ]),
      errors: [
        `budget/risk-share-parties@${shares}:15`,
        {
          at: `budget/unknown-party@${shares}:85-${shares}:99`,
          messageId: 'unknown',
          data: {party: 'riverside-acut', practicesParty: 'member-practices', hint: '; did you mean "riverside-acute"?'},
        },
      ],
    },
    {
      name: 'a party that is not text: schema only, no crash',
      code: edit(base, setAcute('42')),
      errors: [`schema@${acute}:18`],
    },
    {
      name: 'a share without a party: schema only',
      code: edit(base, ['        - party: riverside-acute\n          gainPercent', '        - gainPercent']),
      errors: [`schema@${acute}:11`],
    },
  ]),
})

describe('budget/unknown-party message', () => {
  const text = (code: string): string[] =>
    messages(code, 'lint')
      .filter((m) => m.ruleId === 'budget/unknown-party')
      .map((m) => m.message)

  it('names the party, what a party may be, and the nearest known name', () => {
    expect(text(edit(base, setAcute('riverside-acut')))).toEqual([
      'Party "riverside-acut" is not member-practices, a member practice\'s odsCode or a partner\'s id; did you mean "riverside-acute"?',
    ])
    expect(text(edit(base, setAcute('A81003')))).toEqual([
      'Party "A81003" is not member-practices, a member practice\'s odsCode or a partner\'s id; did you mean "A81001"?',
    ])
  })

  it('suggests nothing when no known name is near', () => {
    expect(text(edit(base, setAcute('nobody')))).toEqual([
      'Party "nobody" is not member-practices, a member practice\'s odsCode or a partner\'s id',
    ])
  })
})

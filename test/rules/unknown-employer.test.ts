import {describe, expect, it} from 'vitest'
import {edit, lineOf, messages, riverside} from '../helpers.js'
import {ruleTable, type InvalidCase, type ValidCase} from '../rule-tester.js'

// riverside team employers: A81001 (a member practice), riverside-cvs and riverside-community (partners).
const base = riverside()
const byPractice = lineOf(base, 'employer: A81001')
const byCvs = lineOf(base, 'employer: riverside-cvs')
const byCommunity = lineOf(base, 'employer: riverside-community')
const team = lineOf(base, 'team:')
const teamList = /    team:[\s\S]*?(?=  budget:)/
const flowTeam = '    team: [{role: Pharmacist, employer: A81001, wte: 1}, {role: Matron, employer: riverside-comunity, wte: 1}]'
const mhPartner = /      - id: riverside-mh[\s\S]*?(?=      - id: riverside-acute)/

/** A lint case (these are lint rules). */
const lint = <T extends ValidCase | InvalidCase>(cases: T[]): T[] => cases.map((c) => ({mode: 'lint', ...c}))

const employedBy = (employer: string): string => edit(base, ['employer: A81001', `employer: ${employer}`])

ruleTable('workforce/unknown-employer', {
  valid: lint([
    {name: 'riverside: a practice and two partners', code: base},
    {name: 'another member practice', code: employedBy('A81004')},
    {name: 'another partner', code: employedBy('riverside-mh')},
    {name: 'no team', code: edit(base, [teamList, ''])},
    {name: 'an empty team', code: edit(base, [teamList, '    team: []\n'])},
    {
      name: 'a member practice written in lower case: compared as the fixed code',
      code: edit(base, ['odsCode: A81001 ', 'odsCode: a81001 ']),
    },
    {name: "an employer that is not text is the schema's to report", code: employedBy('81001')},
    {
      name: 'a partner id the schema rejected: the partners are unknown, so no employer is judged',
      code: edit(base, ['id: riverside-mh', 'id: Riverside_MH'], ['employer: A81001', 'employer: riverside-pharmacy']),
    },
    {
      name: 'no partners: the partner rules speak, and employers are not judged',
      code: edit(base, [/    partners:[\s\S]*?(?=    team:)/, '    partners: []\n']),
    },
    {name: 'validate does not run it (not a compliance rule)', code: employedBy('riverside-pharmacy'), mode: 'validate'},
  ]),
  invalid: lint([
    {
      name: 'an organisation the definition does not hold: at the employer value',
      code: employedBy('riverside-pharmacy'),
      errors: [
        {
          at: `workforce/unknown-employer@${byPractice}:19-${byPractice}:37`,
          messageId: 'unknown',
          data: {employer: 'riverside-pharmacy', hint: ''},
        },
      ],
    },
    {
      name: 'a typo of a partner id',
      code: edit(base, ['employer: riverside-cvs', 'employer: riverside-cv']),
      errors: [
        {
          at: `workforce/unknown-employer@${byCvs}:19-${byCvs}:31`,
          messageId: 'unknown',
          data: {employer: 'riverside-cv', hint: '; did you mean "riverside-cvs"?'},
        },
      ],
    },
    {
      name: 'a practice code that is not a member',
      code: employedBy('A81003'),
      errors: [
        {
          at: `workforce/unknown-employer@${byPractice}:19-${byPractice}:25`,
          messageId: 'unknown',
          data: {employer: 'A81003', hint: '; did you mean "A81001"?'},
        },
      ],
    },
    {
      name: 'a lower-case practice code is a slug, and no partner has that id',
      code: employedBy('a81001'),
      errors: [
        {
          at: `workforce/unknown-employer@${byPractice}:19-${byPractice}:25`,
          messageId: 'unknown',
          data: {employer: 'a81001', hint: '; did you mean "A81001"?'},
        },
      ],
    },
    {
      name: 'two unknown employers: each reported',
      code: edit(
        base,
        ['employer: A81001', 'employer: riverside-pharmacy'],
        ['employer: riverside-community', 'employer: harbour-community'],
      ),
      errors: [
        {
          at: `workforce/unknown-employer@${byPractice}:19-${byPractice}:37`,
          messageId: 'unknown',
          data: {employer: 'riverside-pharmacy', hint: ''},
        },
        {
          at: `workforce/unknown-employer@${byCommunity}:19-${byCommunity}:36`,
          messageId: 'unknown',
          data: {employer: 'harbour-community', hint: ''},
        },
      ],
    },
    {
      name: 'the employing partner removed: mental-health-partner and unknown-employer',
      code: edit(base, [mhPartner, ''], ['employer: riverside-community', 'employer: riverside-mh']),
      errors: [
        `workforce/mental-health-partner@${lineOf(base, 'partners:')}:5`,
        {
          at: `workforce/unknown-employer@${byCommunity - 4}:19-${byCommunity - 4}:31`,
          messageId: 'unknown',
          data: {employer: 'riverside-mh', hint: '; did you mean "riverside-cvs"?'},
        },
      ],
    },
    {
      name: 'a flow-style team: at the employer value on the one line',
      code: edit(base, [teamList, `${flowTeam}\n`]),
      errors: [
        {
          at: `workforce/unknown-employer@${team}:${1 + flowTeam.indexOf('riverside-comunity')}-${team}:101`,
          messageId: 'unknown',
          data: {employer: 'riverside-comunity', hint: '; did you mean "riverside-community"?'},
        },
      ],
    },
    {name: 'an employer that is not text: schema only', code: employedBy('81001'), errors: [`schema@${byPractice}:19`]},
    {
      name: 'an employer that is neither a practice code nor a slug: schema only',
      code: employedBy('QXY'),
      errors: [`schema@${byPractice}:19`],
    },
    {
      name: 'a team that is not a list: schema only',
      code: edit(base, [teamList, '    team: {role: Pharmacist, employer: A81009, wte: 1}\n']),
      errors: [`schema@${team}:11`],
    },
  ]),
})

describe('workforce/unknown-employer messages', () => {
  const message = (code: string): string[] => messages(code, 'lint').map((m) => m.message)

  it('names the employer', () => {
    expect(messages(employedBy('riverside-pharmacy'), 'lint')).toMatchObject([
      {
        ruleId: 'workforce/unknown-employer',
        severity: 'error',
        message: 'Employer "riverside-pharmacy" is not a member practice\'s odsCode or a partner\'s id',
        line: byPractice,
        column: 19,
        path: '/spec/workforce/team/0/employer',
        characteristic: 2,
      },
    ])
  })

  it('suggests the nearest partner id for a typo', () => {
    expect(message(edit(base, ['employer: riverside-cvs', 'employer: riverside-cv']))).toEqual([
      'Employer "riverside-cv" is not a member practice\'s odsCode or a partner\'s id; did you mean "riverside-cvs"?',
    ])
  })

  it('suggests the nearest practice code', () => {
    expect(message(employedBy('A81003'))).toEqual([
      'Employer "A81003" is not a member practice\'s odsCode or a partner\'s id; did you mean "A81001"?',
    ])
    expect(message(employedBy('a81001'))).toEqual([
      'Employer "a81001" is not a member practice\'s odsCode or a partner\'s id; did you mean "A81001"?',
    ])
  })
})

import {describe, expect, it} from 'vitest'
import {edit, lineOf, messages, riverside} from '../helpers.js'
import {ruleTable, type InvalidCase, type ValidCase} from '../rule-tester.js'

// riverside partners: community-health, mental-health (riverside-mh), acute, social-care and voluntary.
const base = riverside()
const partners = lineOf(base, 'partners:')
const mhSector = lineOf(base, 'sector: mental-health')
const partnerList = /    partners:[\s\S]*?(?=    team:)/
const mh = /      - id: riverside-mh[\s\S]*?(?=      - id: riverside-acute)/

/** A lint case (these are lint rules). */
const lint = <T extends ValidCase | InvalidCase>(cases: T[]): T[] => cases.map((c) => ({mode: 'lint', ...c}))

/** riverside-mh in another sector. */
const mhIn = (sector: string): string => edit(base, ['sector: mental-health', `sector: ${sector}`])

ruleTable('workforce/mental-health-partner', {
  valid: lint([
    {name: 'riverside: the mental health trust', code: base},
    {
      name: 'only a mental-health trust for secondary care',
      code: edit(base, ['sector: community-health', 'sector: mental-health'], ['sector: acute', 'sector: mental-health']),
    },
    {name: "a sector the schema rejects: the sectors are unknown, the schema's to report", code: mhIn('mental_health')},
    {name: "a partner without a sector is the schema's to report", code: edit(base, ['        sector: mental-health\n', ''])},
    {name: "partners that are not a list are the schema's to report", code: edit(base, [partnerList, '    partners: {id: x}\n'])},
    {name: 'validate does not run it (not a compliance rule)', code: edit(base, [mh, '']), mode: 'validate'},
  ]),
  invalid: lint([
    {
      name: 'the mental health trust removed: at the partners key',
      code: edit(base, [mh, '']),
      errors: [
        {at: `workforce/mental-health-partner@${partners}:5-${partners}:13`, messageId: 'missing', data: {sectors: ['mental-health']}},
      ],
    },
    {
      name: 'the trust recorded as community health (its trust code still valid)',
      code: mhIn('community-health'),
      errors: [
        {at: `workforce/mental-health-partner@${partners}:5-${partners}:13`, messageId: 'missing', data: {sectors: ['mental-health']}},
      ],
    },
    {
      name: 'the trust recorded as primary care',
      code: mhIn('primary-care'),
      errors: [
        {at: `workforce/mental-health-partner@${partners}:5-${partners}:13`, messageId: 'missing', data: {sectors: ['mental-health']}},
      ],
    },
    {
      name: 'a flow-style list without a mental-health partner: at the [',
      code: edit(base, [
        partnerList,
        '    partners: [{id: riverside-community, name: C, sector: community-health}, {id: riverside-acute, name: A, sector: acute}, ' +
          '{id: riverside-council, name: S, sector: social-care}, {id: riverside-cvs, name: V, sector: voluntary}]\n',
      ]),
      errors: [
        {at: `workforce/mental-health-partner@${partners}:15-${partners}:228`, messageId: 'missing', data: {sectors: ['mental-health']}},
      ],
    },
    {
      name: 'an empty partner list: every sector rule at the [, and nothing else',
      code: edit(base, [partnerList, '    partners: []\n']),
      errors: [
        {at: `workforce/mental-health-partner@${partners}:15-${partners}:17`, messageId: 'missing', data: {sectors: ['mental-health']}},
        `workforce/secondary-care-partner@${partners}:15`,
        `workforce/social-care-partner@${partners}:15`,
        `workforce/voluntary-sector-partner@${partners}:15`,
      ],
    },
    {name: 'a misspelt sector: schema only', code: mhIn('mental_health'), errors: [`schema@${mhSector}:17`]},
    {name: 'a sector that is not text: schema only', code: mhIn('3'), errors: [`schema@${mhSector}:17`]},
  ]),
})

describe('workforce/mental-health-partner message', () => {
  it('suggests a mental-health trust', () => {
    expect(messages(edit(base, [mh, '']), 'lint')).toMatchObject([
      {
        ruleId: 'workforce/mental-health-partner',
        severity: 'warning',
        message: 'No mental-health partner: consider a mental-health trust among the partners',
        line: partners,
        column: 5,
        path: '/spec/workforce/partners',
        characteristic: 2,
      },
    ])
  })
})

import {describe, expect, it} from 'vitest'
import {edit, lineOf, messages, riverside} from '../helpers.js'
import {ruleTable, type InvalidCase, type ValidCase} from '../rule-tester.js'

// riverside partners: community-health, mental-health, acute, social-care and voluntary (riverside-cvs).
const base = riverside()
const partners = lineOf(base, 'partners:')
const cvsSector = lineOf(base, 'sector: voluntary')
const cvsPartner = lineOf(base, 'id: riverside-cvs')
const partnerList = /    partners:[\s\S]*?(?=    team:)/
const cvs = /      - id: riverside-cvs[\s\S]*?(?=    team:)/

/** A lint case (these are lint rules). */
const lint = <T extends ValidCase | InvalidCase>(cases: T[]): T[] => cases.map((c) => ({mode: 'lint', ...c}))

/** riverside-cvs in another sector. */
const cvsIn = (sector: string): string => edit(base, ['sector: voluntary', `sector: ${sector}`])

ruleTable('workforce/voluntary-sector-partner', {
  valid: lint([
    {name: 'riverside: the council for voluntary service', code: base},
    {
      name: 'two voluntary partners',
      code: edit(base, [
        '        sector: social-care\n',
        '        sector: social-care\n      - id: riverside-hospice\n        name: Riverside Hospice\n        sector: voluntary\n',
      ]),
    },
    {name: "a sector the schema rejects: the sectors are unknown, the schema's to report", code: cvsIn('volunteer')},
    {name: "a partner without a sector is the schema's to report", code: edit(base, ['        sector: voluntary\n', ''])},
    {name: "partners that are not a list are the schema's to report", code: edit(base, [partnerList, '    partners: {id: x}\n'])},
    {name: 'validate does not run it (not a compliance rule)', code: cvsIn('primary-care'), mode: 'validate'},
  ]),
  invalid: lint([
    {
      name: 'the CVS recorded as primary care: at the partners key',
      code: cvsIn('primary-care'),
      errors: [
        {at: `workforce/voluntary-sector-partner@${partners}:5-${partners}:13`, messageId: 'missing', data: {sectors: ['voluntary']}},
      ],
    },
    {
      name: 'the CVS recorded as other, with a description',
      code: edit(base, ['        sector: voluntary\n', '        sector: other\n        description: Council for voluntary service\n']),
      errors: [
        {at: `workforce/voluntary-sector-partner@${partners}:5-${partners}:13`, messageId: 'missing', data: {sectors: ['voluntary']}},
      ],
    },
    {
      name: 'the CVS removed (its link worker now employed by the council)',
      code: edit(base, [cvs, ''], ['employer: riverside-cvs', 'employer: riverside-council']),
      errors: [
        {at: `workforce/voluntary-sector-partner@${partners}:5-${partners}:13`, messageId: 'missing', data: {sectors: ['voluntary']}},
      ],
    },
    {
      name: 'the CVS recorded as other without a description: no voluntary partner, and the schema names the missing key',
      code: cvsIn('other'),
      errors: [
        {at: `workforce/voluntary-sector-partner@${partners}:5-${partners}:13`, messageId: 'missing', data: {sectors: ['voluntary']}},
        `schema@${cvsPartner}:9`,
      ],
    },
    {
      name: 'a flow-style list without a voluntary partner: at the [',
      code: edit(
        base,
        [
          partnerList,
          '    partners: [{id: riverside-community, name: C, sector: community-health}, {id: riverside-mh, name: M, sector: mental-health}, ' +
            '{id: riverside-acute, name: A, sector: acute}, {id: riverside-council, name: S, sector: social-care}]\n',
        ],
        ['employer: riverside-cvs', 'employer: riverside-council'],
      ),
      errors: [
        {at: `workforce/voluntary-sector-partner@${partners}:15-${partners}:231`, messageId: 'missing', data: {sectors: ['voluntary']}},
      ],
    },
    {name: 'a sector in capitals: schema only', code: cvsIn('Voluntary'), errors: [`schema@${cvsSector}:17`]},
    {name: 'a misspelt sector: schema only', code: cvsIn('volunteer'), errors: [`schema@${cvsSector}:17`]},
  ]),
})

describe('workforce/voluntary-sector-partner message', () => {
  it('suggests a voluntary partner', () => {
    expect(messages(cvsIn('primary-care'), 'lint')).toMatchObject([
      {
        ruleId: 'workforce/voluntary-sector-partner',
        severity: 'warning',
        message: 'No voluntary-sector partner: consider a voluntary partner such as the local council for voluntary service',
        line: partners,
        column: 5,
        path: '/spec/workforce/partners',
        characteristic: 2,
      },
    ])
  })
})

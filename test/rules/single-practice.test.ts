import {describe, expect, it} from 'vitest'
import {edit, lineOf, messages, riverside} from '../helpers.js'
import {ruleTable, type InvalidCase, type ValidCase} from '../rule-tester.js'

// riverside: three member practices.
const base = riverside()
const practices = lineOf(base, 'practices:')
const practiceList = /practices:[\s\S]*?(?=  workforce:)/

/** A lint case (these are lint rules). */
const lint = <T extends ValidCase | InvalidCase>(cases: T[]): T[] => cases.map((c) => ({mode: 'lint', ...c}))

/** One practice A81001 (the team's employer) of `size` patients, written as `size`. */
const onePractice = (size: string): string =>
  edit(base, [practiceList, `practices:\n      - odsCode: A81001\n        name: Riverside Surgery\n        listSize: ${size}\n`])
const single = onePractice('36100')

ruleTable('population/single-practice', {
  valid: lint([
    {name: 'riverside: three practices', code: base},
    {
      name: 'two practices',
      code: edit(base, [/      - odsCode: A81004\n.*\n.*\n/, ''], ['listSize: 14250', 'listSize: 24120']),
    },
    {name: "no practices: size-band's to report, not single-practice", code: edit(base, [practiceList, 'practices: []\n'])},
    {
      name: "practices that are not a list are the schema's to report",
      code: edit(base, [practiceList, 'practices: {odsCode: A81001, name: A, listSize: 36100}\n']),
    },
    {
      name: "a practice that is not a mapping: the list is unknown, the schema's to report",
      code: edit(base, [practiceList, 'practices: [A81001]\n']),
    },
    {name: 'validate does not run it (not a compliance rule)', code: single, mode: 'validate'},
  ]),
  invalid: lint([
    {
      name: 'one practice of 36,100: at the practices key',
      code: single,
      errors: [{at: `population/single-practice@${practices}:5-${practices}:14`, messageId: 'single'}],
    },
    {
      name: 'one practice in a flow-style list: at the [',
      code: edit(base, [practiceList, 'practices: [{odsCode: A81001, name: Riverside Surgery, listSize: 36100}]\n']),
      errors: [{at: `population/single-practice@${practices}:16-${practices}:77`, messageId: 'single'}],
    },
    {
      name: 'one practice of 30,800: single-practice and near-band-edge, both at the practices key',
      code: edit(onePractice('30800'), ['total: 5776000', 'total: 4928000'], ['amount: 5276000', 'amount: 4428000']),
      errors: [
        `population/near-band-edge@${practices}:5`,
        {at: `population/single-practice@${practices}:5-${practices}:14`, messageId: 'single'},
      ],
    },
    {
      name: 'one practice of "36,100": format/number, and still one practice',
      code: onePractice('"36,100"'),
      errors: [{at: `population/single-practice@${practices}:5-${practices}:14`, messageId: 'single'}, `format/number@${practices + 3}:19`],
    },
    {
      name: 'one practice of 26,100: size-band too',
      code: edit(onePractice('26100'), ['total: 5776000', 'total: 4176000'], ['amount: 5276000', 'amount: 3676000']),
      errors: [
        {at: `population/single-practice@${practices}:5-${practices}:14`, messageId: 'single'},
        `population/size-band@${practices}:5`,
      ],
    },
    {
      name: 'practices that are not a list: schema only, no crash (no team member employed by a practice)',
      code: edit(
        base,
        [practiceList, 'practices: {odsCode: A81002, name: A, listSize: 36100}\n'],
        ['employer: A81001', 'employer: riverside-acute'],
      ),
      errors: [`schema@${practices}:16`],
    },
  ]),
})

describe('population/single-practice message', () => {
  it('says why one practice is not a PCH', () => {
    expect(messages(single, 'lint')).toMatchObject([
      {
        ruleId: 'population/single-practice',
        severity: 'warning',
        message: 'Only one member practice: a PCH brings several practices together around one population',
        line: practices,
        column: 5,
        path: '/spec/population/practices',
        characteristic: 4,
      },
    ])
  })
})

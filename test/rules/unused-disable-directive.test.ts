import {describe, expect, it} from 'vitest'
import {edit, lineOf, messages, riverside} from '../helpers.js'
import {ruleTable, type InvalidCase, type ValidCase} from '../rule-tester.js'

// A `# pch-disable-next-line RULE` comment whose RULE does not fire on the next line silences nothing.
// "single" is riverside with one practice of 36,100: population/single-practice (a warning) at the practices key.
const base = riverside()
const practiceList = /practices:[\s\S]*?(?=  workforce:)/
const single = edit(base, [practiceList, 'practices:\n      - odsCode: A81001\n        name: Riverside Surgery\n        listSize: 36100\n'])
const comment = lineOf(base, 'practices:')
const key = comment + 1
/** `text` with `line` (a comment) inserted above the practices key, indented as it is. */
const above = (text: string, line: string): string => edit(text, ['    practices:', `    ${line}\n    practices:`])
const lint = <T extends ValidCase | InvalidCase>(cases: T[]): T[] => cases.map((c) => ({mode: 'lint', ...c}))
const unused = `lint/unused-disable-directive@${comment}:5`

ruleTable('lint/unused-disable-directive', {
  valid: lint([
    {name: 'riverside: no directive', code: base},
    {
      name: 'the rule fires on the next line and is silenced',
      code: above(single, '# pch-disable-next-line population/single-practice -- a merger is under way'),
    },
    {
      name: 'two rules, each silencing a finding',
      code: above(
        edit(single, ['listSize: 36100', 'listSize: 30800'], ['total: 5776000', 'total: 4928000'], ['amount: 5276000', 'amount: 4428000']),
        '# pch-disable-next-line population/near-band-edge, population/single-practice -- x',
      ),
    },
    {
      name: 'validate does not judge directives',
      code: above(base, '# pch-disable-next-line population/single-practice -- x'),
      mode: 'validate',
    },
    {
      name: 'an unknown rule is lint/disable-directive, not this',
      code: above(single, '# pch-disable-next-line population/nope, population/single-practice -- x'),
    },
    {
      name: 'a compliance rule is lint/disable-directive, not this',
      code: above(base, '# pch-disable-next-line workforce/social-care-partner -- x'),
    },
  ]),
  invalid: lint([
    {
      name: 'the rule does not fire on the next line (three practices)',
      code: above(base, '# pch-disable-next-line population/single-practice -- x'),
      errors: [
        {
          at: `${unused}-${comment}:60`,
          message:
            'pch-disable-next-line population/single-practice silences nothing: population/single-practice does not fire on the next line',
        },
      ],
    },
    {
      name: 'a blank line between: the finding is not silenced, the comment is unused',
      code: above(single, '# pch-disable-next-line population/single-practice -- merger\n'),
      errors: [
        {
          at: `${unused}-${comment}:65`,
          message:
            'pch-disable-next-line population/single-practice silences nothing: population/single-practice does not fire on the next line',
        },
        `population/single-practice@${key + 1}:5`,
      ],
    },
    {
      name: 'one of two rules silences nothing: reported for that one only',
      code: above(single, '# pch-disable-next-line population/near-band-edge, population/single-practice -- x'),
      errors: [
        {
          at: `${unused}-${comment}:87`,
          message:
            'pch-disable-next-line population/near-band-edge silences nothing: population/near-band-edge does not fire on the next line',
        },
      ],
    },
    {
      name: 'two rules that silence nothing: one finding each',
      code: above(base, '# pch-disable-next-line population/near-band-edge, population/single-practice -- x'),
      errors: [
        {
          at: `${unused}-${comment}:87`,
          message:
            'pch-disable-next-line population/near-band-edge silences nothing: population/near-band-edge does not fire on the next line',
        },
        {
          at: `${unused}-20:87`,
          message:
            'pch-disable-next-line population/single-practice silences nothing: population/single-practice does not fire on the next line',
        },
      ],
    },
    {
      name: 'a top-level comment: at column 1',
      code: `# pch-disable-next-line population/single-practice\n${base}`,
      errors: [
        {
          at: 'lint/unused-disable-directive@1:1-1:51',
          message:
            'pch-disable-next-line population/single-practice silences nothing: population/single-practice does not fire on the next line',
        },
      ],
    },
  ]),
})

describe('lint/unused-disable-directive message', () => {
  it('names the rule and says it does not fire; a warning', () => {
    const found = messages(above(base, '# pch-disable-next-line population/single-practice -- x'), 'lint').filter(
      (m) => m.ruleId === 'lint/unused-disable-directive',
    )
    expect(found.map((m) => [m.severity, m.message, m.line, m.column, m.endColumn])).toEqual([
      [
        'warning',
        'pch-disable-next-line population/single-practice silences nothing: population/single-practice does not fire on the next line',
        comment,
        5,
        60,
      ],
    ])
  })
})

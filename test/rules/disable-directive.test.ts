import {describe, expect, it} from 'vitest'
import {edit, findings, lineOf, messages, riverside, short} from '../helpers.js'
import {ruleTable, type InvalidCase, type ValidCase} from '../rule-tester.js'

// `# pch-disable-next-line RULE[, RULE] -- reason` silences non-compliance rules on the next line.
// "single" is riverside with one practice of 36,100: population/single-practice (a warning) at the practices key.
const base = riverside()
const practiceList = /practices:[\s\S]*?(?=  workforce:)/
const onePractice = (size: number): string =>
  edit(base, [practiceList, `practices:\n      - odsCode: A81001\n        name: Riverside Surgery\n        listSize: ${size}\n`])
const single = onePractice(36100)
/** Riverside at 26,100: population/size-band (a compliance rule) at the practices key. */
const small = edit(
  base,
  ['listSize: 14250', 'listSize: 4250'],
  ['total: 5776000', 'total: 4176000'],
  ['amount: 5276000', 'amount: 3676000'],
)

const practices = lineOf(base, 'practices:')
/** With a directive line put above the practices key, the comment is at `practices` and the key one line down. */
const comment = practices
const key = practices + 1
/** `text` with `line` (a comment) inserted above the practices key, indented as it is. */
const above = (text: string, line: string): string => edit(text, ['    practices:', `    ${line}\n    practices:`])

/** A lint case (these are lint rules). */
const lint = <T extends ValidCase | InvalidCase>(cases: T[]): T[] => cases.map((c) => ({mode: 'lint', ...c}))

const directive = (c: number = 5): string => `lint/disable-directive@${comment}:${c}`

ruleTable('lint/disable-directive', {
  valid: lint([
    {name: 'riverside: no directive', code: base},
    {
      name: 'one non-compliance rule, with a reason',
      code: above(single, '# pch-disable-next-line population/single-practice -- a merger is under way'),
    },
    {name: 'without a reason', code: above(single, '# pch-disable-next-line population/single-practice')},
    {name: 'two rules', code: above(single, '# pch-disable-next-line population/near-band-edge, population/single-practice -- x')},
    {name: 'no space after the #', code: above(single, '#pch-disable-next-line population/single-practice')},
    {
      name: 'a rule that does not fire on the next line: nothing to report',
      code: above(base, '# pch-disable-next-line population/single-practice -- x'),
    },
    {name: 'a comment that only mentions the directive is not one', code: above(single, '# see pch-disable-next-line in the docs')},
    {
      name: 'a directive at the end of a line is not a directive',
      code: edit(single, ['    practices:', '    practices: # pch-disable-next-line population/nope']),
    },
  ]),
  invalid: lint([
    {
      name: 'a compliance rule: reported at the comment, and the finding stays',
      code: above(small, '# pch-disable-next-line population/size-band -- rural'),
      errors: [
        {
          at: `${directive()}-${comment}:58`,
          message:
            'population/size-band is a compliance rule: a comment cannot silence it; record an approved exception in metadata.exceptions',
        },
        `population/size-band@${key}:5`,
      ],
    },
    {
      name: 'a compliance rule that does not fire: still reported',
      code: above(base, '# pch-disable-next-line workforce/social-care-partner -- x'),
      errors: [
        {
          at: `${directive()}-${comment}:63`,
          message:
            'workforce/social-care-partner is a compliance rule: a comment cannot silence it; record an approved exception in metadata.exceptions',
        },
      ],
    },
    {
      name: 'an unknown rule: reported, and silences nothing',
      code: above(single, '# pch-disable-next-line population/nope -- x'),
      errors: [
        {at: `${directive()}-${comment}:49`, message: 'pch-disable-next-line names an unknown rule "population/nope"'},
        `population/single-practice@${key}:5`,
      ],
    },
    {
      name: 'a misspelt rule id',
      code: above(single, '# pch-disable-next-line population/singel-practice -- x'),
      errors: [
        {
          at: `${directive()}-${comment}:60`,
          message: 'pch-disable-next-line names an unknown rule "population/singel-practice"; did you mean "population/single-practice"?',
        },
        `population/single-practice@${key}:5`,
      ],
    },
    {
      name: 'no rule: reported, and silences nothing',
      code: above(single, '# pch-disable-next-line'),
      errors: [
        {
          at: `${directive()}-${comment}:28`,
          message:
            'pch-disable-next-line must name the rules it silences, e.g. # pch-disable-next-line population/single-practice -- reason',
        },
        `population/single-practice@${key}:5`,
      ],
    },
    {
      name: 'only a reason',
      code: above(single, '# pch-disable-next-line -- a merger is under way'),
      errors: [
        {
          at: `${directive()}-${comment}:53`,
          message:
            'pch-disable-next-line must name the rules it silences, e.g. # pch-disable-next-line population/single-practice -- reason',
        },
        `population/single-practice@${key}:5`,
      ],
    },
    {
      name: 'a reason without a space after --: read as part of the rule id',
      code: above(single, '# pch-disable-next-line population/single-practice --merger'),
      errors: [
        {at: `${directive()}-${comment}:64`, message: 'pch-disable-next-line names an unknown rule "population/single-practice --merger"'},
        `population/single-practice@${key}:5`,
      ],
    },
    {
      name: 'two unknown rules in one comment: one finding each, at the comment',
      code: above(single, '# pch-disable-next-line population/nope, workforce/nope -- x'),
      errors: [
        {at: `${directive()}-${comment}:65`, message: 'pch-disable-next-line names an unknown rule "population/nope"'},
        {at: `${directive()}-20:65`, message: 'pch-disable-next-line names an unknown rule "workforce/nope"'},
        `population/single-practice@${key}:5`,
      ],
    },
    {
      name: 'an unknown rule beside a known one: reported, and the known one still silences',
      code: above(single, '# pch-disable-next-line population/nope, population/single-practice -- x'),
      errors: [{at: `${directive()}-${comment}:77`, message: 'pch-disable-next-line names an unknown rule "population/nope"'}],
    },
    {
      name: 'a compliance rule beside a known one: reported; the compliance finding stays',
      code: above(
        edit(onePractice(26100), ['total: 5776000', 'total: 4176000'], ['amount: 5276000', 'amount: 3676000']),
        '# pch-disable-next-line population/size-band, population/single-practice -- x',
      ),
      errors: [
        {
          at: `${directive()}-${comment}:82`,
          message:
            'population/size-band is a compliance rule: a comment cannot silence it; record an approved exception in metadata.exceptions',
        },
        `population/size-band@${key}:5`,
      ],
    },
    {
      name: 'a top-level comment: at column 1',
      code: `# pch-disable-next-line population/nope\n${base}`,
      errors: [{at: 'lint/disable-directive@1:1-1:40', message: 'pch-disable-next-line names an unknown rule "population/nope"'}],
    },
  ]),
})

describe('lint/disable-directive messages', () => {
  const problems = (code: string) => messages(code, 'lint').filter((m) => m.ruleId === 'lint/disable-directive')

  it('no rule', () => {
    expect(problems(above(single, '# pch-disable-next-line'))).toEqual([
      {
        ruleId: 'lint/disable-directive',
        severity: 'error',
        message: 'pch-disable-next-line must name the rules it silences, e.g. # pch-disable-next-line population/single-practice -- reason',
        line: comment,
        column: 5,
        endLine: comment,
        endColumn: 28,
        path: '',
        characteristic: null,
        fixable: false,
      },
    ])
  })

  it('an unknown rule', () => {
    expect(problems(above(single, '# pch-disable-next-line population/nope -- x')).map((m) => m.message)).toEqual([
      'pch-disable-next-line names an unknown rule "population/nope"',
    ])
  })

  it('a compliance rule', () => {
    expect(problems(above(small, '# pch-disable-next-line population/size-band -- rural')).map((m) => m.message)).toEqual([
      'population/size-band is a compliance rule: a comment cannot silence it; record an approved exception in metadata.exceptions',
    ])
  })
})

describe('what a valid directive silences', () => {
  const community = lineOf(base, 'employer: riverside-community')
  const twoUnknown = edit(
    base,
    ['employer: A81001', 'employer: riverside-pharmacy'],
    ['employer: riverside-community', 'employer: harbour-community'],
  )
  /** One practice of 30,800: single-practice and near-band-edge, both at the practices key. */
  const nearEdge = edit(onePractice(30800), ['total: 5776000', 'total: 4928000'], ['amount: 5276000', 'amount: 4428000'])

  it.each([
    ['the named rule on the next line', above(single, '# pch-disable-next-line population/single-practice -- merger'), []],
    // A directive that silences nothing is itself reported (lint/unused-disable-directive).
    [
      'not with a blank line between',
      above(single, '# pch-disable-next-line population/single-practice -- merger\n'),
      [`lint/unused-disable-directive@${comment}:5`, `population/single-practice@${key + 1}:5`],
    ],
    [
      'not the line before',
      edit(single, ['    practices:', '    practices:\n    # pch-disable-next-line population/single-practice -- merger']),
      [`population/single-practice@${practices}:5`, `lint/unused-disable-directive@${practices + 1}:5`],
    ],
    [
      'not a rule it does not name',
      above(single, '# pch-disable-next-line population/near-band-edge -- x'),
      [`lint/unused-disable-directive@${comment}:5`, `population/single-practice@${key}:5`],
    ],
    [
      'only the named one of two rules on the line',
      above(nearEdge, '# pch-disable-next-line population/single-practice -- x'),
      [`population/near-band-edge@${key}:5`],
    ],
    [
      'both rules when both are named',
      above(nearEdge, '# pch-disable-next-line population/single-practice, population/near-band-edge -- x'),
      [],
    ],
    [
      'one line only: a second finding of the rule further down stays',
      edit(twoUnknown, [
        '      - role: Clinical pharmacist\n',
        '      - role: Clinical pharmacist\n        # pch-disable-next-line workforce/unknown-employer -- joins in April\n',
      ]),
      [`workforce/unknown-employer@${community + 1}:19`],
    ],
    [
      'a file with Windows line endings',
      above(single, '# pch-disable-next-line population/single-practice -- merger').replaceAll('\n', '\r\n'),
      [],
    ],
    [
      'a file with old Mac line endings (CR only)',
      above(single, '# pch-disable-next-line population/single-practice -- merger').replaceAll('\n', '\r'),
      [],
    ],
    [
      'not the line before, with CR line endings (and so it is unused)',
      above(single, '# pch-disable-next-line population/single-practice -- merger\n').replaceAll('\n', '\r'),
      [`lint/unused-disable-directive@${comment}:5`, `population/single-practice@${key + 1}:5`],
    ],
    [
      'a bad directive in a file with CR line endings: at its own line and column',
      above(single, '# pch-disable-next-line population/nope -- x').replaceAll('\n', '\r'),
      [directive(), `population/single-practice@${key}:5`],
    ],
  ])('%s', (_name, code, expected) => {
    expect(findings(code, 'lint')).toEqual(expected)
  })

  it('cannot silence a compliance rule: population/size-band stays an error', () => {
    const found = messages(above(small, '# pch-disable-next-line population/size-band -- rural'), 'lint')
    expect(found.map((m) => [short(m), m.severity])).toEqual([
      [directive(), 'error'],
      [`population/size-band@${key}:5`, 'error'],
    ])
  })

  it('cannot silence a repo-scope compliance rule: population/practice-in-multiple-sites stays in both documents', () => {
    const harbour = edit(base, ['id: riverside ', 'id: harbour ']).replaceAll('A81002', 'A83002').replaceAll('A81004', 'A83004')
    const first = edit(base, [
      '      - odsCode: A81001',
      '      # pch-disable-next-line population/practice-in-multiple-sites -- x\n      - odsCode: A81001',
    ])
    const code = `${first}---\n${harbour}`
    const a81001 = lineOf(first, 'odsCode: A81001')
    expect(findings(code, 'lint')).toEqual([
      `lint/disable-directive@${a81001 - 1}:7`,
      `population/practice-in-multiple-sites@${a81001}:18`,
      `population/practice-in-multiple-sites@${first.split('\n').length + lineOf(harbour, 'odsCode: A81001')}:18`,
    ])
  })

  it('silences a repo-scope non-compliance rule at one place: metadata/duplicate-id', () => {
    const first = edit(base, ['  id: riverside ', '  # pch-disable-next-line metadata/duplicate-id -- x\n  id: riverside '])
    const code = `${first}---\n${base.replaceAll('A810', 'A820')}`
    expect(findings(code, 'lint')).toEqual([`metadata/duplicate-id@${first.split('\n').length + lineOf(base, 'id: riverside ')}:7`])
  })
})

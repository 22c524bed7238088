// "One fault, one finding" (format.md) across the pipeline: cascades the helpers' sweep found,
// each pinned so it cannot come back.
import {describe, expect, it} from 'vitest'
import {edit, findings, lineOf, messages, riverside} from '../helpers.js'

const base = riverside()
const at = (needle: string, column: number, after = 0): string => `${lineOf(base, needle, after)}:${column}`

describe('one fault, one finding', () => {
  it('a trailing --- (or --- and a comment) adds no document', () => {
    expect(findings(`${base}---\n`)).toEqual([])
    expect(findings(`${base}---\n# the end\n`)).toEqual([])
    expect(findings(`---\n---\n${base}`)).toEqual([])
  })

  it('an out-of-range list size is one schema finding: the population and capitation rules do not read it', () => {
    expect(findings(edit(base, ['listSize: 14250', 'listSize: -5']))).toEqual([`schema@${at('listSize: 14250', 19)}`])
    expect(findings(edit(base, ['listSize: 14250', 'listSize: "-5"']))).toEqual([
      `format/number@${at('listSize: 14250', 19)}`,
      `schema@${at('listSize: 14250', 19)}`,
    ])
  })

  it('an out-of-range gain share is one finding, not also risk-shares-sum', () => {
    expect(findings(edit(base, ['gainPercent: 40', 'gainPercent: 140']))).toEqual([`schema@${at('gainPercent: 40', 24)}`])
  })

  it('an unknown risk-share model is schema only, not also a risk-share rule', () => {
    expect(findings(edit(base, ['model: gain-and-loss', 'model: gain-and-lose']))).toEqual([`schema@${at('model: gain-and-loss', 14)}`])
  })

  it('one indentation fault is one yaml/syntax finding', () => {
    const result = findings(edit(base, ['  name: Riverside Primary Care Home', ' name: Riverside Primary Care Home']))
    expect(result).toHaveLength(1)
    expect(result[0]).toMatch(/^yaml\/syntax@/)
  })

  it('an exception whose approvedOn is not a real date does not apply', () => {
    const small = edit(
      base,
      ['listSize: 14250', 'listSize: 4250'],
      ['total: 5776000', 'total: 4176000'],
      [
        '  exceptions: []                     # optional; see "Exceptions"',
        '  exceptions:\n    - rule: population/size-band\n      reason: Rural\n      approvedBy: ICB\n      approvedOn: 2026-02-30',
      ],
    )
    expect(messages(small).map((m) => [m.ruleId, m.severity])).toEqual([
      ['schema', 'error'],
      ['population/size-band', 'error'],
    ])
  })
})

describe('a site with no partners', () => {
  const partnerList = /    partners:[\s\S]*?(?=    team:)/
  const partners = lineOf(base, 'partners:')
  const workforce = lineOf(base, 'workforce:')

  it('an empty list: both partner rules at the [], not schema, and no risk-share finding', () => {
    expect(findings(edit(base, [partnerList, '    partners: []\n']))).toEqual([
      `workforce/secondary-care-partner@${partners}:15`,
      `workforce/social-care-partner@${partners}:15`,
    ])
  })

  it('partners missing: both partner rules at the workforce key, not schema', () => {
    expect(findings(edit(base, [partnerList, '']))).toEqual([
      `workforce/secondary-care-partner@${workforce}:3`,
      `workforce/social-care-partner@${workforce}:3`,
    ])
  })
})

describe('rules stay silent on what the schema rejected', () => {
  const council = lineOf(base, 'id: riverside-council')
  it.each([
    ['an invalid sector', edit(base, ['sector: social-care', 'sector: social care']), [`schema@${at('sector: social-care', 17)}`]],
    ['a missing sector', edit(base, ['        sector: social-care\n', '']), [`schema@${council}:9`]],
  ])('%s is schema only, not also workforce/social-care-partner', (_name, code, expected) => {
    expect(findings(code)).toEqual(expected)
  })

  it('a missing gainPercent is schema only, not also risk-shares-sum', () => {
    const code = edit(base, ['          gainPercent: 40\n', ''])
    expect(findings(code)).toEqual([`schema@${lineOf(base, 'party: member-practices')}:11`])
  })

  it('invalid parties are schema only, not also risk-share-parties', () => {
    const code = edit(base, ['party: riverside-community', 'party: 43'], ['party: riverside-acute', 'party: 42'])
    expect(findings(code)).toEqual([`schema@${at('party: riverside-community', 18)}`, `schema@${at('party: riverside-acute', 18)}`])
  })

  it('a partners value that is not a list is schema only, not also risk-share-parties', () => {
    const code = edit(base, [/    partners: {2}[\s\S]*?(?=    team:)/, '    partners: {id: x}\n'])
    expect(findings(code)).toEqual([`schema@${lineOf(base, 'partners:')}:15`])
  })

  it('a missing workforce section is one schema finding', () => {
    const code = edit(base, [/  workforce: [\s\S]*?(?=  budget:)/, ''])
    expect(findings(code)).toEqual([`schema@${lineOf(base, 'spec:')}:1`])
  })
})

describe('lint rules that read references stay silent when what they refer to is not known', () => {
  it.each([
    [
      'practices as a mapping',
      [/    practices: {21}[\s\S]*?(?=  workforce:)/, '    practices: {odsCode: A81001, name: Riverside Surgery, listSize: 36100}\n'] as [
        RegExp,
        string,
      ],
    ],
    ['a practice code the schema rejects', ['odsCode: A81001', 'odsCode: A8100'] as [string, string]],
  ])('%s: schema only, not also workforce/unknown-employer', (_name, change) => {
    expect(findings(edit(base, change), 'lint').every((f) => f.startsWith('schema@'))).toBe(true)
  })
})

describe('exceptions and directives the helpers found', () => {
  it('a blank exception reason is a schema error, and the exception does not apply', () => {
    const small = edit(
      base,
      ['listSize: 14250', 'listSize: 4250'],
      ['total: 5776000', 'total: 4176000'],
      ['amount: 5276000', 'amount: 3676000'],
      ['exceptions: []', 'exceptions: [{rule: population/size-band, reason: "  ", approvedBy: b, approvedOn: 2026-03-12}]'],
    )
    expect(messages(small).map((m) => [m.ruleId, m.severity, m.message])).toEqual([
      ['schema', 'error', '"  " is not a valid reason: expected text that is not blank'],
      ['population/size-band', 'error', 'Registered population 26,100 is below 30,000 (band 30,000-50,000)'],
    ])
  })

  it('a directive-like line inside a block scalar is text, not a directive', () => {
    const code = edit(base, [
      '    source: NHS Digital, Patients Registered at a GP Practice, October 2026',
      '    source: |\n      # pch-disable-next-line population/nope\n      text',
    ])
    expect(findings(code, 'lint')).toEqual([])
  })

  it.each(['schema', 'schema/api-version', 'yaml/duplicate-key'])('a directive cannot silence %s (structural), and says so', (rule) => {
    const code = edit(base, ['apiVersion: pch/v1', `# pch-disable-next-line ${rule} -- x\napiVersion: pch/v2`])
    expect(messages(code, 'lint').map((m) => [m.ruleId, m.line, m.message])).toEqual([
      ['lint/disable-directive', 2, `${rule} cannot be silenced: it decides whether a definition conforms to the format`],
      ['schema/api-version', 3, 'apiVersion "pch/v2" is not supported; supported: pch/v1'],
    ])
  })
})

describe('numbers and tags the helpers found', () => {
  it('reads "£-5" and "-£5" alike as -5 (then the schema rejects a negative amount)', () => {
    for (const text of ['"£-5"', '"-£5"']) {
      expect(messages(edit(base, ['amount: 500000', `amount: ${text}`])).map((m) => [m.ruleId, m.message])).toEqual([
        ['format/number', `amount ${text} is written as text; write it as the plain number -5`],
        ['schema', 'amount must be at least 0, not -5'],
      ])
    }
  })

  it('writes years without a thousands separator', () => {
    expect(messages(edit(base, ['cohort: 2016', 'cohort: 2014']))[0]!.message).toBe('cohort must be at least 2015, not 2014')
  })

  it.each([
    ['!!binary aGVsbG8=', 'Tag !!binary'],
    ['!!timestamp 2026-10-01', 'Tag !!timestamp'],
    ['!!set {a, b}', 'Tag !!set'],
    ['!!omap [{a: 1}]', 'Tag !!omap'],
  ])('reports the YAML 1.1 tag in %s as yaml/unsupported-tag at the tag', (value, start) => {
    const [message, ...rest] = messages(edit(base, ['source: NHS Digital', `source: ${value} #`]))
    expect(rest).toEqual([])
    expect([message!.ruleId, message!.line, message!.column, message!.message.startsWith(start)]).toEqual([
      'yaml/unsupported-tag',
      lineOf(base, 'source: NHS Digital'),
      13,
      true,
    ])
  })

  it('accepts core tags', () => {
    expect(
      findings(edit(base, ['listSize: 14250', 'listSize: !!int 14250'], ['annualPerPatient: 160.00', 'annualPerPatient: !!float 160.00'])),
    ).toEqual([])
  })

  it('says so, in one line, when YAML is nested deeper than the limit', () => {
    const deep = `${base}extra: ${'['.repeat(5000)}${']'.repeat(5000)}\n`
    expect(messages(deep).map((m) => [m.ruleId, m.message, m.line, m.column])).toEqual([
      [
        'yaml/syntax',
        'The document is nested more than 64 levels deep (a definition needs about 7; limits.maxDepth in the config)',
        base.split('\n').length,
        'extra: '.length + 64,
      ],
    ])
  })
})

// The rule tester fails a case that states less than the finding has: range, messageId, data, fix output.
import {describe, expect, it} from 'vitest'
import {edit, lineOf, riverside} from './helpers.js'
import {expectInvalid} from './rule-tester.js'

const base = riverside()
const practices = lineOf(base, 'practices:')
const small = edit(base, ['listSize: 14250', 'listSize: 4250'], ['total: 5776000', 'total: 4176000'])
const full = {
  at: `population/size-band@${practices}:5-${practices}:14`,
  messageId: 'below',
  data: {population: 26100, minimum: 30000, maximum: 50000},
}
const listSize = lineOf(base, 'listSize: 14250')
const quoted = edit(base, ['listSize: 14250', 'listSize: "14,250"'])
const number = {
  at: `format/number@${listSize}:19-${listSize}:27`,
  message: 'listSize "14,250" is written as text; write it as the plain number 14250',
}

describe('the rule tester', () => {
  it('passes a case that states the finding in full', () => {
    expect(() => expectInvalid('population/size-band', {name: '', code: small, errors: [full]})).not.toThrow()
  })

  it.each([
    ['only ruleId@line:column', [`population/size-band@${practices}:5`]],
    ['another end', [{...full, at: `population/size-band@${practices}:5-${practices}:15`}]],
    ['another messageId', [{...full, messageId: 'above'}]],
    ['no data', [{at: full.at, messageId: 'below'}]],
    ['other data', [{...full, data: {...full.data, population: 26101}}]],
    ['a finding too many', [full, full]],
  ])('fails a case that states %s', (_what, errors) => {
    expect(() => expectInvalid('population/size-band', {name: '', code: small, errors})).toThrow()
  })

  it("fails a fixable rule's case without its output, or with another", () => {
    expect(() => expectInvalid('format/number', {name: '', code: quoted, errors: [number], output: base})).not.toThrow()
    expect(() => expectInvalid('format/number', {name: '', code: quoted, errors: [number]})).toThrow(/states its output/)
    expect(() => expectInvalid('format/number', {name: '', code: quoted, errors: [number], output: quoted})).toThrow()
  })
})

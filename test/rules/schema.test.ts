// schema/api-version (one finding, no cascade) and `schema`: every other structural violation,
// positioned at the value at fault (a block value: its key; a missing key: the parent's key; an
// unknown key: the key) and worded for people.
import {describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {checkSchema, CONTROL_CHARACTER, INVALID} from '../../src/engine/schema/schema-check.js'
import {schemaById} from '../../src/rule-api/schemas.js'
import {edit, lineOf, messages, riverside, short} from '../helpers.js'
import {ruleTable} from '../rule-tester.js'

const base = riverside()
const at = (needle: string, column: number, after = 0): string => `schema@${lineOf(base, needle, after)}:${column}`

/** One finding's message, asserting there is exactly one. */
function onlyMessage(code: string): string {
  const found = messages(code)
  expect(found, found.map(short).join(', ')).toHaveLength(1)
  return found[0]!.message
}

// ---- schema/api-version ---------------------------------------------------------------------

const noApiVersion = edit(base, ['apiVersion: pch/v1\n', ''])
const noKind = edit(base, ['kind: PrimaryCareHome\n', ''])
const v2 = edit(base, ['apiVersion: pch/v1', 'apiVersion: pch/v2'])
const wrongKind = edit(base, ['kind: PrimaryCareHome', 'kind: CareHome'])
const aList = '- apiVersion: pch/v1\n- kind: PrimaryCareHome\n'
const aScalar = 'Riverside Primary Care Home\n'

ruleTable('schema/api-version', {
  valid: [{name: 'riverside: pch/v1 PrimaryCareHome', code: base}],
  invalid: [
    {name: 'apiVersion missing: at the document', code: noApiVersion, errors: [`schema/api-version@${lineOf(noApiVersion, 'kind:')}:1`]},
    {name: 'apiVersion pch/v2: at the value', code: v2, errors: [`schema/api-version@${lineOf(base, 'apiVersion:')}:13`]},
    {
      name: 'apiVersion a number',
      code: edit(base, ['apiVersion: pch/v1', 'apiVersion: 1']),
      errors: [`schema/api-version@${lineOf(base, 'apiVersion:')}:13`],
    },
    {name: 'kind missing: at the document', code: noKind, errors: [`schema/api-version@${lineOf(noKind, 'apiVersion:')}:1`]},
    {name: 'wrong kind: at the value', code: wrongKind, errors: [`schema/api-version@${lineOf(base, 'kind:')}:7`]},
    {name: 'a list, not a mapping', code: aList, errors: ['schema/api-version@1:1']},
    {
      name: 'riverside as one entry of a list',
      code: base.split('\n').map((line, i) => (i === 0 ? line : i === 1 ? `- ${line}` : line && `  ${line}`)).join('\n'),
      errors: ['schema/api-version@2:1'],
    },
    {name: 'a scalar, not a mapping', code: aScalar, errors: ['schema/api-version@1:1']},
    {
      name: 'no cascade: a wrong kind hides every schema and rule finding',
      code: edit(
        base,
        ['kind: PrimaryCareHome', 'kind: CareHome'],
        ['listSize: 14250', 'listsize: 4250'],
        ['status: live', 'status: lve'],
        ['odsCode: RX1 ', 'odsCode: rx1 '],
        ['total: 5776000', 'total: "£1,000"'],
      ),
      errors: [`schema/api-version@${lineOf(base, 'kind:')}:7`],
    },
    {
      name: 'no cascade: apiVersion pch/v2 with a pch/v2-only key',
      code: edit(base, ['apiVersion: pch/v1', 'apiVersion: pch/v2'], ['spec:', 'network: riverside-pcn\nspec:']),
      errors: [`schema/api-version@${lineOf(base, 'apiVersion:')}:13`],
    },
  ],
})

describe('schema/api-version messages', () => {
  it.each([
    ['apiVersion missing', noApiVersion, 'apiVersion is missing; expected apiVersion: pch/v1 and kind: PrimaryCareHome'],
    ['apiVersion pch/v2', v2, 'apiVersion "pch/v2" is not supported; supported: pch/v1'],
    ['kind missing', noKind, 'kind is missing; expected apiVersion: pch/v1 and kind: PrimaryCareHome'],
    ['wrong kind', wrongKind, 'kind "CareHome" is not supported; supported: PrimaryCareHome'],
    ['a list', aList, 'This document is not a PCH definition (expected apiVersion: pch/v1 and kind: PrimaryCareHome)'],
    ['a scalar', aScalar, 'This document is not a PCH definition (expected apiVersion: pch/v1 and kind: PrimaryCareHome)'],
  ])('%s', (_name, code, message) => {
    expect(messages(code)).toMatchObject([{ruleId: 'schema/api-version', severity: 'error', message, characteristic: null, fixable: false}])
  })
})

// ---- schema -----------------------------------------------------------------------------------

const practice1 = lineOf(base, 'odsCode: A81001')
const cvs = lineOf(base, 'id: riverside-cvs')

const cases = {
  listsize: edit(base, ['listSize: 14250', 'listsize: 14250']),
  flavour: edit(base, ['listSize: 14250', 'listSize: 14250\n        flavour: mint']),
  topLevel: edit(base, ['spec:', 'specification: {}\nspec:']),
  noId: edit(base, [/ {2}id: riverside .*\n/, '']),
  noPracticeName: edit(base, ['        name: Riverside Surgery\n', '']),
  noPeriodEnd: edit(base, [/ {6}end: 2027-03-31.*\n/, '']),
  determinantsText: edit(base, ['determinants: [housing, employment, social-isolation]', 'determinants: housing']),
  determinantsMap: edit(base, ['determinants: [housing, employment, social-isolation]', 'determinants:\n        housing: yes']),
  personalisationText: edit(base, [/ {4}personalisation:[\s\S]*?(?= {4}populationHealth:)/, '    personalisation: "x"\n']),
  lve: edit(base, ['status: live', 'status: lve']),
  feb30: edit(base, ['asOf: 2026-10-01', 'asOf: 2026-02-30']),
  dateNumber: edit(base, ['asOf: 2026-10-01', 'asOf: 20261001']),
  dateFloat: edit(base, ['start: 2026-04-01', 'start: 2026.04']),
  a8100: edit(base, ['odsCode: A81001 ', 'odsCode: A8100 ']),
  wte0: edit(base, ['wte: 1.5', 'wte: 0']),
  // -5 with the next practice 5 + 14250 larger: the sum stays 36,100, so only the schema speaks.
  listSizeNegative: edit(base, ['listSize: 14250', 'listSize: -5'], ['listSize: 11980', 'listSize: 26235']),
  cohort2014: edit(base, ['cohort: 2016', 'cohort: 2014']),
  other: edit(base, ['sector: voluntary', 'sector: other']),
  weighted: edit(base, ['basis: registered', 'basis: weighted']),
  exceptionRule: edit(base, [
    'exceptions: []',
    'exceptions:\n    - rule: workforce/voluntary-sector-partner\n      reason: No voluntary sector in the area\n      approvedBy: North Riverside ICB primary care committee\n      approvedOn: 2026-03-12',
  ]),
  partnerOds: edit(base, ['odsCode: RX1 ', 'odsCode: RX1234 ']),
  partnerOdsPunctuation: edit(base, ['odsCode: RX1 ', 'odsCode: R-1 ']),
  email: edit(base, ['email: pch.lead@example.nhs.uk', 'email: not-an-email']),
  charityNumber: edit(base, ['charityNumber: "1012345"', 'charityNumber: 1012345']),
  currency: edit(base, ['currency: GBP', 'currency: EUR']),
}

ruleTable('schema', {
  valid: [
    {name: 'riverside', code: base},
    {name: 'a quoted date', code: edit(base, ['asOf: 2026-10-01', 'asOf: "2026-10-01"'])},
    {name: 'a leap day', code: edit(base, ['asOf: 2026-10-01', 'asOf: 2028-02-29'])},
    {name: 'sector other with a description', code: edit(base, ['sector: voluntary', 'sector: other\n        description: A community interest company'])},
    {name: 'basis weighted with weightedPopulation', code: edit(base, ['basis: registered', 'basis: weighted'], ['# weightedPopulation: 38900', 'weightedPopulation: 36100'])},
    {name: 'a non-trust partner odsCode of five characters', code: edit(base, ['charityNumber: "1012345"', 'odsCode: AB123'])},
    {name: 'an exception naming a compliance rule', code: edit(base, ['exceptions: []', 'exceptions:\n    - rule: workforce/social-care-partner\n      reason: r\n      approvedBy: ICB\n      approvedOn: 2026-03-12'])},
    {name: 'personalisation missing: its own rule, not schema', code: edit(base, [/ {4}personalisation:[\s\S]*?(?= {4}populationHealth:)/, ''])},
    {name: 'personalisation empty: its own rule, not schema', code: edit(base, [/ {4}personalisation:[\s\S]*?(?= {4}populationHealth:)/, '    personalisation: []\n'])},
  ],
  invalid: [
    {
      name: 'unknown key listsize (did you mean listSize): one finding at the key, not also "listSize missing"',
      code: cases.listsize,
      errors: [`schema@${lineOf(base, 'listSize: 14250')}:9`],
    },
    {name: 'unknown key with no close match: at the key', code: cases.flavour, errors: [`schema@${lineOf(base, 'listSize: 14250') + 1}:9`]},
    {name: 'unknown top-level key', code: cases.topLevel, errors: [`schema@${lineOf(base, 'spec:')}:1`]},
    {name: 'missing required key: at the parent mapping\'s key', code: cases.noId, errors: [at('metadata:', 1)]},
    {name: 'missing required key in a list entry: at the entry', code: cases.noPracticeName, errors: [`schema@${practice1}:9`]},
    {name: 'missing period end: at period', code: cases.noPeriodEnd, errors: [at('period:', 5)]},
    {name: 'text where a list is expected: at the value', code: cases.determinantsText, errors: [at('determinants:', 21)]},
    {name: 'a block mapping where a list is expected: at the key', code: cases.determinantsMap, errors: [at('determinants:', 7)]},
    {name: 'personalisation: "x" is schema, not care/personalisation-required', code: cases.personalisationText, errors: [at('personalisation:', 22)]},
    {name: 'enum: status lve', code: cases.lve, errors: [at('status:', 11)]},
    {name: 'format: 2026-02-30 is not a calendar date', code: cases.feb30, errors: [at('asOf:', 11)]},
    {name: 'a date written as a number', code: cases.dateNumber, errors: [at('asOf:', 11)]},
    {name: 'a date written as a decimal', code: cases.dateFloat, errors: [at('start:', 14)]},
    {name: 'pattern: practice code A8100', code: cases.a8100, errors: [at('odsCode: A81001', 18)]},
    {name: 'exclusiveMinimum: wte 0', code: cases.wte0, errors: [at('wte: 1.5', 14)]},
    {name: 'minimum: listSize -5', code: cases.listSizeNegative, errors: [at('listSize: 14250', 19)]},
    {name: 'minimum: cohort 2014', code: cases.cohort2014, errors: [at('cohort:', 11)]},
    {name: 'if/then: sector other without description, at the entry', code: cases.other, errors: [`schema@${cvs}:9`]},
    {name: 'if/then: basis weighted without weightedPopulation, at capitation', code: cases.weighted, errors: [at('capitation:', 5)]},
    {name: 'an exception naming a non-compliance rule', code: cases.exceptionRule, errors: [`schema@${lineOf(cases.exceptionRule, 'rule:')}:13`]},
    {name: 'partner odsCode: the schema\'s general pattern, six characters', code: cases.partnerOds, errors: [at('odsCode: RX1', 18)]},
    {name: 'partner odsCode: punctuation', code: cases.partnerOdsPunctuation, errors: [at('odsCode: RX1', 18)]},
    {name: 'format: email', code: cases.email, errors: [at('email:', 12)]},
    {name: 'a charity number written as a number', code: cases.charityNumber, errors: [at('charityNumber:', 24)]},
    {name: 'const: currency EUR', code: cases.currency, errors: [at('currency:', 15)]},
    {
      name: 'several faults: each reported, in document order',
      code: edit(base, ['status: live', 'status: lve'], ['wte: 1.5', 'wte: 0'], ['asOf: 2026-10-01', 'asOf: 2026-02-30']),
      errors: [at('status:', 11), at('asOf:', 11), at('wte: 1.5', 14)],
    },
  ],
})

describe('schema messages', () => {
  it('unknown key with a did-you-mean', () => {
    expect(messages(cases.listsize).map((m) => m.message)).toEqual(['Unknown key "listsize" in entry 1 of practices; did you mean "listSize"?'])
  })

  it('unknown key with no close match lists the allowed keys', () => {
    expect(onlyMessage(cases.flavour)).toBe('Unknown key "flavour" in entry 1 of practices; expected one of: odsCode, name, listSize')
    expect(onlyMessage(cases.topLevel)).toBe('Unknown key "specification" in the definition; expected one of: apiVersion, kind, metadata, spec')
  })

  it('missing required key', () => {
    expect(onlyMessage(cases.noId)).toBe('metadata is missing the required key "id"')
    expect(onlyMessage(cases.noPeriodEnd)).toBe('period is missing the required key "end"')
  })

  it('wrong type', () => {
    expect(onlyMessage(cases.personalisationText)).toBe('personalisation must be a list, not text "x"')
    expect(onlyMessage(cases.determinantsMap)).toBe('determinants must be a list, not a mapping')
    expect(onlyMessage(cases.dateNumber)).toBe('asOf must be text, not 20261001')
  })

  it('enum with a suggestion', () => {
    expect(onlyMessage(cases.lve)).toBe(
      '"lve" is not a valid status; expected one of: applicant, rapid-test-site, developing, live, withdrawn; did you mean "live"?',
    )
  })

  it('an impossible date', () => {
    expect(onlyMessage(cases.feb30)).toBe('"2026-02-30" is not a valid date: expected a real calendar date written YYYY-MM-DD')
  })

  it('pattern', () => {
    expect(onlyMessage(cases.a8100)).toBe('"A8100" is not a valid GP practice code: expected a capital letter followed by five digits, e.g. A81001')
    expect(onlyMessage(cases.partnerOds)).toBe('"RX1234" is not a valid ODS code: expected 3 to 5 capital letters or digits, e.g. RX1')
  })

  it('minimum and exclusiveMinimum', () => {
    expect(onlyMessage(cases.wte0)).toBe('wte must be more than 0, not 0')
    expect(onlyMessage(cases.listSizeNegative)).toBe('listSize must be at least 0, not -5')
  })

  it('if/then', () => {
    expect(onlyMessage(cases.other)).toBe('Entry 5 of partners is missing the required key "description"')
    expect(onlyMessage(cases.weighted)).toBe('capitation is missing the required key "weightedPopulation"')
  })

  it('an exception naming a non-compliance rule', () => {
    expect(onlyMessage(cases.exceptionRule)).toBe(
      '"workforce/voluntary-sector-partner" is not a valid compliance rule; expected one of: population/size-band, ' +
        'population/duplicate-practice, population/practice-in-multiple-sites, workforce/secondary-care-partner, ' +
        'workforce/social-care-partner, workforce/duplicate-partner, budget/capitation-mismatch, budget/risk-share-required, ' +
        'budget/risk-shares-sum, budget/risk-share-parties, care/personalisation-required, care/outcomes-required',
    )
  })

  it('const', () => {
    expect(onlyMessage(cases.currency)).toBe('currency must be "GBP", not "EUR"')
  })

  it('every schema finding is an error with a JSON Pointer path, no characteristic, not fixable', () => {
    expect(messages(cases.a8100)).toMatchObject([
      {ruleId: 'schema', severity: 'error', path: '/spec/population/practices/0/odsCode', characteristic: null, fixable: false},
    ])
    expect(messages(cases.flavour)[0]!.path).toBe('/spec/population/practices/0/flavour')
    expect(messages(cases.noId)[0]!.path).toBe('/metadata')
  })
})

// ---- control characters in text -----------------------------------------------------------------

const surgery = lineOf(base, 'name: Riverside Surgery')
const site = lineOf(base, 'name: Riverside Primary Care Home')
const source = lineOf(base, 'source: NHS Digital')
const named = (name: string): string => edit(base, ['name: Riverside Surgery', `name: ${name}`])
const control = {
  nulRaw: named('Riverside\u0000 Surgery'),
  nulEscaped: named('"Riverside\\0 Surgery"'),
  escape: edit(base, ['name: Riverside Primary Care Home', 'name: "Riverside\\e[2J Primary Care Home"']),
  bell: named('"Riverside\\a Surgery"'),
  carriageReturn: named('"Riverside\\r Surgery"'),
  del: named('Riverside\u007f Surgery'),
  nextLine: named('"Riverside\\N Surgery"'),
  csi: named('Riverside\u009b Surgery'),
  inBlock: edit(base, [/ {4}source: NHS Digital.*\n/, '    source: |\n      NHS Digital\n      \u001b]0;pwned\u0007\n']),
  inCode: edit(base, ['odsCode: A81001', 'odsCode: "A8100\\0"']),
}

ruleTable('schema', {
  valid: [
    {name: 'a tab in a name, escaped', code: named('"Riverside\\tSurgery"')},
    {name: 'a tab in a name, as it is', code: named('Riverside\tSurgery')},
    {name: 'line breaks in a block scalar', code: edit(base, [/ {4}source: NHS Digital.*\n/, '    source: |\n      NHS Digital\n      list sizes, October 2026\n'])},
    {name: 'a line feed escaped in a quoted name', code: named('"Riverside\\nSurgery"')},
    {name: 'printable text beyond ASCII: a no-break space, accents, an emoji', code: named('"Riverside\u00a0Surgery é 🏥"')},
  ],
  invalid: [
    {name: 'a NUL byte as it is in a name: at the value', code: control.nulRaw, errors: [`schema@${surgery}:15`]},
    {name: 'a NUL escaped (\\0)', code: control.nulEscaped, errors: [`schema@${surgery}:15`]},
    {name: 'ESC (\\e) in the site name', code: control.escape, errors: [`schema@${site}:9`]},
    {name: 'BEL (\\a)', code: control.bell, errors: [`schema@${surgery}:15`]},
    {name: 'a carriage return escaped (\\r): not a line break of the file', code: control.carriageReturn, errors: [`schema@${surgery}:15`]},
    {name: 'DEL as it is', code: control.del, errors: [`schema@${surgery}:15`]},
    {name: 'C1: NEL escaped (\\N)', code: control.nextLine, errors: [`schema@${surgery}:15`]},
    {name: 'C1: CSI as it is', code: control.csi, errors: [`schema@${surgery}:15`]},
    {name: 'ESC and BEL in a block scalar: at the scalar', code: control.inBlock, errors: [`schema@${source}:13`]},
    {name: 'a control character in a code', code: control.inCode, errors: [`schema@${lineOf(base, 'odsCode: A81001')}:18`]},
  ],
})

describe('control characters in text: schema messages', () => {
  it.each([
    ['NUL', control.nulRaw, 'name holds a control character (U+0000), which cannot be seen or printed; remove it'],
    ['ESC', control.escape, 'name holds a control character (U+001B), which cannot be seen or printed; remove it'],
    ['CR', control.carriageReturn, 'name holds a control character (U+000D), which cannot be seen or printed; remove it'],
    ['DEL', control.del, 'name holds a control character (U+007F), which cannot be seen or printed; remove it'],
    ['NEL', control.nextLine, 'name holds a control character (U+0085), which cannot be seen or printed; remove it'],
    ['the first of two, in a block scalar', control.inBlock, 'source holds a control character (U+001B), which cannot be seen or printed; remove it'],
    ['in a code, rather than "not a valid GP practice code"', control.inCode, 'odsCode holds a control character (U+0000), which cannot be seen or printed; remove it'],
  ])('%s', (_name, code, message) => {
    expect(onlyMessage(code)).toBe(message)
  })

  it('the text is still read as it is (by the rules, by the report); a code it makes invalid is set aside', () => {
    const data = checkSchema(parse(edit(control.inCode, ['name: Riverside Surgery', 'name: "Riverside\\e Surgery"']))).data as {spec: {population: {practices: Array<{name: unknown; odsCode: unknown}>}}}
    expect(data.spec.population.practices[0]).toMatchObject({name: 'Riverside\u001b Surgery', odsCode: INVALID})
  })

  it('the message names the character by the one list of them, which is the schema\'s (common.schema.json#/$defs/printable)', () => {
    const printable = new RegExp(String((schemaById('common.schema.json').$defs as Record<string, {pattern: string}>).printable!.pattern), 'u')
    const characters = [...Array.from({length: 0x100}, (_, code) => String.fromCharCode(code)), '\u2028', '\u202e', '\ufeff', '\ufffd', '😀']
    const rejected = characters.filter((character) => !printable.test(character))
    expect(rejected).toEqual(characters.filter((character) => CONTROL_CHARACTER.test(character)))
    expect(rejected.map((character) => character.charCodeAt(0))).toEqual([
      ...Array.from({length: 9}, (_, i) => i),
      ...Array.from({length: 0x20 - 0x0b}, (_, i) => 0x0b + i),
      ...Array.from({length: 0xa0 - 0x7f}, (_, i) => 0x7f + i),
    ])
  })
})

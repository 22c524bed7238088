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
/** The same with the range's end on that line: "schema@line:column-line:endColumn". */
const span = (needle: string, column: number, endColumn: number, after = 0): string =>
  `${at(needle, column, after)}-${lineOf(base, needle, after)}:${endColumn}`

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
    {
      name: 'apiVersion missing: at the document',
      code: noApiVersion,
      errors: [
        {
          at: `schema/api-version@${lineOf(noApiVersion, 'kind:')}:1-${lineOf(noApiVersion, 'kind:')}:22`,
          message: 'apiVersion is missing; expected apiVersion: pch/v1 and kind: PrimaryCareHome',
        },
      ],
    },
    {
      name: 'apiVersion pch/v2: at the value',
      code: v2,
      errors: [
        {
          at: `schema/api-version@${lineOf(base, 'apiVersion:')}:13-${lineOf(base, 'apiVersion:')}:19`,
          message: 'apiVersion "pch/v2" is not supported; supported: pch/v1',
        },
      ],
    },
    {
      name: 'apiVersion a number',
      code: edit(base, ['apiVersion: pch/v1', 'apiVersion: 1']),
      errors: [
        {
          at: `schema/api-version@${lineOf(base, 'apiVersion:')}:13-${lineOf(base, 'apiVersion:')}:14`,
          message: 'apiVersion 1 is not supported; supported: pch/v1',
        },
      ],
    },
    {
      name: 'kind missing: at the document',
      code: noKind,
      errors: [
        {
          at: `schema/api-version@${lineOf(noKind, 'apiVersion:')}:1-${lineOf(noKind, 'apiVersion:')}:19`,
          message: 'kind is missing; expected apiVersion: pch/v1 and kind: PrimaryCareHome',
        },
      ],
    },
    {
      name: 'wrong kind: at the value',
      code: wrongKind,
      errors: [
        {
          at: `schema/api-version@${lineOf(base, 'kind:')}:7-${lineOf(base, 'kind:')}:15`,
          message: 'kind "CareHome" is not supported; supported: PrimaryCareHome',
        },
      ],
    },
    {
      name: 'a list, not a mapping',
      code: aList,
      errors: [
        {
          at: 'schema/api-version@1:1-1:21',
          message: 'This document is not a PCH definition (expected apiVersion: pch/v1 and kind: PrimaryCareHome)',
        },
      ],
    },
    {
      name: 'riverside as one entry of a list',
      code: base
        .split('\n')
        .map((line, i) => (i === 0 ? line : i === 1 ? `- ${line}` : line && `  ${line}`))
        .join('\n'),
      errors: [
        {
          at: 'schema/api-version@2:1-2:21',
          message: 'This document is not a PCH definition (expected apiVersion: pch/v1 and kind: PrimaryCareHome)',
        },
      ],
    },
    {
      name: 'a scalar, not a mapping',
      code: aScalar,
      errors: [
        {
          at: 'schema/api-version@1:1-1:28',
          message: 'This document is not a PCH definition (expected apiVersion: pch/v1 and kind: PrimaryCareHome)',
        },
      ],
    },
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
      errors: [
        {
          at: `schema/api-version@${lineOf(base, 'kind:')}:7-${lineOf(base, 'kind:')}:15`,
          message: 'kind "CareHome" is not supported; supported: PrimaryCareHome',
        },
      ],
    },
    {
      name: 'no cascade: apiVersion pch/v2 with a pch/v2-only key',
      code: edit(base, ['apiVersion: pch/v1', 'apiVersion: pch/v2'], ['spec:', 'network: riverside-pcn\nspec:']),
      errors: [
        {
          at: `schema/api-version@${lineOf(base, 'apiVersion:')}:13-${lineOf(base, 'apiVersion:')}:19`,
          message: 'apiVersion "pch/v2" is not supported; supported: pch/v1',
        },
      ],
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
    {
      name: 'sector other with a description',
      code: edit(base, ['sector: voluntary', 'sector: other\n        description: A community interest company']),
    },
    {
      name: 'basis weighted with weightedPopulation',
      code: edit(base, ['basis: registered', 'basis: weighted'], ['# weightedPopulation: 38900', 'weightedPopulation: 36100']),
    },
    {name: 'a non-trust partner odsCode of five characters', code: edit(base, ['charityNumber: "1012345"', 'odsCode: AB123'])},
    {
      name: 'an exception naming a compliance rule',
      code: edit(base, [
        'exceptions: []',
        'exceptions:\n    - rule: workforce/social-care-partner\n      reason: r\n      approvedBy: ICB\n      approvedOn: 2026-03-12',
      ]),
    },
    {
      name: 'personalisation missing: its own rule, not schema',
      code: edit(base, [/ {4}personalisation:[\s\S]*?(?= {4}populationHealth:)/, '']),
    },
    {
      name: 'personalisation empty: its own rule, not schema',
      code: edit(base, [/ {4}personalisation:[\s\S]*?(?= {4}populationHealth:)/, '    personalisation: []\n']),
    },
  ],
  invalid: [
    {
      name: 'unknown key listsize (did you mean listSize): one finding at the key, not also "listSize missing"',
      code: cases.listsize,
      errors: [
        {
          at: `schema@${lineOf(base, 'listSize: 14250')}:9-${lineOf(base, 'listSize: 14250')}:17`,
          message: 'Unknown key "listsize" in entry 1 of practices; did you mean "listSize"?',
        },
      ],
    },
    {
      name: 'unknown key with no close match: at the key',
      code: cases.flavour,
      errors: [
        {
          at: `schema@${lineOf(base, 'listSize: 14250') + 1}:9-${lineOf(base, 'listSize: 14250') + 1}:16`,
          message: 'Unknown key "flavour" in entry 1 of practices; expected one of: odsCode, name, listSize',
        },
      ],
    },
    {
      name: 'unknown top-level key',
      code: cases.topLevel,
      errors: [
        {
          at: `schema@${lineOf(base, 'spec:')}:1-${lineOf(base, 'spec:')}:14`,
          message: 'Unknown key "specification" in the definition; expected one of: apiVersion, kind, metadata, spec',
        },
      ],
    },
    {
      name: "missing required key: at the parent mapping's key",
      code: cases.noId,
      errors: [{at: span('metadata:', 1, 9), message: 'metadata is missing the required key "id"'}],
    },
    {
      name: 'missing required key in a list entry: at the entry',
      code: cases.noPracticeName,
      errors: [{at: `schema@${practice1}:9-${practice1}:24`, message: 'Entry 1 of practices is missing the required key "name"'}],
    },
    {
      name: 'missing period end: at period',
      code: cases.noPeriodEnd,
      errors: [{at: span('period:', 5, 11), message: 'period is missing the required key "end"'}],
    },
    {
      name: 'text where a list is expected: at the value',
      code: cases.determinantsText,
      errors: [{at: span('determinants:', 21, 28), message: 'determinants must be a list, not text "housing"'}],
    },
    {
      name: 'a block mapping where a list is expected: at the key',
      code: cases.determinantsMap,
      errors: [{at: span('determinants:', 7, 19), message: 'determinants must be a list, not a mapping'}],
    },
    {
      name: 'personalisation: "x" is schema, not care/personalisation-required',
      code: cases.personalisationText,
      errors: [{at: span('personalisation:', 22, 25), message: 'personalisation must be a list, not text "x"'}],
    },
    {
      name: 'enum: status lve',
      code: cases.lve,
      errors: [
        {
          at: span('status:', 11, 14),
          message:
            '"lve" is not a valid status; expected one of: applicant, rapid-test-site, developing, live, withdrawn; did you mean "live"?',
        },
      ],
    },
    {
      name: 'format: 2026-02-30 is not a calendar date',
      code: cases.feb30,
      errors: [{at: span('asOf:', 11, 21), message: '"2026-02-30" is not a valid date: expected a real calendar date written YYYY-MM-DD'}],
    },
    {
      name: 'a date written as a number',
      code: cases.dateNumber,
      errors: [{at: span('asOf:', 11, 19), message: 'asOf must be text, not 20261001'}],
    },
    {
      name: 'a date written as a decimal',
      code: cases.dateFloat,
      errors: [{at: span('start:', 14, 21), message: 'start must be text, not 2026.04'}],
    },
    {
      name: 'pattern: practice code A8100',
      code: cases.a8100,
      errors: [
        {
          at: span('odsCode: A81001', 18, 23),
          message: '"A8100" is not a valid GP practice code: expected a capital letter followed by five digits, e.g. A81001',
        },
      ],
    },
    {
      name: 'exclusiveMinimum: wte 0',
      code: cases.wte0,
      errors: [{at: span('wte: 1.5', 14, 15), message: 'wte must be more than 0, not 0'}],
    },
    {
      name: 'minimum: listSize -5',
      code: cases.listSizeNegative,
      errors: [{at: span('listSize: 14250', 19, 21), message: 'listSize must be at least 0, not -5'}],
    },
    {
      name: 'minimum: cohort 2014',
      code: cases.cohort2014,
      errors: [{at: span('cohort:', 11, 15), message: 'cohort must be at least 2015, not 2014'}],
    },
    {
      name: 'if/then: sector other without description, at the entry',
      code: cases.other,
      errors: [{at: `schema@${cvs}:9-${cvs}:26`, message: 'Entry 5 of partners is missing the required key "description"'}],
    },
    {
      name: 'if/then: basis weighted without weightedPopulation, at capitation',
      code: cases.weighted,
      errors: [{at: span('capitation:', 5, 15), message: 'capitation is missing the required key "weightedPopulation"'}],
    },
    {
      name: 'an exception naming a non-compliance rule',
      code: cases.exceptionRule,
      errors: [
        {
          at: `schema@${lineOf(cases.exceptionRule, 'rule:')}:13-${lineOf(cases.exceptionRule, 'rule:')}:47`,
          message:
            '"workforce/voluntary-sector-partner" is not a valid compliance rule; expected one of: population/size-band, population/duplicate-practice, population/practice-in-multiple-sites, workforce/secondary-care-partner, workforce/social-care-partner, workforce/duplicate-partner, budget/capitation-mismatch, budget/risk-share-required, budget/risk-shares-sum, budget/risk-share-parties, care/personalisation-required, care/outcomes-required',
        },
      ],
    },
    {
      name: "partner odsCode: the schema's general pattern, six characters",
      code: cases.partnerOds,
      errors: [
        {
          at: span('odsCode: RX1', 18, 24),
          message: '"RX1234" is not a valid ODS code: expected 3 to 5 capital letters or digits, e.g. RX1',
        },
      ],
    },
    {
      name: 'partner odsCode: punctuation',
      code: cases.partnerOdsPunctuation,
      errors: [
        {at: span('odsCode: RX1', 18, 21), message: '"R-1" is not a valid ODS code: expected 3 to 5 capital letters or digits, e.g. RX1'},
      ],
    },
    {
      name: 'format: email',
      code: cases.email,
      errors: [
        {
          at: span('email:', 12, 24),
          message: '"not-an-email" is not a valid email address: expected an email address such as pch.lead@example.nhs.uk',
        },
      ],
    },
    {
      name: 'a charity number written as a number',
      code: cases.charityNumber,
      errors: [{at: span('charityNumber:', 24, 31), message: 'charityNumber must be text, not 1012345'}],
    },
    {
      name: 'const: currency EUR',
      code: cases.currency,
      errors: [{at: span('currency:', 15, 18), message: 'currency must be "GBP", not "EUR"'}],
    },
    {
      name: 'several faults: each reported, in document order',
      code: edit(base, ['status: live', 'status: lve'], ['wte: 1.5', 'wte: 0'], ['asOf: 2026-10-01', 'asOf: 2026-02-30']),
      errors: [
        {
          at: span('status:', 11, 14),
          message:
            '"lve" is not a valid status; expected one of: applicant, rapid-test-site, developing, live, withdrawn; did you mean "live"?',
        },
        {at: span('asOf:', 11, 21), message: '"2026-02-30" is not a valid date: expected a real calendar date written YYYY-MM-DD'},
        {at: span('wte: 1.5', 14, 15), message: 'wte must be more than 0, not 0'},
      ],
    },
  ],
})

describe('schema messages', () => {
  it('unknown key with a did-you-mean', () => {
    expect(messages(cases.listsize).map((m) => m.message)).toEqual([
      'Unknown key "listsize" in entry 1 of practices; did you mean "listSize"?',
    ])
  })

  it('unknown key with no close match lists the allowed keys', () => {
    expect(onlyMessage(cases.flavour)).toBe('Unknown key "flavour" in entry 1 of practices; expected one of: odsCode, name, listSize')
    expect(onlyMessage(cases.topLevel)).toBe(
      'Unknown key "specification" in the definition; expected one of: apiVersion, kind, metadata, spec',
    )
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
    expect(onlyMessage(cases.a8100)).toBe(
      '"A8100" is not a valid GP practice code: expected a capital letter followed by five digits, e.g. A81001',
    )
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
    {
      name: 'line breaks in a block scalar',
      code: edit(base, [/ {4}source: NHS Digital.*\n/, '    source: |\n      NHS Digital\n      list sizes, October 2026\n']),
    },
    {name: 'a line feed escaped in a quoted name', code: named('"Riverside\\nSurgery"')},
    {name: 'printable text beyond ASCII: a no-break space, accents, an emoji', code: named('"Riverside\u00a0Surgery é 🏥"')},
  ],
  invalid: [
    {
      name: 'a NUL byte as it is in a name: at the value',
      code: control.nulRaw,
      errors: [
        {
          at: `schema@${surgery}:15-${surgery}:33`,
          message: 'name holds a control character (U+0000), which cannot be seen or printed; remove it',
        },
      ],
    },
    {
      name: 'a NUL escaped (\\0)',
      code: control.nulEscaped,
      errors: [
        {
          at: `schema@${surgery}:15-${surgery}:36`,
          message: 'name holds a control character (U+0000), which cannot be seen or printed; remove it',
        },
      ],
    },
    {
      name: 'ESC (\\e) in the site name',
      code: control.escape,
      errors: [
        {at: `schema@${site}:9-${site}:43`, message: 'name holds a control character (U+001B), which cannot be seen or printed; remove it'},
      ],
    },
    {
      name: 'BEL (\\a)',
      code: control.bell,
      errors: [
        {
          at: `schema@${surgery}:15-${surgery}:36`,
          message: 'name holds a control character (U+0007), which cannot be seen or printed; remove it',
        },
      ],
    },
    {
      name: 'a carriage return escaped (\\r): not a line break of the file',
      code: control.carriageReturn,
      errors: [
        {
          at: `schema@${surgery}:15-${surgery}:36`,
          message: 'name holds a control character (U+000D), which cannot be seen or printed; remove it',
        },
      ],
    },
    {
      name: 'DEL as it is',
      code: control.del,
      errors: [
        {
          at: `schema@${surgery}:15-${surgery}:33`,
          message: 'name holds a control character (U+007F), which cannot be seen or printed; remove it',
        },
      ],
    },
    {
      name: 'C1: NEL escaped (\\N)',
      code: control.nextLine,
      errors: [
        {
          at: `schema@${surgery}:15-${surgery}:36`,
          message: 'name holds a control character (U+0085), which cannot be seen or printed; remove it',
        },
      ],
    },
    {
      name: 'C1: CSI as it is',
      code: control.csi,
      errors: [
        {
          at: `schema@${surgery}:15-${surgery}:33`,
          message: 'name holds a control character (U+009B), which cannot be seen or printed; remove it',
        },
      ],
    },
    {
      name: 'ESC and BEL in a block scalar: at the scalar',
      code: control.inBlock,
      errors: [
        {
          at: `schema@${source}:13-${source + 3}:1`,
          message: 'source holds a control character (U+001B), which cannot be seen or printed; remove it',
        },
      ],
    },
    {
      name: 'a control character in a code',
      code: control.inCode,
      errors: [
        {
          at: `schema@${lineOf(base, 'odsCode: A81001')}:18-${lineOf(base, 'odsCode: A81001')}:27`,
          message: 'odsCode holds a control character (U+0000), which cannot be seen or printed; remove it',
        },
      ],
    },
  ],
})

describe('control characters in text: schema messages', () => {
  it.each([
    ['NUL', control.nulRaw, 'name holds a control character (U+0000), which cannot be seen or printed; remove it'],
    ['ESC', control.escape, 'name holds a control character (U+001B), which cannot be seen or printed; remove it'],
    ['CR', control.carriageReturn, 'name holds a control character (U+000D), which cannot be seen or printed; remove it'],
    ['DEL', control.del, 'name holds a control character (U+007F), which cannot be seen or printed; remove it'],
    ['NEL', control.nextLine, 'name holds a control character (U+0085), which cannot be seen or printed; remove it'],
    [
      'the first of two, in a block scalar',
      control.inBlock,
      'source holds a control character (U+001B), which cannot be seen or printed; remove it',
    ],
    [
      'in a code, rather than "not a valid GP practice code"',
      control.inCode,
      'odsCode holds a control character (U+0000), which cannot be seen or printed; remove it',
    ],
  ])('%s', (_name, code, message) => {
    expect(onlyMessage(code)).toBe(message)
  })

  it('the text is still read as it is (by the rules, by the report); a code it makes invalid is set aside', () => {
    const data = checkSchema(parse(edit(control.inCode, ['name: Riverside Surgery', 'name: "Riverside\\e Surgery"']))).data as {
      spec: {population: {practices: Array<{name: unknown; odsCode: unknown}>}}
    }
    expect(data.spec.population.practices[0]).toMatchObject({name: 'Riverside\u001b Surgery', odsCode: INVALID})
  })

  it("the message names the character by the one list of them, which is the schema's (common.schema.json#/$defs/printable)", () => {
    const printable = new RegExp(
      String((schemaById('common.schema.json').$defs as Record<string, {pattern: string}>).printable!.pattern),
      'u',
    )
    const characters = [
      ...Array.from({length: 0x100}, (_, code) => String.fromCharCode(code)),
      '\u2028',
      '\u202e',
      '\ufeff',
      '\ufffd',
      '😀',
    ]
    const rejected = characters.filter((character) => !printable.test(character))
    expect(rejected).toEqual(characters.filter((character) => CONTROL_CHARACTER.test(character)))
    expect(rejected.map((character) => character.charCodeAt(0))).toEqual([
      ...Array.from({length: 9}, (_, i) => i),
      ...Array.from({length: 0x20 - 0x0b}, (_, i) => 0x0b + i),
      ...Array.from({length: 0xa0 - 0x7f}, (_, i) => 0x7f + i),
    ])
  })
})

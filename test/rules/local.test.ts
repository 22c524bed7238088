// Local rules (rules.md "Local rules"): a config's `local/NAME` declarations, table-tested as the
// built-in rules are, and the config faults that declaring one can make (each exit 2 at its line).
import {writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import type {Config} from '../../src/engine/config/config.js'
import {parseConfig} from '../../src/index.js'
import {UsageError} from '../../src/engine/io/load.js'
import {checkText} from '../../src/engine/pipeline/run.js'
import {edit, lineOf, riverside, ROOT, tempDir, TODAY} from '../helpers.js'
import {ruleTable, type InvalidCase, type ValidCase} from '../rule-tester.js'

const base = riverside()
/** Where the test configs are "read" from (nothing is read there). */
const CONFIG = path.join(ROOT, 'test', 'rules', '.pchrc.yaml')
const config = (text: string): Config => parseConfig(text, CONFIG, ROOT)

const acuteRule = `rules:
  local/acute-partner-has-ods-code:
    given: /spec/workforce/partners/*
    where: { properties: { sector: { const: acute } }, required: [sector] }
    then: { required: [odsCode] }
    message: "Acute partner {{value.name}} has no ODS code"
    severity: error
    characteristic: 2
    docs: Our ICB links every acute partner to its trust record.
`
const acute = config(acuteRule)
const noAcuteCode = edit(base, ['        odsCode: RX3\n', ''])
const acuteAt = lineOf(base, '- id: riverside-acute')

/** Lint cases with `config` (local rules never run in validate: they are never compliance rules). */
const lint = <T extends ValidCase | InvalidCase>(with_: Config, cases: T[]): T[] => cases.map((c) => ({mode: 'lint', config: with_, ...c}))

ruleTable('local/acute-partner-has-ods-code', {
  valid: [
    ...lint(acute, [
      {name: 'riverside: its acute partner has an ODS code', code: base},
      {
        name: 'where: a social care partner without one is not checked',
        code: edit(base, [/        odsCode: RX1 .*\n/, ''], ['sector: community-health', 'sector: social-care']),
      },
    ]),
    {name: 'validate runs no local rule', code: noAcuteCode, mode: 'validate', config: acute},
  ],
  invalid: lint(acute, [
    {
      name: 'an acute partner without one: at the partner',
      code: noAcuteCode,
      errors: [
        {
          at: `local/acute-partner-has-ods-code@${acuteAt}:9-${acuteAt}:28`,
          message: 'Acute partner Riverside Hospitals NHS Foundation Trust has no ODS code',
        },
      ],
    },
    {
      name: 'two acute partners without one: each, in document order',
      code: edit(noAcuteCode, [/        odsCode: RX1 .*\n/, ''], ['sector: community-health', 'sector: acute']),
      errors: [
        {
          at: `local/acute-partner-has-ods-code@${lineOf(base, '- id: riverside-community')}:9-${lineOf(base, '- id: riverside-community')}:32`,
          message: 'Acute partner Riverside Community Health NHS Trust has no ODS code',
        },
        {
          at: `local/acute-partner-has-ods-code@${acuteAt - 1}:9-${acuteAt - 1}:28`,
          message: 'Acute partner Riverside Hospitals NHS Foundation Trust has no ODS code',
        },
      ],
    },
    {
      name: 'a directive naming it silences it on the next line',
      code: edit(noAcuteCode, [
        '      - id: riverside-acute',
        '      # pch-disable-next-line local/acute-partner-has-ods-code -- being registered\n      - id: riverside-acute',
      ]),
      errors: [],
    },
    {
      name: 'a directive naming a local rule no config declares is lint/disable-directive',
      code: edit(noAcuteCode, [
        '      - id: riverside-acute',
        '      # pch-disable-next-line local/acute-partner-has-ods-cod -- x\n      - id: riverside-acute',
      ]),
      errors: [
        `lint/disable-directive@${acuteAt}:7`,
        {
          at: `local/acute-partner-has-ods-code@${acuteAt + 1}:9-${acuteAt + 1}:28`,
          message: 'Acute partner Riverside Hospitals NHS Foundation Trust has no ODS code',
        },
      ],
    },
  ]),
})

const wildcards = config(`rules:
  local/short-names:
    given: /spec/*/*/*/name
    then: { maxLength: 30 }
    message: "{{path}}: {{value}} is longer than 30 characters"
  local/team-wte:
    given: /spec/workforce/team/*/wte
    then: { maximum: 1.5 }
    message: "{{value.role}} {{value}} WTE is over 1.5"
  local/capitation:
    given: /spec/budget/capitation
    then: { properties: { annualPerPatient: { minimum: 170 } } }
    message: "Capitation of £{{value.annualPerPatient}} a patient is under £170 (basis {{value.basis}}, weighted {{value.weightedPopulation}})"
`)
/** A partner's name value, from its first character to its last. */
const nameAt = (name: string): string => `${lineOf(base, `name: ${name}`)}:15-${lineOf(base, `name: ${name}`)}:${15 + name.length}`
const tooLong = (index: number, name: string): {at: string; message: string} => ({
  at: `local/short-names@${nameAt(name)}`,
  message: `/spec/workforce/partners/${index}/name: ${name} is longer than 30 characters`,
})

ruleTable('local/short-names', {
  valid: lint(wildcards, [
    {
      name: 'names of 30 characters or fewer',
      code: edit(
        base,
        ['Riverside Community Health NHS Trust', 'Riverside Community'],
        ['Riverside Mental Health NHS Foundation Trust', 'Riverside MH'],
        ['Riverside Hospitals NHS Foundation Trust', 'Riverside Hospitals'],
        ['Riverside City Council Adult Social Care', 'Riverside Council'],
        ['Riverside Council for Voluntary Service', 'Riverside CVS'],
      ),
    },
  ]),
  invalid: lint(wildcards, [
    {
      name: '* at three depths: every section, list and item (practices and partners), and one number over 1.5 WTE; the capitation under £170',
      code: base,
      errors: [
        tooLong(0, 'Riverside Community Health NHS Trust'),
        tooLong(1, 'Riverside Mental Health NHS Foundation Trust'),
        tooLong(2, 'Riverside Hospitals NHS Foundation Trust'),
        tooLong(3, 'Riverside City Council Adult Social Care'),
        tooLong(4, 'Riverside Council for Voluntary Service'),
        `local/team-wte@${lineOf(base, 'wte: 2.0')}:14`,
        `local/capitation@${lineOf(base, 'annualPerPatient: 160.00')}:25`,
      ],
    },
  ]),
})

/** The run's messages as [ruleId, severity, characteristic, line, path, message]. */
function found(text: string, with_: Config): Array<[string, string, number | null, number, string, string]> {
  return checkText(text, {mode: 'lint', today: TODAY, config: with_}).messages.map((m) => [
    m.ruleId,
    m.severity,
    m.characteristic,
    m.line,
    m.path,
    m.message,
  ])
}

describe('local rules: messages, severities and positions', () => {
  it('fills {{value.FIELD}}, {{value}} and {{path}} from the matched value; a failing sub-value is where the finding points; an absent field reads (no FIELD)', () => {
    expect(found(base, wildcards).filter(([id]) => id !== 'local/short-names')).toEqual([
      ['local/team-wte', 'warning', null, lineOf(base, 'wte: 2.0'), '/spec/workforce/team/0/wte', '(no role) 2 WTE is over 1.5'],
      [
        'local/capitation',
        'warning',
        null,
        lineOf(base, 'annualPerPatient: 160.00'),
        '/spec/budget/capitation/annualPerPatient',
        'Capitation of £160 a patient is under £170 (basis registered, weighted (no weightedPopulation))',
      ],
    ])
    expect(found(base, wildcards)[0]).toEqual([
      'local/short-names',
      'warning',
      null,
      lineOf(base, 'Riverside Community Health NHS Trust'),
      '/spec/workforce/partners/0/name',
      '/spec/workforce/partners/0/name: Riverside Community Health NHS Trust is longer than 30 characters',
    ])
  })

  it('takes the severity and characteristic declared (error, 2), as a finding of a built-in rule', () => {
    expect(found(noAcuteCode, acute)).toEqual([
      [
        'local/acute-partner-has-ods-code',
        'error',
        2,
        acuteAt,
        '/spec/workforce/partners/2',
        'Acute partner Riverside Hospitals NHS Foundation Trust has no ODS code',
      ],
    ])
  })

  it('a long value is cut to 60 characters in the message', () => {
    const long = `Riverside ${'Hospitals '.repeat(20)}NHS Trust`
    const [message] = found(edit(noAcuteCode, ['Riverside Hospitals NHS Foundation Trust', long]), acute)
    expect(message![5]).toBe(`Acute partner ${long.slice(0, 57)}... has no ODS code`)
  })

  it('stays silent on a value the schema rejected (the schema reported it): one bad value is one finding', () => {
    const strict = config(
      'rules:\n  local/capitation:\n    given: /spec/budget/capitation\n    then: { properties: { annualPerPatient: { type: number, minimum: 170 } } }\n    message: "£{{value.annualPerPatient}}"\n  local/per-patient:\n    given: /spec/budget/capitation/annualPerPatient\n    then: { type: number }\n    message: "{{value}}"\n',
    )
    expect(found(edit(base, ['annualPerPatient: 160.00', 'annualPerPatient: lots']), strict).map(([id]) => id)).toEqual(['schema'])
  })

  it('a pointer with no * matches one place; one that names nothing matches nothing', () => {
    const exact = config(
      'rules:\n  local/status-live:\n    given: /metadata/status\n    then: { const: applicant }\n    message: "status {{value}}"\n  local/nothing:\n    given: /spec/nowhere/*\n    then: false\n    message: never\n',
    )
    expect(found(base, exact)).toEqual([
      ['local/status-live', 'warning', null, lineOf(base, 'status: live'), '/metadata/status', 'status live'],
    ])
  })

  it('each pattern is its own, however many rules have one (ajv keeps compiled patterns by their text)', () => {
    const patterns = config(
      'rules:\n  local/id-shape:\n    given: /metadata/id\n    then: { pattern: "^[a-z]+$" }\n    message: "id {{value}}"\n  local/code-shape:\n    given: /metadata/commissioner/odsCode\n    then: { pattern: "^Z" }\n    message: "code {{value}}"\n',
    )
    expect(found(base, patterns)).toEqual([
      ['local/code-shape', 'warning', null, lineOf(base, 'odsCode: QXY'), '/metadata/commissioner/odsCode', 'code QXY'],
    ])
  })

  it('a local rule set to off by the config that extends its own, or to error, is that severity', () => {
    const dir = tempDir('pch-local-')
    const shared = path.join(dir, 'shared.pchrc.yaml')
    writeFileSync(shared, acuteRule.replace('severity: error', 'severity: warning'))
    const file = path.join(dir, '.pchrc.yaml')
    expect(found(noAcuteCode, parseConfig('extends: [./shared.pchrc.yaml]\n', file))[0]![1]).toBe('warning')
    expect(
      found(noAcuteCode, parseConfig('extends: [./shared.pchrc.yaml]\nrules:\n  local/acute-partner-has-ods-code: error\n', file))[0]![1],
    ).toBe('error')
    expect(
      found(noAcuteCode, parseConfig('extends: [./shared.pchrc.yaml]\nrules:\n  local/acute-partner-has-ods-code: off\n', file)),
    ).toEqual([])
  })
})

/** The one line a config fault stops the run with. */
function fault(text: string): string {
  try {
    config(text)
  } catch (error) {
    if (error instanceof UsageError) return error.message
    throw error
  }
  throw new Error('expected a config error')
}

const rule = (body: string): string => `rules:\n  local/x:\n    given: /metadata\n${body}`

describe('declaring a local rule: each fault is a config error at its line and column', () => {
  it.each([
    ['no then', rule('    message: m\n'), 'Invalid config test/rules/.pchrc.yaml:2:3: local/x is missing the required key "then"'],
    [
      'a given that is not a JSON Pointer',
      rule('    then: true\n    message: m\n').replace('given: /metadata', 'given: metadata'),
      'Invalid config test/rules/.pchrc.yaml:3:12: "metadata" is not a valid given: expected a JSON Pointer into a definition; a * segment matches every key or index: /spec/workforce/partners/*',
    ],
    [
      'an id that is not kebab-case',
      'rules:\n  local/Acute_Partner:\n    given: /metadata\n    then: true\n    message: m\n',
      'Invalid config test/rules/.pchrc.yaml:2:3: a local rule\'s id is local/ and a kebab-case name (local/acute-partner-has-ods-code), not "local/Acute_Partner"',
    ],
    [
      'a keyword ajv does not know (strict mode)',
      rule('    then: { properties: { name: { minLenth: 3 } } }\n    message: m\n'),
      'Invalid config test/rules/.pchrc.yaml:4:35: local/x: then is not a JSON Schema pch can use: strict mode: unknown keyword: "minLenth"',
    ],
    [
      'a schema that is not valid',
      rule('    then: { minLength: many }\n    message: m\n'),
      'Invalid config test/rules/.pchrc.yaml:4:11: local/x: then is not a JSON Schema pch can use: minLength value must be ["number"]',
    ],
    [
      'a $ref to a URL',
      rule('    where:\n      properties:\n        name: { $ref: "https://example.org/name.json" }\n    then: true\n    message: m\n'),
      'Invalid config test/rules/.pchrc.yaml:6:23: local/x: $ref "https://example.org/name.json" points outside the rule: pch fetches no schema, and a $ref may point only inside it (#/$defs/...)',
    ],
    [
      'a pattern with lookaround',
      rule('    then: { patternProperties: { "(?=a)": true } }\n    message: m\n'),
      'Invalid config test/rules/.pchrc.yaml:4:34: local/x: the pattern "(?=a)" is not supported: pch matches patterns in linear time (RE2 syntax, without lookaround or backreferences): error parsing regexp: invalid or unsupported Perl syntax: `(?=`',
    ],
    [
      'a placeholder that is not one',
      rule('    then: true\n    message: "bad {{ value.name }} {{name}}"\n'),
      'Invalid config test/rules/.pchrc.yaml:5:14: local/x: {{name}} is not a placeholder: a message may use {{value}}, {{value.FIELD}} and {{path}}',
    ],
    [
      'a severity of a local rule no config declares',
      'rules:\n  local/nope: warning\n',
      'Invalid config test/rules/.pchrc.yaml:2:3: unknown rule "local/nope": no config it extends declares it',
    ],
    [
      'an extends of a missing file',
      'extends: [./icb/none.pchrc.yaml]\n',
      `Invalid config test/rules/.pchrc.yaml:1:11: extends "./icb/none.pchrc.yaml": no such file (${path.join(ROOT, 'test', 'rules', 'icb', 'none.pchrc.yaml')})`,
    ],
    [
      'an extends of a package that is not installed',
      'extends: [pch-config-nowhere]\n',
      `Invalid config test/rules/.pchrc.yaml:1:11: extends "pch-config-nowhere": no package "pch-config-nowhere" in node_modules (looked in ${path.join(ROOT, 'test', 'rules')} and each directory above it)`,
    ],
  ])('%s', (_name, text, message) => {
    expect(fault(text)).toBe(message)
  })

  it('a pattern that would take exponential time with backtracking runs in linear time (RE2), with the same answers', () => {
    const exponential = config(
      'rules:\n  local/name-shape:\n    given: /metadata/name\n    then: { pattern: "^(a+)+$" }\n    message: "{{value}} is not all a"\n',
    )
    // 999 characters (a name holds at most 1,000): backtracking would take longer than the universe has run.
    const text = edit(base, ['name: Riverside Primary Care Home', `name: ${'a'.repeat(998)}!`])
    expect(found(text, exponential).map(([id, , , line]) => `${id}@${line}`)).toEqual([
      `local/name-shape@${lineOf(base, 'name: Riverside Primary Care Home')}`,
    ])
    expect(found(edit(base, ['name: Riverside Primary Care Home', `name: ${'a'.repeat(999)}`]), exponential)).toEqual([])
  })
})

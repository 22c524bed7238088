// End-to-end: non-interactive `pch init` for each template, its refusals, and the modeline.
import {spawnSync} from 'node:child_process'
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {Ajv2020} from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import {beforeEach, describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {BIN, cli, lineOf, tempDir, withoutNetwork} from '../helpers.js'

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default
const TODAY = '2026-11-01'
const answers = [
  '--name',
  'Harbour Primary Care Home',
  '--practice',
  'A81001:Riverside Surgery:14250',
  '--practice',
  'A81002:Bridge Street: Medical Centre:21850',
  '--partner',
  'harbour-acute:acute:Harbour Hospitals NHS Foundation Trust',
  '--partner',
  'harbour-council:social-care:Harbour City Council',
  '--capitation',
  '160',
  '--today',
  TODAY,
]

let dir: string
beforeEach(() => {
  dir = tempDir('pch-init-')
})

const created = (file = 'sites/harbour.pch.yaml'): string => readFileSync(path.join(dir, file), 'utf8')

describe('pch init with flags', () => {
  it.each(['minimal', 'standard', 'full'])('the %s template writes a definition that pch validate passes', (template) => {
    const r = cli(['init', 'harbour', ...answers, '--template', template, '--dir', 'sites'], {cwd: dir})
    expect(r).toEqual({
      status: 0,
      stderr: '',
      stdout: `Created sites/harbour.pch.yaml from the ${template} template.\n  Registered population 36,100; budget £5,776,000.\n  pch validate: no problems.\n`,
    })
    expect(cli(['validate', 'sites'], {cwd: dir})).toEqual({status: 0, stdout: '✔ No problems in 1 file (1 definition)\n', stderr: ''})
    const data = parse(created()) as {
      spec: {budget: {total: number; riskShare: {shares: Array<{gainPercent: number; lossPercent: number}>}}}
    }
    expect(data.spec.budget.total).toBe(160 * 36100)
    expect(data.spec.budget.riskShare.shares.reduce((n, s) => n + s.gainPercent, 0)).toBe(100)
    expect(data.spec.budget.riskShare.shares.reduce((n, s) => n + s.lossPercent, 0)).toBe(100)
  })

  it('comments every section with the characteristic it serves', () => {
    cli(['init', 'harbour', ...answers, '--dir', 'sites'], {cwd: dir})
    const text = created()
    for (const n of [1, 2, 3, 4]) expect(text).toMatch(new RegExp(`^  # Characteristic ${n}: `, 'm'))
  })

  it('points the modeline at a schema the user has, which plain ajv accepts and the file passes', () => {
    cli(['init', 'harbour', ...answers, '--dir', 'sites'], {cwd: dir})
    const text = created()
    const modeline = /^# yaml-language-server: \$schema=(.+)$/m.exec(text)![1]!
    const schemaFile = path.resolve(dir, 'sites', modeline)
    expect(existsSync(schemaFile)).toBe(true)
    const ajv = new Ajv2020()
    addFormats(ajv)
    const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')))
    expect([validate(parse(text)), validate.errors ?? null]).toEqual([true, null])
  })

  it('uses --schema for the modeline when given (e.g. a copy written by pch schema --out)', () => {
    cli(['init', 'harbour', ...answers, '--schema', 'schemas/pch.bundle.schema.json'], {cwd: dir})
    expect(created('harbour.pch.yaml').split('\n')[0]).toBe('# yaml-language-server: $schema=schemas/pch.bundle.schema.json')
  })

  it('derives the id from --name, and takes every default with --yes', () => {
    const r = cli(['init', '--name', 'Harbour Primary Care Home', '--yes', '--today', TODAY], {cwd: dir})
    expect(r.status).toBe(0)
    expect(readdirSync(dir)).toEqual(['harbour-primary-care-home.pch.yaml'])
  })

  it('still writes a definition that misses the characteristics, and says what validate will report', () => {
    const r = cli(['init', 'harbour', '--yes', '--today', TODAY], {cwd: dir})
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('  pch validate will report 4 problems until the answers meet the four characteristics:\n')
    expect(r.stdout).toContain('Registered population 0 is below 30,000 (band 30,000-50,000)  population/size-band')
    expect(cli(['validate', 'harbour.pch.yaml'], {cwd: dir}).status).toBe(1)
  })

  it('overwrites with --force, atomically, leaving no temporary file', () => {
    writeFileSync(path.join(dir, 'harbour.pch.yaml'), 'old\n')
    const r = cli(['init', 'harbour', ...answers, '--force'], {cwd: dir})
    expect(r.status).toBe(0)
    expect(created('harbour.pch.yaml')).toContain('name: Harbour Primary Care Home')
    expect(readdirSync(dir)).toEqual(['harbour.pch.yaml'])
  })
})

describe('pch init invents nothing', () => {
  it('leaves contact, contributions, the needs assessment and the determinants as commented placeholders, and lint says so', () => {
    cli(['init', 'harbour', ...answers, '--template', 'full', '--dir', 'sites'], {cwd: dir})
    const text = created()
    const data = parse(text) as {
      metadata: Record<string, unknown>
      spec: {budget: Record<string, unknown>; care: {populationHealth: Record<string, unknown>}}
    }
    expect(Object.keys(data.metadata)).toEqual(['id', 'name', 'status', 'cohort', 'exceptions'])
    expect(Object.keys(data.spec.budget)).toEqual(['currency', 'period', 'capitation', 'total', 'riskShare'])
    expect(Object.keys(data.spec.care.populationHealth)).toEqual(['outcomes'])
    for (const placeholder of ['  # contact:', '    # contributions:', '      # needsAssessment:', '      # determinants: []'])
      expect(text).toContain(`\n${placeholder}`)
    expect(text).not.toMatch(/pch\.lead|example\.nhs\.uk|ICB core capitation/)
    const lint = cli(['lint', 'sites', '--today', TODAY, '-f', 'json'], {cwd: dir})
    const found = (JSON.parse(lint.stdout) as Array<{messages: Array<{ruleId: string; line: number}>}>)[0]!.messages.map(
      (m) => `${m.ruleId}@${m.line}`,
    )
    const partners = lineOf(text, '    partners:')
    const care = lineOf(text, '    populationHealth:')
    expect([lint.status, found]).toEqual([
      0,
      [
        `workforce/mental-health-partner@${partners}`,
        `workforce/voluntary-sector-partner@${partners}`,
        `care/needs-assessment@${care}`,
        `care/wider-determinants@${care}`,
      ],
    ])
  })

  it('the standard template leaves the determinants as a placeholder too', () => {
    cli(['init', 'harbour', ...answers, '--dir', 'sites'], {cwd: dir})
    expect(created()).toContain('\n      # determinants: [] # e.g. housing, employment, social-isolation\n')
    expect((parse(created()) as {spec: {care: {populationHealth: Record<string, unknown>}}}).spec.care.populationHealth).not.toHaveProperty(
      'determinants',
    )
  })
})

describe('pch init reads flags as its prompts read answers', () => {
  it('takes a list size with thousands separators and a practice code in lower case, with a note', () => {
    const r = cli(
      [
        'init',
        'harbour',
        ...answers.map((a) => a.replace('A81001:Riverside Surgery:14250', 'a81001:Riverside Surgery:14,250')),
        '--dir',
        'sites',
      ],
      {cwd: dir},
    )
    expect(r).toEqual({
      status: 0,
      stderr: '',
      stdout:
        'Practice code "a81001" is written A81001 (ODS codes are in capitals).\nCreated sites/harbour.pch.yaml from the standard template.\n  Registered population 36,100; budget £5,776,000.\n  pch validate: no problems.\n',
    })
    expect((parse(created()) as {spec: {population: {practices: unknown[]}}}).spec.population.practices[0]).toEqual({
      odsCode: 'A81001',
      name: 'Riverside Surgery',
      listSize: 14250,
    })
  })

  it('takes the capitation as "£160.50"', () => {
    const r = cli(['init', 'harbour', ...answers.map((a) => (a === '160' ? '£160.50' : a))], {cwd: dir})
    expect(r.stdout).toContain('  Registered population 36,100; budget £5,794,050.\n')
  })
})

describe('pch init --help', () => {
  it('shows examples that paste into a shell and run as shown', () => {
    const help = cli(['init', '--help']).stdout
    // Each example as it would be pasted: its "$ " line and the lines its trailing backslashes continue.
    const examples = [...help.split('\nEXAMPLES\n')[1]!.matchAll(/^ +\$ (pch init(?:.*\\\n)*.*)$/gm)].map((m) => m[1]!)
    expect(examples.map((e) => e.replace(/\\\n\s*/g, ''))).toEqual([
      'pch init',
      'pch init riverside --name "Riverside Primary Care Home" --practice "A81001:Riverside Surgery:14250" --practice "A81002:Bridge Street:21850" --partner "riverside-acute:acute:Riverside Hospitals" --partner "riverside-council:social-care:Riverside City Council" --yes',
      'pch init harbour --template full --dir sites --yes',
    ])
    // The first asks in a terminal (test/e2e/init-interactive.test.ts types it); the others run here, through bash.
    const run = (example: string) =>
      spawnSync('bash', ['-c', `pch() { "${process.execPath}" "${BIN}" "$@"; }\n${example}`], {
        cwd: dir,
        encoding: 'utf8',
        input: '',
        env: {...process.env, NO_COLOR: '1', NODE_OPTIONS: withoutNetwork(process.env.NODE_OPTIONS)},
      })
    const flags = run(examples[1]!)
    expect([flags.status, flags.stderr, flags.stdout.split('\n')[0]]).toEqual([
      0,
      '',
      'Created riverside.pch.yaml from the standard template.',
    ])
    expect(flags.stdout).toContain('  pch validate: no problems.\n')
    const riverside = parse(created('riverside.pch.yaml')) as {
      metadata: {name: string}
      spec: {population: {practices: Array<{name: string}>}; workforce: {partners: Array<{name: string}>}}
    }
    expect(riverside.metadata.name).toBe('Riverside Primary Care Home')
    expect(riverside.spec.population.practices.map((p) => p.name)).toEqual(['Riverside Surgery', 'Bridge Street'])
    expect(riverside.spec.workforce.partners.map((p) => p.name)).toEqual(['Riverside Hospitals', 'Riverside City Council'])
    const defaults = run(examples[2]!)
    expect([defaults.status, defaults.stderr, defaults.stdout.split('\n')[0]]).toEqual([
      0,
      '',
      'Created sites/harbour.pch.yaml from the full template.',
    ])
  })
})

describe('pch init refuses, with exit 2 and nothing written', () => {
  it.each([
    [['init', 'harbour', ...answers], 'pch: harbour.pch.yaml already exists; use --force to overwrite it\n', true],
    [
      ['init', 'Harbour_PCH', ...answers],
      'pch: ID "Harbour_PCH" cannot name a site: expected lower-case letters and digits in words joined by single hyphens, e.g. riverside-community\n',
      false,
    ],
    [
      ['init', '../escape', ...answers],
      'pch: ID "../escape" cannot name a site: expected lower-case letters and digits in words joined by single hyphens, e.g. riverside-community\n',
      false,
    ],
    [
      ['init', 'harbour', '--name', 'Harbour'],
      'pch: pch init is not in a terminal, so it cannot ask: give --practice CODE:NAME:LISTSIZE, --partner ID:SECTOR:NAME, --capitation GBP; or --yes to take the defaults\n',
      false,
    ],
    [
      ['init', 'harbour', '--practice', 'a8100:X:10', '--yes'],
      'pch: --practice "a8100:X:10": "a8100" is not a valid GP practice code: expected a capital letter followed by five digits, e.g. A81001\n',
      false,
    ],
    [
      ['init', 'harbour', '--partner', 'harbour-x:hospital:X', '--yes'],
      'pch: --partner "harbour-x:hospital:X": sector "hospital" is not one of primary-care, community-health, mental-health, acute, social-care, voluntary, other\n',
      false,
    ],
    [['init', 'harbour', '--capitation', 'lots', '--yes'], 'pch: --capitation: "lots" is not a number\n', false],
    [
      ['init', 'harbour', '--practice', 'A81001:X:10', '--practice', 'a81001:Y:20', '--yes'],
      'pch: --practice "a81001:Y:20": Practice A81001 is listed more than once (first as practice 1); its patients would be counted twice\n',
      false,
    ],
    [
      ['init', 'harbour', '--practice', 'A81001:X:14250.5', '--yes'],
      'pch: --practice "A81001:X:14250.5": "14250.5" is not a list size: expected a whole number of registered patients, e.g. 14250 or 14,250\n',
      false,
    ],
    [
      ['init', 'harbour', '--practice', 'A81001:X:1,42,50', '--yes'],
      'pch: --practice "A81001:X:1,42,50": "1,42,50" is not a list size: expected a whole number of registered patients, e.g. 14250 or 14,250\n',
      false,
    ],
    [
      ['init', 'harbour', '--partner', 'x:acute:X', '--partner', 'x:social-care:Y', '--yes'],
      'pch: --partner "x:social-care:Y": Partner id "x" is used more than once (first by partner 1); each partner needs its own id\n',
      false,
    ],
  ])('%j', (args, stderr, existing) => {
    if (existing) writeFileSync(path.join(dir, 'harbour.pch.yaml'), 'old\n')
    const before = readdirSync(dir)
    expect(cli(args as string[], {cwd: dir})).toEqual({status: 2, stdout: '', stderr})
    expect(readdirSync(dir)).toEqual(before)
    if (existing) expect(created('harbour.pch.yaml')).toBe('old\n')
  })
})

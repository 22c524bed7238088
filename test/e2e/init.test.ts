// End-to-end: non-interactive `pch init` for each template, its refusals, and the modeline.
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {Ajv2020} from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import {beforeEach, describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {cli, tempDir} from '../helpers.js'

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default
const TODAY = '2026-11-01'
const answers = [
  '--name', 'Harbour Primary Care Home',
  '--practice', 'A81001:Riverside Surgery:14250',
  '--practice', 'A81002:Bridge Street: Medical Centre:21850',
  '--partner', 'harbour-acute:acute:Harbour Hospitals NHS Foundation Trust',
  '--partner', 'harbour-council:social-care:Harbour City Council',
  '--capitation', '160',
  '--today', TODAY,
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
    const data = parse(created()) as {spec: {budget: {total: number; riskShare: {shares: Array<{gainPercent: number; lossPercent: number}>}}}}
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

describe('pch init refuses, with exit 2 and nothing written', () => {
  it.each([
    [['init', 'harbour', ...answers], 'pch: harbour.pch.yaml already exists; use --force to overwrite it\n', true],
    [['init', 'Harbour_PCH', ...answers], 'pch: ID "Harbour_PCH" cannot name a site: expected lower-case letters and digits in words joined by single hyphens, e.g. riverside-community\n', false],
    [['init', '../escape', ...answers], 'pch: ID "../escape" cannot name a site: expected lower-case letters and digits in words joined by single hyphens, e.g. riverside-community\n', false],
    [['init', 'harbour', '--name', 'Harbour'], 'pch: pch init is not in a terminal, so it cannot ask: give --practice CODE:NAME:LISTSIZE, --partner ID:SECTOR:NAME, --capitation GBP; or --yes to take the defaults\n', false],
    [['init', 'harbour', '--practice', 'a8100:X:10', '--yes'], 'pch: --practice "a8100:X:10": "a8100" is not a valid GP practice code: expected a capital letter followed by five digits, e.g. A81001\n', false],
    [['init', 'harbour', '--partner', 'harbour-x:hospital:X', '--yes'], 'pch: --partner "harbour-x:hospital:X": sector "hospital" is not one of primary-care, community-health, mental-health, acute, social-care, voluntary, other\n', false],
    [['init', 'harbour', '--capitation', 'lots', '--yes'], 'pch: --capitation: "lots" is not a number\n', false],
  ])('%j', (args, stderr, existing) => {
    if (existing) writeFileSync(path.join(dir, 'harbour.pch.yaml'), 'old\n')
    const before = readdirSync(dir)
    expect(cli(args as string[], {cwd: dir})).toEqual({status: 2, stdout: '', stderr})
    expect(readdirSync(dir)).toEqual(before)
    if (existing) expect(created('harbour.pch.yaml')).toBe('old\n')
  })
})

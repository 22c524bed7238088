// A repository of realistic PCH definitions for the benchmark: 3-8 member practices with
// real-looking ODS codes, 4-10 partners, full budget and care sections, comments as people write
// them, and about 5 % of files wrong in one of several ways. Deterministic for a given seed.
// siteText makes one definition around given practices: bench/real-data.ts builds on it.
// Every fault is one js-yaml can parse: ajv-cli, the baseline, stops the whole run (exit 2) at the
// first file it cannot parse, so a YAML syntax error would end its run early.
import {mkdirSync, writeFileSync} from 'node:fs'
import path from 'node:path'
// Plain where that reads back as the same string, else quoted: real names hold commas and colons.
import {scalar} from '../src/import/definition.js'

export interface Generated {
  files: number
  invalid: number
  bytes: number
}

/** mulberry32: a small, fast, seedable generator (the benchmark must be reproducible). */
export function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const TOWNS = [
  'Riverside',
  'Northfield',
  'Ashby',
  'Brookvale',
  'Castleton',
  'Dunmore',
  'Elmstead',
  'Fairford',
  'Greenhill',
  'Hartley',
  'Ivybridge',
  'Kingsmead',
]
const STREETS = ['Bridge Street', 'Meadow Lane', 'Station Road', 'High Street', 'Church Lane', 'Park View', 'Mill Road', 'Market Place']
const KINDS = ['Surgery', 'Medical Centre', 'Health Centre', 'Practice', 'Family Practice']
const SECTORS = ['community-health', 'mental-health', 'acute', 'social-care', 'voluntary', 'primary-care']
const APPROACHES = ['care-planning', 'social-prescribing', 'shared-decision-making', 'personal-health-budgets', 'self-management-support']
const DETERMINANTS = ['housing', 'employment', 'social-isolation', 'education', 'income', 'transport']

/** The ways a generated definition is wrong (each one fault, as a person would make it). */
export const FAULTS = [
  'population-below-band',
  'lower-case-ods-code',
  'list-size-as-text',
  'missing-budget',
  'misspelt-key',
  'unknown-sector',
  'risk-shares-sum',
  'period-order',
  'unknown-employer',
  'no-outcomes',
] as const
export type Fault = (typeof FAULTS)[number]

/** A site's identity and its member practices: what the generated and the real-data repositories differ in. */
export interface SiteShape {
  index: number
  id: string
  /** The name its ICB, partners and assessment are named after ("Riverside 12", "Stockton PCN"). */
  town: string
  /** The commissioner the data gives; one is made up when absent. */
  commissioner?: {name: string; odsCode: string}
  practices: Array<{odsCode: string; name?: string; listSize: number}>
  /** population.asOf and population.source. */
  listSizes?: {asOf: string; source: string}
  /** Quote every date, so a YAML 1.1 reader (js-yaml 3, ajv-cli) reads a string as pch does. */
  quoteDates?: boolean
}

export type Random = () => number

/** The draws every generator makes from one seeded stream. */
export function draws(next: Random): {pick: <T>(list: readonly T[]) => T; between: (low: number, high: number) => number} {
  return {
    pick: (list) => list[Math.floor(next() * list.length)]!,
    between: (low, high) => low + Math.floor(next() * (high - low + 1)),
  }
}

/** Writes `text` as `file`, returning its size in bytes. */
export function write(file: string, text: string): number {
  writeFileSync(file, text)
  return Buffer.byteLength(text)
}

export function generateRepository(dir: string, count: number, seed = 20261123, invalidShare = 0.05): Generated {
  const next = random(seed)
  const {pick, between} = draws(next)
  let practiceNumber = 0
  let invalid = 0
  let bytes = 0
  for (let index = 0; index < count; index++) {
    const fault: Fault | undefined = next() < invalidShare ? pick(FAULTS) : undefined
    if (fault) invalid++
    const text = definition(index, fault)
    // 100 files per directory, as a programme repository groups sites by region.
    const folder = path.join(dir, `region-${String(Math.floor(index / 100)).padStart(3, '0')}`)
    if (index % 100 === 0) mkdirSync(folder, {recursive: true})
    bytes += write(path.join(folder, `site-${index}.pch.yaml`), text)
  }
  return {files: count, invalid, bytes}

  function practiceCode(): string {
    // Unique across the repository: a letter A-Y and five digits, as real GP practice codes.
    const n = practiceNumber++
    return `${'ABCDEFGHJKLMNPWY'[n % 16]}${String(80001 + Math.floor(n / 16)).padStart(5, '0')}`
  }

  function definition(index: number, fault: Fault | undefined): string {
    const town = `${pick(TOWNS)} ${index}`
    const practices = between(3, 8)
    const target = fault === 'population-below-band' ? between(18000, 29000) : between(33000, 47000)
    const sizes = split(target, practices)
    const codes = Array.from({length: practices}, practiceCode)
    return siteText(next, {index, id: `site-${index}`, town, practices: codes.map((odsCode, n) => ({odsCode, listSize: sizes[n]!}))}, fault)
  }

  /** `total` shared among `parts` practices of unequal, realistic sizes. */
  function split(total: number, parts: number): number[] {
    const weights = Array.from({length: parts}, () => 0.5 + next())
    const sum = weights.reduce((a, b) => a + b, 0)
    return weights.map((w) => Math.max(1500, Math.round((total * w) / sum)))
  }
}

/** One definition of `site`: its practices as given, partners, budget and care made up from `next`, and `fault`, if any. */
export function siteText(next: Random, site: SiteShape, fault?: Fault): string {
  const {pick, between} = draws(next)
  const {index, id, town, practices} = site
  const date = (text: string): string => (site.quoteDates ? `'${text}'` : text)
  const population = practices.reduce((sum, p) => sum + p.listSize, 0)
  const partnerCount = between(4, 10)
  const partners = Array.from({length: partnerCount}, (_, n) => ({
    id: `${id}-partner-${n + 1}`,
    sector: n < 5 ? ['community-health', 'mental-health', 'acute', 'social-care', 'voluntary'][n]! : pick(SECTORS),
    trust: n < 3,
    n,
  }))
  const perPatient = between(140, 190)
  const total = perPatient * population
  const core = Math.round(total * 0.9)
  const lines: string[] = [
    '# yaml-language-server: $schema=../../schemas/pch.schema.json',
    'apiVersion: pch/v1',
    'kind: PrimaryCareHome',
    'metadata:',
    `  id: ${id}`,
    `  name: ${scalar(`${town} Primary Care Home`)}`,
    `  status: ${pick(['applicant', 'rapid-test-site', 'developing', 'live', 'live', 'live'])}`,
    `  cohort: ${between(2015, 2026)}`,
    '  commissioner:',
    ...(site.commissioner
      ? [`    name: ${scalar(site.commissioner.name)}`, `    odsCode: ${site.commissioner.odsCode}`]
      : [`    name: ${scalar(`${town} Integrated Care Board`)}`, `    odsCode: Q${pick(['A', 'B', 'C', 'D', 'E'])}${between(1, 9)}`]),
    '  contact:',
    `    name: Dr ${pick(['A.', 'B.', 'C.', 'J.'])} ${pick(['Patel', 'Smith', 'Jones', 'Okafor', 'Williams'])}`,
    `    email: pch.lead.${index}@example.nhs.uk`,
    'spec:',
    '  population:                        # characteristic 4',
    `    asOf: ${date(site.listSizes?.asOf ?? '2026-10-01')}`,
    `    source: ${site.listSizes ? scalar(site.listSizes.source) : 'NHS Digital, Patients Registered at a GP Practice, October 2026'}`,
    '    practices:',
  ]
  const codes = practices.map((p) => p.odsCode)
  practices.forEach((practice, n) => {
    const shown = fault === 'lower-case-ods-code' && n === 0 ? practice.odsCode.toLowerCase() : practice.odsCode
    lines.push(
      `      - odsCode: ${shown}`,
      `        ${fault === 'misspelt-key' && n === 0 ? 'nmae' : 'name'}: ${scalar(practice.name ?? `${pick(STREETS)} ${pick(KINDS)}`)}`,
    )
    lines.push(
      fault === 'list-size-as-text' && n === 1
        ? `        listSize: "${practice.listSize} patients"`
        : `        listSize: ${practice.listSize}`,
    )
  })
  lines.push('  workforce:                         # characteristic 2', '    partners:')
  for (const partner of partners) {
    const sector = fault === 'unknown-sector' && partner.n === 3 ? 'local-authority' : partner.sector
    lines.push(
      `      - id: ${partner.id}`,
      `        name: ${scalar(`${town} ${partner.sector.replace(/-/g, ' ')} partner ${partner.n + 1}`)}`,
      `        sector: ${sector}`,
    )
    if (partner.trust) lines.push(`        odsCode: R${'ABCDEFGHJK'[partner.n]}${between(1, 9)}`)
  }
  lines.push('    team:')
  lines.push(`      - role: Clinical pharmacist`, `        employer: ${codes[0]}`, `        wte: ${between(1, 4)}.0`)
  lines.push(
    `      - role: Community matron`,
    `        employer: ${fault === 'unknown-employer' ? 'nobody-we-know' : partners[0]!.id}`,
    `        wte: 1.5`,
  )
  if (fault !== 'missing-budget') {
    const [start, end] = fault === 'period-order' ? ['2027-03-31', '2026-04-01'] : ['2026-04-01', '2027-03-31']
    lines.push(
      '  budget:                            # characteristic 3',
      '    currency: GBP',
      '    period:',
      `      start: ${date(start)}`,
      `      end: ${date(end)}`,
      '    capitation:',
      '      basis: registered',
      `      annualPerPatient: ${perPatient}.00`,
      `    total: ${total}`,
      '    contributions:',
      '      - source: ICB core capitation',
      `        amount: ${core}`,
      '      - source: Better Care Fund (section 75 pooled budget)',
      `        amount: ${total - core}`,
      '    riskShare:',
      '      model: gain-and-loss',
      '      shares:',
      '        - party: member-practices',
      `          gainPercent: ${fault === 'risk-shares-sum' ? 45 : 40}`,
      '          lossPercent: 30',
      `        - party: ${partners[0]!.id}`,
      '          gainPercent: 30',
      '          lossPercent: 35',
      `        - party: ${partners[2]!.id}`,
      '          gainPercent: 30',
      '          lossPercent: 35',
      '      maxLossPercent: 3',
    )
  }
  lines.push(
    '  care:                              # characteristic 1',
    '    personalisation:',
    `      - approach: ${pick(APPROACHES)}`,
    '        cohort: People with three or more long-term conditions',
    `      - approach: ${pick(APPROACHES)}`,
    '        cohort: Adults at risk of social isolation',
    '    populationHealth:',
    '      needsAssessment:',
    `        completed: ${date('2025-11-15')}`,
    `        source: ${scalar(`${town} Joint Strategic Needs Assessment 2025`)}`,
    `      determinants: [${[...new Set([pick(DETERMINANTS), pick(DETERMINANTS)])].join(', ')}]`,
  )
  if (fault === 'no-outcomes') lines.push('      outcomes: []')
  else {
    lines.push(
      '      outcomes:',
      '        - id: emergency-admissions',
      '          measure: Emergency admissions per 1,000 registered patients',
      '          direction: decrease',
      `          baseline: { value: ${between(80, 110)}.${between(0, 9)}, asOf: ${date('2025-03-31')} }`,
      `          target: { value: ${between(60, 79)}.0, by: ${date('2027-03-31')} }`,
      '        - id: hypertension-control',
      "          measure: 'Patients with hypertension treated to target (%)'",
      '          direction: increase',
      `          baseline: { value: 61, asOf: ${date('2025-03-31')} }`,
      `          target: { value: 70, by: ${date('2027-03-31')} }`,
    )
  }
  return `${lines.join('\n')}\n`
}

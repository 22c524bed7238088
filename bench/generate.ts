// A repository of realistic PCH definitions for the benchmark: 3-8 member practices with
// real-looking ODS codes, 4-10 partners, full budget and care sections, comments as people write
// them, and about 5 % of files wrong in one of several ways. Deterministic for a given seed.
// Every fault is one js-yaml can parse: ajv-cli, the baseline, stops the whole run (exit 2) at the
// first file it cannot parse, so a YAML syntax error would end its run early.
import {mkdirSync, writeFileSync} from 'node:fs'
import path from 'node:path'

export interface Generated {
  files: number
  invalid: number
  bytes: number
}

/** mulberry32: a small, fast, seedable generator (the benchmark must be reproducible). */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const TOWNS = ['Riverside', 'Northfield', 'Ashby', 'Brookvale', 'Castleton', 'Dunmore', 'Elmstead', 'Fairford', 'Greenhill', 'Hartley', 'Ivybridge', 'Kingsmead']
const STREETS = ['Bridge Street', 'Meadow Lane', 'Station Road', 'High Street', 'Church Lane', 'Park View', 'Mill Road', 'Market Place']
const KINDS = ['Surgery', 'Medical Centre', 'Health Centre', 'Practice', 'Family Practice']
const SECTORS = ['community-health', 'mental-health', 'acute', 'social-care', 'voluntary', 'primary-care']
const APPROACHES = ['care-planning', 'social-prescribing', 'shared-decision-making', 'personal-health-budgets', 'self-management-support']
const DETERMINANTS = ['housing', 'employment', 'social-isolation', 'education', 'income', 'transport']

/** The ways a generated definition is wrong (each one fault, as a person would make it). */
const FAULTS = [
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
type Fault = (typeof FAULTS)[number]

export function generateRepository(dir: string, count: number, seed = 20261123, invalidShare = 0.05): Generated {
  const next = random(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!
  const between = (low: number, high: number): number => low + Math.floor(next() * (high - low + 1))
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
    writeFileSync(path.join(folder, `site-${index}.pch.yaml`), text)
    bytes += Buffer.byteLength(text)
  }
  return {files: count, invalid, bytes}

  function practiceCode(): string {
    // Unique across the repository: a letter A-Y and five digits, as real GP practice codes.
    const n = practiceNumber++
    return `${'ABCDEFGHJKLMNPWY'[n % 16]}${String(80001 + Math.floor(n / 16)).padStart(5, '0')}`
  }

  function definition(index: number, fault: Fault | undefined): string {
    const town = `${pick(TOWNS)} ${index}`
    const id = `site-${index}`
    const practices = between(3, 8)
    const target = fault === 'population-below-band' ? between(18000, 29000) : between(33000, 47000)
    const sizes = split(target, practices)
    const population = sizes.reduce((a, b) => a + b, 0)
    const codes = Array.from({length: practices}, practiceCode)
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
      `  name: ${town} Primary Care Home`,
      `  status: ${pick(['applicant', 'rapid-test-site', 'developing', 'live', 'live', 'live'])}`,
      `  cohort: ${between(2015, 2026)}`,
      '  commissioner:',
      `    name: ${town} Integrated Care Board`,
      `    odsCode: Q${pick(['A', 'B', 'C', 'D', 'E'])}${between(1, 9)}`,
      '  contact:',
      `    name: Dr ${pick(['A.', 'B.', 'C.', 'J.'])} ${pick(['Patel', 'Smith', 'Jones', 'Okafor', 'Williams'])}`,
      `    email: pch.lead.${index}@example.nhs.uk`,
      'spec:',
      '  population:                        # characteristic 4',
      '    asOf: 2026-10-01',
      '    source: NHS Digital, Patients Registered at a GP Practice, October 2026',
      '    practices:',
    ]
    codes.forEach((code, n) => {
      const shown = fault === 'lower-case-ods-code' && n === 0 ? code.toLowerCase() : code
      lines.push(`      - odsCode: ${shown}`, `        ${fault === 'misspelt-key' && n === 0 ? 'nmae' : 'name'}: ${pick(STREETS)} ${pick(KINDS)}`)
      lines.push(fault === 'list-size-as-text' && n === 1 ? `        listSize: "${sizes[n]} patients"` : `        listSize: ${sizes[n]}`)
    })
    lines.push('  workforce:                         # characteristic 2', '    partners:')
    for (const partner of partners) {
      const sector = fault === 'unknown-sector' && partner.n === 3 ? 'local-authority' : partner.sector
      lines.push(`      - id: ${partner.id}`, `        name: ${town} ${partner.sector.replace(/-/g, ' ')} partner ${partner.n + 1}`, `        sector: ${sector}`)
      if (partner.trust) lines.push(`        odsCode: R${'ABCDEFGHJK'[partner.n]}${between(1, 9)}`)
    }
    lines.push('    team:')
    lines.push(`      - role: Clinical pharmacist`, `        employer: ${codes[0]}`, `        wte: ${between(1, 4)}.0`)
    lines.push(`      - role: Community matron`, `        employer: ${fault === 'unknown-employer' ? 'nobody-we-know' : partners[0]!.id}`, `        wte: 1.5`)
    if (fault !== 'missing-budget') {
      const [start, end] = fault === 'period-order' ? ['2027-03-31', '2026-04-01'] : ['2026-04-01', '2027-03-31']
      lines.push(
        '  budget:                            # characteristic 3',
        '    currency: GBP',
        '    period:',
        `      start: ${start}`,
        `      end: ${end}`,
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
      '        completed: 2025-11-15',
      `        source: ${town} Joint Strategic Needs Assessment 2025`,
      `      determinants: [${[...new Set([pick(DETERMINANTS), pick(DETERMINANTS)])].join(', ')}]`,
    )
    if (fault === 'no-outcomes') lines.push('      outcomes: []')
    else {
      lines.push(
        '      outcomes:',
        '        - id: emergency-admissions',
        '          measure: Emergency admissions per 1,000 registered patients',
        '          direction: decrease',
        `          baseline: { value: ${between(80, 110)}.${between(0, 9)}, asOf: 2025-03-31 }`,
        `          target: { value: ${between(60, 79)}.0, by: 2027-03-31 }`,
        '        - id: hypertension-control',
        "          measure: 'Patients with hypertension treated to target (%)'",
        '          direction: increase',
        '          baseline: { value: 61, asOf: 2025-03-31 }',
        '          target: { value: 70, by: 2027-03-31 }',
      )
    }
    return `${lines.join('\n')}\n`
  }

  /** `total` shared among `parts` practices of unequal, realistic sizes. */
  function split(total: number, parts: number): number[] {
    const weights = Array.from({length: parts}, () => 0.5 + next())
    const sum = weights.reduce((a, b) => a + b, 0)
    return weights.map((w) => Math.max(1500, Math.round((total * w) / sum)))
  }
}

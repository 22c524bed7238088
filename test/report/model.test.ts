// The compliance model of `pch report` over the fixture programme, asserted whole. Every figure
// below was worked out by hand from test/report/fixture/, not copied from the tool:
//   fellgate      10,600 + 9,200 + 6,700   = 26,500 (below the band, accepted by exception); £168 x 26,500 = £4,452,000
//   harbour-east  15,420 + 12,310 + 10,050 = 37,780;                                      £158.50 x 37,780 = £5,988,130
//   harbour-west  21,000 + 19,005          = 40,005; risk-share model none;              £162 x 40,005 = £6,480,810
//   northbank     15,200 + 11,300 + 8,900  = 35,400;                                      £160 x 35,400 = £5,664,000
//   southmoor     12,400 + 9,850           = 22,250 (below the band), no social-care;    £160 x 22,250 = £3,560,000
//   programme     26,500 + 37,780 + 40,005 + 35,400 + 22,250 = 161,935
// broken.pch.yaml does not parse, and the third document of harbour.pch.yaml is pch/v2: both unreadable.
import {readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {run} from '../../src/index.js'
import {buildReport, type CharacteristicResult, type ComplianceReport, type SiteReport} from '../../src/report/model.js'
import {tempDir} from '../helpers.js'
import {BAND, fixtureReport, REPORT_TODAY, STALE_AFTER_MONTHS} from './programme.js'

const MET: CharacteristicResult = {status: 'met', findings: [], exceptions: []}
const ALL_MET: SiteReport['characteristics'] = {1: MET, 2: MET, 3: MET, 4: MET}

const EXPECTED: ComplianceReport = {
  generatedOn: '2026-11-01',
  band: {minimum: 30000, maximum: 50000},
  staleAfterMonths: 6,
  programme: {
    sites: 5,
    unreadable: 2,
    registeredPopulation: 161935,
    // fellgate (4 by exception), harbour-east, northbank
    compliant: 3,
    characteristics: {
      1: {met: 5, notMet: 0, metByException: 0},
      2: {met: 4, notMet: 1, metByException: 0}, // southmoor: no social-care partner
      3: {met: 4, notMet: 1, metByException: 0}, // harbour-west: risk-share model none
      4: {met: 3, notMet: 1, metByException: 1}, // southmoor below the band; fellgate by exception
    },
    oldestAsOf: '2026-10-01',
    newestAsOf: '2026-10-01',
    stale: 0,
  },
  sites: [
    {
      id: 'fellgate',
      name: 'Fellgate Primary Care Home',
      status: 'live',
      commissioner: null,
      filePath: 'fellgate.pch.yaml',
      line: 2,
      practices: 3,
      registeredPopulation: 26500,
      inBand: false,
      asOf: '2026-10-01',
      stale: false,
      sectors: ['community-health', 'mental-health', 'social-care', 'voluntary'],
      budgetTotal: 4452000,
      annualPerPatient: 168,
      riskShareModel: 'gain-and-loss',
      outcomes: 3,
      compliant: true,
      problems: [],
      characteristics: {
        1: MET,
        2: MET,
        3: MET,
        4: {
          status: 'met-by-exception',
          findings: [
            {ruleId: 'population/size-band', message: 'Registered population 26,500 is below 30,000 (band 30,000-50,000)', line: 18},
          ],
          exceptions: [
            {
              rule: 'population/size-band',
              reason: 'Dispersed moorland practices; the ICB approved about 26,500 patients | "rural" rate',
              approvedBy: 'North Riverside ICB primary care committee',
              approvedOn: '2026-03-12',
            },
          ],
        },
      },
    },
    {
      id: 'harbour-east',
      name: 'Harbour East Primary Care Home',
      status: 'live',
      commissioner: null,
      filePath: 'harbour.pch.yaml',
      documentIndex: 0,
      line: 3,
      practices: 3,
      registeredPopulation: 37780,
      inBand: true,
      asOf: '2026-10-01',
      stale: false,
      sectors: ['community-health', 'social-care', 'voluntary'],
      budgetTotal: 5988130,
      annualPerPatient: 158.5,
      riskShareModel: 'gain-and-loss',
      outcomes: 1,
      // workforce/mental-health-partner (a warning, not a compliance rule) fires here and counts for nothing.
      compliant: true,
      problems: [],
      characteristics: ALL_MET,
    },
    {
      id: 'harbour-west',
      name: 'Harbour West Primary Care Home',
      status: 'rapid-test-site',
      commissioner: null,
      filePath: 'harbour.pch.yaml',
      documentIndex: 1,
      line: 70,
      practices: 2,
      registeredPopulation: 40005,
      inBand: true,
      asOf: '2026-10-01',
      stale: false,
      sectors: ['community-health', 'mental-health', 'social-care', 'voluntary'],
      budgetTotal: 6480810,
      annualPerPatient: 162,
      riskShareModel: 'none',
      outcomes: 2,
      compliant: false,
      problems: [],
      characteristics: {
        1: MET,
        2: MET,
        3: {
          status: 'not-met',
          findings: [
            {
              ruleId: 'budget/risk-share-required',
              message: 'Risk-share model is none: risks and rewards must be shared between the practices and their partners',
              line: 113,
            },
          ],
          exceptions: [],
        },
        4: MET,
      },
    },
    {
      id: 'northbank',
      name: 'Northbank "Quayside", Kingsbridge | East Primary Care Home',
      status: 'live',
      commissioner: {name: 'North Riverside Integrated Care Board', odsCode: 'QXY'},
      filePath: 'northbank.pch.yaml',
      line: 3,
      practices: 3,
      registeredPopulation: 35400,
      inBand: true,
      asOf: '2026-10-01',
      stale: false,
      sectors: ['acute', 'community-health', 'mental-health', 'social-care', 'voluntary'],
      budgetTotal: 5664000,
      annualPerPatient: 160,
      riskShareModel: 'gain-and-loss',
      outcomes: 2,
      compliant: true,
      problems: [],
      characteristics: ALL_MET,
    },
    {
      id: 'southmoor',
      name: 'Southmoor Primary Care Home',
      status: 'developing',
      commissioner: {name: 'North Riverside Integrated Care Board', odsCode: 'QXY'},
      filePath: 'southmoor.pch.yaml',
      line: 3,
      practices: 2,
      registeredPopulation: 22250,
      inBand: false,
      asOf: '2026-10-01',
      stale: false,
      sectors: ['community-health', 'mental-health', 'voluntary'],
      budgetTotal: 3560000,
      annualPerPatient: 160,
      // budget/gain-only is a warning: characteristic 3 is still met.
      riskShareModel: 'gain-only',
      outcomes: 1,
      compliant: false,
      problems: [],
      characteristics: {
        1: MET,
        2: {
          status: 'not-met',
          findings: [{ruleId: 'workforce/social-care-partner', message: 'No social-care partner: add a social-care partner', line: 25}],
          exceptions: [],
        },
        3: MET,
        4: {
          status: 'not-met',
          findings: [
            {ruleId: 'population/size-band', message: 'Registered population 22,250 is below 30,000 (band 30,000-50,000)', line: 17},
          ],
          exceptions: [],
        },
      },
    },
  ],
  unreadable: [
    {
      filePath: 'broken.pch.yaml',
      line: 14,
      column: 15,
      ruleId: 'yaml/syntax',
      message: 'YAML syntax error: Nested mappings are not allowed in compact mappings',
    },
    {
      filePath: 'harbour.pch.yaml',
      documentIndex: 2,
      line: 137,
      column: 13,
      ruleId: 'schema/api-version',
      message: 'apiVersion "pch/v2" is not supported; supported: pch/v1',
    },
  ],
  commissioners: [
    {
      odsCode: 'QXY',
      name: 'North Riverside Integrated Care Board',
      // northbank and southmoor
      sites: 2,
      registeredPopulation: 57650,
      compliant: 1,
      characteristics: {
        1: {met: 2, notMet: 0, metByException: 0},
        2: {met: 1, notMet: 1, metByException: 0},
        3: {met: 2, notMet: 0, metByException: 0},
        4: {met: 1, notMet: 1, metByException: 0},
      },
      oldestAsOf: '2026-10-01',
      newestAsOf: '2026-10-01',
      stale: 0,
    },
    {
      odsCode: null,
      name: null,
      // fellgate, harbour-east, harbour-west
      sites: 3,
      registeredPopulation: 104285,
      compliant: 2,
      characteristics: {
        1: {met: 3, notMet: 0, metByException: 0},
        2: {met: 3, notMet: 0, metByException: 0},
        3: {met: 2, notMet: 1, metByException: 0},
        4: {met: 2, notMet: 0, metByException: 1},
      },
      oldestAsOf: '2026-10-01',
      newestAsOf: '2026-10-01',
      stale: 0,
    },
  ],
}

describe('report model: the fixture programme', () => {
  it('is exactly the hand-written model', () => {
    expect(fixtureReport()).toEqual(EXPECTED)
  })

  it('has documentIndex only on the sites and unreadable documents of the multi-document file', () => {
    const report = fixtureReport()
    expect(report.sites.map((s) => ('documentIndex' in s ? `${s.id}#${s.documentIndex}` : s.id))).toEqual([
      'fellgate',
      'harbour-east#0',
      'harbour-west#1',
      'northbank',
      'southmoor',
    ])
    expect(report.unreadable.map((u) => ('documentIndex' in u ? `${u.filePath}#${u.documentIndex}` : u.filePath))).toEqual([
      'broken.pch.yaml',
      'harbour.pch.yaml#2',
    ])
  })

  it('is plain data: JSON round-trips it unchanged', () => {
    const report = fixtureReport()
    expect(JSON.parse(JSON.stringify(report))).toEqual(report)
  })
})

/** The model for a directory of definitions written for one test. */
function reportOf(files: Record<string, string>): ComplianceReport {
  const dir = tempDir('pch-report-model-')
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text)
  const {results, sites} = run({mode: 'lint', today: REPORT_TODAY, paths: [dir], cwd: dir, collect: {sites: true}})
  return buildReport(results, sites, {today: REPORT_TODAY, band: BAND, staleAfterMonths: STALE_AFTER_MONTHS})
}

const HEAD =
  'apiVersion: pch/v1\nkind: PrimaryCareHome\nmetadata:\n  id: gap\n  name: Gap Primary Care Home\n  status: live\n  cohort: 2016\n'

// A whole section that is missing is one `schema` finding at /spec (or at the root); the
// characteristic the section carries is not met, and the site is not compliant.
describe('report model: a definition that validate rejects is not compliant', () => {
  it('a schema error outside the four sections (metadata.status) makes the site not compliant, and says why', () => {
    const full = readFileSync(new URL('fixture/northbank.pch.yaml', import.meta.url), 'utf8')
    const report = reportOf({'gap.pch.yaml': full.replace('id: northbank', 'id: gap').replace(/status: live/, 'status: liev')})
    expect(report.sites[0]!.compliant).toBe(false)
    expect(report.sites[0]!.problems.map((p) => p.ruleId)).toEqual(['schema'])
    expect(report.programme.compliant).toBe(0)
  })

  it('counts a practice listed by two sites once in the programme population', () => {
    const full = readFileSync(new URL('fixture/northbank.pch.yaml', import.meta.url), 'utf8')
    const report = reportOf({'a.pch.yaml': full.replace('id: northbank', 'id: a'), 'b.pch.yaml': full.replace('id: northbank', 'id: b')})
    expect(report.sites.map((s) => s.registeredPopulation)).toEqual([35400, 35400])
    expect(report.programme.registeredPopulation).toBe(35400)
  })
})

describe('report model: a missing section is not met', () => {
  it('a definition without spec.care does not meet characteristic 1', () => {
    const full = readFileSync(new URL('fixture/northbank.pch.yaml', import.meta.url), 'utf8')
    const report = reportOf({'gap.pch.yaml': full.slice(0, full.indexOf('  care:\n')).replace('id: northbank', 'id: gap')})
    expect(report.sites[0]!.characteristics[1].status).toBe('not-met')
    expect(report.sites[0]!.compliant).toBe(false)
  })

  it('a definition without spec does not meet any characteristic', () => {
    const report = reportOf({'gap.pch.yaml': HEAD})
    expect(report.sites).toHaveLength(1)
    expect(report.programme.compliant).toBe(0)
    expect(report.programme.characteristics).toEqual({
      1: {met: 0, notMet: 1, metByException: 0},
      2: {met: 0, notMet: 1, metByException: 0},
      3: {met: 0, notMet: 1, metByException: 0},
      4: {met: 0, notMet: 1, metByException: 0},
    })
  })
})

// The HTML report's chart, rendered from the model: one labelled bar per site up to 60 sites, a
// histogram above; a site at exactly the band's minimum or maximum is counted in the band, one a
// patient outside it is not; characteristic 4's three states are three fills.
import {Chalk} from 'chalk'
import {describe, expect, it} from 'vitest'
import html, {BARS_UP_TO} from '../../src/report/html.js'
import type {ComplianceReport, SiteReport} from '../../src/report/model.js'
import {fixtureReport} from './programme.js'

/** The fixture report with `populations.length` sites: copies of northbank with these populations and ids site-1.. */
function withPopulations(populations: number[]): ComplianceReport {
  const report = fixtureReport()
  const template = report.sites.find((s) => s.id === 'northbank')!
  report.sites = populations.map((population, i): SiteReport => ({
    ...structuredClone(template),
    id: `site-${i + 1}`,
    registeredPopulation: population,
    inBand: population >= report.band.minimum && population <= report.band.maximum,
  }))
  return report
}

const render = (report: ComplianceReport): string => html(report, {color: new Chalk({level: 0})})
const bins = (page: string): Array<[string, number, boolean]> =>
  [...page.matchAll(/<g class="bin( out-of-band)?" data-bin="([^"]+)" data-count="(\d+)">/g)].map((m) => [
    m[2]!,
    Number(m[3]),
    m[1] !== undefined,
  ])

describe('report html: the population chart', () => {
  it('draws one bar per site up to 60 sites, and a histogram from 61', () => {
    const sixty = render(withPopulations(Array.from({length: BARS_UP_TO}, (_, i) => 30_000 + i * 300)))
    expect(sixty).toContain('<svg class="chart chart-bars"')
    expect(sixty.match(/<g class="mark [^"]*" data-site=/g)).toHaveLength(60)
    const more = render(withPopulations(Array.from({length: BARS_UP_TO + 1}, (_, i) => 30_000 + i * 300)))
    expect(more).toContain('<svg class="chart chart-histogram"')
    expect(more).not.toMatch(/<g class="mark [^"]*" data-site=/)
  })

  it('counts a site at exactly the minimum or the maximum in the band, one patient beyond out of it', () => {
    const populations = [29_999, 30_000, 50_000, 50_001, ...Array.from({length: 60}, () => 40_000)]
    const counted = bins(render(withPopulations(populations)))
    expect(counted).toEqual(
      expect.arrayContaining([
        // Steps of 2,000: a round width that both edges of the band fall on.
        ['28,000 to 29,999', 1, true],
        ['30,000 to 31,999', 1, false],
        ['40,000 to 41,999', 60, false],
        ['48,000 to 50,000', 1, false],
        ['50,001 to 51,999', 1, true],
      ]),
    )
    expect(counted.reduce((sum, [, n]) => sum + n, 0)).toBe(populations.length)
  })

  it('gathers the long tail in a last step, named in the hint', () => {
    const populations = [...Array.from({length: 99}, (_, i) => 20_000 + i * 400), 400_000]
    const page = render(withPopulations(populations))
    const counted = bins(page)
    expect(counted.at(-1)).toEqual([expect.stringMatching(/ and more$/), 1, true])
    expect(page).toMatch(/the last counts every site of [\d,]+ or more\./)
  })

  it('fills met, met by exception and not met differently, and says which in words', () => {
    const report = withPopulations([36_000, 26_000, 22_000])
    report.sites[1]!.characteristics[4] = {status: 'met-by-exception', findings: [], exceptions: []}
    report.sites[2]!.characteristics[4] = {status: 'not-met', findings: [], exceptions: []}
    const page = render(report)
    expect(page.match(/<rect class="bar" [^>]*fill="[^"]+"/g)!.map((r) => r.replace(/.*fill="/, '').replace('"', ''))).toEqual([
      'url(#fill-not-met)',
      'url(#fill-exception)',
      'var(--blue)',
    ])
    expect(page.match(/<text class="value-label chart-label"[^>]*>[^<]*/g)!.map((t) => t.replace(/.*>/, ''))).toEqual([
      '22,000 not met',
      '26,000 by exception',
      '36,000',
    ])
  })
})

// The fixture programme of test/report/fixture/ (five sites, two unreadable definitions) linted
// and turned into the compliance model exactly as `pch report` does, with a fixed "today" and band.
import {fileURLToPath} from 'node:url'
import {run} from '../../src/index.js'
import {buildReport, type ComplianceReport} from '../../src/report/model.js'

export const FIXTURE_DIR = fileURLToPath(new URL('fixture/', import.meta.url))
export const REPORT_TODAY = '2026-11-01'
export const BAND = {minimum: 30000, maximum: 50000}
export const STALE_AFTER_MONTHS = 6

export function fixtureReport(): ComplianceReport {
  const {results, sites} = run({mode: 'lint', today: REPORT_TODAY, paths: [FIXTURE_DIR], cwd: FIXTURE_DIR, collect: {sites: true}})
  return buildReport(results, sites, {today: REPORT_TODAY, band: BAND, staleAfterMonths: STALE_AFTER_MONTHS})
}

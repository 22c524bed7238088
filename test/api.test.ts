// The programmatic API's defaults: "today" is the system's local date, as the CLI's, and a formatter
// needs nothing but plain options.
import {writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {checkText, formatters, FORMATS, lint, loadFormatter, UsageError, validate} from '../src/index.js'
import {localToday} from '../src/engine/pipeline/today.js'
import {edit, riverside, SHARED, tempDir} from './helpers.js'

const expired = (): string => edit(riverside(), ['start: 2026-04-01', 'start: 2000-04-01'], ['end: 2027-03-31', 'end: 2001-03-31'])

function site(text: string): string {
  const dir = tempDir('pch-api-unit-')
  writeFileSync(path.join(dir, 'riverside.pch.yaml'), text)
  return dir
}

describe('API: today', () => {
  it('lint without today applies the date rules as of the local date', () => {
    const cwd = site(expired())
    const [result] = lint({paths: ['riverside.pch.yaml'], cwd})
    expect(result!.messages.map((m) => [m.ruleId, m.message])).toEqual([
      ['budget/period-expired', `The budget period ended on 2001-03-31, before ${localToday()}: declare the current budget`],
    ])
    expect(lint({paths: ['riverside.pch.yaml'], cwd})).toEqual(lint({paths: ['riverside.pch.yaml'], cwd, today: localToday()}))
    expect(checkText(expired(), {mode: 'lint'}).messages.map((m) => m.ruleId)).toEqual(['budget/period-expired'])
  })

  it('a given today is used, and one that is not a real date is a UsageError, as --today is', () => {
    const cwd = site(expired())
    expect(lint({paths: ['riverside.pch.yaml'], cwd, today: '2000-01-01'})[0]!.messages).toEqual([])
    for (const today of ['2026-02-30', '1/11/2026', '']) {
      expect(() => validate({paths: ['riverside.pch.yaml'], cwd, today})).toThrow(UsageError)
      expect(() => validate({paths: ['riverside.pch.yaml'], cwd, today})).toThrow(
        `--today must be a real date written YYYY-MM-DD, not "${today}"`,
      )
    }
  })
})

describe('API: registers', () => {
  it('trustsFile is --trusts: a closed trust partner is reported, and without it the rule is silent', () => {
    const cwd = site(edit(riverside(), ['odsCode: RX3', 'odsCode: RD3']))
    const trustsFile = path.join(SHARED, 'data', 'nhs', 'etr-2022.csv')
    const [result] = lint({paths: ['riverside.pch.yaml'], cwd, today: '2026-11-01', trustsFile})
    expect(result!.messages.map((m) => [m.ruleId, m.message])).toEqual([
      [
        'workforce/partner-closed',
        'RD3 Poole Hospital NHS Foundation Trust closed on 2020-09-30: partner riverside-acute needs an open trust, usually its successor',
      ],
    ])
    expect(validate({paths: ['riverside.pch.yaml'], cwd, today: '2026-11-01'})[0]!.messages).toEqual([])
  })
})

describe('API: formatters', () => {
  const results = (): ReturnType<typeof lint> => lint({paths: ['riverside.pch.yaml'], cwd: site(expired()), today: '2026-11-01'})

  it('each format runs with plain options, or none', async () => {
    const r = results()
    for (const name of FORMATS) {
      const text = formatters[name](r, {color: false})
      expect(text).toBe(formatters[name](r))
      expect(text).toContain(name === 'junit' || name === 'sarif' || name === 'json' ? 'budget/period-expired' : 'budget period ended')
      expect(await loadFormatter(name)).toBe(formatters[name])
    }

    expect(formatters.stylish(r, {color: false})).not.toMatch(/\u001b\[/)
    expect(formatters.stylish(r, {color: true})).toContain('\u001b[4mriverside.pch.yaml\u001b[24m')
  })

  it('sarif carries every rule and the package version without being handed them', () => {
    const sarif = JSON.parse(formatters.sarif(results())) as {runs: Array<{tool: {driver: {version: string; rules: Array<{id: string}>}}}>}
    expect(sarif.runs[0]!.tool.driver.version).toBe('0.1.0')
    expect(sarif.runs[0]!.tool.driver.rules.map((r) => r.id)).toContain('budget/period-expired')
  })

  it('an unknown format name is a UsageError naming the formats', async () => {
    await expect(loadFormatter('xml' as 'json')).rejects.toThrow(
      'Unknown format "xml": expected one of stylish, json, junit, sarif, github',
    )
  })
})

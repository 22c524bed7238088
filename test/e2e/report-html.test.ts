// End-to-end: `pch report --format html` opened in a real browser (Debian's chromium, driven by
// playwright-core; nothing downloaded). The page must load with no network at all and no console
// error, hold one table row per site and one chart mark per site with a known population, and stay
// small and escaped for a programme of 1,000 sites. The README's screenshot is taken here.
import {copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {chromium, type Browser, type Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {ComplianceReport} from '../../src/report/model.js'
import {cli, edit, ROOT, riverside, SHARED, TODAY, useTempDir} from '../helpers.js'
import {checkout} from '../report/two-commits.js'
import {writeIcbRepository} from './icb-repository.js'

const CHROMIUM = '/usr/bin/chromium'
const SCREENSHOT = path.join(ROOT, 'docs', 'report-screenshot.png')
const TITLE = 'Primary Care Home compliance report'

const temp = useTempDir('pch-report-html-', 'all')
let browser: Browser
let dir: string

beforeAll(async () => {
  dir = temp.path
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
})

afterAll(async () => {
  await browser?.close()
})

/** Write the report of `paths` in `format` to a file of the temporary directory and return its path. */
function report(paths: string[], format: 'html' | 'json', name: string): string {
  const file = path.join(dir, name)
  const result = cli(['report', ...paths, '--format', format, '--today', TODAY, '--output', file])
  expect(result.stderr).toBe('')
  expect(result.status).toBe(0)
  return file
}

interface Opened {
  page: Page
  /** Every URL the page asked for; anything not file: was aborted and is also in `blocked`. */
  requested: string[]
  blocked: string[]
  errors: string[]
}

/** Open a file in a fresh context in which every request that is not file: is aborted. */
async function open(file: string): Promise<Opened> {
  const context = await browser.newContext({viewport: {width: 1280, height: 900}, offline: true, javaScriptEnabled: true})
  const opened: Opened = {page: await context.newPage(), requested: [], blocked: [], errors: []}
  await context.route('**/*', (route) => {
    const url = route.request().url()
    if (url.startsWith('file:')) return route.continue()
    opened.blocked.push(url)
    return route.abort()
  })
  opened.page.on('request', (request) => opened.requested.push(request.url()))
  opened.page.on('console', (message) => {
    if (message.type() === 'error') opened.errors.push(message.text())
  })
  opened.page.on('pageerror', (error) => opened.errors.push(error.message))
  await opened.page.goto(pathToFileURL(file).href, {waitUntil: 'load'})
  return opened
}

const count = (page: Page, selector: string): Promise<number> => page.locator(selector).count()
const attributes = (page: Page, selector: string, name: string): Promise<string[]> =>
  page.locator(selector).evaluateAll((elements, attribute) => elements.map((e) => e.getAttribute(attribute) ?? ''), name)
const sorted = (values: Array<string | null>): string[] => values.map((v) => v ?? '').sort()

describe('pch report --format html, in a browser', () => {
  it('shows every site of examples/ in the table and the chart, offline and without errors', async () => {
    const json = JSON.parse(readFileSync(report(['examples/'], 'json', 'examples.json'), 'utf8')) as ComplianceReport
    const {page, requested, blocked, errors} = await open(report(['examples/'], 'html', 'examples.html'))

    expect(await page.locator('h1').allTextContents()).toEqual([TITLE])
    expect(await page.getAttribute('html', 'lang')).toBe('en')

    // One table row per site, and one chart mark per site with a known population.
    expect(json.sites.length).toBeGreaterThan(0)
    expect(sorted(await attributes(page, 'tr[data-site]', 'data-site'))).toEqual(sorted(json.sites.map((s) => s.id)))
    const known = json.sites.filter((s) => s.registeredPopulation !== null)
    expect(await count(page, 'svg [data-site]')).toBe(known.length)
    const outOfBand = json.sites.filter((s) => s.inBand === false)
    expect(outOfBand.length).toBeGreaterThan(0)
    expect(sorted(await attributes(page, 'svg .out-of-band[data-site]', 'data-site'))).toEqual(sorted(outOfBand.map((s) => s.id)))
    // Non-compliant sites come first.
    const rows = await attributes(page, 'tr[data-site]', 'data-site')
    const nonCompliant = json.sites.filter((s) => !s.compliant).length
    expect(sorted(rows.slice(0, nonCompliant))).toEqual(sorted(json.sites.filter((s) => !s.compliant).map((s) => s.id)))

    // Accessible structure: an SVG labelled by its own title and description, tables with captions and scoped headers.
    const labelledBy = (await page.getAttribute('svg.chart', 'aria-labelledby'))!.split(' ')
    expect(await page.getAttribute('svg.chart', 'role')).toBe('img')
    for (const id of labelledBy) expect(await count(page, `svg.chart > #${id}`)).toBe(1)
    expect(await count(page, 'table')).toBe(await count(page, 'table > caption'))
    expect(await count(page, 'th:not([scope])')).toBe(0)
    for (const text of ['Met', 'Not met', 'Met by exception']) expect(await count(page, `.tag:text-is("${text}")`)).toBeGreaterThan(0)
    expect(await count(page, 'script')).toBe(0)

    // Met, met by exception and not met (characteristic 4) are three fills: a solid colour, hatching and a cross-hatch.
    const fills = await page
      .locator('svg.chart .mark .bar')
      .evaluateAll((bars) => bars.map((b) => `${b.parentElement?.getAttribute('class')}: ${b.getAttribute('fill')}`))
    expect([...new Set(fills.map((f) => f.replace(/ out-of-band/, '')))].sort()).toEqual([
      'mark is-exception: url(#fill-exception)',
      'mark is-met: var(--blue)',
      'mark is-not-met: url(#fill-not-met)',
    ])
    expect(await count(page, 'svg.chart pattern#fill-exception')).toBe(1)
    expect(await count(page, 'svg.chart pattern#fill-not-met')).toBe(1)
    expect(layoutProblems(await chartTexts(page))).toEqual([])

    // Printed, nothing of the table or the chart is hidden.
    await page.emulateMedia({media: 'print'})
    expect(await count(page, 'tr[data-site]:visible')).toBe(json.sites.length)
    expect(await page.locator('svg.chart').isVisible()).toBe(true)
    await page.emulateMedia({media: 'screen'})

    await page.screenshot({path: SCREENSHOT, fullPage: false})
    await page.context().close()

    expect(blocked).toEqual([])
    expect(requested.every((url) => url.startsWith('file:'))).toBe(true)
    expect(errors).toEqual([])
    const png = readFileSync(SCREENSHOT)
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    expect(png.length).toBeLessThan(300 * 1024)
  })

  it('with --compare: "Since the last report" is the first section, and the changed sites are marked in the tables', async () => {
    const repo = path.join(dir, 'two-commits')
    const run = (...args: string[]): void =>
      expect(cli(['report', 'sites', '--today', TODAY, ...args], {cwd: repo})).toEqual({status: 0, stdout: '', stderr: ''})
    checkout(repo, 1)
    run('-f', 'json', '-o', 'previous.json')
    checkout(repo, 2)
    run('-f', 'html', '--compare', 'previous.json', '-o', 'report.html')
    const {page, blocked, errors} = await open(path.join(repo, 'report.html'))
    expect(await page.locator('main > section').first().getAttribute('aria-labelledby')).toBe('since')
    expect(await page.locator('#since').textContent()).toBe('Since the last report')
    expect(await page.locator('.since').isVisible()).toBe(true)
    const items = await page.locator('.since-list > li').evaluateAll((elements) => elements.map((e) => e.firstChild?.textContent ?? ''))
    expect(items.filter((text) => /^(bravo|charlie|delta) /.test(text))).toEqual([
      'bravo (Bravo PCH): now meets all four; characteristic 3 became met',
      'charlie (Charlie PCH): no longer meets all four; characteristic 4 became not met; population 30,100 then, 29,900 now (-200), left the band',
      'delta (Delta PCH): population 36,100 then, 36,250 now (+150)',
    ])
    expect(sorted(await attributes(page, 'tr.changed[data-site]', 'data-site'))).toEqual(['bravo', 'charlie', 'delta', 'foxtrot'])
    expect(await page.locator('tr[data-site="charlie"] .tag-change').textContent()).toBe('Changed since 1 November 2026')
    expect(await page.locator('tr[data-site="foxtrot"] .tag-change').textContent()).toBe('New since 1 November 2026')
    expect(await page.locator('tr[data-site="charlie"] .was').allTextContents()).toEqual(['was 30,100, in band', 'was Met'])
    expect(await page.locator('tr[data-site="charlie"] .was').last().isVisible()).toBe(true)
    expect(await count(page, 'tr[data-site="alpha"] .was, tr[data-site="alpha"] .tag-change')).toBe(0)
    // Printed, the section and the marks stay.
    await page.emulateMedia({media: 'print'})
    expect(await page.locator('.since').isVisible()).toBe(true)
    expect(await count(page, 'tr.changed .tag-change:visible')).toBe(4)
    await page.context().close()
    expect(blocked).toEqual([])
    expect(errors).toEqual([])
  })

  it('with local rules: their findings in an "Advisory findings" section after Exceptions, escaped, every site still compliant', async () => {
    const repo = path.join(dir, 'icb')
    writeIcbRepository((name, content) => {
      mkdirSync(path.dirname(path.join(repo, name)), {recursive: true})
      writeFileSync(path.join(repo, name), content)
    })
    // The message of local/acute-partner-has-ods-code quotes the partner's name: markup in it stays text.
    const riverside = path.join(repo, 'sites/riverside.pch.yaml')
    writeFileSync(
      riverside,
      readFileSync(riverside, 'utf8').replace(
        'name: Riverside Hospitals NHS Foundation Trust',
        'name: "<img src=x onerror=alert(1)><b>Acute</b>"',
      ),
    )
    expect(cli(['report', 'sites', '--today', TODAY, '-f', 'html', '-o', 'report.html', '--fail-on-noncompliance'], {cwd: repo})).toEqual({
      status: 0,
      stdout: '',
      stderr: '',
    })
    const {page, blocked, errors} = await open(path.join(repo, 'report.html'))
    const sections = await attributes(page, 'main > section', 'aria-labelledby')
    expect(sections.slice(sections.indexOf('exceptions'))).toEqual(['exceptions', 'advisories', 'unreadable'])
    expect(await page.locator('.contents a[href="#advisories"]').textContent()).toBe('Advisory findings')
    expect(await count(page, '.sites tr.not-compliant')).toBe(0)
    const rows = await page
      .locator('table.advisories tbody tr')
      // innerText (the text as laid out; the tests compile without the DOM's types).
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.children].map((cell) => (cell as unknown as {innerText: string}).innerText.replace(/\s+/g, ' ').trim())),
      )
    const floor = "Capitation is £160 a patient; the ICB's floor is £165"
    // The characteristic as shown, then its full name for a screen reader (visually hidden, still in innerText).
    const budget = '3. Budget 3. Unified, capitated budget with shared risks and rewards'
    const workforce = '2. Workforce 2. Integrated workforce across primary, secondary and social care'
    expect(rows).toEqual([
      ['meadow', budget, floor, 'local/capitation-floor sites/meadow.pch.yaml:68'],
      [
        'riverside',
        workforce,
        'Acute partner <img src=x onerror=alert(1)><b>Acute</b> has no ODS code',
        'local/acute-partner-has-ods-code sites/riverside.pch.yaml:40',
      ],
      [budget, floor, 'local/capitation-floor sites/riverside.pch.yaml:67'],
    ])
    expect(await count(page, 'img, b')).toBe(0)
    // Printed, the section stays.
    await page.emulateMedia({media: 'print'})
    expect(await page.locator('table.advisories').isVisible()).toBe(true)
    await page.context().close()
    expect(blocked).toEqual([])
    expect(errors).toEqual([])
  })

  it('stays under 3 MB, complete and escaped for a programme of 1,000 sites', {timeout: 300_000}, async () => {
    const sites = path.join(dir, 'programme')
    const {written, unknown, outside} = generateProgramme(sites, 1000)
    const json = JSON.parse(readFileSync(report([sites], 'json', 'programme.json'), 'utf8')) as ComplianceReport
    expect(json.programme.sites).toBe(written)
    expect(json.sites.filter((s) => s.registeredPopulation === null)).toHaveLength(unknown)
    expect(json.sites.filter((s) => s.inBand === false)).toHaveLength(outside)

    const file = report([sites], 'html', 'programme.html')
    expect(statSync(file).size).toBeLessThan(3 * 1024 * 1024)
    const {page, blocked, errors} = await open(file)
    expect(await count(page, 'tr[data-site]')).toBe(written)
    // Above 60 sites the chart is a histogram: its steps count every site with a known population.
    expect(await count(page, 'svg.chart-histogram')).toBe(1)
    expect(await count(page, 'svg [data-site]')).toBe(0)
    expect(await binTotal(page, 'svg .bin')).toBe(written - unknown)
    expect(await binTotal(page, 'svg .bin.out-of-band')).toBe(outside)
    // The hostile name is text, not markup.
    expect(await count(page, 'script')).toBe(0)
    expect(await page.evaluate(() => (globalThis as {pwned?: number}).pwned)).toBeUndefined()
    expect(await page.locator('.site-name', {hasText: '<script>window.pwned = 1</script> & "Co" \'s'}).count()).toBe(1)
    await page.context().close()
    expect(blocked).toEqual([])
    expect(errors).toEqual([])
  })
})

/** The sites counted by the histogram steps that match `selector`. */
const binTotal = async (page: Page, selector: string): Promise<number> =>
  (await attributes(page, selector, 'data-count')).reduce((sum, n) => sum + Number(n), 0)

interface Box {
  text: string
  left: number
  top: number
  right: number
  bottom: number
}

/** Every text of the chart as drawn (its box on the page), and the box of the chart itself. */
async function chartTexts(page: Page): Promise<{chart: Box; texts: Box[]}> {
  return page.locator('svg.chart').evaluate((svg) => {
    const box = (e: {
      textContent: string | null
      getBoundingClientRect(): {left: number; top: number; right: number; bottom: number}
    }): Box => {
      const r = e.getBoundingClientRect()
      return {text: e.textContent ?? '', left: r.left, top: r.top, right: r.right, bottom: r.bottom}
    }
    return {chart: box(svg), texts: [...svg.querySelectorAll('text')].map(box)}
  })
}

/** Texts of the chart that reach outside it (clipped), and pairs of texts that overlap, by more than a quarter pixel. */
function layoutProblems({chart, texts}: {chart: Box; texts: Box[]}): string[] {
  const slack = 0.25
  const problems = texts
    .filter(
      (t) => t.left < chart.left - slack || t.right > chart.right + slack || t.top < chart.top - slack || t.bottom > chart.bottom + slack,
    )
    .map((t) => `clipped: ${t.text}`)
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      const a = texts[i]!
      const b = texts[j]!
      if (Math.min(a.right, b.right) - Math.max(a.left, b.left) > slack && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > slack)
        problems.push(`overlap: ${a.text} / ${b.text}`)
    }
  }
  return problems
}

/** Each site's label is its id, or the start of it cut with an ellipsis where it would not fit; its title has it all. */
async function expectSiteLabels(page: Page): Promise<string[][]> {
  const labels = await page
    .locator('svg [data-site]')
    .evaluateAll((marks) =>
      marks.map((m) => [
        m.getAttribute('data-site') ?? '',
        m.querySelector('.site-label')?.textContent ?? '',
        m.querySelector('title')?.textContent ?? '',
      ]),
    )
  for (const [id, label, title] of labels) {
    expect(label === id! || (label!.endsWith('…') && id!.startsWith(label!.slice(0, -1)) && label!.length > 12), `${id} as ${label}`).toBe(
      true,
    )
    expect(title!.startsWith(`${id}: `)).toBe(true)
  }
  return labels
}

/** A screenshot of the chart alone, for a person to look at: .tmp/NAME in the repository (not committed). */
async function chartScreenshot(page: Page, name: string): Promise<Buffer> {
  const clip = (await page.locator('.chart-figure').boundingBox())!
  mkdirSync(path.join(ROOT, '.tmp'), {recursive: true})
  return page.screenshot({path: path.join(ROOT, '.tmp', name), fullPage: true, clip})
}

describe('pch report --format html: the chart of a real programme, in a browser', {timeout: 300_000}, () => {
  // pch import of NHS Digital's January 2022 PCN map with the January 2021 list sizes: 1,254 sites.
  const NHS = path.join(SHARED, 'data', 'nhs')
  const all = useTempDir('pch-report-chart-', 'all')
  let sites = ''
  let some = ''
  let few = ''
  beforeAll(() => {
    sites = path.join(all.path, 'sites')
    const r = cli([
      'import',
      '--map',
      path.join(NHS, 'gp-reg-pat-prac-map-2022-01.csv'),
      '--list-sizes',
      path.join(NHS, 'gp-reg-pat-prac-all-2021-01.csv'),
      '--dir',
      sites,
      '--today',
      TODAY,
    ])
    expect([r.status, r.stderr]).toEqual([0, ''])
    // 44 of them: the 38 sites of Humber, Coast and Vale (QOQ, with Tadcaster and Selby Rural) and 6 of QOC.
    some = path.join(all.path, 'some')
    mkdirSync(some)
    const files = readdirSync(sites).sort()
    const of = (icb: string): string[] => files.filter((f) => readFileSync(path.join(sites, f), 'utf8').includes(`    odsCode: ${icb}\n`))
    for (const f of [...of('QOQ'), ...of('QOC').slice(0, 6)]) copyFileSync(path.join(sites, f), path.join(some, f))
    few = path.join(all.path, 'few')
    mkdirSync(few)
    for (const f of of('QOQ').slice(0, 10)) copyFileSync(path.join(sites, f), path.join(few, f))
  }, 300_000)

  it('at 10 sites: one labelled bar per site, labels clear and inside', async () => {
    const {page, errors} = await open(report([few], 'html', 'few.html'))
    expect(await count(page, 'svg.chart-bars [data-site]')).toBe(10)
    await expectSiteLabels(page)
    expect(layoutProblems(await chartTexts(page))).toEqual([])
    expect((await chartScreenshot(page, 'report-chart-10.png')).length).toBeGreaterThan(5_000)
    await page.context().close()
    expect(errors).toEqual([])
  })

  it('at 44 sites: one bar per site, every label inside the picture and clear of the others', async () => {
    const json = JSON.parse(readFileSync(report([some], 'json', 'some.json'), 'utf8')) as ComplianceReport
    expect(json.programme.sites).toBe(44)
    const {page, errors} = await open(report([some], 'html', 'some.html'))
    expect(await count(page, 'svg.chart-bars')).toBe(1)
    expect(sorted(await attributes(page, 'svg [data-site]', 'data-site'))).toEqual(sorted(json.sites.map((s) => s.id)))
    const labels = await expectSiteLabels(page)
    expect(labels.find(([id]) => id === 'u21078-tadcaster-and-selby-rural-pcn')?.[1]).toMatch(/^u21078-tadcaster/)
    const drawn = await chartTexts(page)
    // A label, a population and a status word per site, the ticks, the band and the axis title.
    expect(drawn.texts.length).toBeGreaterThan(2 * 44 + 3)
    expect(layoutProblems(drawn)).toEqual([])
    // The check itself finds a label moved onto its neighbour, and one moved out of the picture.
    const [first, second] = drawn.texts.filter((t) => labels.some(([, label]) => label === t.text))
    expect(layoutProblems({chart: drawn.chart, texts: [first!, {...second!, top: first!.top + 2, bottom: first!.bottom + 2}]})).toEqual([
      `overlap: ${first!.text} / ${second!.text}`,
    ])
    expect(layoutProblems({chart: drawn.chart, texts: [{...first!, left: drawn.chart.left - 3}]})).toEqual([`clipped: ${first!.text}`])
    // Printed (A4), the chart still fits.
    await page.emulateMedia({media: 'print'})
    expect(layoutProblems(await chartTexts(page))).toEqual([])
    await page.emulateMedia({media: 'screen'})
    expect((await chartScreenshot(page, 'report-chart-44.png')).length).toBeGreaterThan(10_000)
    await page.context().close()
    expect(errors).toEqual([])
  })

  it('at 1,254 sites: a histogram against the band that counts every site, labels clear and inside', async () => {
    const json = JSON.parse(readFileSync(report([sites], 'json', 'all.json'), 'utf8')) as ComplianceReport
    expect(json.programme.sites).toBe(1254)
    const known = json.sites.filter((s) => s.registeredPopulation !== null)
    const {page, errors} = await open(report([sites], 'html', 'all.html'))
    expect(await count(page, 'svg.chart-histogram')).toBe(1)
    expect(await binTotal(page, 'svg .bin')).toBe(known.length)
    expect(await binTotal(page, 'svg .bin.out-of-band')).toBe(known.filter((s) => s.inBand === false).length)
    // A step is wholly in or out of the band; the chart's texts are its axes, the band and the counts that fit.
    expect(layoutProblems(await chartTexts(page))).toEqual([])
    expect((await chartTexts(page)).texts.map((t) => t.text)).toEqual(
      expect.arrayContaining(['Band 30,000 to 50,000', 'Registered population', 'Sites', '0', '25,000', '50,000']),
    )
    expect((await chartScreenshot(page, 'report-chart-1254.png')).length).toBeGreaterThan(10_000)
    await page.context().close()
    expect(errors).toEqual([])
  })
})

/**
 * `count` definitions derived from the riverside example, with distinct ids and practice codes and a
 * budget that matches each population: every 25th below the band, every 40th (from the 8th) above it,
 * every 100th (from the 61st) with a list size the schema rejects (population unknown), and one with
 * a name full of markup.
 */
function generateProgramme(into: string, count: number): {written: number; unknown: number; outside: number} {
  const base = riverside()
  mkdirSync(into)
  let unknown = 0
  let outside = 0
  for (let i = 0; i < count; i++) {
    const id = `site-${String(i + 1).padStart(4, '0')}`
    const population = i % 25 === 0 ? 22_000 + (i % 7) * 1000 : i % 40 === 7 ? 52_000 + (i % 5) * 1500 : 30_500 + ((i * 7919) % 19_000)
    if (i % 25 === 0 || i % 40 === 7) outside++
    const sizes = [Math.round(population * 0.4), Math.round(population * 0.33)]
    sizes.push(population - sizes[0]! - sizes[1]!)
    const codes = [0, 1, 2].map((k) => `P${String(i * 3 + k).padStart(5, '0')}`)
    const unreadableSize = i % 100 === 60
    if (unreadableSize) unknown++
    const total = population * 160
    const name = i === 3 ? `'<script>window.pwned = 1</script> & "Co" ''s'` : `Site ${i + 1} Primary Care Home`
    const text = edit(
      base,
      [/^ {2}id: riverside\b.*$/m, `  id: ${id}`],
      ['name: Riverside Primary Care Home', `name: ${name}`],
      ['odsCode: A81001 ', `odsCode: ${codes[0]} `],
      ['odsCode: A81002', `odsCode: ${codes[1]}`],
      ['odsCode: A81004', `odsCode: ${codes[2]}`],
      ['employer: A81001', `employer: ${codes[0]}`],
      ['listSize: 14250', `listSize: ${unreadableSize ? '"lots"' : sizes[0]}`],
      ['listSize: 11980', `listSize: ${sizes[1]}`],
      ['listSize: 9870', `listSize: ${sizes[2]}`],
      ['total: 5776000', `total: ${total}`],
      ['amount: 5276000', `amount: ${total - 500_000}`],
    )
    writeFileSync(path.join(into, `${id}.pch.yaml`), text, {flag: 'wx', encoding: 'utf8'})
  }
  return {written: count, unknown, outside}
}

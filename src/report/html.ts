// The report as one self-contained HTML page in the style of the NHS.UK design system: inline CSS,
// inline SVG, no script and nothing fetched, printable on A4. Every piece of text from the model
// comes from untrusted definitions, so all markup is built with `h`, which escapes whatever it
// interpolates unless it is already markup.
import {formatNumber} from '../engine/messages.js'
import {CHARACTERISTIC_NAMES, CHARACTERISTICS, type CharacteristicNumber, type CharacteristicStatus, type ComplianceReport, type SiteReport} from './model.js'
import {bySeverity, figure, money, siteName, type Renderer} from './renderer.js'
import {forHtml} from '../formatters/neutralise.js'
import {describeComparison, type ReportComparison} from './compare.js'

// ---- Markup that is safe by construction -------------------------------------------------------

class Markup {
  constructor(readonly html: string) {}
}
type Part = Markup | string | number | null | undefined | false | readonly Part[]

export const escapeHtml = forHtml

const render = (part: Part): string =>
  part instanceof Markup ? part.html : Array.isArray(part) ? part.map(render).join('') : part === null || part === undefined || part === false ? '' : escapeHtml(String(part))

/** A template of markup: interpolated strings and numbers are escaped, Markup and arrays of it are not. */
function h(strings: TemplateStringsArray, ...parts: Part[]): Markup {
  let out = strings[0]!
  for (let i = 0; i < parts.length; i++) out += render(parts[i]!) + strings[i + 1]!
  return new Markup(out)
}

// ---- Words ------------------------------------------------------------------------------------

const SHORT_NAMES: Record<CharacteristicNumber, string> = {1: 'Care', 2: 'Workforce', 3: 'Budget', 4: 'Population'}
const TAGS: Record<CharacteristicStatus, {text: string; className: string}> = {
  'met': {text: 'Met', className: 'tag tag-met'},
  'met-by-exception': {text: 'Met by exception', className: 'tag tag-exception'},
  'not-met': {text: 'Not met', className: 'tag tag-not-met'},
}
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** "2026-11-01" -> "1 November 2026" (the NHS.UK style); anything else as it is. */
function longDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined
  return match && month ? `${Number(match[3])} ${month} ${match[1]}` : date
}

const plural = (count: number, one: string, many = `${one}s`): string => `${formatNumber(count)} ${count === 1 ? one : many}`
const tag = (status: CharacteristicStatus): Markup => h`<strong class="${TAGS[status].className}">${TAGS[status].text}</strong>`
const where = (s: SiteReport): string => (s.documentIndex === undefined ? s.filePath : `${s.filePath} (definition ${s.documentIndex + 1})`)
const characteristicLabel = (n: CharacteristicNumber): string => `${n}. ${CHARACTERISTIC_NAMES[n]}`
/** "4. Population" on screen, the characteristic's full name for a screen reader. */
const shortCharacteristic = (n: CharacteristicNumber): Markup =>
  h`<span aria-hidden="true">${n}. ${SHORT_NAMES[n]}</span><span class="visually-hidden">${characteristicLabel(n)}</span>`
const detailId = (index: number): string => `detail-${index}`

// ---- Sections ---------------------------------------------------------------------------------

function programmeSummary(report: ComplianceReport): Markup {
  const p = report.programme
  const outOfBand = report.sites.filter((s) => s.inBand === false).length
  const unknown = report.sites.filter((s) => s.registeredPopulation === null).length
  const share = p.sites === 0 ? '' : ` (${Math.round((100 * p.compliant) / p.sites)} %)`
  const stat = (label: string, value: number, note: Part, state: '' | ' is-good' | ' is-warning' = ''): Markup =>
    h`<div class="stat${state}"><dt>${label}</dt><dd><span class="stat-value">${formatNumber(value)}</span> <span class="stat-note">${note}</span></dd></div>`
  return h`<section aria-labelledby="programme">
<h2 id="programme" class="visually-hidden">Programme summary</h2>
<dl class="stats">
${stat('Sites', p.sites, 'definitions read')}
${stat('Meeting all four characteristics', p.compliant, `of ${formatNumber(p.sites)}${share}`, p.compliant < p.sites ? ' is-warning' : ' is-good')}
${stat('Registered population', p.registeredPopulation, unknown > 0 ? `${plural(unknown, 'site')} unknown` : 'all sites known')}
${stat('Outside the population band', outOfBand, `band ${formatNumber(report.band.minimum)} to ${formatNumber(report.band.maximum)}`, outOfBand > 0 ? ' is-warning' : ' is-good')}
${stat('Definitions that could not be read', p.unreadable, p.unreadable > 0 ? h`<a href="#unreadable">listed below</a>` : 'none', p.unreadable > 0 ? ' is-warning' : ' is-good')}
</dl>
</section>`
}

function characteristicSummary(report: ComplianceReport): Markup {
  const total = report.programme.sites
  const rows = CHARACTERISTICS.map((n) => {
    const c = report.programme.characteristics[n]
    const width = (count: number): string => (total === 0 ? '0' : ((100 * count) / total).toFixed(2))
    return h`<tr>
<th scope="row">${characteristicLabel(n)}<span class="bar" aria-hidden="true"><span class="bar-met" style="width:${width(c.met)}%"></span><span class="bar-exception" style="width:${width(c.metByException)}%"></span><span class="bar-not-met" style="width:${width(c.notMet)}%"></span></span></th>
<td class="numeric">${formatNumber(c.met)}</td><td class="numeric">${formatNumber(c.metByException)}</td><td class="numeric">${formatNumber(c.notMet)}</td>
</tr>`
  })
  return h`<section class="panel" aria-labelledby="characteristics">
<h2 id="characteristics">The four characteristics</h2>
<table class="table">
<caption class="caption-hint">Sites meeting each characteristic, of ${plural(total, 'site')}</caption>
<thead><tr><th scope="col">Characteristic</th><th scope="col" class="numeric">Met</th><th scope="col" class="numeric">By exception</th><th scope="col" class="numeric">Not met</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</section>`
}

/** A round step for about `target` ticks across `span`. */
function tickStep(span: number, target: number): number {
  const raw = span / target
  const magnitude = 10 ** Math.floor(Math.log10(raw))
  return ([1, 2, 2.5, 5, 10].find((m) => m * magnitude >= raw) ?? 10) * magnitude
}

/** Every site with a known population as one mark on a shared axis, smallest at the top; the band shaded. */
function populationChart(report: ComplianceReport): Markup {
  const {band} = report
  const known = report.sites
    .filter((s): s is SiteReport & {registeredPopulation: number} => s.registeredPopulation !== null)
    .sort((a, b) => a.registeredPopulation - b.registeredPopulation || siteName(a).localeCompare(siteName(b)))
  const unknown = bySeverity(report.sites).filter((s) => s.registeredPopulation === null)
  const outside = known.filter((s) => s.inBand === false)

  const width = 640
  const left = 28
  const right = 28
  const top = 34
  const bottom = 48
  // Rows of 5-10 units up to 200 sites; beyond that the plot stops growing and the marks merge into a curve.
  const n = known.length
  const row = n <= 30 ? 10 : n <= 100 ? 7 : n <= 200 ? 5 : 1000 / n
  const plotHeight = Math.max(row * n, 24)
  const height = Math.round(top + plotHeight + bottom)
  const radius = Math.min(4.5, Math.max(2.2, row * 0.55))

  const low = Math.min(band.minimum, ...known.map((s) => s.registeredPopulation))
  const high = Math.max(band.maximum, ...known.map((s) => s.registeredPopulation))
  const step = tickStep(Math.max(high - low, 1), 6)
  const domainLow = Math.floor(low / step) * step
  const domainHigh = Math.max(Math.ceil(high / step) * step, domainLow + step)
  const x = (value: number): number => left + ((value - domainLow) / (domainHigh - domainLow)) * (width - left - right)
  const y = (index: number): number => top + row * (index + 0.5)
  const r1 = (value: number): string => value.toFixed(1)

  const ticks: number[] = []
  for (let t = domainLow; t <= domainHigh + step / 1000; t += step) ticks.push(Math.round(t * 1000) / 1000)
  const axisY = top + plotHeight
  const grid = ticks.map(
    (t) => h`<line class="grid" x1="${r1(x(t))}" x2="${r1(x(t))}" y1="${top}" y2="${r1(axisY)}"/><line class="tick" x1="${r1(x(t))}" x2="${r1(x(t))}" y1="${r1(axisY)}" y2="${r1(axisY + 5)}"/><text class="tick-label" x="${r1(x(t))}" y="${r1(axisY + 19)}" text-anchor="middle">${formatNumber(t)}</text>`,
  )

  // Out-of-band sites are labelled (while rows are tall enough to tell the marks apart), in a layer under
  // the marks (no label hides one), each label at or just below its mark and clear of the one before.
  let lastLabel = -Infinity
  const labels: Markup[] = []
  const marks = known.map((s, index) => {
    const cx = x(s.registeredPopulation)
    const cy = y(index)
    const name = siteName(s)
    if (s.inBand !== false) {
      return h`<g class="mark" data-site="${name}"><title>${name}: ${formatNumber(s.registeredPopulation)} registered patients, in band</title><circle cx="${r1(cx)}" cy="${r1(cy)}" r="${r1(radius)}"/></g>`
    }
    const below = s.registeredPopulation < band.minimum
    const size = radius + 1.5
    // A triangle pointing the way the site is out of the band.
    const d = below
      ? `M${r1(cx - size)} ${r1(cy)}L${r1(cx + size * 0.8)} ${r1(cy - size * 0.9)}L${r1(cx + size * 0.8)} ${r1(cy + size * 0.9)}Z`
      : `M${r1(cx + size)} ${r1(cy)}L${r1(cx - size * 0.8)} ${r1(cy - size * 0.9)}L${r1(cx - size * 0.8)} ${r1(cy + size * 0.9)}Z`
    const labelY = Math.max(cy + 4, lastLabel + 14)
    if (row >= 5 && labelY - (cy + 4) <= 28) {
      lastLabel = labelY
      const toLeft = cx > width - right - 150
      labels.push(
        h`<text x="${r1(toLeft ? cx - size - 4 : cx + size + 4)}" y="${r1(labelY)}" text-anchor="${toLeft ? 'end' : 'start'}">${name}</text>`,
      )
    }
    return h`<g class="mark out-of-band" data-site="${name}"><title>${name}: ${formatNumber(s.registeredPopulation)} registered patients, out of band (${below ? 'below' : 'above'} ${formatNumber(below ? band.minimum : band.maximum)})</title><path d="${d}"/></g>`
  })

  const listed = (sites: SiteReport[], limit: number): string =>
    sites.slice(0, limit).map((s) => `${siteName(s)}${s.registeredPopulation === null ? '' : ` (${formatNumber(s.registeredPopulation)})`}`).join(', ') +
    (sites.length > limit ? ` and ${formatNumber(sites.length - limit)} more` : '')
  const description =
    `${plural(n, 'site')} with a known registered population, one mark per site, sorted from the smallest (top) to the largest (bottom). ` +
    `The shaded area is the band of ${formatNumber(band.minimum)} to ${formatNumber(band.maximum)}. ` +
    (n === 0 ? 'No site has a known registered population.' : outside.length === 0 ? 'Every site is within the band.' : `${plural(outside.length, 'site is', 'sites are')} outside the band, drawn as red triangles: ${listed(outside, 20)}.`)
  const bandLeft = x(band.minimum)
  const bandWidth = x(band.maximum) - bandLeft

  return h`<section class="panel" aria-labelledby="population">
<h2 id="population">Registered population against the band</h2>
<p class="hint">One mark per site, smallest population at the top. Characteristic 4 asks for ${formatNumber(band.minimum)} to ${formatNumber(band.maximum)} registered patients (the shaded band).</p>
<figure class="chart-figure">
<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="chart-title chart-desc" xmlns="http://www.w3.org/2000/svg">
<title id="chart-title">Registered population of each site against the band of ${formatNumber(band.minimum)} to ${formatNumber(band.maximum)}</title>
<desc id="chart-desc">${description}</desc>
<rect class="band" x="${r1(bandLeft)}" y="${top}" width="${r1(bandWidth)}" height="${r1(plotHeight)}"/>
${grid}
<line class="band-edge" x1="${r1(bandLeft)}" x2="${r1(bandLeft)}" y1="${top - 8}" y2="${r1(axisY)}"/><line class="band-edge" x1="${r1(bandLeft + bandWidth)}" x2="${r1(bandLeft + bandWidth)}" y1="${top - 8}" y2="${r1(axisY)}"/>
<text class="band-label" x="${r1(bandLeft + bandWidth / 2)}" y="${top - 12}" text-anchor="middle">Band ${formatNumber(band.minimum)} to ${formatNumber(band.maximum)}</text>
<line class="axis" x1="${left}" x2="${width - right}" y1="${r1(axisY)}" y2="${r1(axisY)}"/>
<text class="axis-title" x="${r1((left + width - right) / 2)}" y="${height - 6}" text-anchor="middle">Registered population</text>
<g class="mark-labels" aria-hidden="true">${labels}</g>
<g class="marks">
${marks}
</g>
</svg>
<figcaption>
<ul class="legend">
<li><svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><circle cx="8" cy="8" r="5" fill="#005eb8"/></svg> In band</li>
<li><svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M2 8L14 1.5V14.5Z" fill="#d5281b" stroke="#212b32" stroke-width="1"/></svg> Out of band (pointing below or above)</li>
<li><svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><rect x="1" y="1" width="14" height="14" fill="#d9ece2" stroke="#007f3b"/></svg> The band</li>
</ul>
${outside.length > 0 ? h`<p class="chart-note"><strong>Outside the band (${formatNumber(outside.length)}):</strong> ${listed(outside, Infinity)}.</p>` : ''}
${unknown.length > 0 ? h`<p class="chart-note"><strong>Not shown, population unknown (${formatNumber(unknown.length)}):</strong> ${listed(unknown, Infinity)}.</p>` : ''}
</figcaption>
</figure>
</section>`
}

function sitesTables(report: ComplianceReport, details: Map<SiteReport, number>, comparison?: ReportComparison): Markup {
  const changes = new Map((comparison?.sites ?? []).map((change) => [change.site, change]))
  const since = comparison ? longDate(comparison.comparedWith) : ''
  /** With --compare: a site new or changed since the earlier report says so, and what it was. */
  const sinceTag = (s: SiteReport): Part => {
    if (!comparison) return ''
    const change = changes.get(siteName(s))
    if (!change) return h`<strong class="tag tag-change">New since ${since}</strong>`
    return change.changed ? h`<strong class="tag tag-change">Changed since ${since}</strong>` : ''
  }
  const was = (s: SiteReport, n: CharacteristicNumber): Part => {
    const change = changes.get(siteName(s))?.characteristics[n]
    return change && change.then !== change.now ? h`<span class="was">was ${TAGS[change.then].text}</span>` : ''
  }
  const populationWas = (s: SiteReport): Part => {
    const change = changes.get(siteName(s))
    const then = change?.registeredPopulation.then
    return change && then !== s.registeredPopulation ? h`<span class="was">was ${then === null || then === undefined ? 'unknown' : formatNumber(then)}${change.band === 'left' ? ', in band' : change.band === 'entered' ? ', out of band' : ''}</span>` : ''
  }
  const sorted = bySeverity(report.sites)
  const head = h`<thead><tr>
<th scope="col">Site</th><th scope="col">Status</th><th scope="col" class="numeric">Practices</th><th scope="col" class="numeric">Registered population</th>
<th scope="col" class="numeric">Budget</th><th scope="col">Risk share</th>
${CHARACTERISTICS.map((n) => h`<th scope="col" class="status-col">${shortCharacteristic(n)}</th>`)}
</tr></thead>`
  const rowOf = (s: SiteReport): Markup => {
    const name = siteName(s)
    const detail = details.get(s)
    const population = s.registeredPopulation === null ? h`<span class="unknown">unknown</span>` : formatNumber(s.registeredPopulation)
    const change = comparison ? changes.get(name) : undefined
    const classes = [s.compliant ? '' : 'not-compliant', comparison && (!change || change.changed) ? 'changed' : ''].filter(Boolean).join(' ')
    return h`<tr data-site="${name}"${classes ? h` class="${classes}"` : ''}>
<th scope="row">${detail === undefined ? h`<span class="site-id">${name}</span>` : h`<a class="site-id" href="#${detailId(detail)}">${name}</a>`}${s.name ? h`<span class="site-name">${s.name}</span>` : ''}<span class="site-file">${where(s)}:${s.line}</span>${sinceTag(s)}</th>
<td>${s.status ?? h`<span class="unknown">unknown</span>`}</td><td class="numeric">${figure(s.practices)}</td>
<td class="numeric">${population}${s.inBand === false ? h`<span class="flag">out of band</span>` : ''}${populationWas(s)}</td>
<td class="numeric">${money(s.budgetTotal)}<span class="sub">${s.annualPerPatient === null ? 'per patient unknown' : `${money(s.annualPerPatient)} per patient`}</span></td><td class="nowrap">${s.riskShareModel ?? h`<span class="unknown">unknown</span>`}</td>
${CHARACTERISTICS.map((n) => h`<td class="status-col">${tag(s.characteristics[n].status)}${was(s, n)}</td>`)}
</tr>`
  }
  const group = (caption: string, sites: SiteReport[], empty: string): Markup =>
    sites.length === 0
      ? h`<p class="empty">${empty}</p>`
      : h`<div class="table-wrap" role="region" aria-label="${caption}" tabindex="0"><table class="table sites">
<caption>${caption} (${formatNumber(sites.length)})</caption>
${head}
<tbody>
${sites.map(rowOf)}
</tbody>
</table></div>`
  return h`<section class="panel" aria-labelledby="sites">
<h2 id="sites">Sites</h2>
<p class="hint">Sites that do not meet all four characteristics come first; the site name links to the findings behind each “Not met”. ${tag('met')} ${tag('met-by-exception')} (an approved exception accepts what remains) ${tag('not-met')}</p>
${sorted.length === 0
  ? h`<p class="empty">No definition could be read as a site.</p>`
  : [
      group('Not meeting all four characteristics', sorted.filter((s) => !s.compliant), 'Every site meets all four characteristics.'),
      group('Meeting all four characteristics', sorted.filter((s) => s.compliant), 'No site meets all four characteristics.'),
    ]}
</section>`
}

function findingsSection(report: ComplianceReport, details: Map<SiteReport, number>): Markup {
  const groups = bySeverity(report.sites)
    .filter((s) => !s.compliant)
    .map((s) => {
      const rows = [
        ...s.problems.map((f) => ({n: null, f})),
        ...CHARACTERISTICS.filter((n) => s.characteristics[n].status === 'not-met').flatMap((n) => s.characteristics[n].findings.map((f) => ({n, f}))),
      ]
      return {s, rows}
    })
    .filter(({rows}) => rows.length > 0)
  const body =
    groups.length === 0
      ? h`<p class="empty">No site has a characteristic that is not met.</p>`
      : h`<div class="table-wrap" role="region" aria-label="Findings behind each Not met" tabindex="0"><table class="table findings">
<caption>Findings behind each “Not met” (${plural(groups.length, 'site')})</caption>
<thead><tr><th scope="col">Site</th><th scope="col">Characteristic</th><th scope="col">Finding</th><th scope="col">Rule and place</th></tr></thead>
${groups.map(
  ({s, rows}) => h`<tbody id="${detailId(details.get(s)!)}">
${rows.map(
  ({n, f}, i) => h`<tr>${i === 0 ? h`<th scope="rowgroup" rowspan="${rows.length}">${siteName(s)}</th>` : ''}<td class="nowrap">${n === null ? 'The definition' : shortCharacteristic(n)}</td><td>${f.message}</td><td><code>${f.ruleId}</code><span class="sub where">${where(s)}:${f.line}</span></td></tr>`,
)}
</tbody>`,
)}
</table></div>`
  return h`<section class="panel" aria-labelledby="findings">
<h2 id="findings">Why sites do not meet all four</h2>
${body}
</section>`
}

function exceptionsSection(report: ComplianceReport): Markup {
  const rows = bySeverity(report.sites).flatMap((s) => CHARACTERISTICS.flatMap((n) => s.characteristics[n].exceptions.map((e) => ({s, n, e}))))
  const body =
    rows.length === 0
      ? h`<p class="empty">No exception is in use.</p>`
      : h`<div class="table-wrap" role="region" aria-label="Approved exceptions" tabindex="0"><table class="table exceptions">
<caption>Approved exceptions in use (${formatNumber(rows.length)})</caption>
<thead><tr><th scope="col">Site</th><th scope="col">Characteristic</th><th scope="col">Rule</th><th scope="col">Reason</th><th scope="col">Approved by</th><th scope="col">Approved on</th></tr></thead>
<tbody>
${rows.map(
  ({s, n, e}) =>
    h`<tr><th scope="row">${siteName(s)}</th><td class="nowrap">${shortCharacteristic(n)}</td><td><code>${e.rule}</code></td><td>${e.reason}</td><td>${e.approvedBy}</td><td class="date">${longDate(e.approvedOn)}</td></tr>`,
)}
</tbody>
</table></div>`
  return h`<section class="panel" aria-labelledby="exceptions">
<h2 id="exceptions">Exceptions</h2>
<p class="hint">A characteristic is met by exception when an approved exception accepts every finding that would fail it.</p>
${body}
</section>`
}

function unreadableSection(report: ComplianceReport): Markup {
  const body =
    report.unreadable.length === 0
      ? h`<p class="empty">Every definition could be read.</p>`
      : h`<div class="table-wrap" role="region" aria-label="Definitions that could not be read" tabindex="0"><table class="table unreadable">
<caption>Definitions that could not be read (${formatNumber(report.unreadable.length)})</caption>
<thead><tr><th scope="col">File</th><th scope="col">Where</th><th scope="col">Problem</th><th scope="col">Rule</th></tr></thead>
<tbody>
${report.unreadable.map(
  (u) =>
    h`<tr><th scope="row">${u.filePath}${u.documentIndex === undefined ? '' : ` (definition ${u.documentIndex + 1})`}</th><td class="nowrap">line ${u.line}, column ${u.column}</td><td>${u.message}</td><td><code>${u.ruleId}</code></td></tr>`,
)}
</tbody>
</table></div>`
  return h`<section class="panel" aria-labelledby="unreadable">
<h2 id="unreadable">Unreadable definitions</h2>
<p class="hint">These files are not counted as sites: fix them and run the report again.</p>
${body}
</section>`
}

/** "Since the last report", first on the page: what changed, in the words of every format. */
function sinceSection(comparison: ReportComparison): Markup {
  const lines = describeComparison(comparison, escapeHtml)
  return h`<section class="panel since" aria-labelledby="since">
<h2 id="since">Since the last report</h2>
<p class="hint">Compared with the report of <time datetime="${comparison.comparedWith}">${longDate(comparison.comparedWith)}</time>. Sites that changed are marked in the tables below.</p>
<ul class="since-list">
${lines.map(({text, details}) => h`<li>${new Markup(text)}${details.length > 0 ? h`<ul>${details.map((d) => h`<li>${new Markup(d)}</li>`)}</ul>` : ''}</li>`)}
</ul>
</section>`
}

// ---- Style: NHS.UK colours, type and components, for screen and A4 ---------------------------

const STYLE = `
:root{--blue:#005eb8;--dark-blue:#003087;--text:#212b32;--secondary:#4c6272;--grey-5:#f0f4f5;--grey-4:#d8dde0;--white:#fff;--green:#007f3b;--red:#d5281b;--yellow:#ffb81c;--focus:#ffeb3b}
*,*::before,*::after{box-sizing:border-box}
html{font-size:16px;-webkit-text-size-adjust:100%}
body{margin:0;background:var(--grey-5);color:var(--text);font-family:"Frutiger W01",Arial,sans-serif;font-size:1rem;line-height:1.5;-webkit-font-smoothing:antialiased}
a{color:var(--blue);text-decoration:underline;text-underline-offset:.1em}
a:visited{color:#330072}
a:hover{color:#7c2855;text-decoration:none}
a:focus,[tabindex="0"]:focus{outline:4px solid transparent;background-color:var(--focus);box-shadow:0 -2px var(--focus),0 4px var(--text);color:var(--text);text-decoration:none}
.table-wrap:focus{background:none;box-shadow:0 0 0 4px var(--focus),0 0 0 8px var(--text)}
.skip-link{position:absolute;left:-9999px;top:0;padding:8px 16px;z-index:2}
.skip-link:focus{left:16px;top:8px}
.visually-hidden{position:absolute!important;width:1px!important;height:1px!important;margin:0!important;padding:0!important;overflow:hidden!important;clip:rect(0 0 0 0)!important;clip-path:inset(50%)!important;white-space:nowrap!important;border:0!important}
.container{max-width:1240px;margin:0 auto;padding:0 24px}
.header{background:var(--blue);color:var(--white);padding:16px 0}
.header .container{display:flex;flex-wrap:wrap;align-items:center;gap:8px 20px}
.header-service{font-size:1.25rem;font-weight:700;line-height:1.2}
.header-meta{margin-left:auto;font-size:1rem}
.hero{background:var(--dark-blue);color:var(--white);padding:20px 0 18px;margin-bottom:24px}
h1{font-size:2.25rem;line-height:1.15;font-weight:700;margin:0 0 6px}
.lede{font-size:1.1875rem;margin:0}
h2{font-size:1.625rem;line-height:1.2;font-weight:700;margin:0 0 16px}
.hint{color:var(--secondary);margin:-4px 0 16px}
.contents{margin:12px 0 0;padding:0;list-style:none;display:flex;flex-wrap:wrap;gap:2px 20px;font-size:.9375rem}
.hero a,.hero a:visited{color:var(--white)}
.hero a:hover{color:var(--white);text-decoration:none}
.hero a:focus{color:var(--text)}
.panel{background:var(--white);border:1px solid var(--grey-4);padding:24px 28px;margin:0 0 24px}
.overview{display:grid;grid-template-columns:minmax(0,5fr) minmax(0,7fr);gap:0 24px;align-items:start}
@media (max-width:960px){.overview{display:block}}
.stats{display:grid;grid-template-columns:repeat(5,minmax(0,1fr));gap:16px;margin:0 0 24px}
@media (max-width:960px){.stats{grid-template-columns:repeat(2,minmax(0,1fr))}}
.stat{background:var(--white);border:1px solid var(--grey-4);border-top:4px solid var(--blue);padding:12px 16px 14px}
.stat.is-good{border-top-color:var(--green)}
.stat.is-warning{border-top-color:var(--red)}
.stat dt{font-weight:700;font-size:.9375rem;line-height:1.3;min-height:2.6em}
.stat dd{margin:4px 0 0}
.stat-value{display:block;font-size:2rem;font-weight:700;line-height:1.1;font-variant-numeric:tabular-nums}
.stat-note{display:block;color:var(--secondary);font-size:.875rem}
.caption-hint{font-size:1rem!important;font-weight:400!important;color:var(--secondary)}
.table{width:100%;border-collapse:collapse;border-spacing:0;font-size:.9375rem;margin:0}
.table caption{text-align:left;font-size:1.1875rem;font-weight:700;padding:0 0 8px}
.table th,.table td{text-align:left;vertical-align:top;padding:8px 12px 8px 0;border-bottom:1px solid var(--grey-4)}
.table thead th{border-bottom:2px solid var(--grey-4);font-weight:700;vertical-align:bottom}
.table th[scope=row],.table th[scope=rowgroup]{font-weight:700}
.table .numeric{text-align:right;font-variant-numeric:tabular-nums}
.table td.numeric{white-space:nowrap}
.table-wrap{overflow-x:auto;margin:0 0 24px}
.table-wrap:last-child{margin-bottom:0}
.sites .status-col{text-align:center}
.nowrap{white-space:nowrap}
.sub{display:block;color:var(--secondary);font-size:.8125rem}
.sites tr.not-compliant th[scope=row]{box-shadow:inset 4px 0 var(--red);padding-left:10px}
.sites th[scope=row]{padding-left:10px;min-width:14em}
.site-id{display:block;word-break:break-word}
.site-name,.site-file{display:block;font-weight:400;color:var(--secondary);font-size:.875rem}
.site-file{font-size:.8125rem;overflow-wrap:anywhere}
.unknown{color:var(--secondary);font-style:italic}
.flag{display:block;color:#801810;font-weight:700;font-size:.8125rem}
.was{display:block;color:var(--secondary);font-size:.8125rem}
.tag-change{display:block;width:max-content;margin-top:4px;background:#fff9c4;border-color:var(--yellow);color:var(--text)}
.sites tr.changed{background:#fffde7}
.since{border-top:4px solid var(--yellow)}
.since-list{margin:0;padding-left:20px}
.since-list ul{padding-left:20px;color:var(--secondary)}
.flag::before{content:"▲ "}
.tag{display:inline-block;border:1px solid;padding:1px 7px;font-size:.8125rem;font-weight:700;line-height:1.4;white-space:nowrap;text-decoration:none}
.tag-met{background:#cce5d8;border-color:#99cbb1;color:#004c23}
.tag-exception{background:#fff1d2;border-color:#ffe3a4;color:#4d3708}
.tag-not-met{background:#f7d4d1;border-color:#eea9a4;color:#801810}
.bar{display:flex;height:8px;margin-top:6px;background:var(--grey-4);max-width:22em}
.bar span{display:block;height:100%}
.bar-met{background:var(--green)}
.bar-exception{background:var(--yellow)}
.bar-not-met{background:var(--red)}
code{font-family:Consolas,"Liberation Mono",Menlo,monospace;font-size:.875em;background:var(--grey-5);padding:0 3px;overflow-wrap:break-word}
.where{color:var(--secondary);font-size:.8125rem;overflow-wrap:anywhere}
.date{white-space:nowrap}
.findings th[scope=rowgroup],.exceptions th[scope=row],.unreadable th[scope=row]{width:14em;overflow-wrap:anywhere}
.findings td:last-child{width:22em}
.findings tbody{border-bottom:2px solid var(--grey-4)}
.empty{margin:0;padding:12px 16px;background:var(--grey-5);border-left:4px solid var(--green)}
.chart-figure{margin:0}
.chart{display:block;width:100%;height:auto;max-width:960px;font-family:"Frutiger W01",Arial,sans-serif}
.chart .band{fill:#d9ece2}
.chart .band-edge{stroke:var(--green);stroke-width:1.5;stroke-dasharray:4 3}
.chart .band-label{fill:#004c23;font-size:14px;font-weight:700}
.chart .grid{stroke:#c5ced3;stroke-width:.75}
.chart .axis,.chart .tick{stroke:var(--text);stroke-width:1}
.chart .tick-label{fill:var(--text);font-size:14px}
.chart .axis-title{fill:var(--secondary);font-size:14px;font-weight:700}
.chart .mark circle{fill:var(--blue);fill-opacity:.85;stroke:var(--white);stroke-width:.5}
.chart .out-of-band path{fill:var(--red);stroke:var(--text);stroke-width:.75}
.chart .mark-labels text{fill:#801810;font-size:13px;font-weight:700;paint-order:stroke;stroke:var(--white);stroke-width:3px;stroke-linejoin:round}
.legend{display:flex;flex-wrap:wrap;gap:4px 24px;list-style:none;margin:12px 0 0;padding:0;color:var(--text);font-size:.9375rem}
.legend li{display:flex;align-items:center;gap:6px}
.chart-note{margin:8px 0 0;font-size:.9375rem}
.footer{border-top:4px solid var(--blue);background:var(--grey-4);color:var(--secondary);padding:20px 0;font-size:.875rem}
.footer p{margin:0 0 4px}
@page{size:A4;margin:14mm 12mm}
@media print{
html{font-size:9.5pt}
body{background:var(--white)}
.skip-link,.contents{display:none}
.stats{grid-template-columns:repeat(5,minmax(0,1fr));gap:6px;margin-bottom:12px}
.stat{padding:6px 8px}
.stat-value{font-size:1.5rem}
.container{max-width:none;padding:0}
.header,.hero,.tag,.bar,.chart,.legend svg,.stat,.sites tr.not-compliant th[scope=row]{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.hero{margin-bottom:12px;padding:12px 0}
.header .container,.hero .container{padding:0 12px}
.overview{display:block}
.panel{border:0;padding:0;margin:0 0 16px}
.table{font-size:8pt}
.table caption{font-size:10pt}
.table th,.table td{padding:3px 5px 3px 0}
.sites th[scope=row]{min-width:0;width:26%;padding-left:6px}
.sites tr.not-compliant th[scope=row]{padding-left:6px}
.tag{padding:0 3px;font-size:7pt}
.sub,.site-name,.site-file,.where,.flag{font-size:7pt}
.table-wrap{overflow:visible}
thead{display:table-header-group}
tr,.stat,.legend li{break-inside:avoid;page-break-inside:avoid}
h2,caption{break-after:avoid;page-break-after:avoid}
.chart-figure{break-inside:avoid;page-break-inside:avoid}
.chart{max-height:240mm;width:auto;max-width:100%}
a,a:visited{color:var(--text);text-decoration:none}
}
`

// ---- The page ----------------------------------------------------------------------------------

const page: Renderer = (report, {comparison}) => {
  const date = longDate(report.generatedOn)
  const details = new Map(bySeverity(report.sites).filter((s) => !s.compliant).map((s, index) => [s, index]))
  const p = report.programme
  return `<!DOCTYPE html>
${render(h`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="pch-toolkit">
<title>Primary Care Home compliance report, ${date}</title>
<style>${new Markup(STYLE)}</style>
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="header">
<div class="container"><span class="header-service">Primary Care Home programme</span><span class="header-meta">Compliance report</span></div>
</header>
<div class="hero">
<div class="container">
<h1>Primary Care Home compliance report</h1>
<p class="lede">Generated on <time datetime="${report.generatedOn}">${date}</time>: ${formatNumber(p.compliant)} of ${plural(p.sites, 'site')} meet all four characteristics.</p>
<nav aria-label="Contents"><ul class="contents">
${comparison ? h`<li><a href="#since">Since the last report</a></li>` : ''}<li><a href="#characteristics">The four characteristics</a></li><li><a href="#population">Registered population</a></li><li><a href="#sites">Sites</a></li><li><a href="#findings">Why sites do not meet all four</a></li><li><a href="#exceptions">Exceptions</a></li><li><a href="#unreadable">Unreadable definitions</a></li>
</ul></nav>
</div>
</div>
<main id="main" class="container">
${comparison ? sinceSection(comparison) : ''}
${programmeSummary(report)}
<div class="overview">
${characteristicSummary(report)}
${populationChart(report)}
</div>
${sitesTables(report, details, comparison)}
${findingsSection(report, details)}
${exceptionsSection(report)}
${unreadableSection(report)}
</main>
<footer class="footer">
<div class="container">
<p>Produced by <code>pch report</code> on <time datetime="${report.generatedOn}">${date}</time> from ${plural(p.sites + p.unreadable, 'definition')}.</p>
<p>A characteristic is <strong>met</strong> when no compliance rule fails it, <strong>met by exception</strong> when an approved exception accepts every finding that remains, and <strong>not met</strong> otherwise.</p>
</div>
</footer>
</body>
</html>`)}
`
}

export default page

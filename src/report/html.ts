// The report as one self-contained HTML page in the style of the NHS.UK design system: inline CSS,
// inline SVG, no script and nothing fetched, printable on A4. Every piece of text from the model
// comes from untrusted definitions, so all markup is built with `h`, which escapes whatever it
// interpolates unless it is already markup.
import {formatNumber} from '../rule-api/messages.js'
import {
  CHARACTERISTIC_NAMES,
  CHARACTERISTICS,
  type CharacteristicNumber,
  type CharacteristicStatus,
  type ComplianceReport,
  type SiteReport,
  type Tally,
} from './model.js'
import {
  advisoriesOf,
  advisorySentence,
  bySeverity,
  figure,
  meeting,
  money,
  plural,
  siteName,
  STATUS_WORDS,
  type PlacedFinding,
  type Renderer,
} from './renderer.js'
import {forHtml} from '../formatters/neutralise.js'
import {describeComparison, type ReportComparison} from './compare.js'

// ---- Markup that is safe by construction -------------------------------------------------------

class Markup {
  constructor(readonly html: string) {}
}
type Part = Markup | string | number | null | undefined | false | readonly Part[]

export const escapeHtml = forHtml

const render = (part: Part): string =>
  part instanceof Markup
    ? part.html
    : Array.isArray(part)
      ? part.map(render).join('')
      : part === null || part === undefined || part === false
        ? ''
        : escapeHtml(String(part))

/** A template of markup: interpolated strings and numbers are escaped, Markup and arrays of it are not. */
function h(strings: TemplateStringsArray, ...parts: Part[]): Markup {
  let out = strings[0]!
  for (let i = 0; i < parts.length; i++) out += render(parts[i]!) + strings[i + 1]!
  return new Markup(out)
}

// ---- Words ------------------------------------------------------------------------------------

const SHORT_NAMES: Record<CharacteristicNumber, string> = {1: 'Care', 2: 'Workforce', 3: 'Budget', 4: 'Population'}
const TAGS: Record<CharacteristicStatus, {text: string; className: string}> = {
  met: {text: 'Met', className: 'tag tag-met'},
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
${stat('Sites with stale list sizes', p.stale, `more than ${plural(report.staleAfterMonths, 'month')} old; ${listSizeDates(p)}`, p.stale > 0 ? ' is-warning' : ' is-good')}
${stat('Definitions that could not be read', p.unreadable, p.unreadable > 0 ? h`<a href="#unreadable">listed below</a>` : 'none', p.unreadable > 0 ? ' is-warning' : ' is-good')}
</dl>
</section>`
}

/** "list sizes of 1 January 2021 to 1 October 2026" (or of one date, or unknown) for a group of sites. */
const listSizeDates = (group: Pick<Tally, 'oldestAsOf' | 'newestAsOf'>): string =>
  group.oldestAsOf === null
    ? 'no list-size date given'
    : group.oldestAsOf === group.newestAsOf
      ? `list sizes of ${longDate(group.oldestAsOf)}`
      : `list sizes of ${longDate(group.oldestAsOf)} to ${longDate(group.newestAsOf!)}`

/** The view by commissioner (ICB): sites, registered population, compliance and list-size dates of each. */
function commissionerSection(report: ComplianceReport): Markup {
  const rows = report.commissioners.map(
    (
      c,
    ) => h`<tr data-commissioner="${c.odsCode ?? ''}"><th scope="row">${c.odsCode === null ? h`<span class="unknown">No commissioner named</span>` : h`${c.name}<span class="sub">${c.odsCode}</span>`}</th>
<td class="numeric">${formatNumber(c.sites)}</td><td class="numeric">${formatNumber(c.registeredPopulation)}</td><td class="numeric">${formatNumber(c.compliant)}</td>
${CHARACTERISTICS.map((n) => h`<td class="numeric">${formatNumber(meeting(c.characteristics[n]))}</td>`)}
<td>${c.oldestAsOf === null ? h`<span class="unknown">unknown</span>` : h`<span class="date">${longDate(c.oldestAsOf)}</span>${c.newestAsOf !== c.oldestAsOf ? h` to <span class="date">${longDate(c.newestAsOf!)}</span>` : ''}`}${c.stale > 0 ? h`<span class="flag">${plural(c.stale, 'site')} stale</span>` : ''}</td>
</tr>`,
  )
  return h`<section class="panel" aria-labelledby="commissioners">
<h2 id="commissioners">By commissioner</h2>
<p class="hint">Each integrated care board (ICB) named by <code>metadata.commissioner</code>, with the sites that name none last. The characteristic columns count sites meeting each one, met or met by exception.</p>
${
  report.commissioners.length === 0
    ? h`<p class="empty">No definition could be read as a site.</p>`
    : h`<div class="table-wrap" role="region" aria-label="Sites by commissioner" tabindex="0"><table class="table commissioners">
<caption>Sites by commissioner (${plural(report.commissioners.filter((c) => c.odsCode !== null).length, 'ICB')})</caption>
<thead><tr><th scope="col">Commissioner</th><th scope="col" class="numeric">Sites</th><th scope="col" class="numeric">Registered population</th><th scope="col" class="numeric">Meeting all four</th>
${CHARACTERISTICS.map((n) => h`<th scope="col" class="numeric">${shortCharacteristic(n)}</th>`)}<th scope="col">List sizes as of</th></tr></thead>
<tbody>
${rows}
</tbody>
</table></div>`
}
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

/** A generous estimate of the width of `text` in px at `size` px (Arial, Liberation Sans or DejaVu Sans): labels are cut to fit. */
function textWidth(text: string, size: number): number {
  let em = 0
  for (const c of text) {
    em += /[iljI.,:;!|'`]/.test(c)
      ? 0.32
      : /[ftr \-()[\]/]/.test(c)
        ? 0.45
        : /[mwMW@%]/.test(c)
          ? 1
          : /[A-Z]/.test(c)
            ? 0.78
            : /[0-9]/.test(c)
              ? 0.64
              : /[\x20-\x7e]/.test(c)
                ? 0.6
                : 1.05
  }
  return em * size
}

/** `text`, shortened with an ellipsis until it fits `width` px at `size` px. */
function fitText(text: string, width: number, size: number): string {
  if (textWidth(text, size) <= width) return text
  const chars = [...text]
  while (chars.length > 0 && textWidth(`${chars.join('')}…`, size) > width) chars.pop()
  return `${chars.join('')}…`
}

/** How characteristic 4 looks in the chart: a fill (a solid colour or a pattern, so not colour alone) and a word. */
const CHART_STATUS: Record<CharacteristicStatus, {className: string; fill: string; word: string}> = {
  met: {className: 'is-met', fill: 'var(--blue)', word: 'met'},
  'met-by-exception': {className: 'is-exception', fill: 'url(#fill-exception)', word: 'by exception'},
  'not-met': {className: 'is-not-met', fill: 'url(#fill-not-met)', word: 'not met'},
}
const CHART_ORDER: CharacteristicStatus[] = ['met', 'met-by-exception', 'not-met']

/** The patterns of the chart and its legend: diagonal hatching for "by exception", a cross-hatch for "not met". */
const CHART_PATTERNS = h`<defs>
<pattern id="fill-exception" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffb81c"/><rect width="2.5" height="6" fill="#4d3708"/></pattern>
<pattern id="fill-not-met" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#d5281b"/><path d="M0 0L6 6M6 0L0 6" stroke="#fff" stroke-width="1.2"/></pattern>
</defs>`

/** Up to this many sites the chart has one labelled bar per site; above it, a histogram. */
export const BARS_UP_TO = 60

type Known = SiteReport & {registeredPopulation: number}

/**
 * Registered population against the band: one bar per site, each labelled, for a small programme;
 * a histogram of sites by population for a large one. Both draw characteristic 4's status (met, met
 * by exception, not met) as a solid fill, hatching and a cross-hatch, and keep every label inside the
 * picture and clear of every other.
 */
function populationChart(report: ComplianceReport): Markup {
  const {band} = report
  const known = report.sites
    .filter((s): s is Known => s.registeredPopulation !== null)
    .sort((a, b) => a.registeredPopulation - b.registeredPopulation || (siteName(a) < siteName(b) ? -1 : siteName(a) > siteName(b) ? 1 : 0))
  const unknown = bySeverity(report.sites).filter((s) => s.registeredPopulation === null)
  const outside = known.filter((s) => s.inBand === false)
  const bars = known.length <= BARS_UP_TO
  const chart = bars ? siteBars(known, band) : histogram(known, band)

  const listed = (sites: SiteReport[], limit: number): string =>
    sites
      .slice(0, limit)
      .map((s) => `${siteName(s)}${s.registeredPopulation === null ? '' : ` (${formatNumber(s.registeredPopulation)})`}`)
      .join(', ') + (sites.length > limit ? ` and ${formatNumber(sites.length - limit)} more` : '')
  const counts = CHART_ORDER.map(
    (status) => `${formatNumber(known.filter((s) => s.characteristics[4].status === status).length)} ${CHART_STATUS[status].word}`,
  ).join(', ')
  const description =
    (bars
      ? `${plural(known.length, 'site')} with a known registered population, one bar per site, from the smallest (top) to the largest (bottom). `
      : `${plural(known.length, 'site')} with a known registered population, counted in bands of ${formatNumber(chart.binWidth)} patients. `) +
    `The shaded area is the band of ${formatNumber(band.minimum)} to ${formatNumber(band.maximum)}. ` +
    (known.length === 0
      ? 'No site has a known registered population.'
      : `Characteristic 4: ${counts}. ${outside.length === 0 ? 'Every site is within the band.' : `${plural(outside.length, 'site is', 'sites are')} outside the band: ${listed(outside, 20)}.`}`)
  const swatch = (status: CharacteristicStatus): Markup =>
    h`<svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><rect x="1" y="1" width="14" height="14" fill="${CHART_STATUS[status].fill}" stroke="#212b32" stroke-width="1"/></svg>`

  return h`<section class="panel" aria-labelledby="population">
<h2 id="population">Registered population against the band</h2>
<p class="hint">${bars ? 'One bar per site, smallest population at the top.' : `Sites by registered population, in steps of ${formatNumber(chart.binWidth)}${chart.tailFrom === null ? '' : `; the last counts every site of ${formatNumber(chart.tailFrom)} or more`}.`} Characteristic 4 asks for ${formatNumber(band.minimum)} to ${formatNumber(band.maximum)} registered patients (the shaded band).</p>
<figure class="chart-figure">
<svg class="chart ${bars ? 'chart-bars' : 'chart-histogram'}" viewBox="0 0 ${CHART_WIDTH} ${chart.height}" width="${CHART_WIDTH}" height="${chart.height}" role="img" aria-labelledby="chart-title chart-desc" xmlns="http://www.w3.org/2000/svg">
<title id="chart-title">Registered population ${bars ? 'of each site' : 'of the sites'} against the band of ${formatNumber(band.minimum)} to ${formatNumber(band.maximum)}</title>
<desc id="chart-desc">${description}</desc>
${CHART_PATTERNS}
${chart.body}
</svg>
<figcaption>
<ul class="legend">
${CHART_ORDER.map((status) => h`<li>${swatch(status)} Characteristic 4 ${CHART_STATUS[status].word}</li>`)}
<li><svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><rect x="1" y="1" width="14" height="14" fill="#d9ece2" stroke="#007f3b" stroke-dasharray="3 2"/></svg> The band</li>
</ul>
${outside.length > 0 ? h`<p class="chart-note"><strong>Outside the band (${formatNumber(outside.length)}):</strong> ${listed(outside, bars ? Infinity : 20)}${bars ? '' : ' (every site is in the table of sites)'}.</p>` : ''}
${unknown.length > 0 ? h`<p class="chart-note"><strong>Not shown, population unknown (${formatNumber(unknown.length)}):</strong> ${listed(unknown, Infinity)}.</p>` : ''}
</figcaption>
</figure>
</section>`
}

const CHART_WIDTH = 640
const r1 = (value: number): string => value.toFixed(1)

/** The shaded band, its dashed edges and its label above the plot, between `top` and `bottom`. */
function bandArea(
  x: (value: number) => number,
  band: {minimum: number; maximum: number},
  top: number,
  bottom: number,
  labelY: number,
): Markup {
  const left = x(band.minimum)
  const right = x(band.maximum)
  const label = `Band ${formatNumber(band.minimum)} to ${formatNumber(band.maximum)}`
  // Centred over the band, but never past either side of the picture.
  const half = textWidth(label, 14) / 2 + 4
  const centre = Math.min(Math.max((left + right) / 2, 48 + half), CHART_WIDTH - half)
  return h`<rect class="band" x="${r1(left)}" y="${r1(top)}" width="${r1(right - left)}" height="${r1(bottom - top)}"/>
<line class="band-edge" x1="${r1(left)}" x2="${r1(left)}" y1="${r1(top - 6)}" y2="${r1(bottom)}"/><line class="band-edge" x1="${r1(right)}" x2="${r1(right)}" y1="${r1(top - 6)}" y2="${r1(bottom)}"/>
<text class="band-label chart-label" x="${r1(centre)}" y="${r1(labelY)}" text-anchor="middle">${label}</text>`
}

/** A horizontal axis of populations from `low` to `high` at `y`, with round ticks and a title. */
function populationAxis(
  x: (value: number) => number,
  low: number,
  high: number,
  step: number,
  top: number,
  y: number,
  axisEnd = x(high),
): Markup {
  const ticks: number[] = []
  for (let t = low; t <= high + step / 1000; t += step) ticks.push(Math.round(t))
  return h`${ticks.map(
    (t) =>
      h`<line class="grid" x1="${r1(x(t))}" x2="${r1(x(t))}" y1="${r1(top)}" y2="${r1(y)}"/><line class="tick" x1="${r1(x(t))}" x2="${r1(x(t))}" y1="${r1(y)}" y2="${r1(y + 5)}"/><text class="tick-label chart-label" x="${r1(x(t))}" y="${r1(y + 19)}" text-anchor="middle">${formatNumber(t)}</text>`,
  )}
<line class="axis" x1="${r1(x(low))}" x2="${r1(axisEnd)}" y1="${r1(y)}" y2="${r1(y)}"/>
<text class="axis-title chart-label" x="${r1((x(low) + x(high)) / 2)}" y="${r1(y + 40)}" text-anchor="middle">Registered population</text>`
}

/** One bar per site: its id at the left (cut to fit), its bar from 0, its population and status word at the right. */
function siteBars(
  known: Known[],
  band: {minimum: number; maximum: number},
): {height: number; body: Markup; binWidth: number; tailFrom: number | null} {
  const labelRight = 214
  const plotLeft = 222
  const valueLeft = CHART_WIDTH - 136
  const plotRight = valueLeft - 10
  const top = 34
  const row = 18
  const plotBottom = top + Math.max(row * known.length, row)
  const high = Math.max(band.maximum, ...known.map((s) => s.registeredPopulation))
  const step = tickStep(high, 5)
  const domainHigh = Math.ceil(high / step) * step
  const x = (value: number): number => plotLeft + (value / domainHigh) * (plotRight - plotLeft)
  const rows = known.map((s, index) => {
    const name = siteName(s)
    const status = s.characteristics[4].status
    const y = top + index * row
    const value = `${formatNumber(s.registeredPopulation)}${status === 'met' ? '' : ` ${CHART_STATUS[status].word}`}`
    const title = `${name}: ${formatNumber(s.registeredPopulation)} registered patients, ${s.inBand === false ? 'out of band' : 'in band'}; characteristic 4 ${STATUS_WORDS[status]}`
    return h`<g class="mark ${CHART_STATUS[status].className}${s.inBand === false ? ' out-of-band' : ''}" data-site="${name}"><title>${title}</title><text class="site-label chart-label" x="${labelRight}" y="${r1(y + 13)}" text-anchor="end">${fitText(name, labelRight - 4, 12)}</text><rect class="bar" x="${plotLeft}" y="${r1(y + 3)}" width="${r1(Math.max(x(s.registeredPopulation) - plotLeft, 1))}" height="12" fill="${CHART_STATUS[status].fill}"/><text class="value-label chart-label" x="${valueLeft}" y="${r1(y + 13)}">${fitText(value, CHART_WIDTH - valueLeft - 4, 12)}</text></g>`
  })
  return {
    height: plotBottom + 50,
    binWidth: 0,
    tailFrom: null,
    body: h`${bandArea(x, band, top, plotBottom, top - 10)}
${populationAxis(x, 0, domainHigh, step, top, plotBottom)}
<g class="marks">
${rows}
</g>`,
  }
}

/**
 * Sites counted in steps of a round width that the band's edges fall on (so each step is wholly in or
 * out of the band; a site at exactly the maximum counts with the step below it), stacked by status;
 * the long tail above the 99th percentile is gathered in a last step. Counts are written over a step
 * only where they fit.
 */
function histogram(
  known: Known[],
  band: {minimum: number; maximum: number},
): {height: number; body: Markup; binWidth: number; tailFrom: number | null} {
  const values = known.map((s) => s.registeredPopulation)
  const p99 = values[Math.min(values.length - 1, Math.floor(values.length * 0.99))]!
  const width =
    [1000, 2000, 2500, 5000, 10_000, 20_000, 25_000, 50_000].find(
      (w) => band.minimum % w === 0 && band.maximum % w === 0 && Math.max(p99, band.maximum + w) / w <= 48,
    ) ?? 10_000
  const cap = Math.ceil(Math.max(p99, band.maximum + 2 * width) / width) * width
  const tail = values.some((v) => v >= cap)
  const bins = cap / width + (tail ? 1 : 0)
  const binOf = (v: number): number => (v >= cap ? bins - 1 : v === band.maximum ? band.maximum / width - 1 : Math.floor(v / width))
  const counts = Array.from({length: bins}, () => ({met: 0, 'met-by-exception': 0, 'not-met': 0}) as Record<CharacteristicStatus, number>)
  for (const s of known) counts[binOf(s.registeredPopulation)]![s.characteristics[4].status]++
  const most = Math.max(1, ...counts.map((c) => c.met + c['met-by-exception'] + c['not-met']))

  const left = 48
  // Room for the last tick's label, centred on the right end of the plot.
  const right = CHART_WIDTH - 30
  const top = 40
  const plotHeight = 260
  const bottom = top + plotHeight
  const yStep = tickStep(most, 5)
  const yHigh = Math.ceil(most / yStep) * yStep
  const x = (value: number): number => left + (value / (bins * width)) * (right - left)
  const y = (count: number): number => bottom - (count / yHigh) * plotHeight
  const yTicks: number[] = []
  for (let t = 0; t <= yHigh; t += yStep) yTicks.push(t)
  const step = tickStep(cap, 6)
  const binPx = x(width) - x(0)

  const range = (i: number): string => {
    const low = i * width + (i * width === band.maximum ? 1 : 0)
    if (tail && i === bins - 1) return `${formatNumber(cap)} and more`
    const high = (i + 1) * width - 1 + ((i + 1) * width === band.maximum ? 1 : 0)
    return `${formatNumber(low)} to ${formatNumber(high)}`
  }
  const columns = counts.map((c, i) => {
    const total = c.met + c['met-by-exception'] + c['not-met']
    if (total === 0) return ''
    const out = (i + 1) * width <= band.minimum || i * width >= band.maximum
    let base = 0
    const segments = CHART_ORDER.filter((status) => c[status] > 0).map((status) => {
      const segment = h`<rect class="${CHART_STATUS[status].className}" x="${r1(x(i * width) + 1)}" y="${r1(y(base + c[status]))}" width="${r1(binPx - 2)}" height="${r1(y(base) - y(base + c[status]))}" fill="${CHART_STATUS[status].fill}"/>`
      base += c[status]
      return segment
    })
    const label = formatNumber(total)
    const fits = textWidth(label, 10) <= binPx - 1
    const words = CHART_ORDER.filter((status) => c[status] > 0)
      .map((status) => `${formatNumber(c[status])} ${CHART_STATUS[status].word}`)
      .join(', ')
    return h`<g class="bin${out ? ' out-of-band' : ''}" data-bin="${range(i)}" data-count="${total}"><title>${range(i)} registered patients: ${plural(total, 'site')} (${words})${out ? ', out of band' : ''}</title>${segments}${fits ? h`<text class="count-label chart-label" x="${r1(x(i * width) + binPx / 2)}" y="${r1(y(total) - 4)}" text-anchor="middle">${label}</text>` : ''}</g>`
  })
  return {
    height: bottom + 50,
    binWidth: width,
    tailFrom: tail ? cap : null,
    body: h`${bandArea(x, band, top, bottom, 20)}
${yTicks.map((t) => h`<line class="grid" x1="${left}" x2="${right}" y1="${r1(y(t))}" y2="${r1(y(t))}"/><text class="tick-label chart-label" x="${left - 6}" y="${r1(y(t) + 4)}" text-anchor="end">${formatNumber(t)}</text>`)}
<text class="axis-title chart-label" x="${left - 6}" y="20" text-anchor="end">Sites</text>
${populationAxis(x, 0, cap, step, top, bottom, right)}
<g class="marks">
${columns}
</g>`,
  }
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
    return change && then !== s.registeredPopulation
      ? h`<span class="was">was ${then === null || then === undefined ? 'unknown' : formatNumber(then)}${change.band === 'left' ? ', in band' : change.band === 'entered' ? ', out of band' : ''}</span>`
      : ''
  }
  const sorted = bySeverity(report.sites)
  const head = h`<thead><tr>
<th scope="col">Site</th><th scope="col">Status</th><th scope="col" class="numeric">Practices</th><th scope="col" class="numeric">Registered population</th><th scope="col">List sizes as of</th>
<th scope="col" class="numeric">Budget</th><th scope="col">Risk share</th>
${CHARACTERISTICS.map((n) => h`<th scope="col" class="status-col">${shortCharacteristic(n)}</th>`)}
</tr></thead>`
  const rowOf = (s: SiteReport): Markup => {
    const name = siteName(s)
    const detail = details.get(s)
    const population = s.registeredPopulation === null ? h`<span class="unknown">unknown</span>` : formatNumber(s.registeredPopulation)
    const change = comparison ? changes.get(name) : undefined
    const classes = [s.compliant ? '' : 'not-compliant', comparison && (!change || change.changed) ? 'changed' : '']
      .filter(Boolean)
      .join(' ')
    return h`<tr data-site="${name}"${classes ? h` class="${classes}"` : ''}>
<th scope="row">${detail === undefined ? h`<span class="site-id">${name}</span>` : h`<a class="site-id" href="#${detailId(detail)}">${name}</a>`}${s.name ? h`<span class="site-name">${s.name}</span>` : ''}<span class="site-file">${where(s)}:${s.line}</span>${sinceTag(s)}</th>
<td>${s.status ?? h`<span class="unknown">unknown</span>`}</td><td class="numeric">${figure(s.practices)}</td>
<td class="numeric">${population}${s.inBand === false ? h`<span class="flag">out of band</span>` : ''}${populationWas(s)}</td>
<td>${s.asOf === null ? h`<span class="unknown">unknown</span>` : h`<span class="date">${longDate(s.asOf)}</span>`}${s.stale ? h`<span class="flag">stale: over ${plural(report.staleAfterMonths, 'month')}</span>` : ''}</td>
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
${
  sorted.length === 0
    ? h`<p class="empty">No definition could be read as a site.</p>`
    : [
        group(
          'Not meeting all four characteristics',
          sorted.filter((s) => !s.compliant),
          'Every site meets all four characteristics.',
        ),
        group(
          'Meeting all four characteristics',
          sorted.filter((s) => s.compliant),
          'No site meets all four characteristics.',
        ),
      ]
}
</section>`
}

/** A site's findings: one row group per site, in the order given. */
interface SiteFindings {
  s: SiteReport
  rows: PlacedFinding[]
}

/** A table of findings, one row group per site (`idOf` gives a group the id a link goes to), one row per finding. */
function findingsTable(
  {label, caption, className}: {label: string; caption: string; className: string},
  groups: readonly SiteFindings[],
  idOf: (s: SiteReport) => string | undefined,
): Markup {
  return h`<div class="table-wrap" role="region" aria-label="${label}" tabindex="0"><table class="table ${className}">
<caption>${caption}</caption>
<thead><tr><th scope="col">Site</th><th scope="col">Characteristic</th><th scope="col">Finding</th><th scope="col">Rule and place</th></tr></thead>
${groups.map(({s, rows}) => {
  const id = idOf(s)
  return h`<tbody${id === undefined ? '' : h` id="${id}"`}>
${rows.map(
  ({n, f}, i) =>
    h`<tr>${i === 0 ? h`<th scope="rowgroup" rowspan="${rows.length}">${siteName(s)}</th>` : ''}<td class="nowrap">${n === null ? 'The definition' : shortCharacteristic(n)}</td><td>${f.message}</td><td><code>${f.ruleId}</code><span class="sub where">${where(s)}:${f.line}</span></td></tr>`,
)}
</tbody>`
})}
</table></div>`
}

function findingsSection(report: ComplianceReport, details: Map<SiteReport, number>): Markup {
  const groups = bySeverity(report.sites)
    .filter((s) => !s.compliant)
    .map((s) => {
      const rows = [
        ...s.problems.map((f) => ({n: null, f})),
        ...CHARACTERISTICS.filter((n) => s.characteristics[n].status === 'not-met').flatMap((n) =>
          s.characteristics[n].findings.map((f) => ({n, f})),
        ),
      ]
      return {s, rows}
    })
    .filter(({rows}) => rows.length > 0)
  const body =
    groups.length === 0
      ? h`<p class="empty">No site has a characteristic that is not met.</p>`
      : findingsTable(
          {
            label: 'Findings behind each Not met',
            caption: `Findings behind each “Not met” (${plural(groups.length, 'site')})`,
            className: 'findings',
          },
          groups,
          (s) => detailId(details.get(s)!),
        )
  return h`<section class="panel" aria-labelledby="findings">
<h2 id="findings">Why sites do not meet all four</h2>
${body}
</section>`
}

/** The local rules' findings, when the config declares local rules: advisory, never compliance. */
function advisorySection(report: ComplianceReport, sentence: string): Markup {
  const groups = bySeverity(report.sites)
    .map((s) => ({s, rows: advisoriesOf(s)}))
    .filter(({rows}) => rows.length > 0)
  const body =
    groups.length === 0
      ? h`<p class="empty">No local rule has a finding.</p>`
      : findingsTable(
          {
            label: 'Advisory findings of local rules',
            caption: `Advisory findings of local rules (${plural(groups.length, 'site')})`,
            className: 'findings advisories',
          },
          groups,
          () => undefined,
        )
  return h`<section class="panel" aria-labelledby="advisories">
<h2 id="advisories">Advisory findings</h2>
<p class="hint">${sentence}</p>
${body}
</section>`
}

function exceptionsSection(report: ComplianceReport): Markup {
  const rows = bySeverity(report.sites).flatMap((s) =>
    CHARACTERISTICS.flatMap((n) => s.characteristics[n].exceptions.map((e) => ({s, n, e}))),
  )
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
.stats{display:grid;grid-template-columns:repeat(6,minmax(0,1fr));gap:16px;margin:0 0 24px}
@media (max-width:960px){.stats{grid-template-columns:repeat(3,minmax(0,1fr))}}
.stat{background:var(--white);border:1px solid var(--grey-4);border-top:4px solid var(--blue);padding:12px 16px 14px}
.stat.is-good{border-top-color:var(--green)}
.stat.is-warning{border-top-color:var(--red)}
.stat dt{font-weight:700;font-size:.9375rem;line-height:1.3;min-height:2.6em}
.stat dd{margin:4px 0 0}
.stat-value{display:block;font-size:1.75rem;font-weight:700;line-height:1.1;font-variant-numeric:tabular-nums}
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
.bar-exception{background:repeating-linear-gradient(45deg,var(--yellow) 0 3px,#4d3708 3px 5px)}
.bar-not-met{background:repeating-linear-gradient(45deg,var(--red) 0 3px,var(--white) 3px 4px),var(--red)}
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
.chart .bar,.chart .bin rect{stroke:var(--text);stroke-width:.5}
.chart .site-label,.chart .value-label{fill:var(--text);font-size:12px}
.chart .is-not-met .value-label{fill:#801810;font-weight:700}
.chart .count-label{fill:var(--text);font-size:10px}
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
.stats{grid-template-columns:repeat(6,minmax(0,1fr));gap:6px;margin-bottom:12px}
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
  const details = new Map(
    bySeverity(report.sites)
      .filter((s) => !s.compliant)
      .map((s, index) => [s, index]),
  )
  const p = report.programme
  const advisories = advisorySentence(report)
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
<p class="lede">Generated on <time datetime="${report.generatedOn}">${date}</time>: ${formatNumber(p.compliant)} of ${plural(p.sites, 'site')} meet all four characteristics; ${listSizeDates(p)}${p.stale > 0 ? h`, <strong>${plural(p.stale, 'site')} stale</strong>` : ''}.</p>
<nav aria-label="Contents"><ul class="contents">
${comparison ? h`<li><a href="#since">Since the last report</a></li>` : ''}<li><a href="#characteristics">The four characteristics</a></li><li><a href="#population">Registered population</a></li><li><a href="#commissioners">By commissioner</a></li><li><a href="#sites">Sites</a></li><li><a href="#findings">Why sites do not meet all four</a></li><li><a href="#exceptions">Exceptions</a></li>${advisories === undefined ? '' : h`<li><a href="#advisories">Advisory findings</a></li>`}<li><a href="#unreadable">Unreadable definitions</a></li>
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
${commissionerSection(report)}
${sitesTables(report, details, comparison)}
${findingsSection(report, details)}
${exceptionsSection(report)}
${
  advisories === undefined
    ? ''
    : h`${advisorySection(report, advisories)}
`
}${unreadableSection(report)}
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

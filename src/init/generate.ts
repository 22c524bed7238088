// Answers -> the text of a new definition: a template from templates/ filled through yaml's
// Document API, so its comments and layout stay while every value is set. Correct by construction:
// the total is capitation x population, and the risk shares add up to 100.
import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import type {Document} from 'yaml'
import {yaml} from '../rule-api/lazy.js'
import {addDays, addMonths, formatDate, parseDate} from '../rule-api/dates.js'
import type {Answers, TemplateName} from './answers.js'

export const TEMPLATE_DIR = new URL('../../templates/', import.meta.url)

/** The schema the package ships (written by the build): what the modeline points at by default. */
export const BUNDLED_SCHEMA = fileURLToPath(new URL('../../dist/schemas/pch.bundle.schema.json', import.meta.url))

export interface Generated {
  text: string
  population: number
  total: number
}

/** The financial year (1 April to 31 March) that holds `today`. */
export function financialYear(today: string): {start: string; end: string} {
  const date = parseDate(today)!
  const year = date.getUTCMonth() >= 3 ? date.getUTCFullYear() : date.getUTCFullYear() - 1
  const start = parseDate(`${year}-04-01`)!
  return {start: formatDate(start), end: formatDate(addDays(addMonths(start, 12), -1))}
}

/** Whole percentages that add up to exactly 100: the practices' share, the rest split evenly. */
export function splitShares(practicesPercent: number, partners: number): number[] {
  if (partners === 0) return [100]
  const practices = Math.round(practicesPercent)
  const rest = 100 - practices
  const each = Math.floor(rest / partners)
  return [practices, ...Array.from({length: partners}, (_, i) => each + (i < rest - each * partners ? 1 : 0))]
}

export function generate(template: TemplateName, answers: Answers, options: {today: string; schema: string}): Generated {
  const doc = loadTemplate(template)
  const population = answers.practices.reduce((sum, p) => sum + p.listSize, 0)
  const total = Math.round(answers.annualPerPatient * population * 100) / 100
  const {start, end} = financialYear(options.today)
  const set = (path: string[], value: unknown): void => setTemplateValue(doc, path, value)
  set(['metadata', 'id'], answers.id)
  set(['metadata', 'name'], answers.name)
  set(['metadata', 'status'], answers.status)
  set(['metadata', 'cohort'], Number(options.today.slice(0, 4)))
  if (answers.icb) set(['metadata', 'commissioner'], answers.icb)
  else doc.deleteIn(['metadata', 'commissioner'])
  set(['spec', 'population', 'asOf'], answers.listSizes?.asOf ?? options.today)
  if (answers.listSizes) set(['spec', 'population', 'source'], answers.listSizes.source)
  set(['spec', 'population', 'practices'], answers.practices)
  set(['spec', 'workforce', 'partners'], answers.partners)
  set(['spec', 'budget', 'period', 'start'], start)
  set(['spec', 'budget', 'period', 'end'], end)
  set(['spec', 'budget', 'capitation', 'annualPerPatient'], answers.annualPerPatient)
  set(['spec', 'budget', 'total'], total)
  setRiskShare(doc, answers)
  set(['spec', 'care', 'personalisation'], answers.personalisation)
  const {outcome} = answers
  set(
    ['spec', 'care', 'populationHealth', 'outcomes'],
    [
      {
        id: outcome.id,
        measure: outcome.measure,
        direction: outcome.direction,
        baseline: {value: outcome.baseline, asOf: formatDate(addDays(parseDate(start)!, -1))},
        target: {value: outcome.target, by: end},
      },
    ],
  )
  flowShortMaps(doc)
  const text = templateText(doc, options.schema)
  return {text, population, total}
}

/** A template, parsed so that its values can be set and its comments kept. */
export function loadTemplate(template: TemplateName): Document {
  return yaml().parseDocument(readFileSync(new URL(`${template}.pch.yaml`, TEMPLATE_DIR), 'utf8'))
}

/** Set a value the template has: a scalar is changed in place, keeping the comment beside it; a list is replaced. */
export function setTemplateValue(doc: Document, path: string[], value: unknown): void {
  if (!doc.hasIn(path)) return
  const node = doc.getIn(path, true)
  if (yaml().isScalar(node) && (value === null || typeof value !== 'object')) node.value = value
  else doc.setIn(path, doc.createNode(value))
}

/** The text of a filled template, its modeline pointing at `schema`. */
export function templateText(doc: Document, schema: string): string {
  return doc
    .toString({lineWidth: 0, flowCollectionPadding: false})
    .replace(/^# yaml-language-server: \$schema=.*$/m, () => `# yaml-language-server: $schema=${schema}`)
}

function setRiskShare(doc: Document, answers: Answers): void {
  const path = ['spec', 'budget', 'riskShare']
  const model = doc.getIn([...path, 'model'], true)
  if (yaml().isScalar(model)) model.value = answers.model
  if (answers.model === 'none') {
    doc.deleteIn([...path, 'shares'])
    doc.deleteIn([...path, 'maxLossPercent'])
    return
  }
  const percents = splitShares(answers.practicesPercent, answers.partners.length)
  const parties = ['member-practices', ...answers.partners.map((p) => p.id)]
  const shares = parties.map((party, i) =>
    answers.model === 'gain-and-loss' ? {party, gainPercent: percents[i]!, lossPercent: percents[i]!} : {party, gainPercent: percents[i]!},
  )
  doc.setIn([...path, 'shares'], doc.createNode(shares))
  if (answers.model === 'gain-and-loss') setTemplateValue(doc, [...path, 'maxLossPercent'], answers.maxLossPercent)
  else doc.deleteIn([...path, 'maxLossPercent'])
}

/** Lists of small mappings read best one entry a line as a flow mapping: `- { party: x, gainPercent: 50 }`. */
function flowShortMaps(doc: Document): void {
  const seq = doc.getIn(['spec', 'budget', 'riskShare', 'shares'], true)
  if (yaml().isSeq(seq)) for (const item of seq.items) if (yaml().isMap(item)) item.flow = true
}

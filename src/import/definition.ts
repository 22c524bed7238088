// The text of an imported definition: init's standard template holding the network's real data
// (practices, list sizes, commissioner), and TODO placeholders for what only the site can declare
// (partners, budget, care), which lint reports for what they are; no value is invented. The template
// is filled once per run with markers, which each network's values then replace: a national import
// writes 1,250 files, and filling a YAML document for each would take most of its time.
import type {Document} from 'yaml'
import {yaml} from '../rule-api/lazy.js'
import {loadTemplate, setTemplateValue, templateText} from '../init/generate.js'
import type {JoinedNetwork} from './network.js'

export const IMPORTED_STATUS = 'applicant'

const MARK = {
  id: 'pch-import-id',
  name: 'PCH_IMPORT_NAME',
  icbName: 'PCH_IMPORT_ICB_NAME',
  icbCode: 'Q00',
  practiceCode: 'A00000',
  practiceName: 'PCH_IMPORT_PRACTICE',
  listSize: 987654321,
}

export interface ImportOptions {
  today: string
  schema: string
  mapFile: string
}

const skeletons = new Map<string, string>()

export function importedText(site: JoinedNetwork, options: ImportOptions): string {
  const icb = site.network.commissioner
  const text = skeleton(Boolean(icb), site.listSizes, options)
    .replace(MARK.id, () => site.id)
    .replace(MARK.name, () => scalar(site.network.name))
    .replace(MARK.icbName, () => scalar(icb?.name ?? ''))
    .replace(MARK.icbCode, () => icb?.odsCode ?? '')
  return text.replace(/^.*A00000.*\n/m, (line) =>
    site.practices
      .map((p) =>
        line
          .replace(MARK.practiceCode, p.odsCode)
          .replace(MARK.practiceName, () => scalar(p.name))
          .replace(String(MARK.listSize), String(p.listSize)),
      )
      .join(''),
  )
}

/** A string as a YAML scalar inside a flow mapping: plain when that reads back as the same string, else double-quoted. */
export function scalar(value: string): string {
  const plain = /^[A-Za-z][\w .&'()/+@-]*$/.test(value) && !/ $|: | #/.test(value) && !/^(null|true|false|y|n|yes|no|on|off)$/i.test(value)
  return plain ? value : JSON.stringify(value)
}

function skeleton(withIcb: boolean, listSizes: JoinedNetwork['listSizes'], options: ImportOptions): string {
  const key = JSON.stringify([withIcb, listSizes, options])
  let text = skeletons.get(key)
  if (text === undefined) {
    text = fill(withIcb, listSizes, options)
    skeletons.set(key, text)
  }
  return text
}

function fill(withIcb: boolean, listSizes: JoinedNetwork['listSizes'], options: ImportOptions): string {
  const doc = loadTemplate('standard')
  const set = (path: string[], value: unknown): void => setTemplateValue(doc, path, value)
  set(['metadata', 'id'], MARK.id)
  set(['metadata', 'name'], MARK.name)
  set(['metadata', 'status'], IMPORTED_STATUS)
  set(['metadata', 'cohort'], Number(options.today.slice(0, 4)))
  if (withIcb) set(['metadata', 'commissioner'], {name: MARK.icbName, odsCode: MARK.icbCode})
  else doc.deleteIn(['metadata', 'commissioner'])
  set(['spec', 'population', 'asOf'], listSizes.asOf)
  set(['spec', 'population', 'source'], listSizes.source)
  set(['spec', 'population', 'practices'], [{odsCode: MARK.practiceCode, name: MARK.practiceName, listSize: MARK.listSize}])
  for (const item of (doc.getIn(['spec', 'population', 'practices'], true) as {items: unknown[]}).items)
    if (yaml().isMap(item)) item.flow = true
  todo(doc, ['spec', 'workforce', 'partners'], 'TODO: the partners in secondary care (a trust) and in social care')
  todo(doc, ['spec', 'care', 'personalisation'], 'TODO: how care is personalised, and for whom')
  todo(doc, ['spec', 'care', 'populationHealth', 'outcomes'], 'TODO: the population-health outcomes to improve, with baselines and targets')
  // A budget cannot be a placeholder the schema accepts without inventing figures: it is left out, and said so.
  const spec = doc.get('spec', true)
  if (yaml().isMap(spec)) {
    const budget = spec.items.find((pair) => yaml().isScalar(pair.key) && pair.key.value === 'budget')
    const care = spec.items.find((pair) => yaml().isScalar(pair.key) && pair.key.value === 'care')
    const heading = yaml().isScalar(budget?.key) ? budget.key.commentBefore : undefined
    doc.deleteIn(['spec', 'budget'])
    if (yaml().isScalar(care?.key)) {
      care.key.commentBefore = `${heading ?? ''}\n TODO: budget (period, capitation, total, risk shares), agreed by the site and its ICB\n${care.key.commentBefore ?? ''}`
    }
  }
  const origin = `# Imported by pch import from ${options.mapFile} and ${listSizes.source}.\n# TODO marks what only the site can declare (partners, budget, care): pch lint reports each until it is filled in.`
  return templateText(doc, options.schema).replace(/^(# Check it with .*)$/m, (line) => `${line}\n${origin}`)
}

function todo(doc: Document, path: string[], comment: string): void {
  setTemplateValue(doc, path, [])
  const node = doc.getIn(path, true)
  if (yaml().isSeq(node)) {
    node.flow = true
    node.comment = ` ${comment}`
  }
}

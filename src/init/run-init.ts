// The body of `pch init`: resolve each answer (flag -> default under --yes -> prompt), generate,
// refuse unsafe targets, write atomically, and say what validate will say.
import {existsSync, mkdirSync, readlinkSync} from 'node:fs'
import path from 'node:path'
import {UsageError} from '../engine/io/load.js'
import {formatMoney, formatNumber, quote} from '../rule-api/messages.js'
import {checkText} from '../engine/pipeline/run.js'
import {registry} from '../rules/registry.js'
import {localToday} from '../engine/pipeline/today.js'
import {attempt, isLink, writeFileAtomic} from '../engine/io/write.js'
import {forTerminal} from '../formatters/neutralise.js'
import {
  checks,
  DEFAULTS,
  parsePartner,
  parsePractice,
  readMoney,
  readSchemaLocation,
  slugify,
  valueOf,
  type Answers,
  type Partner,
  type Practice,
  type TemplateName,
} from './answers.js'
import {BUNDLED_SCHEMA, generate} from './generate.js'

export interface InitFlags {
  name?: string
  template: string
  practice?: string[]
  partner?: string[]
  capitation?: string
  dir: string
  schema?: string
  yes: boolean
  force: boolean
  today?: string
  pcn?: string
  map?: string
  'list-sizes'?: string
}

/** What pch init says when the person stops it at a prompt (Ctrl-C): nothing has been written by then. */
export const CANCELLED = 'pch: init cancelled; nothing written'

export async function runInit(id: string | undefined, flags: InitFlags): Promise<number> {
  const {known, notes} = fromFlags(id, flags)
  if ((flags.pcn === undefined) !== (flags.map === undefined) || (flags.pcn === undefined) !== (flags['list-sizes'] === undefined)) {
    throw new UsageError('--pcn, --map and --list-sizes go together: the network, the practice-to-PCN map and the list sizes')
  }
  if (flags.pcn !== undefined)
    Object.assign(known, await fromNetwork(known, flags as InitFlags & {pcn: string; map: string; 'list-sizes': string}))
  const interactive = Boolean(process.stdin.isTTY) && !flags.yes
  if (!interactive && !flags.yes) {
    const missing = [
      known.id === undefined && known.name === undefined ? 'an ID or --name' : undefined,
      known.practices ? undefined : '--practice CODE:NAME:LISTSIZE',
      known.partners ? undefined : '--partner ID:SECTOR:NAME',
      known.annualPerPatient === undefined ? '--capitation GBP' : undefined,
    ].filter(Boolean)
    if (missing.length > 0) {
      throw new UsageError(`pch init is not in a terminal, so it cannot ask: give ${missing.join(', ')}; or --yes to take the defaults`)
    }
  }
  const today = flags.today ?? localToday()
  const dir = path.resolve(flags.dir)
  // Refuse an unsafe target before asking anything.
  if (known.id !== undefined) target(dir, known.id, flags.force)
  let answers: Answers
  try {
    answers = interactive
      ? await (
          await import('./prompts.js')
        ).askAll(known, {template: flags.template, target: (value) => refusal(() => target(dir, value, flags.force))})
      : withDefaults(known)
  } catch (error) {
    // Ctrl-C at a prompt: inquirer rejects with ExitPromptError (by name: each prompt package may bring its own copy).
    if ((error as Error).name !== 'ExitPromptError') throw error
    process.stderr.write(`${CANCELLED}\n`)
    return 130
  }
  const file = target(dir, answers.id, flags.force)
  const schema = known.schema ?? path.relative(dir, BUNDLED_SCHEMA).split(path.sep).join('/')
  const generated = generate(flags.template as TemplateName, answers, {today, schema})
  try {
    attempt(dir, () => mkdirSync(dir, {recursive: true}))
    writeFileAtomic(file, generated.text, {create: !flags.force, noFollow: true})
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  report(
    file,
    flags.template,
    notes,
    generated,
    checkText(generated.text, {mode: 'validate', registry, today, fileName: path.basename(file)}).messages,
  )
  return 0
}

function fromFlags(id: string | undefined, flags: InitFlags): {known: Partial<Answers> & {schema?: string}; notes: string[]} {
  const known: Partial<Answers> & {schema?: string} = {}
  const notes: string[] = []
  try {
    if (flags.schema !== undefined) known.schema = valueOf(readSchemaLocation(flags.schema), '')
    if (id !== undefined) known.id = id
    if (flags.name !== undefined) {
      const fault = checks.text(flags.name)
      if (fault) throw new Error(`--name: ${fault}`)
      known.name = flags.name
    }
    if (flags.practice) {
      const practices: Practice[] = []
      for (const text of flags.practice) {
        const {note, ...practice} = parsePractice(text, practices)
        if (note) notes.push(note)
        practices.push(practice)
      }
      known.practices = practices
    }
    if (flags.partner) {
      const partners: Partner[] = []
      for (const text of flags.partner) partners.push(parsePartner(text, partners))
      known.partners = partners
    }
    if (flags.capitation !== undefined) known.annualPerPatient = valueOf(readMoney(flags.capitation), '--capitation: ')
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  return {known, notes}
}

/** init --pcn: the network's practices (with their list sizes), name, id and commissioner, where no flag gave them. */
async function fromNetwork(known: Partial<Answers>, flags: {pcn: string; map: string; 'list-sizes': string}): Promise<Partial<Answers>> {
  const [{readSources, selectNetworks}, {joinNetwork}] = await Promise.all([
    import('../import/run-import.js'),
    import('../import/network.js'),
  ])
  const {map, extract} = readSources(flags)
  const [network] = selectNetworks(map.networks, [flags.pcn], [], flags.map)
  const site = joinNetwork(network!, extract, flags['list-sizes'])
  for (const p of site.missing)
    process.stdout.write(`${forTerminal(`Practice ${p.code} ${p.name} of ${network!.code} is not in ${flags['list-sizes']}: left out.`)}\n`)
  if (site.practices.length === 0) throw new UsageError(`No practice of ${network!.code} ${network!.name} is in ${flags['list-sizes']}`)
  return {
    practices: site.practices,
    listSizes: site.listSizes,
    name: known.name ?? network!.name,
    ...(known.id === undefined && known.name === undefined ? {id: site.id} : {}),
    ...(network!.commissioner ? {icb: network!.commissioner} : {}),
  }
}

function withDefaults(known: Partial<Answers>): Answers {
  const id = known.id ?? (known.name === undefined ? undefined : slugify(known.name))
  if (id === undefined) throw new UsageError('pch init needs an ID or --name')
  return {
    id,
    name:
      known.name ??
      id
        .split('-')
        .map((w) => `${w[0]!.toUpperCase()}${w.slice(1)}`)
        .join(' '),
    status: DEFAULTS.status,
    practices: known.practices ?? [],
    partners: known.partners ?? [],
    annualPerPatient: known.annualPerPatient ?? DEFAULTS.annualPerPatient,
    model: DEFAULTS.model,
    practicesPercent: DEFAULTS.practicesPercent,
    maxLossPercent: DEFAULTS.maxLossPercent,
    personalisation: DEFAULTS.personalisation.map((p) => ({...p})),
    outcome: {...DEFAULTS.outcome},
    ...(known.icb ? {icb: known.icb} : {}),
    ...(known.listSizes ? {listSizes: known.listSizes} : {}),
  }
}

/**
 * <dir>/<id>.pch.yaml, refusing an id that is not a slug, a path outside dir, a symbolic link of that
 * name (even with --force: init never writes through a link, nor replaces one), or an existing file
 * without --force.
 */
function target(dir: string, id: string, force: boolean): string {
  const fault = checks.slug(id)
  if (fault) throw new UsageError(`ID ${JSON.stringify(id)} cannot name a site: ${fault.replace(/^".*?" is not a valid identifier: /, '')}`)
  const file = path.resolve(dir, `${id}.pch.yaml`)
  if (path.dirname(file) !== dir) throw new UsageError(`ID ${JSON.stringify(id)} would place the file outside ${dir}`)
  const shown = path.relative(process.cwd(), file) || file
  if (isLink(file)) {
    throw new UsageError(
      `${shown} is a symbolic link (to ${quote(readlinkSync(file))}); pch init never writes through a link or replaces one: remove it, or choose another ID or --dir`,
    )
  }
  if (!force && existsSync(file)) throw new UsageError(`${shown} already exists; use --force to overwrite it`)
  return file
}

/** The reason `check` throws, or undefined. */
function refusal(check: () => unknown): string | undefined {
  try {
    check()
    return undefined
  } catch (error) {
    return (error as Error).message
  }
}

function report(
  file: string,
  template: string,
  notes: readonly string[],
  generated: {population: number; total: number},
  messages: ReturnType<typeof checkText>['messages'],
): void {
  const shown = path.relative(process.cwd(), file) || file
  const lines = [
    ...notes,
    `Created ${shown} from the ${template} template.`,
    `  Registered population ${formatNumber(generated.population)}; budget ${formatMoney(generated.total)}.`,
  ]
  const errors = messages.filter((m) => m.severity === 'error')
  if (errors.length === 0) {
    lines.push('  pch validate: no problems.')
  } else {
    lines.push(
      `  pch validate will report ${errors.length} ${errors.length === 1 ? 'problem' : 'problems'} until the answers meet the four characteristics:`,
    )
    for (const m of errors) lines.push(`    ${m.line}:${m.column}  ${m.message}  ${m.ruleId}`)
  }
  process.stdout.write(`${lines.map(forTerminal).join('\n')}\n`)
}

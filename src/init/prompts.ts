// The interactive half of `pch init`: one question per answer a flag did not give, each answer
// checked as it is typed with the schema rules validate uses (a bad ODS code is refused, with why).
import {checkbox, confirm, input, number, select} from '@inquirer/prompts'
import {
  APPROACHES,
  checks,
  DEFAULTS,
  isTrustSector,
  populationStatus,
  readIcbCode,
  readListSize,
  readMoney,
  readPartnerCode,
  readPartnerId,
  readPercent,
  readPracticeCode,
  SECTORS,
  slugify,
  valueOf,
  STATUSES,
  type Answers,
  type Partner,
  type Practice,
  type Read,
} from './answers.js'

/** Inquirer's validate: true, or the reason the answer is refused. */
const by =
  <T>(check: (value: T) => string | undefined) =>
  (value: T): true | string =>
    check(value) ?? true

const required = (value: string): string | undefined => (value.trim() === '' ? 'An answer is needed' : checks.text(value))

/** A typed answer read as its flag is read (the same function), refused with its reason; a note (such as a code put in capitals) is shown. */
async function ask<T>(config: {message: string; default?: string}, read: (text: string) => Read<T>): Promise<T> {
  const reason = (text: string): true | string => {
    const result = read(text)
    return 'error' in result ? result.error : true
  }
  const result = read(await input({...config, validate: reason}))
  if ('note' in result && result.note) process.stdout.write(`  ${result.note}\n`)
  return valueOf(result, '')
}

/** `target`: why a site id cannot be written (a file or a link of that name), checked as the id is typed. */
export async function askAll(
  known: Partial<Answers>,
  options: {template: string; target: (id: string) => string | undefined},
): Promise<Answers> {
  const name = known.name ?? (await input({message: 'Site name', validate: by(required)}))
  const id =
    known.id ??
    (await input({
      message: 'Site id (the file is <id>.pch.yaml)',
      default: slugify(name),
      validate: by((value: string) => checks.slug(value) ?? options.target(value)),
    }))
  const status = known.status ?? (await select({message: 'Status', choices: STATUSES.map((value) => ({value})), default: DEFAULTS.status}))
  let icb = known.icb
  if (!icb && options.template !== 'minimal' && (await confirm({message: 'Record the commissioning ICB?', default: true}))) {
    const odsCode = await ask({message: 'ICB code (Q and two characters, e.g. QXY)'}, readIcbCode)
    icb = {name: await input({message: 'ICB name', validate: by(required)}), odsCode}
  }
  const practices = known.practices ?? (await askPractices())
  const partners = known.partners ?? (await askPartners())
  const annualPerPatient =
    known.annualPerPatient ??
    (await ask({message: 'Capitation per patient per year (GBP)', default: String(DEFAULTS.annualPerPatient)}, readMoney))
  const model = (await select({
    message: 'Risk-share model',
    choices: [
      {value: 'gain-and-loss', description: 'gains and losses shared (with a cap on losses)'},
      {value: 'gain-only', description: 'gains shared, losses not'},
      {value: 'none', description: 'nothing shared (does not meet characteristic 3)'},
    ],
    default: DEFAULTS.model,
  })) as Answers['model']
  const practicesPercent =
    model === 'none' || partners.length === 0
      ? 100
      : await ask(
          {
            message: `Member practices' share (%); the rest is split evenly between the ${partners.length} partners`,
            default: String(DEFAULTS.practicesPercent),
          },
          (text) => readPercent(text, {whole: true}),
        )
  const maxLossPercent =
    model === 'gain-and-loss'
      ? await ask({message: "Cap on each party's loss (% of the budget)", default: String(DEFAULTS.maxLossPercent)}, (text) =>
          readPercent(text, {whole: false}),
        )
      : DEFAULTS.maxLossPercent
  const approaches = await checkbox({
    message: 'Personalisation approaches',
    choices: APPROACHES.map((value) => ({value, checked: value === 'care-planning'})),
    required: true,
  })
  const personalisation = []
  for (const approach of approaches) {
    personalisation.push({
      approach,
      cohort: await input({message: `Who is ${approach} for?`, default: DEFAULTS.personalisation[0].cohort, validate: by(required)}),
    })
  }
  const measure = await input({
    message: 'One population-health outcome to improve',
    default: DEFAULTS.outcome.measure,
    validate: by(required),
  })
  const direction = (await select({
    message: 'Better is',
    choices: [{value: 'decrease'}, {value: 'increase'}],
    default: DEFAULTS.outcome.direction,
  })) as 'decrease' | 'increase'
  const baseline = (await number({message: 'Baseline value', default: DEFAULTS.outcome.baseline, step: 'any', required: true}))!
  const target = (await number({
    message: 'Target value',
    step: 'any',
    required: true,
    validate: (value) =>
      value === undefined ||
      (direction === 'decrease' ? value < baseline : value > baseline) ||
      `The target must be ${direction === 'decrease' ? 'below' : 'above'} the baseline ${baseline}`,
  }))!
  return {
    id,
    name,
    status,
    icb,
    practices,
    partners,
    annualPerPatient,
    model,
    practicesPercent,
    maxLossPercent,
    personalisation,
    outcome: {id: slugify(measure).slice(0, 60) || 'outcome', measure, direction, baseline, target},
    ...(known.listSizes ? {listSizes: known.listSizes} : {}),
  }
}

async function askPractices(): Promise<Practice[]> {
  const practices: Practice[] = []
  do {
    const odsCode = await ask({message: `Practice ${practices.length + 1}: ODS code (e.g. A81001)`}, (text) =>
      readPracticeCode(text, practices),
    )
    const name = await input({message: `Practice ${practices.length + 1}: name`, validate: by(required)})
    const listSize = await ask({message: `Practice ${practices.length + 1}: list size (registered patients)`}, readListSize)
    practices.push({odsCode, name, listSize})
    process.stdout.write(`  ${populationStatus(practices)}\n`)
  } while (await confirm({message: 'Add another practice?', default: true}))
  return practices
}

async function askPartners(): Promise<Partner[]> {
  const partners: Partner[] = []
  do {
    const n = partners.length + 1
    const sector = await select({message: `Partner ${n}: sector`, choices: SECTORS.map((value) => ({value}))})
    const name = await input({message: `Partner ${n}: name`, validate: by(required)})
    const id = await ask({message: `Partner ${n}: id`, default: slugify(name).slice(0, 40)}, (text) => readPartnerId(text, partners))
    const description =
      sector === 'other' ? await input({message: `Partner ${n}: what the partner does`, validate: by(required)}) : undefined
    const code = await ask({message: `Partner ${n}: ODS code (optional, e.g. ${isTrustSector(sector) ? 'RX1' : 'NL3'})`}, (text) =>
      readPartnerCode(text, sector),
    )
    partners.push({id, sector, name, ...(description ? {description} : {}), ...(code ? {odsCode: code} : {})})
  } while (await confirm({message: 'Add another partner?', default: partners.length < 3}))
  return partners
}

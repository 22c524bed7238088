// NHS Digital "Patients Registered at a GP Practice" totals (gp-reg-pat-prac-all.csv), in both
// header generations (CCG_CODE,ONS_CCG_CODE and SUB_ICB_LOCATION_CODE,ONS_SUB_ICB_LOCATION_CODE) and
// every EXTRACT_DATE style published (01JAN2021, 01Jan2022, 01-Sep-20, 2026-04-01). A file that is
// not that shape is a UsageError naming the file, the line and the reason.
import path from 'node:path'
import {headerColumns, readCsvFile} from '../engine/io/csv-file.js'
import {UsageError} from '../engine/io/load.js'
import {formatNumber} from '../rule-api/messages.js'

export interface ListSizeExtract {
  /** The extract date as YYYY-MM-DD (what population.asOf becomes). */
  asOf: string
  /** Practice code -> registered patients. */
  sizes: Map<string, number>
}

const COMMON = ['PUBLICATION', 'EXTRACT_DATE', 'TYPE', 'CODE', 'POSTCODE', 'SEX', 'AGE', 'NUMBER_OF_PATIENTS']
const GENERATIONS = [
  ['CCG_CODE', 'ONS_CCG_CODE'],
  ['SUB_ICB_LOCATION_CODE', 'ONS_SUB_ICB_LOCATION_CODE'],
]
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC']

/** "01JAN2021", "01Jan2022", "01-Sep-20", "2026-04-01" -> "YYYY-MM-DD"; undefined if not a real date. */
export function parseExtractDate(text: string): string | undefined {
  let year: number, month: number, day: number
  let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (match) [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  else if ((match = /^(\d{2})-?([A-Za-z]{3})-?(\d{2}|\d{4})$/.exec(text))) {
    month = MONTHS.indexOf(match[2]!.toUpperCase()) + 1
    day = Number(match[1])
    year = match[3]!.length === 2 ? 2000 + Number(match[3]) : Number(match[3])
  } else return undefined
  const date = new Date(Date.UTC(year, month - 1, day))
  const iso = date.toISOString().slice(0, 10)
  return month >= 1 && date.getUTCDate() === day && date.getUTCMonth() === month - 1 ? iso : undefined
}

/** What population.source says of an extract (import and sync-list-sizes write it alike). */
export function extractSource(asOf: string, file: string): string {
  return `NHS Digital, Patients Registered at a GP Practice, ${asOf} (${path.basename(file)})`
}

export function readExtract(file: string, shown = file): ListSizeExtract {
  const rows = readCsvFile(file, shown, "NHS Digital's gp-reg-pat-prac-all CSV")
  const {column} = headerColumns(
    rows[0]!,
    {required: COMMON, generations: GENERATIONS},
    shown,
    'a "Patients Registered at a GP Practice" totals',
  )
  const [date, type, code, sex, age, count] = ['EXTRACT_DATE', 'TYPE', 'CODE', 'SEX', 'AGE', 'NUMBER_OF_PATIENTS'].map(column) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  const sizes = new Map<string, number>()
  const lineOf = new Map<string, number>()
  let asOf: string | undefined
  for (const {line, cells: row} of rows.slice(1)) {
    if (row[type] !== 'GP' || row[sex] !== 'ALL' || row[age] !== 'ALL') continue
    asOf = extractDateOf(row[date]!, asOf, shown, line)
    const patients = row[count]!.trim()
    if (!/^\d+$/.test(patients)) throw new UsageError(`${shown}:${line}: NUMBER_OF_PATIENTS "${patients}" is not a whole number`)
    const value = Number(patients)
    // Above 2^53 a number is rounded: pch would write a count the extract does not hold.
    if (!Number.isSafeInteger(value))
      throw new UsageError(
        `${shown}:${line}: NUMBER_OF_PATIENTS ${patients} is more than pch can hold exactly (${formatNumber(Number.MAX_SAFE_INTEGER)})`,
      )
    const practice = row[code]!.trim()
    const earlier = sizes.get(practice)
    if (earlier !== undefined && earlier !== value) {
      throw new UsageError(
        `${shown}:${line}: practice ${practice} is in the extract twice with different counts (${earlier} on line ${lineOf.get(practice)}, ${patients} on line ${line})`,
      )
    }
    sizes.set(practice, value)
    if (earlier === undefined) lineOf.set(practice, line)
  }
  if (asOf === undefined) throw new UsageError(`${shown}: no practice totals (rows with TYPE GP, SEX ALL, AGE ALL)`)
  return {asOf, sizes}
}

/** A row's EXTRACT_DATE as YYYY-MM-DD, which must be the date of the rows before it (`asOf`, if any). */
export function extractDateOf(text: string, asOf: string | undefined, shown: string, line: number): string {
  const when = parseExtractDate(text.trim())
  if (!when) throw new UsageError(`${shown}:${line}: EXTRACT_DATE "${text}" is not a date in a style NHS Digital uses`)
  if (asOf !== undefined && when !== asOf)
    throw new UsageError(`${shown}:${line}: EXTRACT_DATE ${when} differs from ${asOf}; one extract holds one date`)
  return when
}

// NHS Digital "Patients Registered at a GP Practice" totals (gp-reg-pat-prac-all.csv), in both
// header generations (CCG_CODE,ONS_CCG_CODE and SUB_ICB_LOCATION_CODE,ONS_SUB_ICB_LOCATION_CODE) and
// every EXTRACT_DATE style published (01JAN2021, 01Jan2022, 01-Sep-20, 2026-04-01). A file that is
// not that shape is a UsageError naming the file, the line and the reason.
import {readFileSync} from 'node:fs'
import {parse} from 'csv-parse/sync'
import {UsageError} from '../engine/load.js'

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

export function readExtract(file: string, shown = file): ListSizeExtract {
  let bytes: Buffer
  try {
    bytes = readFileSync(file)
  } catch (error) {
    throw new UsageError(`Cannot read ${shown}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`)
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', {fatal: true}).decode(bytes)
  } catch {
    throw new UsageError(`${shown}: not UTF-8 text; expected NHS Digital's gp-reg-pat-prac-all CSV`)
  }
  if (text.trim() === '') throw new UsageError(`${shown}: the file is empty; expected NHS Digital's gp-reg-pat-prac-all CSV`)
  let rows: string[][]
  try {
    rows = parse(text, {relax_column_count: false, skip_empty_lines: true, bom: true}) as string[][]
  } catch (error) {
    const e = error as Error & {lines?: number}
    throw new UsageError(`${shown}:${e.lines ?? 1}: ${e.message.replace(/ on line \d+$/, '')}`)
  }
  const header = rows[0]!.map((h) => h.trim())
  const generation = GENERATIONS.find((pair) => pair.every((column) => header.includes(column)))
  const missing = COMMON.filter((column) => !header.includes(column))
  if (!generation || missing.length > 0) {
    const needs = missing.length > 0 ? missing.join(', ') : 'CCG_CODE,ONS_CCG_CODE or SUB_ICB_LOCATION_CODE,ONS_SUB_ICB_LOCATION_CODE'
    throw new UsageError(`${shown}:1: not a "Patients Registered at a GP Practice" totals header; missing ${needs}`)
  }
  const col = (name: string): number => header.indexOf(name)
  const [date, type, code, sex, age, count] = ['EXTRACT_DATE', 'TYPE', 'CODE', 'SEX', 'AGE', 'NUMBER_OF_PATIENTS'].map(col) as [number, number, number, number, number, number]
  const sizes = new Map<string, number>()
  let asOf: string | undefined
  rows.slice(1).forEach((row, i) => {
    const line = i + 2
    if (row[type] !== 'GP' || row[sex] !== 'ALL' || row[age] !== 'ALL') return
    const when = parseExtractDate(row[date]!.trim())
    if (!when) throw new UsageError(`${shown}:${line}: EXTRACT_DATE "${row[date]}" is not a date in a style NHS Digital uses`)
    if (asOf !== undefined && when !== asOf) throw new UsageError(`${shown}:${line}: EXTRACT_DATE ${when} differs from ${asOf}; one extract holds one date`)
    asOf = when
    const patients = row[count]!.trim()
    if (!/^\d+$/.test(patients)) throw new UsageError(`${shown}:${line}: NUMBER_OF_PATIENTS "${patients}" is not a whole number`)
    sizes.set(row[code]!.trim(), Number(patients))
  })
  if (asOf === undefined) throw new UsageError(`${shown}: no practice totals (rows with TYPE GP, SEX ALL, AGE ALL)`)
  return {asOf, sizes}
}

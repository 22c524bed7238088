// The ODS register of GP practices (epraccur.csv): no header, quoted columns; code in column 1,
// close date in column 12 (YYYYMMDD), status in column 13, as A/C/D/P (older extracts) or
// ACTIVE/INACTIVE/DORMANT (newer). A file that is not that shape is a UsageError with file and line.
import {readFileSync} from 'node:fs'
import {csvParse} from './lazy.js'
import {UsageError} from './load.js'

export interface RegisterEntry {
  /** "active", or what the register says instead (closed, dormant, proposed, inactive). */
  status: string
  closed?: string
}

export type OdsRegister = ReadonlyMap<string, RegisterEntry>

const STATUSES: Record<string, string> = {A: 'active', ACTIVE: 'active', C: 'closed', INACTIVE: 'inactive', D: 'dormant', DORMANT: 'dormant', P: 'proposed'}

export function readRegister(file: string, shown = file): OdsRegister {
  let text: string
  try {
    text = new TextDecoder('utf-8', {fatal: true}).decode(readFileSync(file))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new UsageError(code ? `Cannot read ${shown}: ${code}` : `${shown}: not UTF-8 text; expected an ODS practice register (epraccur.csv)`)
  }
  if (text.trim() === '') throw new UsageError(`${shown}: the file is empty; expected an ODS practice register (epraccur.csv)`)
  let rows: string[][]
  try {
    rows = csvParse().parse(text, {skip_empty_lines: true, bom: true, relax_column_count: false}) as string[][]
  } catch (error) {
    const e = error as Error & {lines?: number}
    throw new UsageError(`${shown}:${e.lines ?? 1}: ${e.message.replace(/ on line \d+$/, '')}`)
  }
  const register = new Map<string, RegisterEntry>()
  rows.forEach((row, i) => {
    const line = i + 1
    if (row.length < 13) throw new UsageError(`${shown}:${line}: ${row.length} columns; an ODS register row has at least 13 (code, ..., close date, status)`)
    const status = STATUSES[row[12]!.trim().toUpperCase()]
    if (!status) throw new UsageError(`${shown}:${line}: status "${row[12]}" is not one of A, C, D, P, ACTIVE, INACTIVE, DORMANT`)
    const close = row[11]!.trim()
    const closed = /^\d{8}$/.test(close) ? `${close.slice(0, 4)}-${close.slice(4, 6)}-${close.slice(6)}` : undefined
    register.set(row[0]!.trim(), closed ? {status, closed} : {status})
  })
  return register
}

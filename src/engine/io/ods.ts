// The ODS registers pch checks codes against, both without a header and with quoted columns: GP
// practices (epraccur.csv: code in column 1, close date in 12 as YYYYMMDD, status in 13 as A/C/D/P in
// older extracts or ACTIVE/INACTIVE/DORMANT in newer) and NHS trusts (etr.csv: code in 1, name in 2,
// close date in 12). A file that is not that shape is a UsageError with file and line.
import {readCsvFile, type CsvRow} from './csv-file.js'
import {UsageError} from './load.js'
import type {OdsRegister, RegisterEntry, TrustEntry, TrustRegister} from '../../rule-api/types.js'

export type {OdsRegister, RegisterEntry, TrustEntry, TrustRegister}

const STATUSES: Record<string, string> = {
  A: 'active',
  ACTIVE: 'active',
  C: 'closed',
  INACTIVE: 'inactive',
  D: 'dormant',
  DORMANT: 'dormant',
  P: 'proposed',
}

export function readRegister(file: string, shown = file): OdsRegister {
  const register = new Map<string, RegisterEntry>()
  for (const {line, cells: row, closed} of registerRows(
    file,
    shown,
    'an ODS practice register (epraccur.csv)',
    13,
    '(code, ..., close date, status)',
  )) {
    const status = STATUSES[row[12]!.trim().toUpperCase()]
    if (!status) throw new UsageError(`${shown}:${line}: status "${row[12]}" is not one of A, C, D, P, ACTIVE, INACTIVE, DORMANT`)
    register.set(row[0]!.trim(), closed ? {status, closed} : {status})
  }
  return register
}

export function readTrustRegister(file: string, shown = file): TrustRegister {
  const register = new Map<string, TrustEntry>()
  for (const {line, cells: row, closed} of registerRows(
    file,
    shown,
    'an ODS register of NHS trusts (etr.csv)',
    12,
    '(code, name, ..., close date)',
  )) {
    const code = row[0]!.trim()
    const name = row[1]!.trim()
    if (!/^[A-Z0-9]{3,5}$/.test(code))
      throw new UsageError(`${shown}:${line}: "${row[0]}" in column 1 is not an ODS code; expected an ODS register of NHS trusts (etr.csv)`)
    if (name === '') throw new UsageError(`${shown}:${line}: column 2 (the trust's name) is empty`)
    register.set(code, closed ? {name, closed} : {name})
  }
  return register
}

/** A register's rows, each with at least `columns` cells, and its close date (column 12) as YYYY-MM-DD. */
function registerRows(file: string, shown: string, expected: string, columns: number, named: string): Array<CsvRow & {closed?: string}> {
  return readCsvFile(file, shown, expected).map((row) => {
    if (row.cells.length < columns)
      throw new UsageError(
        `${shown}:${row.line}: ${row.cells.length} columns; ${expected.replace(/^an /, 'a row of an ')} has at least ${columns} ${named}`,
      )
    const close = row.cells[11]!.trim()
    if (close !== '' && !isDate(close))
      throw new UsageError(`${shown}:${row.line}: close date "${row.cells[11]}" in column 12 is not a date YYYYMMDD`)
    return close === '' ? row : {...row, closed: `${close.slice(0, 4)}-${close.slice(4, 6)}-${close.slice(6)}`}
  })
}

function isDate(yyyymmdd: string): boolean {
  if (!/^\d{8}$/.test(yyyymmdd)) return false
  const [y, m, d] = [Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)), Number(yyyymmdd.slice(6))]
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

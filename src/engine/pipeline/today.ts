// "Today" for date-dependent rules: the caller's YYYY-MM-DD, checked, or the system's local date (the CLI's and the API's default).
import {UsageError} from '../io/load.js'

/** The system's local date as YYYY-MM-DD. */
export function localToday(): string {
  const now = new Date()
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** `value` when it is a real date written YYYY-MM-DD (else a UsageError); without one, the local date. */
export function checkToday(value: string | undefined): string {
  if (value === undefined) return localToday()
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined
  if (!date || date.toISOString().slice(0, 10) !== value) {
    throw new UsageError(`--today must be a real date written YYYY-MM-DD, not "${String(value)}"`)
  }
  return value
}

// Calendar arithmetic on YYYY-MM-DD strings (UTC, no time zones), for the date-dependent rules.

// The same few dates recur in every definition of a repository: each is read once. The Dates are
// shared, so nothing may change one (no rule calls a setter; they compute new Dates).
const known = new Map<string, Date | undefined>()

/** A real calendar date, or undefined. */
export function parseDate(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined
  if (known.has(value)) return known.get(value)
  if (known.size > 10_000) known.clear()
  let date: Date | undefined
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    date = new Date(`${value}T00:00:00Z`)
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) date = undefined
  }
  known.set(value, date)
  return date
}

export function formatDate(date: Date): string {
  return date.toISOString().slice(0, 10)
}

/** The same day `months` later; a day the month lacks becomes its last day (31 Jan + 1 month = 28 Feb). */
export function addMonths(date: Date, months: number): Date {
  const year = date.getUTCFullYear()
  const month = date.getUTCMonth() + months
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
  return new Date(Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay)))
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000)
}

/** True when `date` is more than `months` months before `today`. */
export function olderThanMonths(date: Date, months: number, today: Date): boolean {
  return addMonths(date, months) < today
}

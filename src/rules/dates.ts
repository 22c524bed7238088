// Calendar arithmetic on YYYY-MM-DD strings (UTC, no time zones), for the date-dependent rules.

/** A real calendar date, or undefined. */
export function parseDate(value: unknown): Date | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined
  const date = new Date(`${value}T00:00:00Z`)
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value ? undefined : date
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

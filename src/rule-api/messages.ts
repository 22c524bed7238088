// Message templates: "{population}" interpolates a value; numbers get thousands separators.
import type {MessageData, MessageValue} from './types.js'

// Made on first use: creating a number format costs a clean run's start-up ~10 ms.
const formats = new Map<string, Intl.NumberFormat>()
function format(value: number, minimumFractionDigits: number, maximumFractionDigits: number): string {
  // Whole numbers (every count a summary line prints) are grouped here exactly as en-GB's format
  // groups them: the first Intl.NumberFormat loads ICU's locale data, ~10 ms of a one-file run.
  if (minimumFractionDigits === 0 && Number.isSafeInteger(value) && !Object.is(value, -0)) return groupThousands(value)
  const key = `${minimumFractionDigits}-${maximumFractionDigits}`
  let numberFormat = formats.get(key)
  if (!numberFormat) formats.set(key, (numberFormat = new Intl.NumberFormat('en-GB', {minimumFractionDigits, maximumFractionDigits})))
  return numberFormat.format(value)
}

/** -1234567 -> "-1,234,567". */
function groupThousands(value: number): string {
  return `${value < 0 ? '-' : ''}${String(Math.abs(value)).replace(/\B(?=(\d{3})+$)/g, ',')}`
}

/** 28400 -> "28,400"; 0.5 -> "0.5". */
export function formatNumber(value: number): string {
  return format(value, 0, 2)
}

/** 5776000 -> "£5,776,000"; 160.5 -> "£160.50". */
export function formatMoney(value: number): string {
  const hasPence = Math.round(value * 100) % 100 !== 0
  return `£${hasPence ? format(value, 2, 2) : format(value, 0, 0)}`
}

/** 1 -> "1 file", 2 -> "2 files" (with thousands separators). */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatNumber(count)} ${count === 1 ? one : many}`
}

function render(value: MessageValue, style: string | undefined): string {
  if (Array.isArray(value)) return value.length < 2 ? value.join('') : `${value.slice(0, -1).join(', ')} or ${value.at(-1)}`
  if (typeof value === 'number') {
    if (style === 'money') return formatMoney(value)
    if (style === 'percent') return `${formatNumber(value)} %`
    return formatNumber(value)
  }
  return String(value)
}

/** Fill "{name}" and "{name:money}" / "{name:percent}" placeholders from data. */
export function formatMessage(template: string, data: MessageData = {}): string {
  const parts = partsOf(template)
  let text = parts[0]!
  for (let i = 1; i < parts.length; i += 4) {
    const value = data[parts[i + 1]!]
    text += (value === undefined ? parts[i]! : render(value, parts[i + 2] || undefined)) + parts[i + 3]!
  }
  return text
}

/**
 * A template split once (a run says the same few templates thousands of times): its first literal,
 * then for each placeholder its whole text, name and style ('' for none) and the literal after it.
 */
function partsOf(template: string): readonly string[] {
  const known = templates.get(template)
  if (known !== undefined) return known
  const parts: string[] = []
  const placeholder = /\{(\w+)(?::(\w+))?\}/g
  let last = 0
  for (let match = placeholder.exec(template); match !== null; match = placeholder.exec(template)) {
    parts.push(template.slice(last, match.index), match[0], match[1]!, match[2] ?? '')
    last = match.index + match[0].length
  }
  parts.push(template.slice(last))
  if (templates.size > 1000) templates.clear()
  templates.set(template, parts)
  return parts
}
const templates = new Map<string, readonly string[]>()

/** A value quoted for a message, shortened so one bad value cannot flood the output. */
export function quote(value: unknown): string {
  let text: string
  if (typeof value === 'string') text = JSON.stringify(value)
  else if (value === null || value === undefined) text = 'nothing'
  else if (typeof value === 'object') text = Array.isArray(value) ? 'a list' : 'a mapping'
  else text = String(value)
  return shorten(text)
}

/** Text for a message, cut to 60 characters so one bad value cannot flood the output. */
export function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text
}

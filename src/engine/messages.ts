// Message templates: "{population}" interpolates a value; numbers get thousands separators.
import type {MessageData, MessageValue} from './types.js'

const numberFormat = new Intl.NumberFormat('en-GB', {maximumFractionDigits: 2})
const wholePounds = new Intl.NumberFormat('en-GB', {maximumFractionDigits: 0})
const poundsAndPence = new Intl.NumberFormat('en-GB', {minimumFractionDigits: 2, maximumFractionDigits: 2})

/** 28400 -> "28,400"; 0.5 -> "0.5". */
export function formatNumber(value: number): string {
  return numberFormat.format(value)
}

/** 5776000 -> "£5,776,000"; 160.5 -> "£160.50". */
export function formatMoney(value: number): string {
  const hasPence = Math.round(value * 100) % 100 !== 0
  return `£${(hasPence ? poundsAndPence : wholePounds).format(value)}`
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
  return template.replace(/\{(\w+)(?::(\w+))?\}/g, (whole, name: string, style: string | undefined) => {
    const value = data[name]
    return value === undefined ? whole : render(value, style)
  })
}

/** A value quoted for a message, shortened so one bad value cannot flood the output. */
export function quote(value: unknown): string {
  let text: string
  if (typeof value === 'string') text = JSON.stringify(value)
  else if (value === null || value === undefined) text = 'nothing'
  else if (typeof value === 'object') text = Array.isArray(value) ? 'a list' : 'a mapping'
  else text = String(value)
  return text.length > 60 ? `${text.slice(0, 57)}...` : text
}

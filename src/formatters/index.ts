// Formatter names -> formatters, loaded only when chosen.
import type {Formatter, StreamFormatter} from './formatter.js'

export const FORMATS = ['stylish', 'json', 'junit', 'sarif', 'github'] as const
export type FormatName = (typeof FORMATS)[number]

/** A format's module: its whole-array formatter, and its stream when it can be written file by file (junit's totals open it). */
type FormatModule = {default: Formatter; stream?: StreamFormatter}

const loaders: Record<FormatName, () => Promise<FormatModule>> = {
  stylish: () => import('./stylish.js'),
  json: () => import('./json.js'),
  junit: () => import('./junit.js'),
  sarif: () => import('./sarif.js'),
  github: () => import('./github.js'),
}

export async function loadFormatter(name: FormatName): Promise<Formatter> {
  return (await loaders[name]()).default
}

/** The stream of a format, or undefined when it is written only from every result at once. */
export async function loadStreamFormatter(name: FormatName): Promise<StreamFormatter | undefined> {
  return (await loaders[name]()).stream
}

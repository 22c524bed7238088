// Formatter names -> formatters, loaded only when chosen.
import type {Formatter} from './formatter.js'

export const FORMATS = ['stylish', 'json', 'junit', 'sarif', 'github'] as const
export type FormatName = (typeof FORMATS)[number]

const loaders: Record<FormatName, () => Promise<{default: Formatter}>> = {
  stylish: () => import('./stylish.js'),
  json: () => import('./json.js'),
  junit: () => import('./junit.js'),
  sarif: () => import('./sarif.js'),
  github: () => import('./github.js'),
}

export async function loadFormatter(name: FormatName): Promise<Formatter> {
  return (await loaders[name]()).default
}

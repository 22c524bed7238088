// Report format names -> renderers, loaded only when chosen.
import type {Renderer} from './renderer.js'

export const REPORT_FORMATS = ['table', 'markdown', 'html', 'json', 'csv'] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]

const loaders: Record<ReportFormat, () => Promise<{default: Renderer}>> = {
  table: () => import('./table.js'),
  markdown: () => import('./markdown.js'),
  html: () => import('./html.js'),
  json: () => import('./json.js'),
  csv: () => import('./csv.js'),
}

export async function loadRenderer(format: ReportFormat): Promise<Renderer> {
  return (await loaders[format]()).default
}

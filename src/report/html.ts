// The report as one self-contained HTML page (placeholder until the full NHS.UK-styled page lands).
import type {Renderer} from './renderer.js'

const html: Renderer = () => {
  throw new Error('html report: not yet implemented')
}

export default html

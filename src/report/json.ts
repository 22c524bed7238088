// The report as JSON: the compliance model itself (shape documented in the README).
import type {Renderer} from './renderer.js'

const json: Renderer = (report) => `${JSON.stringify(report, null, 2)}\n`

export default json

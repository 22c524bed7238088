// The report as JSON: the compliance model itself (shape documented in the README), named by its
// format and version so that a later `report --compare` can read it; with --compare, `since` too.
import {REPORT_FORMAT, REPORT_VERSION} from './compare.js'
import type {Renderer} from './renderer.js'

const json: Renderer = (report, {comparison}) =>
  `${JSON.stringify({format: REPORT_FORMAT, version: REPORT_VERSION, ...report, ...(comparison ? {since: comparison} : {})}, null, 2)}\n`

export default json

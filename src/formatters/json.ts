// The machine contract of cli.md: one JSON array, a result per file, in run order.
import type {Formatter} from './formatter.js'

const json: Formatter = (results) => `${JSON.stringify(results, null, 2)}\n`

export default json

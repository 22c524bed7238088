// The machine contract of cli.md: one JSON array, a result per file, in run order.
import {jsonArrayStream, wholeOf, type StreamFormatter} from './formatter.js'

const RESULTS = '\0results'

export const stream: StreamFormatter = () => jsonArrayStream(RESULTS, RESULTS, (result) => [result])

export default wholeOf(stream)

// Every test process runs under the no-network guard too (test/no-network.cjs): an in-process test
// that opened a socket would end its worker with exit code 99 and fail the run.
import {createRequire} from 'node:module'

createRequire(import.meta.url)('./no-network.cjs')

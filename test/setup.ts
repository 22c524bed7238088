// Every test process runs under the no-network guard too (test/no-network.cjs): an in-process test
// that opened a socket would end its worker with exit code 99 and fail the run. And every property
// test draws from one seed (test/seed.ts), fixed unless PCH_PROPERTY_SEED gives another.
import {createRequire} from 'node:module'
import fc from 'fast-check'
import {PROPERTY_SEED} from './seed.js'

createRequire(import.meta.url)('./no-network.cjs')
fc.configureGlobal({seed: PROPERTY_SEED})

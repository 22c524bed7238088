// A worker thread of a parallel run (parallel.ts): phase 1 of the files it takes, posted back as
// plain data. A file that cannot be read is reported, not thrown, so the main thread can end the
// run on the first such file in order, as a run in one thread does.
import {parentPort, workerData} from 'node:worker_threads'
import {contentHash} from '../cache/cache.js'
import {limitsOf} from '../config/config.js'
import {UsageError} from '../io/load.js'
import {workerLoop, type WorkerMessage, type WorkerResult, type WorkerTask} from './parallel.js'
import {inspectRead, keptForPhase2} from '../pipeline/run.js'
import type {CheckOptions} from '../pipeline/check.js'
import type {Registry} from '../../rule-api/registry.js'
import {read} from '../io/source-text.js'

const task = workerData as WorkerTask
// The registry the main thread was handed: functions cannot be posted, so it is imported by its module's URL.
const {registry} = (await import(task.registry)) as {registry: Registry}
const options: CheckOptions = {...task.options, registry}
const post = (message: WorkerMessage): void => parentPort!.postMessage(message)

function inspect(index: number): WorkerResult {
  const {path, hash: cached} = task.files[index]!
  try {
    const {filePath, text, name, once} = read({kind: 'file', path}, {}, task.cwd, limitsOf(options.config).maxFileSize)
    const hash = task.cache ? contentHash(filePath, name, text) : undefined
    const kept = keptForPhase2(text, once, options)
    if (hash !== undefined && hash === cached) return {index, cached: true, ...kept}
    return {index, file: inspectRead(filePath, text, name, options), ...(hash === undefined ? {} : {hash}), ...kept}
  } catch (error) {
    if (error instanceof UsageError) return {index, error: error.message}
    throw error
  }
}

try {
  workerLoop(task, post, inspect)
} catch (error) {
  post({fatal: error instanceof Error ? (error.stack ?? error.message) : String(error)})
}

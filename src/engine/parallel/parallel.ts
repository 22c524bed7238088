// Phase 1 over worker threads. The main thread and the workers take batches of files from one
// shared counter until none are left, so a slow file never holds up a whole share; each result
// goes to its file's place in the list, so output is in the order of the sources whatever thread
// checked which file. Phases 2 and 3 run in the main thread as always.
import {availableParallelism} from 'node:os'
import type {CheckedFile} from '../pipeline/check.js'
import type {FileResult} from '../../rule-api/types.js'
import {UsageError} from '../io/load.js'
import {
  finishRun,
  inspectAll,
  inspectSource,
  keptCompact,
  phaseOneOf,
  planRun,
  type Inspected,
  type PhaseOne,
  type RunInput,
  type RunOutput,
  type RunPlan,
} from '../pipeline/run.js'

/** Files a worker must have to be worth starting (a worker costs ~60 ms to start; a file ~0.3 ms). */
export const FILES_PER_WORKER = 400

/**
 * Cores `auto` needs before it starts any worker. A worker repeats what the main thread has already
 * paid for (loading, compiling and warming up the checks) and its results are copied back: over
 * 10,000 files two threads took ~40 % more CPU time than one (2.05 s against 1.42 s, bench repo, 2
 * cores). On two cores that leaves little to gain on an idle machine and a loss whenever anything
 * else runs, so `auto` keeps to one thread there; a number still starts what it asks for.
 */
export const AUTO_MIN_CORES = 3
/** Files taken from the shared counter at a time. */
export const BATCH = 32

/** What a worker needs: plain data only. */
export interface WorkerTask {
  files: Array<{path: string; hash?: string}>
  cwd: string
  /** The run's options without its registry, which holds functions: */
  options: Omit<RunPlan['options'], 'registry'>
  /** the worker imports it again from its module (Registry.module). */
  registry: string
  cache: boolean
  /** [next file to take, batches posted]. */
  control: SharedArrayBuffer
}

/** A worker's answer for one file. */
export type WorkerResult =
  | {index: number; file: CheckedFile; hash?: string; again?: string}
  | {index: number; cached: true; again?: string}
  | {index: number; error: string}

export type WorkerMessage = {results: WorkerResult[]} | {done: true} | {fatal: string}

/** Threads for phase 1: a number (1: this thread alone), or 'auto' for the machine's cores. */
export type Concurrency = number | 'auto'

/** Worker threads a run would use: none for few files, standard input, --fix, or running from source. */
export function workerCount(plan: RunPlan, concurrency: Concurrency): number {
  const {input, sources} = plan
  if (input.collect?.fixes || input.overrides || sources.hasStdin) return 0
  if (import.meta.url.endsWith('.ts')) return 0
  return workersFor(concurrency, sources.length, availableParallelism())
}

/** Workers for a concurrency over `files` files on `cores` cores (the main thread is one of the threads). */
export function workersFor(concurrency: Concurrency, files: number, cores: number): number {
  if (typeof concurrency === 'number') return Math.max(0, Math.min(concurrency - 1, files - 1))
  if (cores < AUTO_MIN_CORES) return 0
  return Math.max(0, Math.min(cores - 1, Math.floor(files / FILES_PER_WORKER)))
}

/**
 * `run`, with phase 1 spread over worker threads when there are enough files to gain from it; with
 * `each`, the results go to it in order as they are finished (finishRun).
 */
export async function runParallel(input: RunInput, concurrency: Concurrency = 1, each?: (result: FileResult) => void): Promise<RunOutput> {
  const plan = planRun(input)
  const workers = workerCount(plan, concurrency)
  const phaseOne = phaseOneOf(plan, each !== undefined)
  if (workers === 0) return finishRun(plan, inspectAll(plan, phaseOne), each)
  try {
    await inspectInParallel(plan, workers, phaseOne)
  } catch (error) {
    phaseOne.close()
    throw error
  }
  return finishRun(plan, phaseOne, each)
}

/** Phase 1 over `count` workers and this thread, into `phaseOne` in source order. */
async function inspectInParallel(plan: RunPlan, count: number, phaseOne: PhaseOne): Promise<void> {
  const {cwd, sources, cache} = plan
  const paths = sources.map((source) => (source.kind === 'file' ? source.path : ''))
  const control = new SharedArrayBuffer(8)
  const next = new Int32Array(control)
  const task: WorkerTask = {
    files: paths.map((file) => ({path: file, ...(cache ? {hash: cache.hashOf(file)} : {})})),
    cwd,
    options: withoutRegistry(plan.options),
    registry: plan.options.registry.module,
    cache: cache !== undefined,
    control,
  }
  const inOrder = sourceOrder(phaseOne)
  const take = (result: WorkerResult): void => {
    const source = sources.at(result.index)!
    if ('error' in result) return inOrder.put(result.index, {error: result.error})
    const again = result.again === undefined ? {} : {again: result.again}
    if ('cached' in result)
      return inOrder.put(result.index, {file: cache!.get(paths[result.index]!, task.files[result.index]!.hash!)!, source, ...again})
    const file = keptCompact(result.file, plan.strings)
    if (cache && result.hash !== undefined) cache.set(paths[result.index]!, result.hash, file)
    inOrder.put(result.index, {file, source, ...again})
  }
  // Loaded here, not at the top: a run without workers (most runs of a few files) never needs it (~2 ms).
  const {Worker} = await import('node:worker_threads')
  const started = Array.from({length: count}, () => startWorker(Worker, task, take))
  // The main thread takes batches too, between the workers' messages.
  for (;;) {
    const start = Atomics.add(next, 0, BATCH)
    if (start >= sources.length) break
    for (let index = start; index < Math.min(start + BATCH, sources.length); index++) {
      try {
        inOrder.put(index, inspectSource(plan, sources.at(index)!))
      } catch (error) {
        if (!(error instanceof UsageError)) throw error
        inOrder.put(index, {error: error.message})
      }
    }
    // Let the workers' results in as they come, rather than all at the end.
    await new Promise<void>((resolve) => setImmediate(resolve))
  }
  await Promise.all(started)
  inOrder.end(paths)
}

/**
 * Results as they come from the threads (out of order, but near it: every thread takes the next
 * batch of one counter) into `phaseOne` in source order; those that come early wait for the ones
 * before them. As in one thread, the first file in order that cannot be read ends the run.
 */
export function sourceOrder(phaseOne: PhaseOne): {
  put(index: number, slot: Inspected | {error: string}): void
  /** Throws the first file's error, or for a file with no result. */
  end(paths: readonly string[]): void
} {
  const waiting = new Map<number, Inspected | {error: string}>()
  let next = 0
  let failed: string | undefined
  return {
    put(index, slot) {
      if (failed !== undefined) return
      waiting.set(index, slot)
      for (let item = waiting.get(next); item !== undefined && failed === undefined; item = waiting.get(next)) {
        waiting.delete(next++)
        if ('error' in item) failed = item.error
        else phaseOne.add(item)
      }
    },
    end(paths) {
      if (failed !== undefined) throw new UsageError(failed)
      if (next < paths.length) throw new Error(`no result for ${paths[next]}`)
    },
  }
}

function withoutRegistry({registry: _registry, ...options}: RunPlan['options']): WorkerTask['options'] {
  return options
}

function startWorker(
  Worker: typeof import('node:worker_threads').Worker,
  task: WorkerTask,
  take: (result: WorkerResult) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    // A small young generation: a worker adds less to peak memory, at no measurable cost in time.
    const worker = new Worker(new URL('./worker.js', import.meta.url), {workerData: task, resourceLimits: {maxYoungGenerationSizeMb: 6}})
    let done = false
    worker.on('message', (message: WorkerMessage) => {
      if ('results' in message) message.results.forEach(take)
      else if ('fatal' in message) reject(new Error(message.fatal))
      else done = true
    })
    worker.on('error', reject)
    worker.on('exit', (code) =>
      done ? resolve() : reject(new Error(`a worker thread stopped (exit code ${code}) before finishing its files`)),
    )
  })
}

/** Phase 1 of a worker's files, batch by batch from the shared counter (runs in the worker). */
export function workerLoop(task: WorkerTask, post: (message: WorkerMessage) => void, inspect: (index: number) => WorkerResult): void {
  const next = new Int32Array(task.control)
  for (;;) {
    const start = Atomics.add(next, 0, BATCH)
    if (start >= task.files.length) break
    const results: WorkerResult[] = []
    for (let index = start; index < Math.min(start + BATCH, task.files.length); index++) results.push(inspect(index))
    post({results})
  }
  post({done: true})
}

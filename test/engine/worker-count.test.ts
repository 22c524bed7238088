// How many worker threads a run starts: `auto` only where a worker can win (3 cores or more, about
// 400 files a worker), a number as asked (never more workers than files less one).
import {describe, expect, it} from 'vitest'
import {workersFor} from '../../src/engine/parallel/parallel.js'

describe('workersFor', () => {
  it.each([
    // cores, files, workers
    [1, 10_000, 0],
    [2, 10_000, 0],
    [3, 399, 0],
    [3, 800, 2],
    [3, 10_000, 2],
    [8, 1_200, 3],
    [8, 10_000, 7],
  ])('auto on %i cores and %i files: %i workers', (cores, files, expected) => {
    expect(workersFor('auto', files, cores)).toBe(expected)
  })

  it.each([
    [2, 10_000, 2, 1],
    [4, 10_000, 2, 3],
    [8, 2, 16, 1],
    [1, 10_000, 16, 0],
  ])('--concurrency %i over %i files on %i cores: %i workers', (threads, files, cores, expected) => {
    expect(workersFor(threads, files, cores)).toBe(expected)
  })
})

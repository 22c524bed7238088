// Vitest: the suite as projects, so `npm test` can run the fast part alone: "unit" (rule tables and
// unit tests, a few of which run the built binary), "e2e" (pch run as users run it, the real editor,
// browser and npm pack tests included), and "unit-isolated" (unit tests that replace a module).
import {readFileSync} from 'node:fs'
import {availableParallelism} from 'node:os'
import {globSync} from 'tinyglobby'
import {defineConfig} from 'vitest/config'

const E2E = ['test/e2e/**/*.test.ts', 'test/lsp/neovim.test.ts']
// A file that mocks a module (vi.mock) needs a module graph of its own; found by reading the files,
// so that a new one cannot be forgotten in a list.
const MOCKING = globSync('test/**/*.test.ts', {ignore: E2E}).filter((file) => /\bvi\.(do)?[mM]ock\(/.test(readFileSync(file, 'utf8')))

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default is a worker fewer than the cores: one on 2 cores. A test mostly waits on the
    // processes it starts, so a worker a core keeps them busy (measured in the README's Tests section).
    maxWorkers: Math.max(2, availableParallelism()),
    setupFiles: ['test/setup.ts'],
    reporters: ['default', './test/summary-reporter.ts'],
    projects: [
      // isolate: false: one module graph per worker, not one per file (most of the unit time was
      // importing src/ again for each of 70 files). No test changes global state it does not restore.
      {extends: true, test: {name: 'unit', include: ['test/**/*.test.ts'], exclude: [...E2E, ...MOCKING], isolate: false}},
      {extends: true, test: {name: 'unit-isolated', include: MOCKING}},
      {extends: true, test: {name: 'e2e', include: E2E, isolate: false}},
    ],
  },
})

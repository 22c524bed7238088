// The seed and case count of every property test (fast-check), read once for the suites, the setup file and the summary line.
// A fixed seed by default, so two runs draw the same cases and a failure is there again on the next
// run; CI (.ci/run) sets PCH_PROPERTY_SEED to a new one each run, so over time it draws many more.

const DEFAULT_SEED = 20261101

/** The whole number `name` holds in the environment (`env`), or `fallback` when it is unset or empty. */
export function fromEnv(name: string, fallback: number, env: NodeJS.ProcessEnv = process.env): number {
  const value = env[name]
  if (value === undefined || value === '') return fallback
  if (!/^\d+$/.test(value) || Number(value) >= 2 ** 31)
    throw new Error(`${name}=${value}: expected a whole number from 0 to ${2 ** 31 - 1}`)
  return Number(value)
}

export const PROPERTY_SEED = fromEnv('PCH_PROPERTY_SEED', DEFAULT_SEED)

/** Cases a property draws: `runs`, or fewer when PCH_PROPERTY_RUNS asks (never more than the test's own number). */
export const propertyRuns = (runs: number, env: NodeJS.ProcessEnv = process.env): number =>
  Math.min(runs, fromEnv('PCH_PROPERTY_RUNS', runs, env))

/** The line that replays a failure with this seed. */
export const replayLine = (file = ''): string =>
  `property seed ${PROPERTY_SEED}: replay with PCH_PROPERTY_SEED=${PROPERTY_SEED} npx vitest run${file ? ` ${file}` : ''}`

// The property tests' seed (test/seed.ts): fixed by default, set for every fast-check run by test/setup.ts.
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {fromEnv, PROPERTY_SEED, propertyRuns, replayLine} from './seed.js'

describe('property seed', () => {
  it("is fast-check's for every run that names none, so a run draws the same cases again", () => {
    const drawn = fc.sample(fc.nat(), 5)
    expect(fc.sample(fc.nat(), 5)).toEqual(drawn)
    expect(fc.sample(fc.nat(), {numRuns: 5, seed: PROPERTY_SEED})).toEqual(drawn)
    expect(fc.sample(fc.nat(), {numRuns: 5, seed: PROPERTY_SEED + 1})).not.toEqual(drawn)
  })

  it('is 20261101 unless PCH_PROPERTY_SEED gives a whole number below 2^31', () => {
    expect(fromEnv('PCH_PROPERTY_SEED', 20261101, {})).toBe(20261101)
    expect(fromEnv('PCH_PROPERTY_SEED', 20261101, {PCH_PROPERTY_SEED: ''})).toBe(20261101)
    expect(fromEnv('PCH_PROPERTY_SEED', 20261101, {PCH_PROPERTY_SEED: '2147483647'})).toBe(2147483647)
    for (const bad of ['-1', '1.5', 'x', '2147483648']) {
      expect(() => fromEnv('PCH_PROPERTY_SEED', 1, {PCH_PROPERTY_SEED: bad})).toThrow(
        `PCH_PROPERTY_SEED=${bad}: expected a whole number from 0 to 2147483647`,
      )
    }
    expect(replayLine('test/e2e/properties.test.ts')).toBe(
      `property seed ${PROPERTY_SEED}: replay with PCH_PROPERTY_SEED=${PROPERTY_SEED} npx vitest run test/e2e/properties.test.ts`,
    )
  })

  it("draws a test's own number of cases, or fewer when PCH_PROPERTY_RUNS asks", () => {
    expect(propertyRuns(2000, {})).toBe(2000)
    expect(propertyRuns(2000, {PCH_PROPERTY_RUNS: '200'})).toBe(200)
    expect(propertyRuns(400, {PCH_PROPERTY_RUNS: '2000'})).toBe(400)
    expect(() => propertyRuns(400, {PCH_PROPERTY_RUNS: 'many'})).toThrow('PCH_PROPERTY_RUNS=many: expected a whole number')
  })
})

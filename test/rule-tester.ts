// ESLint-style table tests for rules: each case is a definition and the exact findings it yields.
import {describe, expect, it} from 'vitest'
import type {Config} from '../src/engine/config/config.js'
import type {Mode} from '../src/rule-api/types.js'
import {findings} from './helpers.js'

export interface InvalidCase {
  name: string
  code: string
  /** Every finding expected, as "ruleId@line:column" (the rule under test or any other). */
  errors: string[]
  mode?: Mode
  today?: string
  /** The run's config (local rules are declared in one). */
  config?: Config
}

export interface ValidCase {
  name: string
  code: string
  mode?: Mode
  today?: string
  config?: Config
}

/** Runs valid cases (the rule stays silent) and invalid cases (exactly these findings). */
export function ruleTable(ruleId: string, table: {valid: ValidCase[]; invalid: InvalidCase[]}): void {
  describe(ruleId, () => {
    it.each(table.valid.map((c) => [c.name, c] as const))('valid: %s', (_name, c) => {
      expect(findings(c.code, c.mode ?? 'validate', c.today, c.config).filter((f) => f.startsWith(`${ruleId}@`))).toEqual([])
    })
    it.each(table.invalid.map((c) => [c.name, c] as const))('invalid: %s', (_name, c) => {
      expect(findings(c.code, c.mode ?? 'validate', c.today, c.config)).toEqual(c.errors)
    })
  })
}

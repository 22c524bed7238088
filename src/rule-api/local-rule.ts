// What a config's local rule declares and how a fault in it is reported: shared by the config
// loader (engine/config) and the compiler of local rules (rules/local.ts).
import type {LocalDeclaration} from './rule.js'
import type {Characteristic} from './types.js'

/** A config's `local/NAME` entry, as plain data (it travels to worker threads). */
export interface LocalRuleDeclaration extends LocalDeclaration {
  id: string
  severity: 'error' | 'warning'
  characteristic: Characteristic
  docs?: string
}

/** A fault of a declaration: where in it (a JSON Pointer below the rule's entry, at a value or a key), and what. */
export class LocalRuleError extends Error {
  constructor(
    readonly pointer: string,
    message: string,
    readonly target: 'value' | 'key' = 'value',
  ) {
    super(message)
  }
}

/** A local rule's name: `local/` and a kebab-case name, as the built-in ids. */
export const LOCAL_ID = /^local\/[a-z0-9]+(?:-[a-z0-9]+)*$/

/** What a config may declare: enough for any ICB, few enough that loading one stays quick. */
export const MAX_LOCAL_RULES = 1000

// The data types every layer shares: findings, results and rule definitions.

export type Severity = 'error' | 'warning' | 'info'
export type Characteristic = 1 | 2 | 3 | 4 | null

/** Where a finding points: the value at `path`, or the key that holds it. */
export type Target = 'value' | 'key'

/** A value a message template may interpolate; numbers are formatted for people. */
export type MessageValue = string | number | readonly string[]
export type MessageData = Readonly<Record<string, MessageValue>>

/** A 1-based line:column range in the source text (end exclusive, as ESLint). */
export interface Range {
  line: number
  column: number
  endLine: number
  endColumn: number
}

/** A finding as a check produces it: data first, positioned later from its path. */
export interface Problem {
  ruleId: string
  /** JSON Pointer inside the document. */
  path: string
  target?: Target
  message: string
  /** Set only where the position is known directly from the text (yaml/* errors). */
  at?: Range
}

/** One finding as users see it (the JSON output contract of cli.md). */
export interface Message {
  ruleId: string
  severity: Severity
  message: string
  line: number
  column: number
  endLine: number
  endColumn: number
  path: string
  characteristic: Characteristic
  fixable: boolean
  documentIndex?: number
  excepted?: boolean
}

export interface FileResult {
  filePath: string
  documents: number
  errorCount: number
  warningCount: number
  messages: Message[]
  /** lint with a suppressions file: the findings it suppressed (not reported, not counted). */
  suppressedMessages?: Message[]
}

export type Mode = 'validate' | 'lint'

export interface RunOptions {
  mode: Mode
  /** "Today" for date-dependent rules, YYYY-MM-DD. */
  today: string
}

// The ODS registers a run may be given (engine/io/ods.ts reads them; the register rules look codes up).
export interface RegisterEntry {
  /** "active", or what the register says instead (closed, dormant, proposed, inactive). */
  status: string
  closed?: string
}

export type OdsRegister = ReadonlyMap<string, RegisterEntry>

export interface TrustEntry {
  /** The trust's name as the register writes it (upper case). */
  name: string
  /** YYYY-MM-DD, when the trust has closed. */
  closed?: string
}

export type TrustRegister = ReadonlyMap<string, TrustEntry>

// Local rules (rules.md "Local rules"): a config's `local/NAME` declarations, data only, compiled
// once per config into ordinary rules: every value at `given` that satisfies `where` must satisfy
// `then`. Schemas are compiled by ajv (draft 2020-12, strict) matching patterns in linear time
// (linear-pattern.ts), and may refer only inside themselves: pch fetches no schema.
import type {Ajv2020, ValidateFunction} from 'ajv/dist/2020.js'
import {formatNumber, shorten} from '../rule-api/messages.js'
import {getAt, joinPointer, parsePointer} from '../rule-api/pointer.js'
import {createAjv} from '../rule-api/schemas.js'
import {linearPattern, UnsupportedPattern} from './linear-pattern.js'
import {simpleSchema, type SchemaCheck} from './simple-schema.js'
import type {Rule, RuleContext, RuleMeta} from '../rule-api/rule.js'
import {INVALID} from '../rule-api/site.js'
import {LocalRuleError, type LocalRuleDeclaration} from '../rule-api/local-rule.js'

/** Every declaration of a config as a rule; throws LocalRuleError. */
export function compileLocalRules(declarations: readonly LocalRuleDeclaration[]): Rule[] {
  return declarations.map(localRuleCompiler())
}

/**
 * A compiler of declarations into rules, sharing one ajv instance (making one costs ~100 ms: it
 * compiles the meta-schemas); each call throws LocalRuleError naming the place in the declaration.
 */
export function localRuleCompiler(): (declaration: LocalRuleDeclaration) => Rule {
  let ajv: Ajv2020 | undefined
  // Made only for a schema beyond the plain keywords (simple-schema.ts): most configs never need it.
  return (declaration) => compileLocalRule(declaration, () => (ajv ??= localAjv()))
}

function compileLocalRule(declaration: LocalRuleDeclaration, ajv: () => Ajv2020): Rule<'failed'> {
  const render = messageTemplate(declaration.message)
  const where = declaration.where === undefined ? undefined : schemaCheck(ajv, declaration.where, '/where')
  const then = schemaCheck(ajv, declaration.then, '/then')
  const meta: RuleMeta = {
    id: declaration.id,
    characteristic: declaration.characteristic,
    severity: declaration.severity,
    compliance: false,
    scope: 'file',
    fixable: false,
    summary: declaration.message,
    docs: {description: declaration.docs ?? `A local rule of ${declaration.declaredIn}.`, failing: '', passing: ''},
    local: {
      declaredIn: declaration.declaredIn,
      given: declaration.given,
      ...(declaration.where === undefined ? {} : {where: declaration.where}),
      then: declaration.then,
      message: declaration.message,
    },
  }
  // A failure of the value at `keys`, or none.
  const evaluate: Evaluate = (value, keys) => {
    // A value the schema rejected is INVALID: the schema has reported it, so no rule does again.
    if (value === INVALID || (where && where(value) !== undefined)) return undefined
    const failing = then(value)
    if (failing === undefined || (failing !== '' && getAt(value, failing) === INVALID)) return undefined
    const path = pointerOf(keys)
    // At the part of the value that fails, as ajv names it (the value itself for `required`).
    return {path: `${path}${failing}`, messageId: 'failed', data: {message: render(value, path)}}
  }
  const walked: Walked = {segments: parsePointer(declaration.given), evaluate}
  // Alone, a rule walks the document for itself: a group of one (shareWalk groups a config's rules).
  const rule: Rule<'failed'> = {meta, messages: {failed: '{message}'}, check: groupChecks([walked])[0]!}
  walkedOf.set(rule, walked)
  return rule
}

type Report = Parameters<RuleContext['report']>[0]
type Evaluate = (value: unknown, keys: ReadonlyArray<string | number>) => Report | undefined
/** What a local rule checks: the values at `segments`, each by `evaluate`. */
interface Walked {
  segments: readonly string[]
  evaluate: Evaluate
}
const walkedOf = new WeakMap<Rule, Walked>()

/**
 * `rules` with every local rule among them checking through one walk of each document shared by
 * them all: each value on the way to any rule's `given` is visited once, whatever the number of
 * rules. The first of them checked in a document walks it for all; each reports its own failures
 * when it is checked, in document order, as it would alone.
 */
export function shareWalk(rules: readonly Rule[]): Rule[] {
  const local = rules.filter((rule) => walkedOf.has(rule))
  if (local.length < 2) return [...rules]
  const checks = groupChecks(local.map((rule) => walkedOf.get(rule)!))
  const shared = new Map(local.map((rule, member) => [rule, {...rule, check: checks[member]!}]))
  return rules.map((rule) => shared.get(rule) ?? rule)
}

/** One check for each of `members`, all of them sharing one walk of each document (its context: one per document). */
function groupChecks(members: readonly Walked[]): Array<Rule['check']> {
  const walk = sharedWalker(
    members.map(({segments}) => segments),
    members.map(({evaluate}) => evaluate),
  )
  let walkedFor: RuleContext | undefined
  let found: Map<number, Report[]> | undefined
  const failed: Failed = (member, report) => {
    found ??= new Map()
    const reports = found.get(member)
    if (reports) reports.push(report)
    else found.set(member, [report])
  }
  return members.map((_, member) => (context) => {
    if (context !== walkedFor) {
      walkedFor = context
      found = undefined
      walk(context.data, failed)
    }
    const reports = found?.get(member)
    if (reports) for (const report of reports) context.report(report)
  })
}

/** A strict 2020-12 ajv whose `pattern` and `patternProperties` run in linear time (exported for the tests of simple-schema.ts). */
export function localAjv(): Ajv2020 {
  const regExp = Object.assign((pattern: string) => linearPattern(pattern), {code: 'pch-linear-pattern'})
  // Strict (an unknown keyword or format is an error), but `{required: [odsCode]}` needs neither
  // `type: object` nor `properties`: the definition's own schema has already checked their shape.
  // Compiled on every run that has local rules, so what costs start-up is left out: ajv's code
  // optimisation, and checking each schema against the meta-schema (compiling that costs ~60 ms) -
  // ajv still refuses a keyword of the wrong type (`minLength: many`, `type: strin`).
  return createAjv({
    allErrors: false,
    verbose: false,
    messages: false,
    strictTypes: false,
    strictRequired: false,
    validateSchema: false,
    code: {regExp, optimize: false},
  })
}

/** A check of a rule's schema: without ajv when it is a plain one, else compiled by ajv; throws LocalRuleError. */
export function schemaCheck(ajv: () => Ajv2020, schema: Record<string, unknown> | boolean, at: string): SchemaCheck {
  const simple = simpleSchema(schema)
  if (simple !== undefined) return simple
  const validate = compileSchema(ajv(), schema, at)
  return (value) => (validate(value) ? undefined : (validate.errors?.[0]?.instancePath ?? ''))
}

function compileSchema(ajv: Ajv2020, schema: Record<string, unknown> | boolean, at: string): ValidateFunction {
  try {
    return ajv.compile(schema)
  } catch (error) {
    const failure = error as Error & {missingRef?: string}
    if (error instanceof UnsupportedPattern) {
      // The value of a `pattern`, or a key of `patternProperties`.
      let target: 'value' | 'key' = 'value'
      const where = findInSchema(
        schema,
        (key, value) => (key === 'pattern' && value === error.pattern) || (key === error.pattern && (target = 'key') === 'key'),
      )
      throw new LocalRuleError(
        `${at}${where ?? ''}`,
        `the pattern ${JSON.stringify(error.pattern)} is not supported: pch matches patterns in linear time (RE2 syntax, without lookaround or backreferences): ${error.message}`,
        target,
      )
    }
    if (failure.missingRef !== undefined) {
      const ref = failure.missingRef
      const where = findInSchema(
        schema,
        (key, value) => key === '$ref' && typeof value === 'string' && (value === ref || ref.endsWith(value)),
      )
      throw new LocalRuleError(
        `${at}${where ?? ''}`,
        `$ref ${JSON.stringify(ref)} points outside the rule: pch fetches no schema, and a $ref may point only inside it (#/$defs/...)`,
      )
    }
    // ajv names a keyword it does not know (strict mode): point at it.
    const keyword = /unknown keyword: "([^"]+)"/.exec(failure.message)?.[1]
    const where = keyword === undefined ? undefined : findInSchema(schema, (key) => key === keyword)
    throw new LocalRuleError(
      `${at}${where ?? ''}`,
      `${at.slice(1)} is not a JSON Schema pch can use: ${failure.message}`,
      where === undefined ? 'value' : 'key',
    )
  }
}

/** The pointer (below `schema`) of the first member for which `test(key, value)` holds. */
function findInSchema(schema: unknown, test: (key: string, value: unknown) => boolean): string | undefined {
  const stack: Array<[unknown, string]> = [[schema, '']]
  while (stack.length > 0) {
    const [node, pointer] = stack.pop()!
    if (node === null || typeof node !== 'object') continue
    const members = Object.entries(node)
    for (const [key, value] of members) if (test(key, value)) return `${pointer}${joinPointer(key)}`
    for (const [key, value] of members.reverse()) stack.push([value, `${pointer}${joinPointer(key)}`])
  }
  return undefined
}

/** A failure of pattern `member`'s rule. */
type Failed = (member: number, report: Report) => void

/**
 * A state of the shared walk: the patterns that a value's keys so far match, each with the depth of
 * its next segment (a set of them, as a DFA's state is of an NFA's). Its transitions are made on
 * first use and kept for the patterns' own keys (a few), so walking interprets no pointer.
 */
interface State {
  /** The patterns that end here: the value is one they check; and their checks. */
  ends: number[]
  checks: Evaluate[]
  /** The patterns that go on, with their next segment's depth. */
  going: ReadonlyArray<readonly [pattern: number, depth: number]>
  /** Some pattern goes on with `*`: every key leads on. */
  any: boolean
  /** The distinct literal next segments, each with whether it can name an array's element, and the state it leads to. */
  literals: string[]
  indexes: boolean[]
  /** Some literal is an index. */
  indexed: boolean
  next: Map<string, State | null>
  /** The state of a key that is no literal (the `*` patterns alone). */
  other: State | null | undefined
}

/**
 * A walk that checks each value at each of `patterns` (`*` matches every key or index) by that
 * pattern's `evaluates` with the keys that lead to it, and hands each failure to `failed`, visiting
 * every value on the way once for all patterns: for each pattern, its values in document order. The
 * keys are one array, changed as the walk goes on: a check reads them at once (pointerOf) or not at
 * all, so the walk builds no pointer for a value that passes.
 */
function sharedWalker(patterns: ReadonlyArray<readonly string[]>, evaluates: readonly Evaluate[]): (data: unknown, failed: Failed) => void {
  const stateOf = (going: ReadonlyArray<readonly [number, number]>): State | null => {
    if (going.length === 0) return null
    const ends: number[] = []
    const on: Array<readonly [number, number]> = []
    const literals: string[] = []
    for (const item of going) {
      const [pattern, depth] = item
      const segment = patterns[pattern]![depth]
      if (segment === undefined) ends.push(pattern)
      else {
        on.push(item)
        if (segment !== '*' && !literals.includes(segment)) literals.push(segment)
      }
    }
    // A segment names an array's element only as an index (RFC 6901: "0", "12", never "01" or "-").
    const indexes = literals.map((segment) => /^(?:0|[1-9]\d*)$/.test(segment))
    const any = on.some(([pattern, depth]) => patterns[pattern]![depth] === '*')
    return {
      ends,
      checks: ends.map((pattern) => evaluates[pattern]!),
      going: on,
      any,
      literals,
      indexes,
      indexed: indexes.includes(true),
      next: new Map(),
      other: undefined,
    }
  }
  const after = (state: State, key: string | undefined): State | null =>
    stateOf(
      state.going
        .filter(([pattern, depth]) => {
          const segment = patterns[pattern]![depth]
          return segment === '*' || segment === key
        })
        .map(([pattern, depth]) => [pattern, depth + 1] as const),
    )
  const literal = (state: State, key: string): State | null => {
    let next = state.next.get(key)
    if (next === undefined) state.next.set(key, (next = after(state, key)))
    return next
  }
  const other = (state: State): State | null => (state.other === undefined ? (state.other = after(state, undefined)) : state.other)
  // Under `*`: a key that is a literal of the state (few) leads where the literal and `*` do.
  const byKey = (state: State, key: string): State | null => (state.literals.includes(key) ? literal(state, key) : other(state))

  // A value no pattern checks and that has nothing inside: the walk need not go there (most values under `*`).
  const stops = (node: unknown, state: State): boolean => state.ends.length === 0 && (node === null || typeof node !== 'object')
  const keys: Array<string | number> = []
  let failed: Failed
  const step = (node: unknown, state: State): void => {
    const {checks} = state
    for (let at = 0; at < checks.length; at++) {
      const report = checks[at]!(node, keys)
      if (report !== undefined) failed(state.ends[at]!, report)
    }
    if (state.going.length === 0 || node === null || typeof node !== 'object') return
    if (!state.any) literals(node, state)
    else if (Array.isArray(node)) elements(node, state)
    else members(node as Record<string, unknown>, state)
  }
  // The state's literal keys of `node` (no `*` goes on from here).
  const literals = (node: object, state: State): void => {
    const array = Array.isArray(node)
    for (let at = 0; at < state.literals.length; at++) {
      const segment = state.literals[at]!
      if ((array && !state.indexes[at]) || !Object.hasOwn(node, segment)) continue
      keys.push(segment)
      step((node as Record<string, unknown>)[segment], literal(state, segment)!)
      keys.pop()
    }
  }
  // Every element of an array, under `*`.
  const elements = (node: readonly unknown[], state: State): void => {
    for (let index = 0; index < node.length; index++) {
      const next = state.indexed ? byKey(state, String(index)) : other(state)
      const child = node[index]
      if (next === null || stops(child, next)) continue
      keys.push(index)
      step(child, next)
      keys.pop()
    }
  }
  // Every member of an object, under `*`.
  const members = (node: Record<string, unknown>, state: State): void => {
    const names = Object.keys(node)
    for (let at = 0; at < names.length; at++) {
      const name = names[at]!
      const next = state.literals.length === 0 ? other(state) : byKey(state, name)
      const child = node[name]
      if (next === null || stops(child, next)) continue
      keys.push(name)
      step(child, next)
      keys.pop()
    }
  }
  const start = stateOf(patterns.map((_, pattern) => [pattern, 0] as const))
  return (data, failing) => {
    if (start === null) return
    failed = failing
    keys.length = 0
    step(data, start)
  }
}

/** The JSON Pointer of a walk's keys. */
export function pointerOf(keys: ReadonlyArray<string | number>): string {
  return keys.length === 0 ? '' : joinPointer(...keys)
}

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g
const FIELD_PATH = /^value(?:\.[^.\s]+)*$/

/**
 * A message template: {{value}}, {{value.FIELD.FIELD}} and {{path}} are filled from the matched
 * value and its JSON Pointer, and nothing else is. A field that is absent reads "(no FIELD)".
 */
function messageTemplate(template: string): (value: unknown, path: string) => string {
  for (const [whole, inner] of template.matchAll(PLACEHOLDER)) {
    const name = inner!.trim()
    if (name !== 'path' && !FIELD_PATH.test(name))
      throw new LocalRuleError('/message', `${whole} is not a placeholder: a message may use {{value}}, {{value.FIELD}} and {{path}}`)
  }
  return (value, path) =>
    template.replace(PLACEHOLDER, (_whole, inner: string) => {
      const name = inner.trim()
      if (name === 'path') return shorten(path)
      const fields = name.split('.').slice(1)
      let node: unknown = value
      for (const field of fields) {
        if (node === null || typeof node !== 'object' || !Object.hasOwn(node, field)) return `(no ${fields.join('.')})`
        node = (node as Record<string, unknown>)[field]
      }
      return shown(node)
    })
}

function shown(value: unknown): string {
  if (value === INVALID) return '(not valid)'
  if (typeof value === 'string') return shorten(value)
  if (typeof value === 'number') return formatNumber(value)
  if (value === null || typeof value !== 'object') return String(value)
  return Array.isArray(value) ? 'a list' : 'a mapping'
}

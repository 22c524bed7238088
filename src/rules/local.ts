// Local rules (rules.md "Local rules"): a config's `local/NAME` declarations, data only, compiled
// once per config into ordinary rules: every value at `given` that satisfies `where` must satisfy
// `then`. Schemas are compiled by ajv (draft 2020-12, strict) matching patterns in linear time
// (linear-pattern.ts), and may refer only inside themselves: pch fetches no schema.
import type {Ajv2020, ValidateFunction} from 'ajv/dist/2020.js'
import {formatNumber, shorten} from '../rule-api/messages.js'
import {getAt, joinPointer, parsePointer} from '../rule-api/pointer.js'
import {createAjv} from '../rule-api/schemas.js'
import {linearPattern, UnsupportedPattern} from './linear-pattern.js'
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
  return (declaration) => compileLocalRule(declaration, (ajv ??= localAjv()))
}

function compileLocalRule(declaration: LocalRuleDeclaration, ajv: Ajv2020): Rule<'failed'> {
  const walk = matcher(parsePointer(declaration.given))
  const render = messageTemplate(declaration.message)
  const where = declaration.where === undefined ? undefined : compileSchema(ajv, declaration.where, '/where')
  const then = compileSchema(ajv, declaration.then, '/then')
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
  // One visit for every document: the context of the check under way is the only thing that changes.
  let reporting: RuleContext | undefined
  const visit: Visit = (value, keys) => {
    // A value the schema rejected is INVALID: the schema has reported it, so no rule does again.
    if (value === INVALID || (where && !where(value)) || then(value)) return
    const failing = then.errors?.[0]?.instancePath ?? ''
    if (failing !== '' && getAt(value, failing) === INVALID) return
    const path = pointerOf(keys)
    // At the part of the value that fails, as ajv names it (the value itself for `required`).
    const at = `${path}${failing}`
    reporting!.report({path: at, messageId: 'failed', data: {message: render(value, path)}})
  }
  return {
    meta,
    messages: {failed: '{message}'},
    check(context) {
      reporting = context
      walk(context.data, visit)
    },
  }
}

/** A strict 2020-12 ajv whose `pattern` and `patternProperties` run in linear time. */
function localAjv(): Ajv2020 {
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

type Visit = (value: unknown, keys: ReadonlyArray<string | number>) => void
type Step = (node: unknown, keys: Array<string | number>, visit: Visit) => void

/**
 * A walk that calls `visit` with each value at `segments` (`*` matches every key or index), in
 * document order, and the keys that lead to it. Compiled once per rule into one closure per segment,
 * so checking a document interprets no pointer. The keys are one array, changed as the walk goes on:
 * `visit` reads them at once (pointerOf) or not at all, so the walk builds no pointer for a value
 * that passes.
 */
export function matcher(segments: readonly string[]): (data: unknown, visit: Visit) => void {
  let step: Step = (node, keys, visit) => visit(node, keys)
  for (let depth = segments.length - 1; depth >= 0; depth--) step = stepOf(segments[depth]!, step)
  const first = step
  // One keys array for every walk (each push has its pop; emptied first all the same).
  const keys: Array<string | number> = []
  return (data, visit) => {
    keys.length = 0
    first(data, keys, visit)
  }
}

function stepOf(segment: string, next: Step): Step {
  if (segment === '*') {
    return (node, keys, visit) => {
      if (node === null || typeof node !== 'object') return
      if (Array.isArray(node)) {
        for (let index = 0; index < node.length; index++) {
          keys.push(index)
          next(node[index], keys, visit)
          keys.pop()
        }
        return
      }
      const names = Object.keys(node)
      for (let index = 0; index < names.length; index++) {
        const name = names[index]!
        keys.push(name)
        next((node as Record<string, unknown>)[name], keys, visit)
        keys.pop()
      }
    }
  }
  // A segment names an array's element only as an index (RFC 6901: "0", "12", never "01" or "-").
  const index = /^(?:0|[1-9]\d*)$/.test(segment)
  return (node, keys, visit) => {
    if (node === null || typeof node !== 'object' || (!index && Array.isArray(node)) || !Object.hasOwn(node, segment)) return
    keys.push(segment)
    next((node as Record<string, unknown>)[segment], keys, visit)
    keys.pop()
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

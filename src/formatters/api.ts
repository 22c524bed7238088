// The formatters as the programmatic API offers them: plain options in; pch supplies colour, its rules and its version.
import {readFileSync} from 'node:fs'
import {Chalk} from 'chalk'
import {UsageError} from '../engine/io/load.js'
import type {FileResult} from '../rule-api/types.js'
import type {Config} from '../engine/config/config.js'
import {ruleSetOf} from '../rules/rule-set.js'
import type {Formatter as Format} from './formatter.js'
import github from './github.js'
import {FORMATS, type FormatName} from './index.js'
import json from './json.js'
import junit from './junit.js'
import sarif from './sarif.js'
import stylish from './stylish.js'

/** What a caller of the API hands a formatter. */
export interface FormatOptions {
  /** ANSI colour in `stylish` (the other formats never colour). Default false. */
  color?: boolean
  /** The config of the run (`loadConfig`): its local rules are listed as the built-in ones are (SARIF's tool.driver.rules). */
  config?: Config
}

/** Results (from `validate` or `lint`) to the text of a report, as `pch --format NAME` writes it. */
export type Formatter = (results: readonly FileResult[], options?: FormatOptions) => string

let version: string | undefined
/** pch's version, from the package.json beside dist/ (or src/). */
const packageVersion = (): string =>
  (version ??= (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string}).version)

const plain =
  (format: Format): Formatter =>
  (results, options = {}) =>
    format(results, {
      color: new Chalk({level: options.color === true ? 1 : 0}),
      rules: ruleSetOf(options.config ?? {}).metas,
      version: packageVersion(),
    })

/** Every format of `--format`, by name. */
export const formatters: Readonly<Record<FormatName, Formatter>> = Object.freeze({
  stylish: plain(stylish),
  json: plain(json),
  junit: plain(junit),
  sarif: plain(sarif),
  github: plain(github),
})

/** The formatter of a `--format` name (as `formatters[name]`, for callers that load by name). */
export async function loadFormatter(name: FormatName): Promise<Formatter> {
  const formatter = Object.hasOwn(formatters, name) ? formatters[name] : undefined
  if (!formatter) throw new UsageError(`Unknown format "${String(name)}": expected one of ${FORMATS.join(', ')}`)
  return formatter
}

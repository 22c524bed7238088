// The editor's view of the repository: one project per workspace folder (as `pch lint` run in that
// folder: its nearest config, every definition below it but the ignored), with the open documents'
// text over what is on disk. Phase 1 results are kept per file and redone only for a file that
// changed; phases 2 and 3 run over the whole project for the open documents after every change.
import path from 'node:path'
import type {CheckedFile, FinishedFile} from '../engine/pipeline/check.js'
import {ConfigError, CONFIG_NAMES, findConfig} from '../engine/config/config.js'
import type {RuleSet} from '../rule-api/registry.js'
import {registry} from '../rules/registry.js'
import {DEFINITION_FILE, ignoreMatcher, resolvePaths, SourceList, UsageError} from '../engine/io/load.js'
import {finishFiles, inspectSource, planOptions, type Inspected, type RunPlan} from '../engine/pipeline/run.js'
import {localToday} from '../engine/pipeline/today.js'

/** A fault of a project as a whole (its config or a register): shown on the config file, or to the person. */
export interface ProjectFault {
  message: string
  /** The config file, and where in it (1-based), when the fault is the config's. */
  file?: string
  line?: number
  column?: number
}

/** An open document's check: phase 3 of its file, and the phase 1 data it came from. */
export interface DocumentCheck {
  finished: FinishedFile
  file: CheckedFile
  /** The rules of its run: the registry and its config's local rules (for hover). */
  rules: RuleSet
}

export const isDefinition = (file: string): boolean => DEFINITION_FILE.test(path.basename(file))
export const isConfig = (file: string): boolean => (CONFIG_NAMES as readonly string[]).includes(path.basename(file))

export class Project {
  private plan: RunPlan | undefined
  fault: ProjectFault | undefined
  /** Phase 1 of each file, by absolute path, in the order `pch lint` takes them. */
  private files = new Map<string, Inspected>()
  private today = ''
  /** The config's ignore globs, compiled once per load. */
  private ignored: ((file: string) => boolean) | undefined

  /**
   * @param root the folder (the working directory of the equivalent `pch lint`)
   * @param only a document outside every folder: the project is that one file, as `pch lint FILE`
   */
  constructor(
    readonly root: string,
    private readonly overrides: ReadonlyMap<string, string>,
    private readonly fixedToday: string | undefined,
    readonly only?: string,
  ) {
    this.load()
  }

  /** The config file this project follows, if any. */
  get configFile(): string | undefined {
    return this.plan?.options.config.file ?? this.fault?.file
  }

  /** (Re)load the config and registers, and check every file again. */
  load(): void {
    this.files = new Map()
    this.plan = undefined
    this.ignored = undefined
    this.fault = undefined
    this.today = this.fixedToday ?? localToday()
    try {
      const options = planOptions({mode: 'lint', registry, today: this.today}, this.root)
      this.plan = {
        input: {mode: 'lint', registry, paths: [], cwd: this.root, overrides: this.overrides},
        cwd: this.root,
        options,
        sources: new SourceList(),
      }
      this.ignored = ignoreMatcher(options.config)
    } catch (error) {
      // A fault of a register the config names is shown on the config too.
      this.fault = {file: findConfig(this.root), ...faultOf(error)}
      return
    }
    for (const source of this.sources()) this.inspect(source.path)
  }

  /** A file changed (on disk or in the editor), appeared or went: its phase 1 again. */
  update(file: string): void {
    if (!this.plan) return
    if (this.files.has(file) || !this.covers(file)) {
      if (!this.inspect(file)) this.files.delete(file)
      return
    }
    // A new file: its place in lint's order is the walk's.
    const known = this.files
    this.files = new Map()
    for (const source of this.sources()) {
      const kept = known.get(source.path)
      if (kept && source.path !== file) this.files.set(source.path, kept)
      else this.inspect(source.path)
    }
  }

  /** The directories whose changes matter: the root, each definition's, the config's. */
  directories(): Set<string> {
    const dirs = new Set([this.root, ...[...this.files.keys()].map((file) => path.dirname(file))])
    if (this.configFile !== undefined) dirs.add(path.dirname(this.configFile))
    return dirs
  }

  /** Whether `file` is one this project checks (below its root, a definition, not ignored). */
  covers(file: string): boolean {
    if (this.only !== undefined) return file === this.only
    if (!file.startsWith(this.root.endsWith(path.sep) ? this.root : this.root + path.sep) || !isDefinition(file)) return false
    return !this.ignored?.(file)
  }

  /** Phases 2 and 3 for the given files (open documents); undefined for one the project does not check. */
  finish(files: readonly string[]): Map<string, DocumentCheck> {
    const out = new Map<string, DocumentCheck>()
    if (!this.plan) return out
    // A long-running server's "today" follows the calendar, unless --today fixed it.
    if (this.fixedToday === undefined && localToday() !== this.today) this.load()
    const plan = this.plan!
    const wanted = files.flatMap((file) => {
      const item = this.files.get(file)
      return item ? [{file, item}] : []
    })
    const finished = finishFiles(
      plan,
      [...this.files.values()],
      wanted.map((w) => w.item),
    )
    const rules = registry.ruleSetOf(plan.options.config)
    wanted.forEach(({file, item}, i) => out.set(file, {finished: finished[i]!, file: item.file, rules}))
    return out
  }

  /** The files lint would take: the walk of the root (with the open documents not yet on disk), or the one file. */
  private sources(): Array<{path: string}> {
    if (this.only !== undefined) return [{path: this.only}]
    let sources: Array<{path: string}> = []
    try {
      sources = [...resolvePaths(['.'], this.root, this.ignored)].flatMap((s) => (s.kind === 'file' ? [s] : []))
    } catch {
      // no definition below the root (yet), or a directory that cannot be read
    }
    const listed = new Set(sources.map((s) => s.path))
    for (const file of this.overrides.keys()) {
      if (!listed.has(file) && this.covers(file)) sources.push({path: file})
    }
    return sources
  }

  /** Phase 1 of one file from the editor's text or the disk; false when it is neither open nor readable. */
  private inspect(file: string): boolean {
    if (!this.covers(file)) return false
    try {
      this.files.set(file, inspectSource(this.plan!, {kind: 'file', path: file}))
      return true
    } catch {
      return false // gone, or not readable: lint would stop; the editor shows what it can
    }
  }
}

function faultOf(error: unknown): ProjectFault {
  if (error instanceof ConfigError) return {message: error.reason, file: error.file, line: error.line, column: error.column}
  if (error instanceof UsageError) return {message: error.message, line: 1, column: 1}
  return {message: `internal error: ${error instanceof Error ? error.message : String(error)}`}
}

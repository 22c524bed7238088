// Phase 1's results of a run, in source order, as phases 2 and 3 take them (issue 20). Every file's
// claims go into the claim index as it comes; the rest of its phase 1 is kept in memory, or, for a
// run that streams its output, written to a spill (a temporary file) and read back in phase 3, so
// that what a run holds of a file until the end is its source and the hashes of its claims.
import type {CheckedFile} from './check.js'
import {ClaimIndex, type ClaimHash} from './claim-index.js'
import type {Source} from '../io/load.js'
import type {Spill} from '../io/spill.js'

/** One file's phase 1: the checked file, and its text when --fix needs it. */
export interface Inspected {
  file: CheckedFile
  source: Source
  text?: {text: string; bom: boolean}
  /** The text of a source that cannot be read a second time (a FIFO, a device), for phase 2. */
  again?: string
}

export interface PhaseOne {
  readonly claims: ClaimIndex
  /** The definitions of every file so far. */
  readonly definitions: number
  /** The next file's phase 1 (files come in source order; file `n` is the n-th added, from 0). */
  add(item: Inspected): void
  /** Phase 2's way back to file `index`: its source, and its text when it cannot be read again. */
  origin(index: number): {source: Source; again?: {text: string; filePath: string}}
  /** Phase 3: every file, in order, once. */
  entries(): Iterable<[number, Inspected]>
  /** Frees what is held (a spill's file); idempotent. */
  close(): void
}

/** Phase 1 held in memory, as it is (the LSP, --fix, --cache, the whole-array formats). */
export class KeptPhaseOne implements PhaseOne {
  readonly claims: ClaimIndex
  definitions = 0
  readonly items: Inspected[] = []

  constructor(items: readonly Inspected[] = [], hash?: ClaimHash) {
    this.claims = new ClaimIndex(hash)
    for (const item of items) this.add(item)
  }

  add(item: Inspected): void {
    this.claims.addPacked(this.items.length, item.file.claims)
    this.definitions += item.file.documents
    this.items.push(item)
  }

  origin(index: number): {source: Source; again?: {text: string; filePath: string}} {
    const {source, again, file} = this.items[index]!
    return again === undefined ? {source} : {source, again: {text: again, filePath: file.filePath}}
  }

  entries(): Iterable<[number, Inspected]> {
    return this.items.entries()
  }

  close(): void {}
}

/**
 * Phase 1 written to a spill as it comes: each file's findings, exceptions, directives and sites
 * (its claims are in the index), read back in phase 3. The files are the run's `sources`, in order.
 */
export class SpilledPhaseOne implements PhaseOne {
  readonly claims: ClaimIndex
  definitions = 0
  private count = 0
  /** The texts of sources that cannot be read again (rare: FIFOs, devices). */
  private readonly again = new Map<number, {text: string; filePath: string}>()

  constructor(
    private readonly sources: {at(index: number): Source | undefined},
    private readonly spill: Spill,
    hash?: ClaimHash,
  ) {
    this.claims = new ClaimIndex(hash)
  }

  add(item: Inspected): void {
    const index = this.count++
    const {file} = item
    this.claims.addPacked(index, file.claims)
    this.definitions += file.documents
    if (item.again !== undefined) this.again.set(index, {text: item.again, filePath: file.filePath})
    this.spill.write(spilledRecord(file))
  }

  origin(index: number): {source: Source; again?: {text: string; filePath: string}} {
    const again = this.again.get(index)
    const source = this.sources.at(index)!
    return again === undefined ? {source} : {source, again}
  }

  *entries(): Iterable<[number, Inspected]> {
    let index = 0
    for (const record of this.spill.records()) {
      yield [index, {file: fromSpilledRecord(record), source: this.sources.at(index)!}]
      index++
    }
  }

  close(): void {
    this.spill.close()
  }
}

/** A checked file as one line of JSON, without its claims: [filePath, documents, findings, exceptions, directives, sites?]. */
export function spilledRecord(file: CheckedFile): string {
  const {filePath, documents, findings, exceptions, directives, sites} = file
  return JSON.stringify(
    sites === undefined
      ? [filePath, documents, findings, exceptions, directives]
      : [filePath, documents, findings, exceptions, directives, sites],
  )
}

export function fromSpilledRecord(record: string): CheckedFile {
  const [filePath, documents, findings, exceptions, directives, sites] = JSON.parse(record) as [
    CheckedFile['filePath'],
    CheckedFile['documents'],
    CheckedFile['findings'],
    CheckedFile['exceptions'],
    CheckedFile['directives'],
    CheckedFile['sites'],
  ]
  return {filePath, documents, findings, claims: '', exceptions, directives, ...(sites === undefined ? {} : {sites})}
}

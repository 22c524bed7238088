// Phase 2's index of every claimed key of a run (issue 20): a 32-bit hash of each claim's rule and
// key, with the file that claims it, in typed arrays, so that a run of 50,000 files keeps 8 bytes a
// claim rather than a map of every key's string. Equal hashes only say which files may share a key:
// phase 2 reads those files' claims again and compares the keys themselves, so a collision of two
// different keys is never reported as a duplicate.
import type {PackedClaims} from './check.js'

/** A claim's hash: its repo rule (by its index in the registry's repoRules) and its key, as an unsigned 32-bit number. */
export type ClaimHash = (rule: number, key: string) => number

/** FNV-1a over the rule's index and the key's UTF-16 code units. */
export const claimHash: ClaimHash = (rule, key) => {
  let hash = Math.imul(0x811c9dc5 ^ rule, 0x01000193)
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193)
  return hash >>> 0
}

/** What the index says after every file is in: the hashes claimed more than once, and the files that claim one of them. */
export interface SharedClaims {
  /** The files (their index in the run) that claim a hash another claim has too, in ascending order. */
  owners: Uint32Array
  /** Whether a claim of `rule` and `key` has a hash claimed more than once (and so may be shared). */
  has(rule: number, key: string): boolean
}

export class ClaimIndex {
  private readonly hashes = new Uint32List()
  /** Per file (by its number), the count of claims up to and including its own. */
  private readonly ends = new Uint32List()

  constructor(private readonly hash: ClaimHash = claimHash) {}

  /** A claim of file `owner`: files are numbered from 0 and come in that order (a file may claim a key more than once). */
  add(owner: number, rule: number, key: string): void {
    if (owner < this.ends.length - 1) throw new Error(`claims of file ${owner} after those of file ${this.ends.length - 1}`)
    while (this.ends.length <= owner) this.ends.push(this.hashes.length)
    this.hashes.push(this.hash(rule, key))
    this.ends.set(owner, this.hashes.length)
  }

  /** The claims phase 1 packed for a file (CheckedFile.claims). */
  addPacked(owner: number, packed: PackedClaims): void {
    if (packed === '') return
    const values = JSON.parse(packed) as Array<number | string>
    for (let i = 0; i < values.length; i += 2) this.add(owner, values[i] as number, values[i + 1] as string)
  }

  shared(): SharedClaims {
    const sorted = this.hashes.toArray().sort()
    // Each hash claimed more than once, once, in ascending order.
    const repeats: number[] = []
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i] === sorted[i - 1] && repeats.at(-1) !== sorted[i]) repeats.push(sorted[i]!)
    }
    const repeated = Uint32Array.from(repeats)
    const isRepeated = (hash: number): boolean => {
      let [low, high] = [0, repeated.length - 1]
      while (low <= high) {
        const middle = (low + high) >>> 1
        const value = repeated[middle]!
        if (value === hash) return true
        if (value < hash) low = middle + 1
        else high = middle - 1
      }
      return false
    }
    const owners: number[] = []
    if (repeated.length > 0) {
      let claim = 0
      for (let owner = 0; owner < this.ends.length; owner++) {
        const end = this.ends.get(owner)
        let sharing = false
        for (; claim < end; claim++) if (!sharing && isRepeated(this.hashes.get(claim))) sharing = true
        if (sharing) owners.push(owner)
      }
    }
    return {owners: Uint32Array.from(owners), has: (rule, key) => repeated.length > 0 && isRepeated(this.hash(rule, key))}
  }
}

/**
 * A list of unsigned 32-bit numbers in pieces of a fixed size: it grows without copying, and
 * without leaving the memory allocator the freed arrays of each growth (at 50,000 files they were
 * as much again as the index).
 */
export class Uint32List {
  static readonly PIECE = 65_536
  private readonly pieces: Uint32Array[] = []
  length = 0

  push(value: number): void {
    const at = this.length % Uint32List.PIECE
    if (at === 0) this.pieces.push(new Uint32Array(Uint32List.PIECE))
    this.pieces.at(-1)![at] = value
    this.length++
  }

  get(index: number): number {
    return this.pieces[Math.floor(index / Uint32List.PIECE)]![index % Uint32List.PIECE]!
  }

  set(index: number, value: number): void {
    this.pieces[Math.floor(index / Uint32List.PIECE)]![index % Uint32List.PIECE] = value
  }

  /** Every value in one array. */
  toArray(): Uint32Array {
    const all = new Uint32Array(this.length)
    this.pieces.forEach((piece, i) =>
      all.set(piece.subarray(0, Math.min(Uint32List.PIECE, this.length - i * Uint32List.PIECE)), i * Uint32List.PIECE),
    )
    return all
  }
}

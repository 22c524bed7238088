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
  private hashes: Uint32Array<ArrayBuffer> = new Uint32Array(1024)
  private owners: Uint32Array<ArrayBuffer> = new Uint32Array(1024)
  private size = 0

  constructor(private readonly hash: ClaimHash = claimHash) {}

  /** Claims of file `owner` (files are numbered from 0 in any order; a file may claim a key more than once). */
  add(owner: number, rule: number, key: string): void {
    if (this.size === this.hashes.length) {
      // Half as much again: the last growth wastes at most a third.
      const capacity = Math.ceil(this.size * 1.5)
      this.hashes = grown(this.hashes, capacity)
      this.owners = grown(this.owners, capacity)
    }
    this.hashes[this.size] = this.hash(rule, key)
    this.owners[this.size++] = owner
  }

  /** The claims phase 1 packed for a file (CheckedFile.claims). */
  addPacked(owner: number, packed: PackedClaims): void {
    if (packed === '') return
    const values = JSON.parse(packed) as Array<number | string>
    for (let i = 0; i < values.length; i += 2) this.add(owner, values[i] as number, values[i + 1] as string)
  }

  shared(): SharedClaims {
    const hashes = this.hashes.subarray(0, this.size)
    const sorted = hashes.slice().sort()
    // Each hash claimed more than once, once, in ascending order.
    const repeats: number[] = []
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i] === sorted[i - 1] && repeats.at(-1) !== sorted[i]) repeats.push(sorted[i]!)
    }
    const repeated = Uint32Array.from(repeats)
    const count = repeated.length
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
    if (count > 0) {
      for (let i = 0; i < hashes.length; i++) if (isRepeated(hashes[i]!)) owners.push(this.owners[i]!)
    }
    const unique = Uint32Array.from(owners).sort()
    let kept = 0
    for (let i = 0; i < unique.length; i++) if (i === 0 || unique[i] !== unique[i - 1]) unique[kept++] = unique[i]!
    return {owners: unique.slice(0, kept), has: (rule, key) => count > 0 && isRepeated(this.hash(rule, key))}
  }
}

function grown(array: Uint32Array, capacity: number): Uint32Array<ArrayBuffer> {
  const larger = new Uint32Array(capacity)
  larger.set(array)
  return larger
}

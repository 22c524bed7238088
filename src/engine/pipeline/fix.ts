// Applying fix edits to a text: only the edited ranges change, every other byte is kept. Edits
// that repeat or overlap an earlier one are dropped, so no edit can eat its neighbour's bytes.
import type {TextEdit} from './check.js'

/** The edits that apply together, in text order: each that repeats or overlaps an earlier one is dropped. */
export function compatibleEdits(edits: readonly TextEdit[]): TextEdit[] {
  const kept: TextEdit[] = []
  for (const edit of [...edits].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const previous = kept.at(-1)
    if (!previous || edit.start >= previous.end) kept.push(edit)
  }
  return kept
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text
  for (const edit of compatibleEdits(edits).reverse()) out = `${out.slice(0, edit.start)}${edit.text}${out.slice(edit.end)}`
  return out
}

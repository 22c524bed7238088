// Applying fix edits to a text: only the edited ranges change, every other byte is kept. Edits
// that repeat or overlap an earlier one are dropped, so no edit can eat its neighbour's bytes.
import type {TextEdit} from './check.js'

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const kept: TextEdit[] = []
  for (const edit of [...edits].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const previous = kept.at(-1)
    if (!previous || edit.start >= previous.end) kept.push(edit)
  }
  let out = text
  for (const edit of kept.reverse()) out = `${out.slice(0, edit.start)}${edit.text}${out.slice(edit.end)}`
  return out
}

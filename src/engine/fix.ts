// Applying fix edits to a text: only the edited ranges change, every other byte is kept.
import type {TextEdit} from './check.js'

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    out = `${out.slice(0, edit.start)}${edit.text}${out.slice(edit.end)}`
  }
  return out
}

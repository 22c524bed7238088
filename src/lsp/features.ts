// What the editor shows of one checked document: its diagnostics, code actions and hovers, as pure
// functions of the check and the document's positions.
import type {CodeAction, Diagnostic, Hover, Position, Range, TextEdit} from 'vscode-languageserver/node.js'
import {exceptionFor} from '../engine/pipeline/check.js'
import {compatibleEdits} from '../engine/pipeline/fix.js'
import type {Message} from '../rule-api/types.js'
import {messageText} from '../formatters/stylish.js'
import {renderRuleDocs} from '../formatters/rules-view.js'
import {isLocked} from '../rule-api/registry.js'
import {registry} from '../rules/registry.js'
import type {TextPositions} from './positions.js'
import type {DocumentCheck, ProjectFault} from './workspace.js'

export const FIX_ALL = 'source.fixAll.pch'

/** A checked open document: what was checked (uri, version, text) and what it gave. */
export interface CheckedDocument {
  uri: string
  version: number
  positions: TextPositions
  check: DocumentCheck
}

const SEVERITY = {error: 1, warning: 2, info: 3} as const

function diagnostic(doc: CheckedDocument, message: Message): Diagnostic {
  const reason = message.excepted ? exceptionFor(doc.check.file, message, registry)?.reason : undefined
  return {
    range: doc.positions.range(message),
    severity: SEVERITY[message.severity],
    code: message.ruleId,
    source: 'pch',
    message: messageText(message, reason),
  }
}

/** The document's findings as `pch lint` gives them, in LSP terms. */
export function diagnostics(doc: CheckedDocument): Diagnostic[] {
  return doc.check.finished.result.messages.map((message) => diagnostic(doc, message))
}

/** A project's fault on its config file, at its line and column. */
export function faultDiagnostic(fault: ProjectFault, positions: TextPositions): Diagnostic {
  const at = positions.position(positions.offsetOfEngine(fault.line ?? 1, fault.column ?? 1))
  return {range: {start: at, end: at}, severity: 1, code: 'config', source: 'pch', message: fault.message}
}

const overlaps = (a: Range, b: Range): boolean => !before(a.end, b.start) && !before(b.end, a.start)
const before = (a: Position, b: Position): boolean => a.line < b.line || (a.line === b.line && a.character < b.character)

/** Quick fixes and "disable for the next line" for the findings in `range`, and the fix-all action. */
export function codeActions(doc: CheckedDocument, range: Range, only: readonly string[] | undefined): CodeAction[] {
  const wants = (kind: string): boolean => !only || only.some((asked) => kind === asked || kind.startsWith(`${asked}.`))
  const {result, fixes, edits} = doc.check.finished
  const actions: CodeAction[] = []
  const change = (textEdits: TextEdit[]): CodeAction['edit'] => ({changes: {[doc.uri]: textEdits}})
  const toLsp = (edit: {start: number; end: number; text: string}): TextEdit => ({
    range: doc.positions.editRange(edit.start, edit.end),
    newText: edit.text,
  })
  if (wants('quickfix')) {
    result.messages.forEach((message, i) => {
      const found = diagnostic(doc, message)
      if (!overlaps(found.range, range)) return
      const fix = fixes[i]
      if (fix)
        actions.push({
          title: `Fix this ${message.ruleId} problem`,
          kind: 'quickfix',
          isPreferred: true,
          diagnostics: [found],
          edit: change([toLsp(fix)]),
        })
      const meta = registry.meta(message.ruleId)
      if (meta && !isLocked(meta)) {
        actions.push({
          title: `Disable ${message.ruleId} for the next line`,
          kind: 'quickfix',
          diagnostics: [found],
          edit: change([disableNextLine(doc.positions, message)]),
        })
      }
    })
  }
  if (wants(FIX_ALL) && edits.length > 0)
    actions.push({title: 'Fix all pch problems that can be fixed', kind: FIX_ALL, edit: change(compatibleEdits(edits).map(toLsp))})
  return actions
}

/** `# pch-disable-next-line RULE -- ` above the finding's line, at that line's indentation. */
function disableNextLine(positions: TextPositions, message: Message): TextEdit {
  const start = positions.lineStart(message.line)
  const rest = positions.text.slice(start)
  const indent = /^[ \t]*/.exec(rest)![0]
  const eol = /^[^\n]*?\r\n/.test(rest) ? '\r\n' : '\n'
  const at = positions.position(start)
  return {range: {start: at, end: at}, newText: `${indent}# pch-disable-next-line ${message.ruleId} -- ${eol}`}
}

/** The documentation of each rule with a finding at `position`, as `pch rules ID` prints it. */
export function hover(doc: CheckedDocument, position: Position): Hover | null {
  const here = doc.check.finished.result.messages
    .map((message) => ({message, range: doc.positions.range(message)}))
    .filter(({range}) => !before(position, range.start) && !before(range.end, position))
  if (here.length === 0) return null
  const {rules} = doc.check
  const ids = [...new Set(here.map(({message}) => message.ruleId))].filter((id) => rules.meta(id))
  if (ids.length === 0) return null
  return {contents: {kind: 'markdown', value: ids.map((id) => renderRuleDocs(rules, id)).join('\n---\n\n')}, range: here[0]!.range}
}

// The tests' LSP client: the built `pch lsp --stdio` as a child process, spoken to over
// vscode-jsonrpc's framing (test/lsp/connection.ts), and what `pch lint --format json` gives for
// the same files, as the diagnostics the server must publish.
import type {ClientCapabilities, Diagnostic} from 'vscode-languageserver-protocol'
import {connectLsp, type LspClient} from './connection.js'
import {BIN, cli, TODAY, withoutNetwork} from '../helpers.js'
import type {FileResult, Message} from '../../src/rule-api/types.js'

export {stopLsp, uri, type LspClient} from './connection.js'

/** The built `pch lsp --stdio --today TODAY` in `cwd` (without network), initialized with `folders` (default: cwd). */
export function startLsp(
  cwd: string,
  options: {folders?: string[]; capabilities?: ClientCapabilities; args?: string[]} = {},
): Promise<LspClient> {
  const env: NodeJS.ProcessEnv = {...process.env, NO_COLOR: '1', NODE_OPTIONS: withoutNetwork(process.env.NODE_OPTIONS)}
  return connectLsp([process.execPath, BIN, 'lsp', '--stdio', '--today', TODAY, ...(options.args ?? [])], cwd, {...options, env})
}

/** `pch lint --format json` of the given files in `cwd`. */
export function lintJson(cwd: string, files: string[] = [], args: string[] = []): FileResult[] {
  const r = cli(['lint', ...files, '--format', 'json', '--today', TODAY, ...args], {cwd})
  if (r.status === 2) throw new Error(r.stderr)
  return JSON.parse(r.stdout) as FileResult[]
}

const SEVERITY = {error: 1, warning: 2, info: 3} as const

/** What the server must publish for lint's messages of an ASCII text (UTF-16 and UTF-8 columns agree). */
export function expectedDiagnostics(messages: readonly Message[], reasons: Record<string, string> = {}): Diagnostic[] {
  return messages.map((m) => ({
    range: {start: {line: m.line - 1, character: m.column - 1}, end: {line: m.endLine - 1, character: m.endColumn - 1}},
    severity: SEVERITY[m.severity],
    code: m.ruleId,
    source: 'pch',
    message: m.excepted ? `${m.message} (accepted by exception: ${reasons[m.ruleId]})` : m.message,
  }))
}

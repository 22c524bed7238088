// A real LSP client for the tests: the built `pch lsp --stdio` as a child process, spoken to over
// vscode-jsonrpc's framing on its standard input and output, and what `pch lint --format json`
// gives for the same files, as the diagnostics the server must publish.
import {spawn, type ChildProcess} from 'node:child_process'
import {pathToFileURL} from 'node:url'
import {createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection} from 'vscode-jsonrpc/node.js'
import type {ClientCapabilities, Diagnostic, PublishDiagnosticsParams} from 'vscode-languageserver-protocol'
import {BIN, cli, TODAY, withoutNetwork} from '../helpers.js'
import type {FileResult, Message} from '../../src/engine/types.js'

export const uri = (file: string): string => pathToFileURL(file).href

export interface LspClient {
  connection: MessageConnection
  child: ChildProcess
  /** The latest diagnostics published for each uri. */
  published: Map<string, PublishDiagnosticsParams>
  /** Resolves with the diagnostics of `file` once `accept` takes them (waits for further publications). */
  diagnosticsOf(file: string, accept?: (list: Diagnostic[]) => boolean): Promise<Diagnostic[]>
  open(file: string, text: string, version?: number): void
  change(file: string, text: string, version: number): void
  /** The process's exit code once it has ended. */
  exited: Promise<number | null>
  /** The server's answer to initialize. */
  initialize: unknown
}

/** Start the server in `cwd` with `folders` as workspace folders and initialize it. */
export async function startLsp(cwd: string, options: {folders?: string[]; capabilities?: ClientCapabilities; args?: string[]} = {}): Promise<LspClient> {
  const env: NodeJS.ProcessEnv = {...process.env, NO_COLOR: '1', NODE_OPTIONS: withoutNetwork(process.env.NODE_OPTIONS)}
  const child = spawn(process.execPath, [BIN, 'lsp', '--stdio', '--today', TODAY, ...(options.args ?? [])], {cwd, env, stdio: ['pipe', 'pipe', 'inherit']})
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!))
  const published = new Map<string, PublishDiagnosticsParams>()
  const waiting: Array<() => void> = []
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    published.set(params.uri, params)
    for (const wake of waiting.splice(0)) wake()
  })
  // The server registers its file watchers: accept, as an editor does.
  connection.onRequest('client/registerCapability', () => null)
  connection.onRequest('window/showMessageRequest', () => null)
  connection.listen()
  const folders = options.folders ?? [cwd]
  const initialize = await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: folders.map((folder) => ({uri: uri(folder), name: folder})),
    capabilities: options.capabilities ?? {workspace: {didChangeWatchedFiles: {dynamicRegistration: true}}},
  })
  await connection.sendNotification('initialized', {})
  const diagnosticsOf = (file: string, accept: (list: Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> =>
    new Promise((resolve) => {
      const look = (): void => {
        const got = published.get(uri(file))
        if (got && accept(got.diagnostics)) resolve(got.diagnostics)
        else waiting.push(look)
      }
      look()
    })
  return {
    connection,
    child,
    published,
    exited,
    initialize,
    diagnosticsOf,
    open(file, text, version = 1) {
      void connection.sendNotification('textDocument/didOpen', {textDocument: {uri: uri(file), languageId: 'yaml', version, text}})
    },
    change(file, text, version) {
      void connection.sendNotification('textDocument/didChange', {textDocument: {uri: uri(file), version}, contentChanges: [{text}]})
    },
  }
}

/** Shut the server down as an editor does, and wait for the process to end. */
export async function stopLsp(client: LspClient): Promise<number | null> {
  await client.connection.sendRequest('shutdown')
  await client.connection.sendNotification('exit')
  const code = await client.exited
  client.connection.dispose()
  return code
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

// An LSP client over a child process's standard input and output (vscode-jsonrpc's real framing):
// the tests' client (test/lsp/client.ts) and the benchmark's (bench/lsp.ts). No test framework here.
import {spawn, type ChildProcess} from 'node:child_process'
import {pathToFileURL} from 'node:url'
import {createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection} from 'vscode-jsonrpc/node.js'
import type {ClientCapabilities, Diagnostic, PublishDiagnosticsParams} from 'vscode-languageserver-protocol'

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

/** Start `argv` (a server on stdio) in `cwd` with `folders` as workspace folders, and initialize it. */
export async function connectLsp(
  argv: string[],
  cwd: string,
  options: {folders?: string[]; capabilities?: ClientCapabilities; env?: NodeJS.ProcessEnv},
): Promise<LspClient> {
  const child = spawn(argv[0]!, argv.slice(1), {cwd, env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'inherit']})
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

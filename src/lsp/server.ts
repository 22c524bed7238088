// `pch lsp --stdio`: a Language Server Protocol 3.17 server over standard input and output. Open
// documents' text goes to the workspace's projects; after a change (throttled: at most one check
// each DEBOUNCE_MS while a person types) every open definition's diagnostics are published again.
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {
  createConnection,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver/node.js'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {codeActions, diagnostics, faultDiagnostic, FIX_ALL, hover, type CheckedDocument} from './features.js'
import {negotiateEncoding, TextPositions, type Encoding} from './positions.js'
import {DirectoryWatcher} from './watch.js'
import {isConfig, isDefinition, Project} from './workspace.js'

export const DEBOUNCE_MS = 150

export interface ServerOptions {
  /** --today: "today" for date-dependent rules; without it, the system's date on each check. */
  today?: string
  version: string
}

const pathOf = (uri: string): string | undefined => {
  if (!uri.startsWith('file:')) return undefined
  try {
    return path.resolve(fileURLToPath(uri))
  } catch {
    return undefined
  }
}
const uriOf = (file: string): string => pathToFileURL(file).href

/** Starts the server on standard input and output; the process ends when the client says exit or the input ends. */
export function startServer(options: ServerOptions): void {
  new Server(createConnection(ProposedFeatures.all), options).listen()
}

class Server {
  private encoding: Encoding = 'utf-16'
  private readonly documents = new TextDocuments(TextDocument)
  /** The open definitions' text by absolute path: what the projects read instead of the disk. */
  private readonly overrides = new Map<string, string>()
  private folders: string[] = []
  private projects = new Map<string, Project>()
  /** Each open document's last check, by uri. */
  private readonly checked = new Map<string, CheckedDocument>()
  /** What was last published for each uri (version and JSON), so that an unchanged list is not sent again. */
  private readonly published = new Map<string, string>()
  private readonly changed = new Set<string>()
  private reload = false
  private timer: NodeJS.Timeout | undefined
  private lastCheck = 0
  private watchFiles = false
  /** The server's own watching, for an editor that cannot watch files for it. */
  private watcher: DirectoryWatcher | undefined
  private folderEvents = false
  private readonly shown = new Set<string>()

  constructor(
    private readonly connection: Connection,
    private readonly options: ServerOptions,
  ) {}

  listen(): void {
    const {connection, documents} = this
    connection.onInitialize((params): InitializeResult => {
      this.encoding = negotiateEncoding(params.capabilities.general?.positionEncodings)
      const folders = params.workspaceFolders ?? (params.rootUri ? [{uri: params.rootUri}] : [])
      this.folders = folders.flatMap((folder) => pathOf(folder.uri) ?? [])
      this.watchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true
      this.folderEvents = params.capabilities.workspace?.workspaceFolders === true
      return {
        capabilities: {
          positionEncoding: this.encoding,
          textDocumentSync: {openClose: true, change: TextDocumentSyncKind.Full},
          codeActionProvider: {codeActionKinds: ['quickfix', FIX_ALL]},
          hoverProvider: true,
          workspace: {workspaceFolders: {supported: true, changeNotifications: true}},
        },
        serverInfo: {name: 'pch', version: this.options.version},
      }
    })
    connection.onInitialized(() => {
      if (this.watchFiles) {
        void connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: [{globPattern: '**/*.pch.{yaml,yml}'}, {globPattern: '**/.pchrc.{yaml,yml,json}'}],
        })
      } else {
        this.watcher = new DirectoryWatcher((file) => this.onDisk(file))
      }
      if (this.folderEvents) {
        connection.workspace.onDidChangeWorkspaceFolders((event) => {
          const removed = new Set(event.removed.flatMap((f) => pathOf(f.uri) ?? []))
          this.folders = [...this.folders.filter((f) => !removed.has(f)), ...event.added.flatMap((f) => pathOf(f.uri) ?? [])]
          this.reload = true
          this.schedule()
        })
      }
      // The workspace is read once it is known, before the first document asks for it.
      this.schedule()
    })
    documents.onDidOpen(({document}) => this.edited(document))
    documents.onDidChangeContent(({document}) => this.edited(document))
    documents.onDidClose(({document}) => {
      const file = pathOf(document.uri)
      this.checked.delete(document.uri)
      if (file !== undefined && this.overrides.delete(file)) this.changed.add(file)
      this.publish(document.uri, [])
      this.schedule()
    })
    connection.onDidChangeWatchedFiles(({changes}) => {
      for (const {uri} of changes) {
        const file = pathOf(uri)
        if (file !== undefined) this.onDisk(file)
      }
    })
    connection.onCodeAction((params) => {
      const doc = this.current(params?.textDocument?.uri)
      if (!params.range?.start || !params.range.end) throw invalid('codeAction needs a range')
      return doc ? codeActions(doc, params.range, params.context?.only) : []
    })
    connection.onHover((params) => {
      const doc = this.current(params?.textDocument?.uri)
      if (!params.position || typeof params.position.line !== 'number') throw invalid('hover needs a position')
      return doc ? hover(doc, params.position) : null
    })
    connection.onShutdown(() => {
      clearTimeout(this.timer)
      this.timer = undefined
      this.watcher?.close()
    })
    documents.listen(connection)
    connection.listen()
  }

  /** A file changed, appeared or went on disk. */
  private onDisk(file: string): void {
    if (isConfig(file)) this.reload = true
    // An open document's text is the editor's, whatever is on disk.
    else if (isDefinition(file) && !this.overrides.has(file)) this.changed.add(file)
    else return
    this.schedule()
  }

  private edited(document: TextDocument): void {
    const file = pathOf(document.uri)
    if (file === undefined || !isDefinition(file)) return
    this.overrides.set(file, document.getText())
    this.changed.add(file)
    this.schedule()
  }

  /** A check soon: at once when none ran in the last DEBOUNCE_MS, else when that time is up. */
  private schedule(): void {
    if (this.timer) return
    this.timer = setTimeout(() => this.check(), Math.max(0, this.lastCheck + DEBOUNCE_MS - Date.now()))
  }

  /** The open document's check, brought up to date first (a request must see the text it names). */
  private current(uri: unknown): CheckedDocument | undefined {
    if (typeof uri !== 'string') throw invalid('the request names no textDocument.uri')
    if (this.timer) {
      clearTimeout(this.timer)
      this.check()
    }
    const doc = this.checked.get(uri)
    return doc && doc.version === this.documents.get(uri)?.version ? doc : undefined
  }

  private check(): void {
    this.timer = undefined
    this.lastCheck = Date.now()
    try {
      this.update()
      this.publishAll()
    } catch (error) {
      // A fault of pch itself: said once in the log; the server goes on with the next change.
      this.connection.console.error(`pch: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
    }
  }

  /** Projects brought up to date with the changes since the last check. */
  private update(): void {
    if (this.reload) {
      this.reload = false
      this.changed.clear()
      this.projects = new Map()
    }
    for (const root of this.folders) {
      if (!this.projects.has(root)) this.projects.set(root, new Project(root, this.overrides, this.options.today))
    }
    // A document outside every folder is a project of its own, as `pch lint FILE` in its directory.
    for (const file of this.overrides.keys()) {
      if (!this.folderOf(file) && !this.projects.has(file))
        this.projects.set(file, new Project(path.dirname(file), this.overrides, this.options.today, file))
    }
    for (const [key, project] of this.projects) {
      if (project.only !== undefined && !this.overrides.has(project.only)) this.projects.delete(key)
    }
    for (const file of this.changed) for (const project of this.projects.values()) if (project.covers(file)) project.update(file)
    this.changed.clear()
    this.watcher?.set(new Set([...this.projects.values()].flatMap((project) => [...project.directories()])))
  }

  private folderOf(file: string): string | undefined {
    return this.folders
      .filter((root) => !path.relative(root, file).startsWith('..') && !path.isAbsolute(path.relative(root, file)))
      .sort((a, b) => b.length - a.length)[0]
  }

  private publishAll(): void {
    const faults = new Map<string, Diagnostic[]>()
    const open = [...this.overrides.keys()]
    for (const project of this.projects.values()) {
      const {fault} = project
      if (fault?.file !== undefined) {
        const text = this.textOf(fault.file)
        if (text !== undefined) faults.set(uriOf(fault.file), [faultDiagnostic(fault, new TextPositions(text, this.encoding))])
      } else if (fault && !this.shown.has(fault.message)) {
        // Said once: this fault has no file to show it on.
        this.shown.add(fault.message)
        void this.connection.window.showErrorMessage(`pch: ${fault.message}`)
      }
      if (project.configFile !== undefined && !faults.has(uriOf(project.configFile))) faults.set(uriOf(project.configFile), [])
    }
    const done = new Set<string>()
    for (const [root, project] of this.projects) {
      // Each open document in the project of its deepest folder.
      const mine = open.filter((file) => (project.only === undefined ? this.folderOf(file) === root : project.only === file))
      for (const [file, check] of project.finish(mine)) {
        const uri = uriOf(file)
        const document = this.documentOf(file)
        if (!document) continue
        const doc: CheckedDocument = {
          uri: document.uri,
          version: document.version,
          positions: new TextPositions(document.getText(), this.encoding),
          check,
        }
        this.checked.set(document.uri, doc)
        done.add(uri)
        this.publish(document.uri, diagnostics(doc), document.version)
      }
    }
    // Open definitions no project checks (ignored, or the config is at fault) have no findings.
    for (const file of open) {
      const document = this.documentOf(file)
      if (document && !done.has(uriOf(file))) {
        this.checked.delete(document.uri)
        this.publish(document.uri, [], document.version)
      }
    }
    for (const [uri, list] of faults) if (!this.checked.has(uri)) this.publish(uri, list)
  }

  private documentOf(file: string): TextDocument | undefined {
    return this.documents.all().find((document) => pathOf(document.uri) === file)
  }

  private textOf(file: string): string | undefined {
    const open = this.documents.get(uriOf(file))
    if (open) return open.getText()
    try {
      return readFileSync(file, 'utf8')
    } catch {
      return undefined
    }
  }

  /**
   * Sends a document's diagnostics when they or its version changed (so a client sees each version
   * answered, none being an answer too); a file that is not open, only when they changed.
   */
  private publish(uri: string, list: Diagnostic[], version?: number): void {
    const json = `${version ?? ''} ${JSON.stringify(list)}`
    if (this.published.get(uri) === json) return
    if (list.length === 0 && version === undefined && !this.published.has(uri)) return
    this.published.set(uri, json)
    void this.connection.sendDiagnostics({uri, diagnostics: list, ...(version === undefined ? {} : {version})})
  }
}

const invalid = (message: string): ResponseError<void> => new ResponseError(ErrorCodes.InvalidParams, `pch: ${message}`)

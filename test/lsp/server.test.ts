// pch lsp --stdio, driven over real JSON-RPC framing: diagnostics equal to pch lint's, the workspace
// (repo-scope rules, the config), code actions, hover, bad input, shutdown.
import {readFileSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import type {CodeAction, Diagnostic, Hover, TextEdit} from 'vscode-languageserver-protocol'
import {cli, edit, expectOneLineFailure, riverside, ROOT, TODAY, useTempDir} from '../helpers.js'
import type {Message} from '../../src/rule-api/types.js'
import {expectedDiagnostics, lintJson, startLsp, stopLsp, uri, type LspClient} from './client.js'

/** The reason of the exception in examples/rural-exception.pch.yaml. */
const RURAL_REASON = 'Rural practices 20 miles apart; the ICB approved a registered population of about 24,000'
const example = (name: string): string => readFileSync(path.join(ROOT, 'examples', name), 'utf8')

/** Apply LSP text edits (UTF-16 positions, as negotiated by default) to a text. */
function applyLsp(text: string, edits: readonly TextEdit[]): string {
  const starts = [0]
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1)
  const offset = (p: {line: number; character: number}): number => starts[p.line]! + p.character
  let out = text
  for (const e of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) {
    out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end))
  }
  return out
}

describe('pch lsp --stdio', () => {
  const dir = useTempDir('pch-lsp-')
  let client: LspClient | undefined
  afterEach(() => {
    if (!client) return
    client.connection.dispose()
    client.child.kill()
    client = undefined
  })
  const start = async (...args: Parameters<typeof startLsp>): Promise<LspClient> => (client = await startLsp(...args))
  const lintOf = (file: string): Message[] => lintJson(dir.path).find((r) => path.resolve(dir.path, r.filePath) === file)!.messages
  const codes = (list: readonly Diagnostic[]): Array<string | number | undefined> => list.map((d) => d.code)

  it('publishes for an open document exactly the diagnostics pch lint gives for it, and shuts down cleanly', async () => {
    const file = dir.write('sites/lower-case-ods-code.pch.yaml', example('invalid/lower-case-ods-code.pch.yaml'))
    dir.write('sites/near-band-edge.pch.yaml', example('invalid/near-band-edge.pch.yaml'))
    const lsp = await start(dir.path)
    lsp.open(file, readFileSync(file, 'utf8'))
    const lint = lintOf(file)
    expect(lint.map((m) => m.ruleId)).toEqual(['format/ods-code'])
    expect(await lsp.diagnosticsOf(file)).toEqual(expectedDiagnostics(lint))
    expect(await stopLsp(lsp)).toBe(0)
    client = undefined
  })

  // The practice is a flow mapping after text outside ASCII: U+00E8 is 2 bytes in UTF-8, the emoji 4 bytes and 2 UTF-16 units.
  const wide = (): string =>
    edit(riverside(), [
      /      - odsCode: A81001[^\n]*\n        name: Riverside Surgery\n        listSize: 14250[^\n]*\n/,
      '      - {name: "Rivèrside Surgery 🏥", odsCode: a81001, listSize: 14250}\n',
    ])
  it.each([
    ['UTF-16 (the default)', undefined, (prefix: string) => prefix.length],
    ['UTF-8, which the client offers', ['utf-8', 'utf-16'], (prefix: string) => Buffer.byteLength(prefix)],
  ])('gives ranges in the negotiated encoding: %s', async (_name, offered, width) => {
    const file = dir.write('riverside.pch.yaml', wide())
    const lsp = await start(dir.path, {capabilities: {general: {positionEncodings: offered}}})
    expect((lsp.initialize as {capabilities: {positionEncoding: string}}).capabilities.positionEncoding).toBe(offered ? 'utf-8' : 'utf-16')
    lsp.open(file, wide())
    const lint = lintOf(file)
    expect(lint.map((m) => m.ruleId)).toEqual(['format/ods-code'])
    const lines = wide().split('\n')
    const at = (line: number, column: number) => ({line: line - 1, character: width(lines[line - 1]!.slice(0, column - 1))})
    const [m] = lint
    // In UTF-8 the character is not the UTF-16 column: the conversion is seen.
    expect(width(lines[m!.line - 1]!.slice(0, m!.column - 1)) === m!.column - 1).toBe(!offered)
    expect((await lsp.diagnosticsOf(file)).map((d) => d.range)).toEqual([
      {start: at(m!.line, m!.column), end: at(m!.endLine, m!.endColumn)},
    ])
  })

  it('offers the --fix edit as a quick fix; applied, the diagnostic goes; hover shows the rule docs as pch rules prints them', async () => {
    const file = dir.write('lower-case-ods-code.pch.yaml', example('invalid/lower-case-ods-code.pch.yaml'))
    const text = readFileSync(file, 'utf8')
    const lsp = await start(dir.path)
    lsp.open(file, text)
    const [found] = await lsp.diagnosticsOf(file)
    const hovered = (await lsp.connection.sendRequest('textDocument/hover', {
      textDocument: {uri: uri(file)},
      position: found!.range.start,
    })) as Hover
    expect(hovered.contents).toEqual({kind: 'markdown', value: cli(['rules', 'format/ods-code']).stdout})
    expect(hovered.range).toEqual(found!.range)
    const actions = (await lsp.connection.sendRequest('textDocument/codeAction', {
      textDocument: {uri: uri(file)},
      range: found!.range,
      context: {diagnostics: [found]},
    })) as CodeAction[]
    // format/ods-code is a structural rule: no comment may silence it, so no "disable" action.
    expect(actions.map((a) => [a.title, a.kind])).toEqual([
      ['Fix this format/ods-code problem', 'quickfix'],
      ['Fix all pch problems that can be fixed', 'source.fixAll.pch'],
    ])
    const fixed = applyLsp(text, actions[0]!.edit!.changes![uri(file)]!)
    // The same bytes as pch lint --fix writes.
    expect(cli(['lint', '--fix', '--today', TODAY], {cwd: dir.path}).status).toBe(0)
    expect(fixed).toBe(readFileSync(file, 'utf8'))
    lsp.change(file, fixed, 2)
    expect(await lsp.diagnosticsOf(file, (list) => lsp.published.get(uri(file))!.version === 2 && list.length === 0)).toEqual([])
    expect(
      await lsp.connection.sendRequest('textDocument/hover', {textDocument: {uri: uri(file)}, position: found!.range.start}),
    ).toBeNull()
  })

  it('source.fixAll.pch makes the edits of pch lint --fix', async () => {
    const broken = edit(
      example('invalid/lower-case-ods-code.pch.yaml'),
      ['odsCode: M84020', 'odsCode: m 84020'],
      ['listSize: 9870', 'listSize: 9,870'],
    )
    const file = dir.write('lower-case-ods-code.pch.yaml', broken)
    const lsp = await start(dir.path)
    lsp.open(file, broken)
    expect(codes(await lsp.diagnosticsOf(file))).toEqual(['format/ods-code', 'format/ods-code', 'format/number'])
    const actions = (await lsp.connection.sendRequest('textDocument/codeAction', {
      textDocument: {uri: uri(file)},
      range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}},
      context: {diagnostics: [], only: ['source.fixAll']},
    })) as CodeAction[]
    expect(actions.map((a) => a.kind)).toEqual(['source.fixAll.pch'])
    const fixed = applyLsp(broken, actions[0]!.edit!.changes![uri(file)]!)
    cli(['lint', '--fix', '--today', TODAY], {cwd: dir.path})
    expect(fixed).toBe(readFileSync(file, 'utf8'))
    expect(fixed).not.toBe(broken)
  })

  it('"Disable RULE for the next line" for an advisory rule inserts the directive at the line\'s indentation', async () => {
    const text = example('invalid/near-band-edge.pch.yaml')
    const file = dir.write('near-band-edge.pch.yaml', text)
    const lsp = await start(dir.path)
    lsp.open(file, text)
    const [found] = await lsp.diagnosticsOf(file)
    expect(found).toMatchObject({code: 'population/near-band-edge', severity: 2})
    const actions = (await lsp.connection.sendRequest('textDocument/codeAction', {
      textDocument: {uri: uri(file)},
      range: found!.range,
      context: {diagnostics: [found], only: ['quickfix']},
    })) as CodeAction[]
    expect(actions.map((a) => a.title)).toEqual(['Disable population/near-band-edge for the next line'])
    const disabled = applyLsp(text, actions[0]!.edit!.changes![uri(file)]!)
    const line = found!.range.start.line
    expect(disabled.split('\n')[line]).toBe(
      `${/^ */.exec(text.split('\n')[line]!)![0]}# pch-disable-next-line population/near-band-edge -- `,
    )
    lsp.change(file, disabled, 2)
    expect(await lsp.diagnosticsOf(file, () => lsp.published.get(uri(file))!.version === 2)).toEqual([])
    writeFileSync(file, disabled)
    expect(lintOf(file)).toEqual([])
  })

  it("shows a finding accepted by an exception as information, with the exception's reason", async () => {
    const file = dir.write('rural-exception.pch.yaml', example('rural-exception.pch.yaml'))
    const lsp = await start(dir.path)
    lsp.open(file, example('rural-exception.pch.yaml'))
    const lint = lintOf(file)
    expect(lint.map((m) => [m.ruleId, m.severity, m.excepted])).toEqual([['population/size-band', 'info', true]])
    expect(await lsp.diagnosticsOf(file)).toEqual(expectedDiagnostics(lint, {'population/size-band': RURAL_REASON}))
  })

  it('reports a practice that another file on disk comes to share, and forgets it when that file goes', async () => {
    const file = dir.write('riverside.pch.yaml', riverside())
    const other = dir.write('rural-exception.pch.yaml', example('rural-exception.pch.yaml'))
    const lsp = await start(dir.path)
    lsp.open(file, riverside())
    expect(await lsp.diagnosticsOf(file)).toEqual([])
    writeFileSync(other, edit(example('rural-exception.pch.yaml'), ['odsCode: B82010', 'odsCode: A81001']))
    await lsp.connection.sendNotification('workspace/didChangeWatchedFiles', {changes: [{uri: uri(other), type: 2}]})
    const shared = await lsp.diagnosticsOf(file, (list) => list.length > 0)
    const lint = lintOf(file)
    expect(lint.map((m) => m.ruleId)).toEqual(['population/practice-in-multiple-sites'])
    expect(shared).toEqual(expectedDiagnostics(lint))
    rmSync(other)
    await lsp.connection.sendNotification('workspace/didChangeWatchedFiles', {changes: [{uri: uri(other), type: 3}]})
    expect(await lsp.diagnosticsOf(file, (list) => list.length === 0)).toEqual([])
  })

  it('watches the disk itself for an editor that cannot watch files for it', async () => {
    const file = dir.write('riverside.pch.yaml', riverside())
    const other = dir.write('sites/rural-exception.pch.yaml', example('rural-exception.pch.yaml'))
    const lsp = await start(dir.path, {capabilities: {}})
    lsp.open(file, riverside())
    expect(await lsp.diagnosticsOf(file)).toEqual([])
    writeFileSync(other, edit(example('rural-exception.pch.yaml'), ['odsCode: B82010', 'odsCode: A81001']))
    expect(codes(await lsp.diagnosticsOf(file, (list) => list.length > 0))).toEqual(['population/practice-in-multiple-sites'])
    dir.write('.pchrc.yaml', 'ignore:\n  - sites\n')
    expect(await lsp.diagnosticsOf(file, (list) => list.length === 0)).toEqual(expectedDiagnostics(lintOf(file)))
  })

  it("takes an open document's text over the disk for the repo-scope rules, and leaves out what the config ignores", async () => {
    const file = dir.write('riverside.pch.yaml', riverside())
    const other = dir.write('rural-exception.pch.yaml', example('rural-exception.pch.yaml'))
    const sharing = edit(example('rural-exception.pch.yaml'), ['odsCode: B82010', 'odsCode: A81001'])
    dir.write('archive/old-riverside.pch.yaml', edit(riverside(), [/^  id: riverside\b/m, '  id: old-riverside']))
    dir.write('.pchrc.yaml', 'ignore:\n  - archive\n')
    const lsp = await start(dir.path)
    lsp.open(file, riverside())
    lsp.open(other, example('rural-exception.pch.yaml'))
    expect(await lsp.diagnosticsOf(file)).toEqual([])
    // Typed, not saved: the disk still holds the old text.
    lsp.change(other, sharing, 2)
    const shared = await lsp.diagnosticsOf(file, (list) => list.length > 0)
    writeFileSync(other, sharing)
    expect(shared).toEqual(expectedDiagnostics(lintOf(file)))
    expect(codes(shared)).toEqual(['population/practice-in-multiple-sites'])
    expect(await lsp.diagnosticsOf(other, () => lsp.published.get(uri(other))!.version === 2)).toEqual(
      expectedDiagnostics(lintOf(other), {'population/size-band': RURAL_REASON}),
    )
  })

  it('follows .pchrc.yaml as it changes; a bad config is a diagnostic on it at its line and column', async () => {
    const text = example('invalid/near-band-edge.pch.yaml')
    const file = dir.write('sites/near-band-edge.pch.yaml', text)
    const lsp = await start(dir.path)
    lsp.open(file, text)
    expect((await lsp.diagnosticsOf(file)).map((d) => [d.code, d.severity])).toEqual([['population/near-band-edge', 2]])
    const config = dir.write('.pchrc.yaml', 'rules:\n  population/near-band-edge: error\n')
    const changed = async (): Promise<void> =>
      lsp.connection.sendNotification('workspace/didChangeWatchedFiles', {changes: [{uri: uri(config), type: 2}]})
    await changed()
    expect(await lsp.diagnosticsOf(file, (list) => list[0]?.severity === 1)).toEqual(expectedDiagnostics(lintOf(file)))
    writeFileSync(config, 'rules:\n  population/near-band-edge: error\n  population/near-band-egde: off\n')
    await changed()
    const lint = cli(['lint', '--today', TODAY], {cwd: dir.path})
    expect(lint.stderr).toBe(
      'pch: Invalid config .pchrc.yaml:3:3: unknown rule "population/near-band-egde"; did you mean "population/near-band-edge"?\n',
    )
    expect(await lsp.diagnosticsOf(config)).toEqual([
      {
        range: {start: {line: 2, character: 2}, end: {line: 2, character: 2}},
        severity: 1,
        code: 'config',
        source: 'pch',
        message: 'unknown rule "population/near-band-egde"; did you mean "population/near-band-edge"?',
      },
    ])
    // As lint checks nothing under a bad config, the definition shows nothing until it is mended.
    expect(await lsp.diagnosticsOf(file, (list) => list.length === 0)).toEqual([])
    writeFileSync(config, 'rules:\n  population/near-band-edge: off\n')
    await changed()
    expect(await lsp.diagnosticsOf(config, (list) => list.length === 0)).toEqual([])
    expect(lsp.published.get(uri(file))!.diagnostics).toEqual([])
  })

  it('checks a document outside every workspace folder as pch lint FILE in its directory', async () => {
    const file = dir.write('elsewhere/near.pch.yaml', example('invalid/near-band-edge.pch.yaml'))
    const lsp = await start(dir.path, {folders: []})
    lsp.open(file, example('invalid/near-band-edge.pch.yaml'))
    const [lint] = lintJson(path.dirname(file), ['near.pch.yaml'])
    expect(lint!.messages.map((m) => m.ruleId)).toEqual(['metadata/file-name', 'population/near-band-edge'])
    expect(await lsp.diagnosticsOf(file)).toEqual(expectedDiagnostics(lint!.messages))
  })

  it('holds an open document to limits.maxFileSize as pch lint holds the file', async () => {
    const file = dir.write('riverside.pch.yaml', riverside())
    dir.write('.pchrc.yaml', 'limits:\n  maxFileSize: 1000\n')
    const lsp = await start(dir.path)
    lsp.open(file, riverside())
    const lint = lintOf(file)
    expect(lint.map((m) => [m.ruleId, m.message.split(',')[0]])).toEqual([['yaml/syntax', 'The file is 5']])
    expect(await lsp.diagnosticsOf(file)).toEqual(expectedDiagnostics(lint))
  })

  it('a document that does not parse is one diagnostic at the fault, as pch lint gives it', async () => {
    const broken = edit(riverside(), ['  name: Riverside Primary Care Home', '  name: [Riverside'])
    const file = dir.write('riverside.pch.yaml', broken)
    const lsp = await start(dir.path)
    lsp.open(file, broken)
    const lint = lintOf(file)
    expect(lint.map((m) => m.ruleId)).toEqual(['yaml/syntax'])
    expect(await lsp.diagnosticsOf(file)).toEqual(expectedDiagnostics(lint))
  })

  it('without --stdio, says so in one line and exits 2', () => {
    expectOneLineFailure(cli(['lsp']), /^pch: lsp needs --stdio: an editor starts it and speaks LSP over standard input and output$/m)
  })
})

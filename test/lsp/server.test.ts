// pch lsp --stdio, driven over real JSON-RPC framing: diagnostics equal to pch lint's, the workspace
// (repo-scope rules, the config), code actions, hover, bad input, shutdown.
import {readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import type {CodeAction, Diagnostic, Hover, TextEdit} from 'vscode-languageserver-protocol'
import {cli, edit, riverside, ROOT, useTempDir} from '../helpers.js'
import {expectedDiagnostics, lintJson, startLsp, stopLsp, uri, type LspClient} from './client.js'

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

  it('publishes for an open document exactly the diagnostics pch lint gives for it', async () => {
    const file = dir.write('sites/lower-case-ods-code.pch.yaml', example('invalid/lower-case-ods-code.pch.yaml'))
    dir.write('sites/near-band-edge.pch.yaml', example('invalid/near-band-edge.pch.yaml'))
    client = await startLsp(dir.path)
    client.open(file, readFileSync(file, 'utf8'))
    const [lint] = lintJson(dir.path).filter((r) => r.filePath === 'sites/lower-case-ods-code.pch.yaml')
    expect(lint!.messages.map((m) => m.ruleId)).toEqual(['format/ods-code'])
    expect(await client.diagnosticsOf(file)).toEqual(expectedDiagnostics(lint!.messages))
    expect(await stopLsp(client)).toBe(0)
  })
})

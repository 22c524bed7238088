// A real editor as the client: Neovim headless (Debian's neovim, which .ci/run installs) opens a
// definition, attaches `pch lsp --stdio`, and the diagnostics it holds are pch lint's.
import {spawnSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {BIN, edit, riverside, TODAY, useTempDir} from '../helpers.js'
import {lintJson} from './client.js'

// CI installs Neovim (.ci/run): there the test runs, or fails, but never skips.
const nvim = spawnSync('nvim', ['--version'], {encoding: 'utf8'}).status === 0 || process.env.CI === 'true'
const SCRIPT = fileURLToPath(new URL('./neovim/diagnostics.lua', import.meta.url))
const SEVERITY = {error: 1, warning: 2, info: 3} as const

describe('Neovim as the client', () => {
  const dir = useTempDir('pch-nvim-')

  it.skipIf(!nvim)('holds the diagnostics pch lint gives, at the same places (needs nvim; skipped without it)', () => {
    // A fault after text outside ASCII on its line (Neovim counts bytes, LSP UTF-16 units), and another rule's warning.
    const text = edit(
      riverside(),
      [
        /      - odsCode: A81001[^\n]*\n        name: Riverside Surgery\n        listSize: 14250[^\n]*\n/,
        '      - {name: "Rivèrside Surgery 🏥", odsCode: a81001, listSize: 14250}\n',
      ],
      ['listSize: 9870', 'listSize: 4870'],
    )
    const file = dir.write('riverside.pch.yaml', text)
    const out = path.join(dir.path, 'diagnostics.json')
    const r = spawnSync('nvim', ['--headless', '--clean', '-c', `luafile ${SCRIPT}`], {
      cwd: dir.path,
      encoding: 'utf8',
      timeout: 60_000,
      env: {...process.env, PCH_FILE: file, PCH_ROOT: dir.path, PCH_NODE: process.execPath, PCH_BIN: BIN, PCH_TODAY: TODAY, PCH_OUT: out},
    })
    expect(r.status).toBe(0)
    const held = JSON.parse(readFileSync(out, 'utf8')) as {attached: boolean; diagnostics: unknown[]}
    const [lint] = lintJson(dir.path)
    expect(lint!.messages.map((m) => m.ruleId)).toEqual(['population/near-band-edge', 'format/ods-code', 'budget/capitation-mismatch'])
    const lines = text.split('\n')
    const byte = (line: number, column: number): number => Buffer.byteLength(lines[line - 1]!.slice(0, column - 1))
    expect(held).toEqual({
      attached: true,
      diagnostics: lint!.messages.map((m) => ({
        lnum: m.line - 1,
        col: byte(m.line, m.column),
        end_lnum: m.endLine - 1,
        end_col: byte(m.endLine, m.endColumn),
        severity: SEVERITY[m.severity],
        code: m.ruleId,
        source: 'pch',
        message: m.message,
      })),
    })
  })
})

// Engine positions (1-based, "\n" lines, UTF-16 columns of the text without a byte-order mark) to
// LSP positions (0-based, "\n", "\r\n" or "\r" lines, UTF-16 or UTF-8 characters).
import {describe, expect, it} from 'vitest'
import {negotiateEncoding, TextPositions} from '../../src/lsp/positions.js'

describe('TextPositions', () => {
  it('counts UTF-16 units or UTF-8 bytes before the column; a surrogate pair is 2 units and 4 bytes', () => {
    const text = 'a: 1\nname: "é🏥" x\n'
    const column = 'name: "é🏥" '.length + 1
    expect(new TextPositions(text, 'utf-16').range({line: 2, column, endLine: 2, endColumn: column + 1})).toEqual({
      start: {line: 1, character: column - 1},
      end: {line: 1, character: column},
    })
    const bytes = Buffer.byteLength('name: "é🏥" ')
    expect(new TextPositions(text, 'utf-8').range({line: 2, column, endLine: 2, endColumn: column + 1})).toEqual({
      start: {line: 1, character: bytes},
      end: {line: 1, character: bytes + 1},
    })
  })

  it("places the engine's text after a byte-order mark on the first line only", () => {
    const positions = new TextPositions('\uFEFFa: 1\nb: x\n', 'utf-16')
    expect(positions.range({line: 1, column: 4, endLine: 1, endColumn: 5})).toEqual({
      start: {line: 0, character: 4},
      end: {line: 0, character: 5},
    })
    expect(positions.range({line: 2, column: 4, endLine: 2, endColumn: 5})).toEqual({
      start: {line: 1, character: 3},
      end: {line: 1, character: 4},
    })
    // A fix edit's offsets are into the text without the mark.
    expect(positions.editRange(3, 4)).toEqual({start: {line: 0, character: 4}, end: {line: 0, character: 5}})
  })

  it('keeps CRLF lines as the engine counts them; a lone CR is a line break to LSP, not to the engine', () => {
    const crlf = new TextPositions('a: 1\r\nb: x\r\n', 'utf-16')
    expect(crlf.range({line: 2, column: 4, endLine: 2, endColumn: 5})).toEqual({
      start: {line: 1, character: 3},
      end: {line: 1, character: 4},
    })
    const cr = new TextPositions('a: 1\rb: x\n', 'utf-16')
    expect(cr.range({line: 1, column: 9, endLine: 1, endColumn: 10})).toEqual({
      start: {line: 1, character: 3},
      end: {line: 1, character: 4},
    })
  })

  it('negotiates UTF-8 only where the client offers it', () => {
    expect([negotiateEncoding(undefined), negotiateEncoding(['utf-16']), negotiateEncoding(['utf-32', 'utf-8'])]).toEqual([
      'utf-16',
      'utf-16',
      'utf-8',
    ])
  })
})

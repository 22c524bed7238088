// The output neutralisers, one table per format: each row is a text from a definition and exactly
// what that format writes for it. Ordinary text passes through every one of them unchanged.
import {describe, expect, it} from 'vitest'
import {
  forCsvCell,
  forGithubData,
  forGithubProperty,
  forHtml,
  forMarkdown,
  forTerminal,
  forXml,
  visible,
} from '../../src/formatters/neutralise.js'

/** The hostile texts the end-to-end tests put in definitions. */
const TITLE = '\u001b]0;pwned\u0007' // sets a terminal's title
const CLEAR = '\u001b[2J' // clears the screen

type Table = ReadonlyArray<readonly [input: string, output: string]>

const ORDINARY = [
  'Riverside Primary Care Home',
  'sites/north-east/riverside.pch.yaml',
  "St Mary's & St John's (Q1) 100% £5,776,000 café",
  '',
]

function table(name: string, neutralise: (text: string) => string, rows: Table): void {
  describe(name, () => {
    it.each(rows)('%j -> %j', (input, output) => {
      expect(neutralise(input)).toBe(output)
    })
  })
}

describe('visible: a control character as a C-style escape', () => {
  it.each([
    ['\u0000', '\\x00'],
    ['\u0007', '\\x07'],
    ['\t', '\\t'],
    ['\n', '\\n'],
    ['\r', '\\r'],
    ['\u001b', '\\x1b'],
    ['\u007f', '\\x7f'],
    ['\u0080', '\\u0080'],
    ['\u0085', '\\u0085'],
    ['\u009b', '\\u009b'],
    ['\u009f', '\\u009f'],
  ])('%j -> %s', (input, output) => {
    expect(visible(input)).toBe(output)
  })
})

table('forTerminal: no control character, tab and line breaks too', forTerminal, [
  [`Riverside ${TITLE} ${CLEAR}Surgery`, 'Riverside \\x1b]0;pwned\\x07 \\x1b[2JSurgery'],
  ['Riverside\nforged line', 'Riverside\\nforged line'],
  ['a\r\nb\rc\td', 'a\\r\\nb\\rc\\td'],
  ['next line \u0085, CSI \u009b2J, DEL \u007f, NUL \u0000', 'next line \\u0085, CSI \\u009b2J, DEL \\x7f, NUL \\x00'],
  ['<script>alert(1)</script> =HYPERLINK("http://x")', '<script>alert(1)</script> =HYPERLINK("http://x")'],
  ['a\u00a0b \u0100 \u{1F600}', 'a\u00a0b \u0100 \u{1F600}'],
])

table('forGithubData: controls shown, then %, CR and LF percent-encoded', forGithubData, [
  [`${TITLE}${CLEAR}`, '\\x1b]0;pwned\\x07\\x1b[2J'],
  ['one\ntwo\r\nthree\rend', 'one%0Atwo%0D%0Athree%0Dend'],
  ['100% of :: a, b', '100%25 of :: a, b'],
  ['forged\n::error file=x::y', 'forged%0A::error file=x::y'],
  ['tab\tkept', 'tab\tkept'],
  ['%0A is not a line break', '%250A is not a line break'],
  ['\u0085', '\\u0085'],
])

table('forGithubProperty: the data escaping, plus : and ,', forGithubProperty, [
  ['sites/a,b:c.pch.yaml', 'sites/a%2Cb%3Ac.pch.yaml'],
  ['x\n::error::y', 'x%0A%3A%3Aerror%3A%3Ay'],
  [`100%${CLEAR}`, '100%25\\x1b[2J'],
])

table('forXml: controls shown, the five entities, tab and line breaks as references', forXml, [
  [`${TITLE} ${CLEAR}`, '\\x1b]0;pwned\\x07 \\x1b[2J'],
  ['<a href="x">&\'</a>', '&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;'],
  ['one\ntwo\r\tthree', 'one&#10;two&#13;&#9;three'],
  ['\u0000\u000b\u000c\u0085\u009f', '\\x00\\x0b\\x0c\\u0085\\u009f'],
  ['\ufffe \uffff \ud800 \udfff', '\\ufffe \\uffff \\ud800 \\udfff'],
  ['\u{1F600} \ufffd', '\u{1F600} \ufffd'],
])

table('forHtml: controls shown, markup escaped, white space kept', forHtml, [
  ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
  ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
  [`"a" & 'b' ${TITLE}`, '&quot;a&quot; &amp; &#39;b&#39; \\x1b]0;pwned\\x07'],
  ['one\ntwo\tthree', 'one\ntwo\tthree'],
])

table('forMarkdown: controls shown, HTML and markup escaped, a line break a space', forMarkdown, [
  ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
  ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
  ['a | b \\ c', 'a \\| b \\\\ c'],
  ['*bold* _em_ `code` ~~gone~~', '\\*bold\\* \\_em\\_ \\`code\\` \\~\\~gone\\~\\~'],
  ['[link](javascript:alert(1)) ![img](x)', '\\[link\\](javascript:alert(1)) !\\[img\\](x)'],
  ['&lt; is not <', '&amp;lt; is not &lt;'],
  ['# heading', '\\# heading'],
  ['- item', '\\- item'],
  ['+ item', '\\+ item'],
  ['> quote', '&gt; quote'],
  ['issue #16', 'issue #16'],
  ['@SUM(1+1) cc @someone', '\\@SUM(1+1) cc \\@someone'],
  ['one\ntwo\r\nthree', 'one two three'],
  [`${TITLE}${CLEAR}`, '\\\\x1b\\]0;pwned\\\\x07\\\\x1b\\[2J'],
  ['\u0085', '\\\\u0085'],
])

describe('forCsvCell: RFC 4180 quoting and OWASP formula neutralisation', () => {
  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
    ['@SUM(1+1)', "'@SUM(1+1)"],
    ['-2+3', "'-2+3"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ['a=1', 'a=1'],
    [' =1', ' =1'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['one\r\ntwo\nthree', '"one\r\ntwo\nthree"'],
    [`${TITLE}${CLEAR}`, '\\x1b]0;pwned\\x07\\x1b[2J'],
    ['\u0000\u0085', '\\x00\\u0085'],
  ] as const)('%j -> %j', (input, output) => {
    expect(forCsvCell(input)).toBe(output)
  })

  it.each([
    [-1250.5, '-1250.5'],
    [0, '0'],
    [36100, '36100'],
    [true, 'true'],
    [null, ''],
    [undefined, ''],
  ] as const)('a value pch computed, %j, is written as it is', (input, output) => {
    expect(forCsvCell(input)).toBe(output)
  })
})

describe('ordinary text passes through every neutraliser but for its own escaping', () => {
  it.each(ORDINARY)('%j', (text) => {
    expect(forTerminal(text)).toBe(text)
    expect(forGithubData(text)).toBe(text.replace(/%/g, '%25'))
    expect(forCsvCell(text)).toBe(/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text)
    expect(forMarkdown(text)).toBe(text.replace(/&/g, '&amp;'))
  })
})

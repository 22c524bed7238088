// GitHub Actions workflow commands: one annotation line per finding, shown on the pull request.
import type {Formatter} from './formatter.js'

const COMMAND = {error: 'error', warning: 'warning', info: 'notice'} as const

/** Escaping of a command's message (data). */
const escapeData = (text: string): string => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')

/** Escaping of a command's property values: the message's, plus the separators : and ,. */
const escapeProperty = (text: string): string => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')

const github: Formatter = (results) => {
  const lines: string[] = []
  for (const result of results) {
    for (const m of result.messages) {
      const properties = [
        `file=${escapeProperty(result.filePath)}`,
        `line=${m.line}`,
        `col=${m.column}`,
        `endLine=${m.endLine}`,
        `endColumn=${m.endColumn}`,
        `title=${escapeProperty(m.ruleId)}`,
      ].join(',')
      const text = m.excepted ? `${m.message} (accepted by exception)` : m.message
      lines.push(`::${COMMAND[m.severity]} ${properties}::${escapeData(text)}`)
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : ''
}

export default github

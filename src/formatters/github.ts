// GitHub Actions workflow commands: one annotation line per finding, shown on the pull request.
import {wholeOf, type StreamFormatter} from './formatter.js'
import {forGithubData, forGithubProperty} from './neutralise.js'

const COMMAND = {error: 'error', warning: 'warning', info: 'notice'} as const

export const stream: StreamFormatter = () => ({
  head: () => '',
  file(result) {
    const lines: string[] = []
    for (const m of result.messages) {
      const properties = [
        `file=${forGithubProperty(result.filePath)}`,
        `line=${m.line}`,
        `col=${m.column}`,
        `endLine=${m.endLine}`,
        `endColumn=${m.endColumn}`,
        `title=${forGithubProperty(m.ruleId)}`,
      ].join(',')
      const text = m.excepted ? `${m.message} (accepted by exception)` : m.message
      lines.push(`::${COMMAND[m.severity]} ${properties}::${forGithubData(text)}\n`)
    }
    return lines.join('')
  },
  tail: () => '',
})

export default wholeOf(stream)

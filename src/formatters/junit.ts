// JUnit XML for CI dashboards (GitLab, Jenkins): a testsuite per file, a testcase per document,
// a <failure> per error finding. A testcase fails when its document has an error.
import type {Message} from '../rule-api/types.js'
import {byDocument, type Formatter} from './formatter.js'
import {forXml} from './neutralise.js'

const where = (m: Message): string => `${m.line}:${m.column}`

const junit: Formatter = (results) => {
  const suites: string[] = []
  let tests = 0
  let failures = 0
  for (const result of results) {
    const documents = byDocument(result)
    const cases: string[] = []
    let failed = 0
    for (const {index, messages} of documents) {
      const name = documents.length > 1 ? `${result.filePath} [document ${index + 1}]` : result.filePath
      const errors = messages.filter((m) => m.severity === 'error')
      const others = messages.filter((m) => m.severity !== 'error')
      const body = errors.map(
        (m) =>
          `      <failure type="${forXml(m.ruleId)}" message="${forXml(`${where(m)} ${m.message}`)}">` +
          `${forXml(`${result.filePath}:${where(m)} ${m.message} (${m.ruleId})`)}</failure>`,
      )
      if (others.length > 0) {
        const lines = others.map(
          (m) => `${result.filePath}:${where(m)} ${m.severity} ${m.message} (${m.ruleId})${m.excepted ? ' [accepted by exception]' : ''}`,
        )
        body.push(`      <system-out>${forXml(lines.join('\n'))}</system-out>`)
      }
      if (errors.length > 0) failed++
      const open = `    <testcase classname="${forXml(result.filePath)}" name="${forXml(name)}"`
      cases.push(body.length > 0 ? `${open}>\n${body.join('\n')}\n    </testcase>` : `${open}/>`)
    }
    tests += documents.length
    failures += failed
    suites.push(
      `  <testsuite name="${forXml(result.filePath)}" tests="${documents.length}" failures="${failed}" errors="0" skipped="0">\n${cases.join('\n')}\n  </testsuite>`,
    )
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="pch" tests="${tests}" failures="${failures}" errors="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n')
}

export default junit

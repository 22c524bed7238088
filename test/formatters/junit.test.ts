// JUnit output read back with a real XML parser: well-formed, and its suites, cases and failures
// agree with counts computed independently from the JSON output of the same run.
import {XMLParser, XMLValidator} from 'fast-xml-parser'
import {beforeAll, describe, expect, it} from 'vitest'
import type {FileResult} from '../../src/rule-api/types.js'
import junit from '../../src/formatters/junit.js'
import {cli, TODAY} from '../helpers.js'
import {context, fixture} from './fixture.js'

interface Failure {
  '@_type': string
  '@_message': string
  '#text'?: string
}
interface TestCase {
  '@_classname': string
  '@_name': string
  failure?: Failure[]
}
interface TestSuite {
  '@_name': string
  '@_tests': string
  '@_failures': string
  testcase: TestCase[]
}
interface Parsed {
  testsuites: {'@_tests': string; '@_failures': string; testsuite?: TestSuite[]}
}

function parse(xml: string): Parsed {
  expect(XMLValidator.validate(xml)).toBe(true)
  const parser = new XMLParser({
    ignoreAttributes: false,
    parseAttributeValue: false,
    parseTagValue: false,
    isArray: (name) => ['testsuite', 'testcase', 'failure'].includes(name),
  })
  return parser.parse(xml) as Parsed
}

/** What the JUnit report must hold, computed from the results alone. */
function expected(results: readonly FileResult[]): {suites: number; cases: number; failedCases: number; failures: number} {
  let cases = 0
  let failedCases = 0
  let failures = 0
  for (const result of results) {
    const documents = Math.max(result.documents, 1)
    cases += documents
    const errors = result.messages.filter((m) => m.severity === 'error')
    failures += errors.length
    failedCases += new Set(errors.map((m) => Math.min(m.documentIndex ?? 0, documents - 1))).size
  }
  return {suites: results.length, cases, failedCases, failures}
}

function counted(parsed: Parsed): {suites: number; cases: number; failedCases: number; failures: number} {
  const suites = parsed.testsuites.testsuite ?? []
  const cases = suites.flatMap((s) => s.testcase)
  return {
    suites: suites.length,
    cases: cases.length,
    failedCases: cases.filter((c) => (c.failure ?? []).length > 0).length,
    failures: cases.reduce((n, c) => n + (c.failure ?? []).length, 0),
  }
}

/** The attributes agree with the elements: tests = testcases, failures = failed testcases. */
function expectConsistentAttributes(parsed: Parsed): void {
  const suites = parsed.testsuites.testsuite ?? []
  for (const suite of suites) {
    expect(Number(suite['@_tests'])).toBe(suite.testcase.length)
    expect(Number(suite['@_failures'])).toBe(suite.testcase.filter((c) => (c.failure ?? []).length > 0).length)
  }
  const total = counted(parsed)
  expect(Number(parsed.testsuites['@_tests'])).toBe(total.cases)
  expect(Number(parsed.testsuites['@_failures'])).toBe(total.failedCases)
}

describe('junit: the fixture', () => {
  const parsed = parse(junit(fixture, context))

  it('is well-formed and its counts match the results', () => {
    expect(counted(parsed)).toEqual(expected(fixture))
    expect(counted(parsed)).toEqual({suites: 4, cases: 5, failedCases: 3, failures: 4})
    expectConsistentAttributes(parsed)
  })

  it('names suites by file and cases by document, text unescaped by the parser', () => {
    const suites = parsed.testsuites.testsuite!
    expect(suites.map((s) => s['@_name'])).toEqual(fixture.map((r) => r.filePath))
    expect(suites[0]!.testcase.map((c) => c['@_name'])).toEqual([
      `${fixture[0]!.filePath} [document 1]`,
      `${fixture[0]!.filePath} [document 2]`,
    ])
    expect(suites[0]!.testcase[0]!.failure![0]!['@_message']).toBe(`14:5 ${fixture[0]!.messages[0]!.message}`)
    expect(suites[3]!.testcase).toHaveLength(1) // a file with 0 documents still has a testcase
  })
})

describe('junit: the built CLI over examples/', () => {
  let parsed: Parsed
  let results: FileResult[]

  beforeAll(() => {
    const x = cli(['lint', 'examples/', '--format', 'junit', '--today', TODAY])
    const j = cli(['lint', 'examples/', '--format', 'json', '--today', TODAY])
    expect([x.status, x.stderr]).toEqual([1, ''])
    expect([j.status, j.stderr]).toEqual([1, ''])
    parsed = parse(x.stdout)
    results = JSON.parse(j.stdout) as FileResult[]
  })

  it('has a testsuite per file, a testcase per document, a failure per error finding', () => {
    const want = expected(results)
    expect(want.suites).toBeGreaterThan(1)
    expect(want.failures).toBeGreaterThan(0)
    expect(results.some((r) => r.documents > 1)).toBe(true) // two-sites.pch.yaml: the per-document split is exercised
    expect(counted(parsed)).toEqual(want)
    expect(parsed.testsuites.testsuite!.map((s) => s['@_name'])).toEqual(results.map((r) => r.filePath))
  })

  it('keeps its tests and failures attributes consistent with its elements', () => {
    expectConsistentAttributes(parsed)
  })
})

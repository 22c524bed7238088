// The structural findings (yaml/*, schema, format/*): produced by the parser and the schema
// check rather than by a rule's own check, but listed, documented and configured like rules.
import type {RuleMeta} from '../rule-api/rule.js'

function structural(id: string, summary: string, description: string, failing: string, passing: string, fixable = false): RuleMeta {
  return {
    id,
    characteristic: null,
    severity: 'error',
    compliance: false,
    scope: 'structure',
    fixable,
    summary,
    docs: {description, failing, passing},
  }
}

export const structuralRules: readonly RuleMeta[] = [
  structural(
    'yaml/syntax',
    'The file is well-formed YAML',
    'The YAML does not parse. The finding gives the line and column where the parser stopped; nothing else in the document is checked until it parses.',
    'metadata:\n  name: [Riverside Primary Care Home',
    'metadata:\n  name: Riverside Primary Care Home',
  ),
  structural(
    'yaml/duplicate-key',
    'No mapping repeats a key',
    'A key written twice in one mapping is ambiguous (most tools silently keep the last one), so it is an error.',
    'metadata:\n  id: riverside\n  id: riverside-east',
    'metadata:\n  id: riverside',
  ),
  structural(
    'yaml/unsupported-tag',
    'No custom or language tags',
    'Definitions hold plain values only. Tags such as !!js/function or !include are never executed or expanded; they are reported as errors.',
    'metadata:\n  name: !!js/function "return 1"',
    'metadata:\n  name: Riverside Primary Care Home',
  ),
  structural(
    'schema/api-version',
    'apiVersion is pch/v1 and kind is PrimaryCareHome',
    'The first thing checked: a document that is not a pch/v1 PrimaryCareHome is reported once, naming what is supported, and checked no further.',
    'apiVersion: pch/v2',
    'apiVersion: pch/v1\nkind: PrimaryCareHome',
  ),
  structural(
    'schema',
    'The definition matches the JSON Schema of format v1',
    'Any structural fault the JSON Schema finds: a wrong type, a missing or unknown key (with a suggestion for a likely typo), a value outside its allowed set, range or pattern, text holding a control character (tabs and line breaks are text).',
    'metadata:\n  status: alive   # applicant, rapid-test-site, developing, live or withdrawn',
    'metadata:\n  status: live',
  ),
  structural(
    'format/number',
    'Numbers are written as plain numbers',
    'A count or amount written as text with thousands separators or a pound sign is read as the number it means for every other check, and reported so it can be fixed (pch lint --fix rewrites it).',
    'spec:\n  budget:\n    capitation:\n      annualPerPatient: "£160.00"',
    'spec:\n  budget:\n    capitation:\n      annualPerPatient: 160.00',
    true,
  ),
  structural(
    'format/ods-code',
    'ODS codes are upper case without spaces',
    'An ODS code in lower case or with spaces is read as the code it means for every other check, and reported so it can be fixed (pch lint --fix rewrites it).',
    'metadata:\n  commissioner:\n    odsCode: qxy',
    'metadata:\n  commissioner:\n    odsCode: QXY',
    true,
  ),
]

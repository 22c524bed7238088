// The structural findings (yaml/*, schema, format/*): produced by the parser and the schema
// check rather than by a rule's own check, but listed, documented and configured like rules.
import type {RuleMeta} from '../rule-api/rule.js'

function structural(id: string, summary: string, description: string, failing: string, passing: string, fixable = false): RuleMeta {
  return {id, characteristic: null, severity: 'error', compliance: false, scope: 'structure', fixable, summary, docs: {description, failing, passing}}
}

export const structuralRules: readonly RuleMeta[] = [
  structural(
    'yaml/syntax',
    'The file is well-formed YAML',
    'The YAML does not parse. The finding gives the line and column where the parser stopped; nothing else in the document is checked until it parses.',
    'practices:\n  - odsCode: A81001\n    name: [Riverside Surgery',
    'practices:\n  - odsCode: A81001\n    name: Riverside Surgery',
  ),
  structural(
    'yaml/duplicate-key',
    'No mapping repeats a key',
    'A key written twice in one mapping is ambiguous (most tools silently keep the last one), so it is an error.',
    'practices:\n  - odsCode: A81001\n    listSize: 14250\n    listSize: 14520',
    'practices:\n  - odsCode: A81001\n    listSize: 14520',
  ),
  structural(
    'yaml/unsupported-tag',
    'No custom or language tags',
    'Definitions hold plain values only. Tags such as !!js/function or !include are never executed or expanded; they are reported as errors.',
    'name: !!js/function "return 1"',
    'name: Riverside Primary Care Home',
  ),
  structural(
    'schema/api-version',
    'apiVersion is pch/v1 and kind is PrimaryCareHome',
    'The first thing checked: a document that is not a pch/v1 PrimaryCareHome is reported once, naming what is supported, and checked no further.',
    'apiVersion: pch/v2\nkind: PrimaryCareHome',
    'apiVersion: pch/v1\nkind: PrimaryCareHome',
  ),
  structural(
    'schema',
    'The definition matches the JSON Schema of format v1',
    'Any structural fault the JSON Schema finds: a wrong type, a missing or unknown key (with a suggestion for a likely typo), a value outside its allowed set, range or pattern, text holding a control character (tabs and line breaks are text).',
    'practices:\n  - odsCode: A81001\n    name: Riverside Surgery\n    listsize: 14250',
    'practices:\n  - odsCode: A81001\n    name: Riverside Surgery\n    listSize: 14250',
  ),
  structural(
    'format/number',
    'Numbers are written as plain numbers',
    'A count or amount written as text with thousands separators or a pound sign is read as the number it means for every other check, and reported so it can be fixed (pch lint --fix rewrites it).',
    'listSize: "14,250"\nannualPerPatient: "£160.00"',
    'listSize: 14250\nannualPerPatient: 160.00',
    true,
  ),
  structural(
    'format/ods-code',
    'ODS codes are upper case without spaces',
    'An ODS code in lower case or with spaces is read as the code it means for every other check, and reported so it can be fixed (pch lint --fix rewrites it).',
    'odsCode: a81 001',
    'odsCode: A81001',
    true,
  ),
]

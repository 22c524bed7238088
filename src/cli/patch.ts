// A git-style unified patch (a/ and b/ paths) of one file's change, for the dry runs.
import {FILE_HEADERS_ONLY, formatPatch, structuredPatch} from 'diff'

export function patch(filePath: string, before: string, after: string): string {
  return formatPatch(structuredPatch(`a/${filePath}`, `b/${filePath}`, before, after, undefined, undefined, {context: 2}), FILE_HEADERS_ONLY)
}

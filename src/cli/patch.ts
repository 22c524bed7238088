// A git-style unified patch (a/ and b/ paths) of one file's change, for the dry runs.
import {diff} from '../engine/lazy.js'

export function patch(filePath: string, before: string, after: string): string {
  const {FILE_HEADERS_ONLY, formatPatch, structuredPatch} = diff()
  return formatPatch(structuredPatch(`a/${filePath}`, `b/${filePath}`, before, after, undefined, undefined, {context: 2}), FILE_HEADERS_ONLY)
}

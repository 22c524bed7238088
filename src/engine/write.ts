// The one way pch writes files: a temp file beside each target, fsync, then rename. A reader sees
// the old bytes or the new bytes, never a mix; a link is written through to its target, and the
// original file's mode is kept. Several files are written in two phases (every temp file first,
// then every rename), so a failure before the renames leaves every file as it was.
import {closeSync, fchmodSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync} from 'node:fs'
import path from 'node:path'

export interface FileWrite {
  file: string
  content: string | Uint8Array
}

export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  writeFilesAtomic([{file, content}])
}

export function writeFilesAtomic(writes: readonly FileWrite[]): void {
  const staged: Array<{temp: string; target: string}> = []
  try {
    for (const {file, content} of writes) staged.push(stage(file, content))
  } catch (error) {
    for (const {temp} of staged) removeQuietly(temp)
    throw error
  }
  // A rename that fails (the target's directory changed under us) stops the run: files renamed
  // already hold their complete new bytes, the rest their old bytes, and no temp file is left.
  let renamed = 0
  try {
    for (const {temp, target} of staged) {
      renameSync(temp, target)
      renamed++
    }
  } catch (error) {
    for (const {temp} of staged.slice(renamed)) removeQuietly(temp)
    throw error
  }
}

/** The file a write lands in: a link's target, so the link stays a link. */
function resolveTarget(file: string): string {
  const target = path.resolve(file)
  try {
    return realpathSync(target)
  } catch {
    return target
  }
}

function stage(file: string, content: string | Uint8Array): {temp: string; target: string} {
  const target = resolveTarget(file)
  let mode: number | undefined
  try {
    mode = statSync(target).mode & 0o7777
  } catch {
    // a new file: default mode, less the umask
  }
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`)
  const fd = openSync(temp, 'wx', mode ?? 0o666)
  try {
    if (mode !== undefined) fchmodSync(fd, mode)
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content
    let written = 0
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written)
    fsyncSync(fd)
  } catch (error) {
    closeSync(fd)
    removeQuietly(temp)
    throw error
  }
  closeSync(fd)
  return {temp, target}
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file)
  } catch {
    // never created or already gone
  }
}

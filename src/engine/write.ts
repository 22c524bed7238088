// The one way pch writes a file: a temp file beside it, fsync, rename. A reader sees the old
// bytes or the new bytes, never a mix; the original file's mode is kept.
import {closeSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync} from 'node:fs'
import path from 'node:path'

export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  const target = path.resolve(file)
  let mode = 0o666
  try {
    mode = statSync(target).mode & 0o7777
  } catch {
    // a new file: default mode, less the umask
  }
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`)
  const fd = openSync(temp, 'wx', mode)
  try {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content
    let written = 0
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written)
    fsyncSync(fd)
    closeSync(fd)
    renameSync(temp, target)
  } catch (error) {
    try {
      closeSync(fd)
    } catch {
      // already closed
    }
    try {
      unlinkSync(temp)
    } catch {
      // never created or already gone
    }
    throw error
  }
}

// Records a run writes once and reads back once, in order, held in a temporary file rather than in
// memory (issue 20: each file's phase 1 of a streamed run, until phase 3 takes it). The file is
// removed from its directory as soon as it is opened, so nothing is left behind whatever ends the
// process (a signal, a crash); its space is freed when it is closed or the process exits. Where no
// temporary file can be made or written (a full or read-only disk), the records are kept in memory:
// they read back the same either way.
import {closeSync, openSync, readSync, unlinkSync, writeSync} from 'node:fs'
import {randomBytes} from 'node:crypto'
import {tmpdir} from 'node:os'
import path from 'node:path'

/** Records are written in pieces of this many bytes. */
const PIECE = 65_536
const NEWLINE = 0x0a

export class Spill {
  private fd: number | undefined
  /** The path, while it is still in its directory (where it could not be removed at once). */
  private file: string | undefined
  private written = 0
  /**
   * The records not yet written, as bytes: each is encoded the moment it comes, so the string dies
   * young. Held as strings until a piece was full, every record lived through collections of the
   * young generation and was moved to the old one, which then grew with the run (issue 20).
   */
  private piece: Buffer | undefined = Buffer.allocUnsafeSlow(PIECE)
  private used = 0
  /** Records that could not go to the file, in order after those that did. */
  private kept: string[] = []
  private failed = false

  /** `directory`: where the temporary file is made (the system's temporary directory by default). */
  constructor(directory: string = tmpdir()) {
    const file = path.join(directory, `pch-spill-${process.pid}-${randomBytes(6).toString('hex')}.tmp`)
    try {
      this.fd = openSync(file, 'wx+', 0o600)
    } catch {
      this.failed = true
      return
    }
    try {
      unlinkSync(file)
    } catch {
      this.file = file
      process.once('exit', this.removeFile)
    }
  }

  /** One record: a string without a line break (JSON.stringify writes none). */
  write(record: string): void {
    if (this.failed || this.piece === undefined) return void this.kept.push(record)
    // At most 3 bytes a UTF-16 unit, and the line break.
    if (this.used + record.length * 3 + 1 > PIECE) {
      this.flush()
      if (this.failed) return void this.kept.push(record)
      if (record.length * 3 + 1 > PIECE) return this.writeBytes(Buffer.from(`${record}\n`))
    }
    this.used += this.piece.write(record, this.used)
    this.piece[this.used++] = NEWLINE
  }

  /** Every record in the order written; the spill is closed once they are read (or the loop is left). */
  *records(): Generator<string> {
    try {
      this.flush()
      if (this.fd !== undefined && this.written > 0) yield* this.fromFile(this.fd, this.written)
      yield* this.kept
    } finally {
      this.close()
    }
  }

  /** Frees the file (idempotent). */
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd)
    this.fd = undefined
    this.removeFile()
    this.piece = undefined
    this.used = 0
    this.kept = []
  }

  private flush(): void {
    if (this.used === 0 || this.piece === undefined) return
    const bytes = this.piece.subarray(0, this.used)
    this.used = 0
    this.writeBytes(bytes)
  }

  /** Whole records, to the file; or, if it cannot take them, to `kept` (with every record after them). */
  private writeBytes(bytes: Buffer): void {
    try {
      let done = 0
      while (done < bytes.length) done += writeSync(this.fd!, bytes, done, bytes.length - done, this.written + done)
      this.written += bytes.length
    } catch {
      // What did not land is kept in memory, and so is all that comes after it. A part of a
      // record that did land lies after `written`, and is never read.
      this.failed = true
      this.kept.push(...bytes.toString('utf8', 0, bytes.length - 1).split('\n'))
    }
  }

  private *fromFile(fd: number, size: number): Generator<string> {
    let buffer = Buffer.allocUnsafe(PIECE * 2)
    let start = 0
    let end = 0
    let position = 0
    while (position < size || start < end) {
      const newline = buffer.indexOf(NEWLINE, start)
      if (newline !== -1 && newline < end) {
        yield buffer.toString('utf8', start, newline)
        start = newline + 1
        continue
      }
      // No whole record left in the buffer: move the part of one to the front, make room, read on.
      buffer.copy(buffer, 0, start, end)
      end -= start
      start = 0
      if (end === buffer.length) {
        const larger = Buffer.allocUnsafe(buffer.length * 2)
        buffer.copy(larger, 0, 0, end)
        buffer = larger
      }
      if (position >= size) break // cannot happen: every record written ends with a line break
      const read = readSync(fd, buffer, end, Math.min(buffer.length - end, size - position), position)
      if (read === 0) break
      position += read
      end += read
    }
  }

  private readonly removeFile = (): void => {
    if (this.file === undefined) return
    try {
      unlinkSync(this.file)
    } catch {
      // already gone
    }
    process.removeListener('exit', this.removeFile)
    this.file = undefined
  }
}

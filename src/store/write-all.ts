// Writes that are checked for their full length. A write on a nearly full disk may put down part of what it was
// given and say so only in its count; a store that took that for success would acknowledge a cut-off line.
import { write } from 'node:fs'
import type { FileHandle } from 'node:fs/promises'
import { promisify } from 'node:util'
import { DiskFullError, StoreError } from '../errors.js'

const writeTo = promisify(write)
const NO_ROOM = new Set(['ENOSPC', 'EFBIG', 'EDQUOT'])

/** Writes every byte at `position` (or at the end, for a file opened to append), or throws. */
export async function writeAll(file: number | FileHandle, bytes: Buffer, position: number | null = null): Promise<void> {
  let written = 0
  while (written < bytes.length) {
    const at = position === null ? null : position + written
    const { bytesWritten } =
      typeof file === 'number'
        ? await writeTo(file, bytes, written, bytes.length - written, at)
        : await file.write(bytes, written, bytes.length - written, at)
    if (bytesWritten <= 0) throw Object.assign(new Error('the disk took no more bytes'), { code: 'ENOSPC' })
    written += bytesWritten
  }
}

// Lines go to the disk in pieces of about this many characters: a batch of many changes (the generator files
// hundreds of thousands of articles before it writes) must never be one string, which V8 caps at ~512 MB.
const PIECE = 4 << 20

/** Writes whole lines, a few megabytes at a time, at the end of a file opened to append; answers the bytes written. */
export async function writeLines(file: number | FileHandle, lines: Iterable<string>): Promise<number> {
  let piece: string[] = []
  let chars = 0
  let bytes = 0
  const put = async () => {
    const buffer = Buffer.from(piece.join(''), 'utf8')
    await writeAll(file, buffer)
    bytes += buffer.length
    piece = []
    chars = 0
  }
  for (const line of lines) {
    piece.push(line)
    chars += line.length
    if (chars >= PIECE) await put()
  }
  if (piece.length) await put()
  return bytes
}

/** The store's error for a failed write: a full disk says so, with what to do. */
export function writeFailed(path: string, error: unknown, outcome: string): StoreError {
  const code = (error as NodeJS.ErrnoException).code
  if (code && NO_ROOM.has(code)) {
    return new DiskFullError(`the disk holding ${path} is full (${code}). Free some space and try again; ${outcome}`)
  }
  return new StoreError(`cannot write to ${path} (${(error as Error).message}). Check free space and permissions; ${outcome}`)
}

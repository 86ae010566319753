// The last change the store acknowledged (`<store>.head`), rewritten in place after each append to the journal.
// A journal whose last lines were lost (cut at a line end, the lines deleted) still reads as whole: only this
// says that changes past its end were acknowledged. It is not flushed on its own: after a power cut it may say
// less than the journal holds, never more, since it is written only once the journal's line is on the disk.
import { closeSync, existsSync, openSync, readFileSync, writeSync } from 'node:fs'
import { StoreError } from '../errors.js'
import { FILE_MODE } from './journal.js'

export const headPath = (store: string) => `${store}.head`

// Always the same length, so a rewrite in place never leaves a longer number's last digits behind.
const WIDTH = 40

/** The last acknowledged change, or null when the file is missing or unreadable (a store from before it). */
export function readHead(path: string): number | null {
  try {
    const seq = (JSON.parse(readFileSync(path, 'utf8')) as { seq?: unknown }).seq
    return Number.isInteger(seq) ? (seq as number) : null
  } catch {
    return null
  }
}

export class Head {
  #file: number

  constructor(readonly path: string) {
    try {
      // Not 'a': a file opened to append ignores the position every record writes at.
      this.#file = openSync(path, existsSync(path) ? 'r+' : 'w', FILE_MODE)
    } catch (error) {
      throw new StoreError(`cannot open ${path} for writing (${(error as Error).message}). Check that its folder is writable.`)
    }
  }

  /** Notes `seq` as acknowledged. A failure here loses nothing (the journal holds the change); it only weakens the check. */
  record(seq: number): void {
    try {
      writeSync(this.#file, `${`${JSON.stringify({ seq })}`.padEnd(WIDTH - 1)}\n`, 0)
    } catch {
      // a full disk cannot refuse an overwrite of bytes it already holds; anything else is noticed by `claimtrail check`
    }
  }

  close(): void {
    closeSync(this.#file)
  }
}

// Every line claimtrail appends (the journal's changes, the articles' texts) ends in a checksum of itself, so a
// flipped byte, a line cut short or two lines run together are found when the file is read, not when a page
// later fails on what they held:
//
//   {"seq":42,"articles":[…]}\t1c291ca3
//
// JSON never holds a raw tab, so the last tab on the line is where the checksum begins.
import { crc32 } from 'node:zlib'
import { StoreError } from '../errors.js'

/** The checksum of a line's JSON: CRC-32, eight hex digits. */
export function checksum(text: string): string {
  return crc32(text).toString(16).padStart(8, '0')
}

/** The line as it is written: the JSON, a tab, its checksum, a line end. */
export function checkedLine(json: string): string {
  return `${json}\t${checksum(json)}\n`
}

/** What a line read back holds: its JSON, or null for a line written before lines carried a checksum. */
export function lineJson(line: string): { json: string; checked: boolean } {
  const tab = line.lastIndexOf('\t')
  if (tab < 0) return { json: line, checked: false }
  const json = line.slice(0, tab)
  if (line.slice(tab + 1) !== checksum(json)) throw new Error('its checksum does not match')
  return { json, checked: true }
}

/** The damage message every reader of a store file gives: which file, which line, what to do. */
export function damaged(path: string, line: number, what: string, store: string): StoreError {
  return new StoreError(
    `${path} is damaged at line ${line}: ${what}. Nothing was changed. Run \`claimtrail check --db ${store}\` for every problem, and \`claimtrail repair --db ${store}\` to rebuild it from what is intact (a copy of every file is kept first).`,
  )
}

// Invisible format characters an article (or whoever typed its outlet) can slip into a name or a cell: bidi
// overrides and isolates that make "Ana Ruiz" display as another string than the one stored (U+202E turns
// what follows around), zero-width characters that make two different names look the same, the Arabic letter
// mark. Every page, the CLI ledger and every CSV cell show text through neutral(), which drops them, so what
// a reader sees is the stored characters in their stored order. A BOM is kept only where a file begins, and
// that is written by the file's writer, never taken from a cell.
const SPOOFING = /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF]/g

/** The text without bidi controls or invisible format characters. */
export function neutral(text: string): string {
  return SPOOFS.test(text) ? text.replace(SPOOFING, '') : text
}

// The same characters, without the global flag, to ask whether there is one at all (test() of a global regex
// remembers where it stopped).
const SPOOFS = new RegExp(SPOOFING.source)

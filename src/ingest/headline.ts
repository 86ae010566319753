// An article pasted or saved as plain text starts, more often than not, with its headline on a line of its own.
// When no title is given, that line is the title: an article list of "Untitled article 3ab3689b7ff1" tells a
// reviewer nothing. Only a line that reads as a headline is taken; a text that opens with its first sentence
// keeps no title.

const LONGEST = 200
const MOST_WORDS = 30

/** The text's headline: its first line, when a blank line or the body follows it and it does not read as a sentence, a byline or a dateline. */
export function headlineOf(text: string): string | null {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  const first = lines.findIndex((line) => line.trim() !== '')
  if (first < 0) return null
  const line = lines[first].trim().replace(/\s+/g, ' ')
  const rest = lines
    .slice(first + 1)
    .join('\n')
    .trim()
  if (!rest) return null
  if (line.length < 3 || line.length > LONGEST || line.split(' ').length > MOST_WORDS) return null
  // A sentence ends in a full stop; a headline does not ("U.S." and "Jr." inside are fine, not at the end).
  if (/[.,;:]$/.test(line) && !/\b[A-Z]\.[A-Z]\.$/.test(line)) return null
  if (/^by\s/i.test(line) || /^(updated|published|posted)\b/i.test(line)) return null
  // A dateline or a date alone ("March 15, 2022", "2022-03-15") is no headline.
  if (/^[\d\s:/.,-]+$/.test(line) || /^[A-Z][a-z]+ \d{1,2}, \d{4}$/.test(line)) return null
  return line
}

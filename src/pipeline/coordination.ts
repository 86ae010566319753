// "Both China and Russia" names two speakers; "United States Citizenship and Immigration Services" names one.
// A source is split at "and" only when each side is a whole name on its own.
import type { SourceMention } from './drafts.js'
import { isHonorific, isRoleWord } from './names.js'
import type { Token } from './nlp.js'
import { ORGANIZATION_WORDS } from './rules/sources.js'

const isProper = (t: Token) => /^[\p{Lu}\d]/u.test(t.text) || t.tags.has('ProperNoun')
const JOINERS = /^(of|for|the|de|van|von|al|bin)$/
const isPerson = (t: Token) => ['Person', 'FirstName', 'LastName'].some((g) => t.tags.has(g)) || isHonorific(t.text)

type Whole = 'person' | 'place' | 'organization' | 'word'

/**
 * What a side of "A and B" is when it stands alone as a name: a person ("Mr. Grassley"), a place ("India"),
 * an organisation by its head ("the Urban Institute"), or one capitalised word ("Microsoft"); else null —
 * "House Oversight", "Center for Media" are pieces of one name.
 */
function wholeName(side: Token[]): Whole | null {
  // The name after a description: "presidential candidates Hillary Clinton". After a preposition it is
  // the description's own: "lawyers for both Donald", "the Tax Policy Center at the Urban Institute".
  const lower = side.reduce((k, t, i) => (isProper(t) ? k : i), -1)
  if (side.slice(0, lower + 1).some((t) => t.tags.has('Preposition'))) return null
  side = side.slice(lower + 1)
  // The name after a role: "Senator Marco Rubio".
  let role = side.reduce((k, t, i) => (isRoleWord(t.text) ? i : k), -1)
  if (role === side.length - 1) role = -1 // "Mr. King": a role word can be a surname
  const name = side.slice(role + 1)
  if (!name.length || !name.every((t, i) => isProper(t) || (i > 0 && i < name.length - 1 && JOINERS.test(t.lower)))) return null
  // "Secretary of State and …": what follows a role's "of" belongs to the role.
  if (role >= 0 && !name.some(isPerson)) return null
  if (name.some(isPerson)) return 'person'
  if (name.every((t) => t.tags.has('Place'))) return 'place'
  if (ORGANIZATION_WORDS.has(name[name.length - 1].lower.replace(/[.’']/g, ''))) return 'organization'
  return name.length === 1 ? 'word' : null
}

/** "Jeb Bush": two or three proper nouns, the last no organisation's head. */
function properRun(side: Token[]): boolean {
  const lower = side.reduce((k, t, i) => (isProper(t) ? k : i), -1)
  const run = side.slice(lower + 1)
  return (
    run.length >= 2 &&
    run.length <= 3 &&
    run.every((t) => t.tags.has('ProperNoun')) &&
    !side.slice(0, lower + 1).some((t) => t.tags.has('Preposition')) &&
    !ORGANIZATION_WORDS.has(run[run.length - 1].lower)
  )
}

const partSpan = (m: SourceMention, ts: Token[]) => {
  const start = ts[0].start
  const end = ts[ts.length - 1].end
  return { start, end, text: m.span.text.slice(start - m.span.start, end - m.span.start) }
}

/** "Both China and Russia" → China, Russia: whole names joined by "and" are several speakers. */
export function splitCoordination(m: SourceMention): SourceMention[] {
  const at = m.tokens.findIndex((t, i) => t.lower === 'and' && i > 0 && i < m.tokens.length - 1)
  if (at < 0 || !isProper(m.tokens[at - 1]) || !isProper(m.tokens[at + 1])) return [m]
  const [left, right] = [m.tokens.slice(0, at), m.tokens.slice(at + 1)]
  // "Securities and Exchange Commission", "Parks and Recreation Department": one word before an
  // organisation's head is the first half of its name.
  // "Jeb Bush and Chris Christie": beside a person, a run of proper nouns the tagger knows no name of is one too.
  const a = wholeName(left) ?? (wholeName(right) === 'person' && properRun(left) ? 'person' : null)
  const b = wholeName(right) ?? (a === 'person' && properRun(right) ? 'person' : null)
  if (!a || !b || (a === 'word' && b === 'organization' && right.length > 1)) return [m]
  return [left, right].map((tokens) => ({ ...m, tokens, span: partSpan(m, tokens) }))
}

// Stage 8, speaker lines: takes the Doc and the drafts; gives them with a draft added (no cue, rule
// "speaker-line") for each paragraph that opens with a name and a colon: the rest of the paragraph is that
// name's. Headlines ("Rubio: Trump can't be trusted with the codes.") and transcripts ("WALLACE: Governor,
// I want to ask you …") both write attribution this way, with no verb at all.
import { type Draft, nextDraftId } from '../drafts.js'
import { isPlace } from '../names.js'
import { type Token, tag } from '../nlp.js'
import { NOT_A_NAME_BEFORE_COLON } from '../rules/quote-patterns.js'
import { overlaps, spanOf, trimClause } from '../spans.js'
import type { Doc } from './03-segment.js'

/** Name, a colon, then the line: at most four words, each capitalised or a joiner ("Secretary of State"). */
const SPEAKER_LINE =
  /^[ \t]*["“]?((?:[\p{Lu}][\p{L}.'’-]*)(?:[ \t]+(?:[\p{Lu}][\p{L}.'’-]*|of|de|van|von|al|bin)){0,3})[ \t]*:[ \t]+(?=\S)/u

/** Labels that stand before a colon in a newsroom's page furniture, not people: "The Latest:", "Contributing:". */
const NOT_A_SPEAKER = new Set([
  ...NOT_A_NAME_BEFORE_COLON,
  'latest',
  'contributing',
  'twitter',
  'facebook',
  'instagram',
  'revealed',
  'byline',
  'wow',
  'clarification',
  'corrections',
  'update',
  'updated',
  'editor’s',
  "editor's",
  'tags',
  'topics',
  'share',
  'listen',
  'subscribe',
  'advertisement',
  'credit',
  'file',
  'reporting',
  'writing',
  'editing',
  'published',
  'posted',
  'filed',
  'dateline',
  'location',
  'date',
  'time',
  'where',
  'when',
  'what',
  'why',
  'how',
  'who',
  'bottom',
  'line',
  'lesson',
  'key',
  'takeaway',
  'takeaways',
  'fact',
  'check',
  'verdict',
  'rating',
  'the',
  'so',
  'but',
  'and',
  'yes',
  'no',
  'here',
  'now',
  'then',
  'paid',
  'notice',
  'deaths',
])

const isJoiner = (w: string) => /^(of|de|van|von|al|bin)$/.test(w)

export function attributeSpeakerLines(doc: Doc, drafts: Draft[]): Draft[] {
  const out = [...drafts]
  let nextId = nextDraftId(drafts)
  for (const p of doc.paragraphs) {
    const m = SPEAKER_LINE.exec(p.text)
    if (!m) continue
    const words = m[1].split(/\s+/)
    if (words.some((w) => NOT_A_SPEAKER.has(w.toLowerCase())) || isJoiner(words[words.length - 1])) continue
    // "BEIJING: Chinese Foreign Ministry spokesperson …": a place in capitals before a colon is a dateline.
    if (words.every((w) => w === w.toUpperCase()) && isPlace(words.join(' '))) continue
    const from = p.start + m.index + m[0].length
    const content = trimClause(doc.text, from, p.end)
    if (!content || content.text.split(/\s+/).length < 3 || doc.skips.some((s) => overlaps(s, content))) continue
    // A cue inside the line that already claimed most of it speaks for itself.
    if (out.some((d) => d.content.some((c) => overlaps(c, content) && c.end - c.start >= (content.end - content.start) / 2))) continue
    const sentence = doc.sentences.find((s) => s.start <= from && from < s.end)
    if (!sentence) continue
    const nameStart = p.start + m.index + m[0].indexOf(m[1])
    const tokens: Token[] = tag(doc.text, nameStart, nameStart + m[1].length)
    if (!tokens.length) continue
    const span = spanOf(doc.text, tokens[0].start, tokens[tokens.length - 1].end)
    out.push({
      id: nextId++,
      cue: null,
      content: [content],
      recipient: null,
      stance: 'assert',
      rule: 'speaker-line',
      sentence,
      source: { span, tokens, apposition: null, appositionTokens: [], antecedent: null },
    })
  }
  return out
}

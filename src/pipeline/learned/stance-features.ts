// What the stance model looks at: the cue's words and family, the content's words that call something false,
// how the content begins ("to comment", "the allegations", "No,"), and the same words just before the content
// and just after it in the sentence. Computed from the article text and the spans alone, so training (on gold
// spans) and extraction (on the pipeline's spans) see the same thing.
import {
  CLAIM_OBJECT,
  CUE_FAMILIES,
  DECLINED_NAME,
  DECLINED_SPEECH,
  FALSEHOOD_WORDS,
  FIRST_PERSON,
  PLAN_OBJECT,
  REQUEST_FOR_COMMENT,
} from '../rules/stance-words.js'

interface Range {
  start: number
  end: number
}

const QUOTE_MARK = /^[\s“”"‘’'`]+/
const SENTENCE_END = /[.!?]["”’']?\s+(?=\S)|\n/g
const WORD = /\p{L}+/gu
const STOP = new Set([
  'a',
  'an',
  'the',
  'to',
  'of',
  'in',
  'on',
  'at',
  'for',
  'and',
  'as',
  'by',
  'with',
  'from',
  'that',
  'his',
  'her',
  'their',
  'its',
])

/** Where the sentence holding `at` begins, looking back at most 240 characters. */
function sentenceStart(text: string, at: number): number {
  const from = Math.max(0, at - 240)
  let start = from
  SENTENCE_END.lastIndex = 0
  const window = text.slice(from, at)
  for (const m of window.matchAll(SENTENCE_END)) start = from + m.index + m[0].length
  return start
}

function sentenceEnd(text: string, at: number): number {
  const window = text.slice(at, at + 120)
  const m = /[.!?]["”’']?(\s|$)|\n/.exec(window)
  return m ? at + m.index + 1 : at + window.length
}

// "That is simply untrue", "It is a made-up story", "These are all lies", "This is pure fiction".
const IT_IS_FALSE =
  /^(that|it|this|these|those|they|the \w+)(['’]s| is| was| are| were)( (just|simply|completely|totally|absolutely|all|100 percent|flatly|categorically|utterly|plainly))? ["“‘]?((a|an|the|pure|total|complete|utter|absolute) )?(\w+ )?(not true|untrue|false|lies?|nonsense|fabricat\w*|made[- ]up|hoax|fake|baseless|groundless|wrong|ridiculous|absurd|fiction|fantasy|smear|invention|falsehoods?)\b/i

// "Those statements were wrong", "all of the claims in the suit are false", "Cruz's description was 'false'": a
// claim, named as one, called false.
const CLAIM_IS_FALSE =
  /^(that )?(the |these |those |such |his |her |their |its |this |that |all (of )?(the )?|any |our |your |\w[\w.-]*['’]s )([\w’'-]+ ){0,3}(claims?|allegations?|accusations?|charges?|reports?|story|stories|rumou?rs?|suggestions?|assertions?|statements?|descriptions?|characteri[sz]ations?|accounts?|figures|numbers|statistics|polls?|facts|notion|narrative)\b( [\w’'-]+){0,6} (is|are|was|were)( \w+ly| 100 percent| just| all| not)* ["“]?(not true|untrue|false|a lie|lies|nonsense|fabricated|made up|a hoax|fake|baseless|groundless|unfounded|wrong|incorrect|inaccurate|misleading|fiction|a myth|a smear|bogus|erroneous|mistaken)\b/i

const SELF_DENIAL =
  /^(we|i)( (categorically|strongly|firmly|flatly|totally|completely|utterly|absolutely|vehemently|emphatically|once again|again))? (reject|deny|refute|dispute)\b/i

const CONTENT_STOP = new Set(
  'that this with from have been were they their there what when which would could should about said says will also than them then into more most only over such some very just because while where being does said after before other these those your'.split(
    ' ',
  ),
)

/** The share of the content's words (four letters or more) found in `earlier`. */
function echoed(said: string, earlier: string): number {
  const words = [...new Set((said.toLowerCase().match(WORD) ?? []).filter((w) => w.length >= 4 && !CONTENT_STOP.has(w)))]
  if (words.length < 2) return 0
  const seen = new Set(earlier.toLowerCase().match(WORD) ?? [])
  return words.filter((w) => seen.has(w)).length / words.length
}

const families = (words: string) => CUE_FAMILIES.filter(([, re]) => re.test(words)).map(([name]) => name)
const falsehoods = (words: string) => FALSEHOOD_WORDS.filter(([, re]) => re.test(words)).map(([name]) => name)

export function stanceFeatures(text: string, cue: Range | null, content: Range[]): string[] {
  if (!content.length) return ['bias']
  const first = content[0].start
  const last = content.at(-1)!.end
  const said = content.map((c) => text.slice(c.start, c.end)).join(' … ')
  const opening = said.replace(QUOTE_MARK, '')
  const cueText = cue ? text.slice(cue.start, cue.end) : ''
  const from = sentenceStart(text, Math.min(first, cue?.start ?? first))
  // The frame: the sentence's words before and after the content, the cue among them or not.
  const before = text.slice(from, first).replace(cueText, ' ')
  const after = text.slice(last, sentenceEnd(text, last))
  const out = ['bias']

  const cueFamilies = families(cueText)
  for (const f of cueFamilies) out.push(`cue:${f}`)
  for (const w of cueText.toLowerCase().match(WORD) ?? []) if (!STOP.has(w)) out.push(`cw:${w.slice(0, 5)}`)
  if (!cue) out.push('cue:none')
  for (const f of families(before)) out.push(`before:${f}`)
  for (const f of families(after)) out.push(`after:${f}`)

  const lies = falsehoods(said)
  for (const f of lies) out.push(`false:${f}`)
  if (lies.length) {
    out.push('false:any')
    if (falsehoods(opening.slice(0, 60)).length) out.push('false:early')
    for (const f of cueFamilies.length ? cueFamilies : ['plain']) out.push(`${f}×false`)
    if (FIRST_PERSON.test(said)) out.push('false:first-person')
  }
  for (const f of falsehoods(before)) out.push(`before-false:${f}`)
  if (falsehoods(after).length) out.push('after-false')

  if (/^no\b[,.!—–-]/i.test(opening)) out.push('open:no')
  if (DECLINED_NAME.test(opening)) out.push('open:to-be-named')
  else if (DECLINED_SPEECH.test(opening)) out.push('open:to-speak')
  else if (/^to \w+/i.test(opening)) out.push('open:to-act')
  if (REQUEST_FOR_COMMENT.test(opening)) out.push('open:request')
  if (/\bcomment\b/i.test(said)) out.push('has:comment')
  if (/\bno comment\b|\bnot (going to|gonna) comment\b/i.test(said)) out.push('has:no-comment')
  if (/\b(whether|if)\b/i.test(opening.slice(0, 40))) out.push('open:whether')
  if (PLAN_OBJECT.test(opening)) out.push('open:plan')
  if (CLAIM_OBJECT.test(opening)) out.push('open:claim')
  if (/^(that|it|this|these|those|them|the (report|story|claim|allegation|accusation|charge)s?)\b/i.test(opening) && lies.length)
    out.push('open:it-false')
  // "That is simply untrue", "It's a lie", "This is nonsense": a claim called false, in so many words.
  if (IT_IS_FALSE.test(opening) || CLAIM_IS_FALSE.test(opening)) out.push('it-is-false')
  if (/^that\b/i.test(opening)) out.push('open:that')
  // "We categorically reject these allegations", "I deny that": the speaker denying in so many words.
  if (SELF_DENIAL.test(opening)) out.push('self-deny')
  // "She lied to me" accuses a person; "That is a lie" denies a claim.
  if (/\b(he|she|they|you|[A-Z][a-z]+) (is |are |was |were |has |have )?(lying|lied|lies)\b/.test(said)) out.push('false:person-lies')
  // "I never said that", "We did not ask": the speaker answering for themselves.
  if (/^(\S+\s+){0,3}(I|we)\b(\s+\S+){0,2}\s+(never|not|did ?n[o’']t|have ?n[o’']t|had ?n[o’']t|was ?n[o’']t|do ?n[o’']t)\b/i.test(opening))
    out.push('self-neg')
  const negated = /\b(not|n[’']t|never|neither|nor|no one|nobody|nothing)\b/i.test(said)
  if (negated) out.push('has:negation')
  if (/\b(not|n[’']t|never|neither|nobody|nothing)\b/i.test(opening.split(/\s+/).slice(0, 6).join(' '))) out.push('neg:early')
  // Echo: how much of the content the article already said before this sentence. A denial repeats what it
  // answers ("he never touched her" after "she said he grabbed her"); a new assertion mostly does not.
  const echo = echoed(said.slice(0, 600), text.slice(Math.max(0, from - 2000), from))
  if (echo >= 0.5) out.push('echo:half')
  else if (echo >= 0.25) out.push('echo:quarter')
  if (negated && echo >= 0.25) out.push('neg×echo')
  if (/^["“‘']/.test(said.trimStart())) out.push('quoted')
  return out
}

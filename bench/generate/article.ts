// One generated article with what the pipeline would extract from it, built together: every statement's
// content, cue and speaker mention are spans of the text just written, so no parse is needed to file it.
import type { ClaimDraft, ClaimLink, Kind, Stance, Statement } from '../../src/pipeline/types.js'
import type { ExtractedArticle } from '../../src/store/store.js'
import { type Cast, CITIES, type Voice } from './cast.js'
import { whenSaid } from './dates.js'
import type { Dice } from './dice.js'
import { capital, Page, type Piece } from './page.js'
import { type Proposition, remark, type Story } from './stories.js'

export interface Byline {
  published: string
  outlet: string
  reporter: string
}

/** How a statement is written: the rule id the pipeline would report, and the sentence around its parts. */
interface Form {
  kind: Kind
  rule: string
  pieces: (content: string, speaker: string, when: string) => Piece[]
}

const content = (text: string): Piece => ({ mark: 'content', text })
const cue = (text: string): Piece => ({ mark: 'cue', text })
const mention = (text: string): Piece => ({ mark: 'mention', text })
const at = (when: string) => (when ? ` ${when}` : '')

const QUOTE: Form[] = [
  { kind: 'direct', rule: 'gen-quote-name-said', pieces: (c, s, w) => ['“', content(c), ',” ', mention(s), ' ', cue('said'), `${at(w)}.`] },
  {
    kind: 'direct',
    rule: 'gen-name-said-quote',
    pieces: (c, s, w) => [mention(capital(s)), ' ', cue('said'), `${at(w)}: “`, content(c), '.”'],
  },
]
const REPORT: Form[] = [
  {
    kind: 'indirect',
    rule: 'gen-name-said-that',
    pieces: (c, s, w) => [mention(capital(s)), ' ', cue('said'), `${at(w)} that `, content(c), '.'],
  },
  { kind: 'indirect', rule: 'gen-according-to', pieces: (c, s) => [cue('According to'), ' ', mention(s), ', ', content(c), '.'] },
  {
    kind: 'indirect',
    rule: 'gen-clause-name-told',
    pieces: (c, s, w) => [content(capital(c)), ', ', mention(s), ' ', cue('told'), ` reporters${at(w)}.`],
  },
]
const ASSERT = [...QUOTE, ...REPORT]
const DENY: Form[] = [
  {
    kind: 'indirect',
    rule: 'gen-name-denied-that',
    pieces: (c, s, w) => [mention(capital(s)), ' ', cue('denied'), `${at(w)} that `, content(c), '.'],
  },
  {
    kind: 'direct',
    rule: 'gen-quote-not-true',
    pieces: (c, s, w) => ['“', content(`It is simply not true that ${c}`), ',” ', mention(s), ' ', cue('said'), `${at(w)}.`],
  },
  {
    kind: 'indirect',
    rule: 'gen-name-rejected-reports',
    pieces: (c, s, w) => [mention(capital(s)), `${at(w)} `, cue('rejected'), ' reports that ', content(c), ' as “baseless.”'],
  },
]
const CONFIRM: Form = {
  kind: 'indirect',
  rule: 'gen-name-confirmed-that',
  pieces: (c, s, w) => [mention(capital(s)), ' ', cue('confirmed'), `${at(w)} that `, content(c), '.'],
}
const DECLINE: Form = {
  kind: 'indirect',
  rule: 'gen-name-declined',
  pieces: (_c, s, w) => [mention(capital(s)), `${at(w)} `, cue('declined'), ' ', content('to comment on the allegations'), '.'],
}

// A direct quote rarely stops at the bare claim; a tail chosen by the claim's own letters keeps it the same
// from article to article, as a quote reprinted by several outlets is.
const TAILS = [
  '',
  ', and we have the documents to show it',
  ', and everybody in the ministry knows it',
  ', and that should worry all of us',
]
const quoted = (c: string) => `${capital(c)}${TAILS[c.length % TAILS.length]}`

/** The claim in the words of whom it accuses: "it moved troops to its border", "we moved troops to our border". */
function inOwnWords(p: Proposition, form: Form): string {
  const first = form.kind === 'direct'
  const subject = p.accused.type === 'person' ? (first ? 'I' : 'they') : first ? 'we' : 'it'
  const words = p.text.startsWith(p.accused.name) ? `${subject}${p.text.slice(p.accused.name.length)}` : p.text
  return first && p.accused.type !== 'person' ? words.replace(/\bits\b/g, 'our') : words
}

/** The article's text as it is built, with the statements and claims found in it so far. */
class Draft {
  readonly page = new Page()
  readonly statements: Statement[] = []
  readonly claims: ClaimDraft[] = []
  readonly #introduced = new Set<Voice>()

  constructor(
    readonly dice: Dice,
    readonly published: string,
  ) {}

  claim(text: string): string {
    const id = `c${this.claims.length + 1}`
    this.claims.push({ id, text: capital(text) })
    return id
  }

  /** Writes one statement by `voice` about claim `claim`; the first mention of a person carries their role. */
  say(voice: Voice, stance: Stance, form: Form, words: string, claim: string, link: ClaimLink): void {
    const written = this.#introduced.has(voice) ? voice.later : voice.first
    this.#introduced.add(voice)
    const said = whenSaid(this.dice, this.published)
    const { kind, rule } = form
    const marks = this.page.sentence(form.pieces(words, written, said.text ?? ''))
    this.statements.push({
      kind,
      stance,
      content: marks.content,
      cue: marks.cue,
      speaker: { name: voice.name, type: voice.type, role: voice.role, mention: marks.mention },
      via: null,
      date: said.date,
      datePrecision: said.precision,
      dateText: said.text,
      claim,
      link,
      confidence: kind === 'direct' ? 0.95 : rule === 'gen-according-to' ? 0.85 : 0.75,
      rule,
    })
  }

  /** A sentence of background that attributes nothing. */
  background(cast: Cast, about: Proposition): void {
    const d = this.dice
    this.page.sentence([
      d.pick([
        `${about.accused.name} has faced questions from regulators in ${cast.country(d).name} for months.`,
        'Lawmakers have called for an independent inquiry.',
        `Shares in ${cast.organisation(d).name} fell ${d.int(2, 15)} percent in early trading.`,
        `The affair has dominated local news in ${d.pick(CITIES)} since the first reports.`,
        'The documents could not be independently verified.',
      ]),
    ])
  }
}

const NEW: ClaimLink = { how: 'new', confidence: 1 }
const AGAIN: ClaimLink = { how: 'same-words', confidence: 0.8 }
const BACK: ClaimLink = { how: 'refers-back', confidence: 0.8 }

export function writeArticle(story: Story, cast: Cast, dice: Dice, { published, outlet, reporter }: Byline): ExtractedArticle {
  const draft = new Draft(dice, published)
  draft.page.sentence([`By ${reporter}`])
  // The story's first claim leads; the others come up in some of its articles.
  const claims = story.claims.filter((_, i) => i === 0 || dice.chance(0.7))
  for (const proposition of claims) {
    const claim = draft.claim(proposition.text)
    draft.page.paragraph()
    // Each voice puts the claim once an article, each in its own words: no sentence is printed twice.
    const voices = dice.shuffle(story.sources)
    const forms = dice.shuffle(ASSERT)
    const words = (form: Form) => (form.kind === 'direct' ? quoted(proposition.text) : proposition.text)
    draft.say(voices[0], 'assert', forms[0], words(forms[0]), claim, NEW)
    for (let more = 1; more <= dice.int(0, 2); more++) {
      if (dice.chance(0.4)) draft.page.paragraph()
      draft.say(voices[more] ?? cast.source(dice), 'assert', forms[more], words(forms[more]), claim, AGAIN)
    }
    if (dice.chance(0.4)) draft.background(cast, proposition)
    if (dice.chance(0.7)) {
      draft.page.paragraph()
      const form = dice.pick(DENY)
      draft.say(proposition.accused, 'deny', form, inOwnWords(proposition, form), claim, form === DENY[2] ? BACK : AGAIN)
    }
    if (dice.chance(0.15)) draft.say(cast.source(dice), 'decline', DECLINE, '', claim, BACK)
    if (dice.chance(0.1)) draft.say(cast.source(dice), 'confirm', CONFIRM, proposition.text, claim, AGAIN)
  }
  for (let remarks = dice.int(1, 4); remarks > 0; remarks--) {
    draft.page.paragraph()
    const words = remark(cast, dice)
    draft.say(cast.person(dice), 'assert', dice.pick(QUOTE), words, draft.claim(words), NEW)
  }
  const lead = story.claims[0]
  const title = dice.pick([
    `${capital(lead.text)}, sources say`,
    `${lead.accused.name} rejects claims over ${lead.text.split(' ').slice(-3).join(' ')}`,
    `Questions grow over claims that ${lead.text}`,
  ])
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)
  const site = outlet.toLowerCase().replace(/[^a-z0-9]+/g, '')
  return {
    article: {
      text: draft.page.text,
      published,
      outlet,
      title,
      url: `https://${site}.example/${published.slice(0, 7).replace('-', '/')}/${slug}`,
    },
    extraction: { statements: draft.statements, claims: draft.claims },
  }
}

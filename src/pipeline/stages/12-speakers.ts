// Stage 12, speakers: takes the Doc and the drafts; gives them attributed: each with its speaker resolved (name,
// type, role, mention), or null when nothing names one. Surnames and titles become the fullest name the article
// gives, pronouns their antecedent, "the officials" the officials named before; roles are split off names;
// "Both China and Russia" is two speakers, so two attributed drafts. Continuation quotes keep the speaker of the
// statement they continue.
import { splitCoordination } from '../coordination.js'
import type { Draft, SourceMention } from '../drafts.js'
import { fullName, isHonorific, isRoleWord, type NameSeen, nameGender, namesIn, opensAName, roleBefore } from '../names.js'
import type { Token } from '../nlp.js'
import { holderOf, type RoleHolder, roleHolders } from '../role-holders.js'
import { CAPITALS, COUNTRY_NAMES, DEMONYMS } from '../rules/capitals.js'
import { PRONOUNS } from '../rules/pronouns.js'
import { OFFICE_WORDS, PARTY_WORDS } from '../rules/roles.js'
import { ANONYMITY_MARKS, GROUP_HEADS, ORGANIZATION_WORDS } from '../rules/sources.js'
import { spanOf } from '../spans.js'
import { descriptorType, genderOf, nameType } from '../speaker-type.js'
import type { Speaker } from '../types.js'
import type { Doc } from './03-segment.js'

export interface Attributed extends Draft {
  speaker: Speaker | null
}

interface Known extends Speaker {
  gender: 'male' | 'female' | null
  head: string
}

const DETERMINERS = /^(the|a|an|both|either|neither)$/
const JOINERS = /^(of|for|and|&|de|del|della|di|da|du|la|le|el|van|von|der|den|al|bin|ibn|the|at|from)$/
const isProper = (t: Token) => /^[\p{Lu}\d]/u.test(t.text) || t.tags.has('ProperNoun')

const partSpan = (m: SourceMention, ts: Token[]) => {
  const start = ts[0].start
  const end = ts[ts.length - 1].end
  return { start, end, text: m.span.text.slice(start - m.span.start, end - m.span.start) }
}

function fromApposition(m: SourceMention): string | null {
  if (!m.apposition || /^\d+$/.test(m.apposition.text)) return null
  // "who served as …" says a role; "who will visit Paris next week" says what the speaker does, no role.
  const role = m.apposition.text.replace(/^(who|which)\s+(is|was|has been|had been|served as|serves as|works as|worked as)\s+/i, '')
  if (/^(who|which|whose|whom|that)\b/i.test(role)) return null
  return role.replace(/^(a|an|the)\s+/i, '') || null
}

/**
 * How far back a pronoun or "the officials" looks for whom it means: far past any story (the dev set's longest
 * has 375 sentences), short of a page of thousands of "he said" with no one for "it" to mean.
 */
const LOOK_BACK = 500

/** The latest known speaker that fits, among the last LOOK_BACK. */
function latest(known: Known[], fits: (k: Known) => boolean): Known | undefined {
  for (let i = known.length - 1; i >= Math.max(0, known.length - LOOK_BACK); i--) if (fits(known[i])) return known[i]
  return undefined
}

function resolvePronoun(t: Token, m: SourceMention, known: Known[], names: NameSeen[]): Speaker {
  const p = PRONOUNS[t.lower]
  // "I" and "we" are whoever is speaking, never the last one quoted: the quote around them says who (below).
  if (FIRST_PERSON.test(t.lower)) return { name: t.text, type: 'person', role: null, mention: m.span }
  const found = latest(known, (k) =>
    p.gender
      ? k.type === 'person' && (k.gender === null || k.gender === p.gender)
      : p.plural
        ? k.type !== 'person' || k.head.endsWith('s')
        : k.type !== 'person',
  )
  // "she" is the last woman the article named, when no one who spoke since fits.
  const named = p.gender ? lastNamed(names, m.span.start, p.gender) : undefined
  if (found && (!named || (found.mention?.start ?? 0) >= named.start))
    return { name: found.name, type: found.type, role: found.role, mention: m.span }
  return named
    ? { name: fullName(names, named.name) ?? named.name, type: 'person', role: null, mention: m.span }
    : { name: t.text, type: 'person', role: null, mention: m.span }
}

/**
 * The last name before this point whose first name is of this gender. A name whose first name says nothing
 * ("Tashfeen Malik", "Washington Post") is passed over: letting those in lost 26 of 158 pronouns on the gold set.
 */
function lastNamed(names: NameSeen[], before: number, gender: 'male' | 'female'): NameSeen | undefined {
  for (let i = names.length - 1; i >= 0; i--) if (names[i].start < before && nameGender(names[i].name) === gender) return names[i]
  return undefined
}

interface Article {
  doc: Doc
  names: NameSeen[]
  holders: RoleHolder[]
}

function resolveOne({ doc, names, holders }: Article, known: Known[], m: SourceMention): Known {
  const article = { doc, names, holders }
  // "an architect who said": who is the architect.
  if (m.antecedent?.length) {
    const a = m.antecedent
    const span = spanOf(doc.text, a[0].start, a[a.length - 1].end)
    return {
      ...resolveOne(article, known, { ...m, span, tokens: a, antecedent: null, apposition: null, appositionTokens: [] }),
      mention: m.span,
    }
  }
  // "A lawyer for the news outlets, David Schulz, said": the name is in the apposition, the role before it.
  const named = m.appositionTokens
  // A role before the name: no proper word in it but "A" or "The" ("A lawyer for the news outlets"), or a role
  // word for its head ("The director of the Federal Bureau of Investigation, James B. Comey").
  // "the White House spokesman, Josh Earnest", "Another partner, David A. Handler": a common noun heads the role.
  // "Senator Marco Rubio, Republican of Florida" is the other way round: the mention ends in a person's name.
  const roleWords = m.tokens.filter((t, i) => !(i === 0 && DETERMINERS.test(t.lower)))
  const last = roleWords[roleWords.length - 1]
  const endsInName =
    roleWords.length > 1 &&
    isProper(last) &&
    ['Person', 'FirstName', 'LastName'].some((g) => roleWords[roleWords.length - 2].tags.has(g) || last.tags.has(g))
  const roleFirst =
    roleWords.length > 0 &&
    !endsInName &&
    (!roleWords.some(isProper) || isRoleWord(roleWords[0].text) || isRoleWord(last.text) || /^\p{Ll}/u.test(last.text))
  if (named.length && roleFirst && named.every((t, i) => isProper(t) || (i > 0 && JOINERS.test(t.lower)))) {
    const role = m.span.text.slice(0, m.tokens[m.tokens.length - 1].end - m.span.start).replace(/^(the|a|an)\s+/i, '')
    return { ...resolveOne(article, known, { ...m, tokens: named, appositionTokens: [], apposition: null }), role, mention: m.span }
  }
  const nation = nationOf(m)
  if (nation) return { name: nation, type: 'country', role: null, mention: m.span, gender: null, head: m.tokens[m.tokens.length - 1].lower }
  let tokens = m.tokens.filter((t, i) => !(i === 0 && DETERMINERS.test(t.lower)))
  if (tokens.length === 0) tokens = m.tokens
  tokens = withoutOpeners(withoutDateline(tokens, doc.text))
  const only = tokens.length === 1 ? tokens[0] : null
  if (only && PRONOUNS[only.lower])
    return { ...resolvePronoun(only, m, known, names), gender: PRONOUNS[only.lower].gender, head: only.lower }
  const head = tokens[tokens.length - 1]
  const described = descriptorType(tokens)
  const personAfter = (i: number) => ['Person', 'FirstName'].some((g) => tokens[i + 1]?.tags.has(g))
  // "RealClearPolitics’ David Byler", "CNN's Jake Tapper": an owner before a name is a role, as "spokesman" is.
  const owner = (t: Token, i: number) =>
    /^[’']s?\b|^[’'](?=\s)/.test(doc.text.slice(t.end, t.end + 3)) && i < tokens.length - 1 && personAfter(i)
  let lastRole = tokens.reduce(
    (k, t, i) => ((isRoleWord(t.text) && (!PARTY_WORDS.has(t.lower) || personAfter(i))) || owner(t, i) ? i : k),
    -1,
  )
  // "Secretary of State John Kerry", "Minister of Foreign Affairs Wang Yi": the office belongs to the role.
  if (lastRole >= 0 && tokens[lastRole + 1]?.lower === 'of') {
    let k = lastRole + 2
    while (k < tokens.length - 1 && OFFICE_WORDS.has(tokens[k].lower)) k++
    if (k > lastRole + 2) lastRole = k - 1
  }
  // "Billionaire entrepreneur Peter Thiel", "9/11 widow Terry Strada", "76-year-old Morton Blackwell": a
  // description no role word ends, then a person's name; the description is the role.
  const personTail = trailingPerson(tokens)
  if (personTail > lastRole + 1 && tokens.slice(lastRole + 1, personTail).some((t) => /^\p{Ll}|^\d/u.test(t.text)))
    lastRole = personTail - 1
  let nameTokens = tokens.slice(lastRole + 1).filter((t, i) => !(i === 0 && isHonorific(t.text)))
  // "Top Clinton", "Vermonter Bernie Sanders", "Security of State Hillary Clinton": words before a name that
  // cannot open one are set aside, down to the surname, which the article's fuller name then completes.
  // Only where a person's name is left: "the Daily Caller" and "the Global Times" stay whole.
  const textOf = (ts: Token[]) => spanOf(doc.text, ts[0].start, ts[ts.length - 1].end).text
  const isPerson = (t: Token) => ['Person', 'FirstName', 'LastName'].some((g) => t.tags.has(g))
  while (nameTokens.length > 1 && nameTokens.every(isProper) && !opensAName(textOf(nameTokens))) {
    const rest = nameTokens.slice(1)
    if (!isPerson(rest[0]) && !(rest.length === 1 && fullName(names, textOf(rest)))) break
    nameTokens = rest
  }
  const proper = nameTokens.length > 0 && nameTokens.every((t, i) => isProper(t) || (JOINERS.test(t.lower) && i > 0))
  // "Democrats", "Virginia Republicans": a capital does not make a party's members one person.
  const members = described === 'group' && GROUP_HEADS.has(head.lower)
  if (!proper || members || (described && !head.tags.has('ProperNoun') && !head.tags.has('Person'))) {
    // "The ministry dismissed …": an institution, named by what it is; the store keeps it inside its article.
    const institution = !described && (ORGANIZATION_NOUNS.has(head.lower) || ORGANIZATION_WORDS.has(head.lower))
    return describe(article, tokens, m, known, described ?? (institution ? 'organization' : 'anonymous'))
  }
  const written = spanOf(doc.text, nameTokens[0].start, nameTokens[nameTokens.length - 1].end).text.replace(/[’']s$/, '')
  // "Bolton", "Warren": a surname that is also a town is the person when the article named one so.
  const full = fullName(names, written)
  const place = nameTokens.length === 1 && !nameTokens[0].tags.has('Country') && nameType(nameTokens) === 'country'
  const type = place && full ? 'person' : nameType(nameTokens)
  // "Beijing said": a capital alone as the source is its country ("Washington" is the person where one is named).
  const country = lastRole < 0 && !(place && full) ? countryOf(written) : null
  if (country) return { name: country, type: 'country', role: null, mention: m.span, gender: null, head: head.lower }
  // "Bernie Sanders of Vermont", "Jane Roe of Acme University": the name, and what follows "of" is a role.
  const affiliated =
    type === 'person' || nameTokens[0]?.tags.has('FirstName')
      ? /^(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)+)\s+(of|at|from)\s+(.+)$/u.exec(written)
      : null
  if (affiliated) {
    const name = fullName(names, affiliated[1]) ?? affiliated[1]
    return {
      name,
      type: 'person',
      role: `${affiliated[2]} ${affiliated[3]}`,
      mention: m.span,
      gender: genderOf(tokens) ?? null,
      head: head.lower,
    }
  }
  const name = type === 'person' ? (full ?? written) : written
  const same = known.find((k) => k.name === name)
  const ownRole = lastRole >= 0 ? spanOf(doc.text, tokens[0].start, tokens[lastRole].end).text : null
  const firstSeen = names.find((n) => n.name === name)
  const role = ownRole ?? fromApposition(m) ?? same?.role ?? (firstSeen ? roleBefore(doc.text, firstSeen.start) : null)
  return { name, type, role, mention: m.span, gender: genderOf(tokens) ?? same?.gender ?? nameGender(name), head: head.lower }
}

// What a sentence opens with, capitalised, before a name: "So Donald Trump", "Despite Ted Cruz", "Will Sanders",
// "Even Lindsey Graham", a timestamp "2016 10:01PM". None of it is the name, and a name never starts with it.
const OPENER_TAGS = [
  'Adverb',
  'Conjunction',
  'Preposition',
  'Determiner',
  'Modal',
  'Copula',
  'QuestionWord',
  'Value',
  'Date',
  'Adjective',
  'Verb',
  'Auxiliary',
]
const NAME_TAGS = ['Person', 'FirstName', 'LastName', 'Place', 'Organization', 'Acronym']

/** Where a person's name ends the phrase: two or more capitalised words, the first a given name. -1 if none. */
function trailingPerson(tokens: Token[]): number {
  let from = tokens.length
  while (from > 0 && /^\p{Lu}/u.test(tokens[from - 1].text) && !isRoleWord(tokens[from - 1].text)) from--
  // "David and Jeanne Heidler" is two people, not a description and a name.
  if (tokens.length - from < 2 || /^(and|&|or)$/.test(tokens[from - 1]?.lower ?? '')) return -1
  const first = tokens[from]
  return first.tags.has('FirstName') || first.tags.has('MaleName') || first.tags.has('FemaleName') || nameGender(first.text) ? from : -1
}

/** "CLEVELAND - Hillary Clinton", "WASHINGTON (Reuters) - Joe Biden", "KYIV, Ukraine — Volodymyr Zelensky". */
function withoutDateline(tokens: Token[], text: string): Token[] {
  if (tokens.length < 2 || !/^\p{Lu}{3,}$/u.test(tokens[0].text)) return tokens
  for (let k = 0; k < Math.min(4, tokens.length - 1); k++) {
    if (/[-—–:]/.test(text.slice(tokens[k].end, tokens[k + 1].start))) return tokens.slice(k + 1)
  }
  return tokens
}

function withoutOpeners(tokens: Token[]): Token[] {
  let from = 0
  while (from < tokens.length - 1 && isOpener(tokens[from])) from++
  // Only before a name: "federal statistics" and "5 percent" are descriptions whole.
  return from && tokens.slice(from).every((t, i) => isProper(t) || (i > 0 && JOINERS.test(t.lower))) ? tokens.slice(from) : tokens
}

const isOpener = (t: Token) =>
  /^\d/.test(t.text) ||
  (/^\p{Lu}/u.test(t.text) &&
    OPENER_TAGS.some((g) => t.tags.has(g)) &&
    !NAME_TAGS.some((g) => t.tags.has(g)) &&
    !isRoleWord(t.text) &&
    !PRONOUNS[t.lower])

/** The country a capital or a country's other name stands for: "Beijing" → China, "the U.S." → United States. */
function countryOf(written: string): string | null {
  const key = written
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/\./g, '')
  return CAPITALS[key] ?? COUNTRY_NAMES[key] ?? null
}

/** "The Russians" → Russia: a nation's people with "the", as a source, speak as its country. */
function nationOf(m: SourceMention): string | null {
  const words = /^the\s+(.+)$/i.exec(m.span.text.trim())?.[1]
  return words ? (DEMONYMS[words.toLowerCase()] ?? null) : null
}

/** A source with no proper name: anonymous officials, a group, a document, or a role seen before. */
function describe({ names, holders }: Article, tokens: Token[], m: SourceMention, known: Known[], type: Speaker['type']): Known {
  const head = tokens[tokens.length - 1].lower
  const definite = /^(the|one of the|some of the|two of the)\b/i.test(m.span.text) || m.tokens[0]?.lower === 'the'
  if (definite) {
    const earlier = latest(known, (k) => k.head === head && k.type === type)
    if (earlier) return { ...earlier, mention: m.span }
    // "the Republican nominee", where the article has said who that is.
    const role = m.tokens[0]?.lower === 'the' && isRoleWord(head) ? partSpan(m, tokens).text : null
    const holder = role ? holderOf(role, holders, (name) => fullName(names, name) ?? name) : null
    if (holder) return { name: holder, type: 'person', role, mention: m.span, gender: null, head }
    // "the chairman": the last one quoted whose role has that word.
    const holding =
      role && m.tokens.length === 2
        ? latest(known, (k) => k.type === 'person' && new RegExp(`\\b${head}\\b`, 'i').test(k.role ?? ''))
        : undefined
    if (holding) return { ...holding, mention: m.span }
    // "the bank", "the airline", "the company": the organisation last quoted, when a name says it may be one
    // ("Boeing", "the Foreign Ministry"); not another described one ("the company said … the ministry denied").
    const firm =
      m.tokens.length === 2 && ORGANIZATION_NOUNS.has(head) ? latest(known, (k) => k.type === 'organization' && mayBe(k, head)) : undefined
    if (firm) return { ...firm, mention: m.span }
  }
  // "one of the officials" is one of them: the name is the group's; "anonymous" is said by the type.
  const kept = tokens.filter((t) => !ANONYMITY_MARKS.has(t.lower))
  // "52 percent of registered voters", "a majority of Republicans": the share speaks for the group it is of.
  // "56 percent of those polled" stays whole: "those" is no group to name.
  const share = kept.findIndex(
    (t, i) =>
      t.lower === 'of' &&
      i > 0 &&
      i < kept.length - 1 &&
      kept.slice(0, i).some((s) => SHARE_WORDS.has(s.lower)) &&
      !/^(those|them|these|us|you|all|it)$/.test(kept[i + 1].lower),
  )
  const from = kept.findIndex((t, i) => i > share && (!/^(one|two|some|of|the)$/.test(t.lower) || i === kept.length - 1))
  let named = kept.length ? kept.slice(Math.max(0, from)) : tokens
  // "a Los Angeles Times panel that": the relative pronoun that opens the clause is no part of the name.
  while (named.length > 1 && /^(that|who|which)$/.test(named[named.length - 1].lower)) named = named.slice(0, -1)
  return { name: partSpan(m, named).text, type, role: null, mention: m.span, gender: null, head }
}

const SHARE_WORDS = new Set(['percent', '%', 'majority', 'minority', 'most', 'half', 'third', 'quarter', 'share', 'plurality', 'fraction'])

/** Whether an organisation quoted before may be what "the ministry" (`head`) means: a name that says no other kind. */
function mayBe(k: Known, head: string): boolean {
  if (!/^\p{Lu}/u.test(k.name)) return false
  const kinds = k.name
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((w) => ORGANIZATION_NOUNS.has(w))
  return kinds.length === 0 || kinds.includes(head)
}

// What "the …" calls an organisation the story has named: "The bank said", "the airline said in a statement".
const ORGANIZATION_NOUNS = new Set([
  'bank',
  'airline',
  'carrier',
  'company',
  'firm',
  'church',
  'newspaper',
  'paper',
  'network',
  'agency',
  'ministry',
  'department',
  'university',
  'school',
  'organization',
  'organisation',
  'group',
  'retailer',
  'automaker',
  'insurer',
  'lender',
  'manufacturer',
  'broadcaster',
  'charity',
  'hospital',
  'club',
  'union',
  'publisher',
  'studio',
  'startup',
])

export function resolveSpeakers(doc: Doc, drafts: Draft[]): Attributed[] {
  const names = namesIn(doc)
  const article = { doc, names, holders: roleHolders(doc, names) }
  const known: Known[] = []
  const byDraft = new Map<number, Known[]>()
  const out: Attributed[] = []
  for (const d of drafts) {
    const parent = d.continues !== undefined ? byDraft.get(d.continues) : undefined
    const speakers = parent ?? (d.source ? splitCoordination(d.source).map((m) => resolveOne(article, known, m)) : [])
    byDraft.set(d.id, speakers)
    if (!parent) for (const s of speakers) known.push(s)
    if (speakers.length === 0) out.push({ ...d, speaker: null })
    for (const { gender, head, ...speaker } of speakers) out.push({ ...d, speaker })
  }
  return speakersOfQuotedFirstPersons(out, doc, names)
}

const FIRST_PERSON = /^(i|we)$/i

/**
 * "'I told him, "We will win,"' Bush recalled": an "I" or "we" inside someone's quote is that someone. The quote's
 * own statement may come after the one it holds, so this is a pass over the whole article.
 */
function speakersOfQuotedFirstPersons(out: Attributed[], doc: Doc, names: NameSeen[]): Attributed[] {
  return out.map((a) => {
    const mention = a.speaker?.mention
    if (!a.speaker || !mention || !FIRST_PERSON.test(mention.text)) return a
    const outer = out.find(
      (o) =>
        o !== a &&
        o.speaker &&
        !FIRST_PERSON.test(o.speaker.mention?.text ?? '') &&
        o.content.some((c) => c.start <= mention.start && mention.end <= c.end),
    )
    if (outer?.speaker) return { ...a, speaker: { ...outer.speaker, mention } }
    // An interview printed as questions and answers: "A: I think …" is the person interviewed, the first named.
    const answer = ANSWER.test(doc.text.slice(doc.paragraphs[a.sentence.paragraph]?.start ?? 0).slice(0, 4))
    const interviewed = answer ? names.find((n) => nameGender(n.name) !== null) : undefined
    return interviewed
      ? { ...a, speaker: { name: fullName(names, interviewed.name) ?? interviewed.name, type: 'person', role: null, mention } }
      : a
  })
}

const ANSWER = /^A\s?[:.-]/

// What a reviewer may decide about the claim store, and how each decision changes the records. Every decision is
// logged with who and when, and with what it replaced, so a desk can see how a claim came to look as it does.
// Ingesting more articles only adds records; it never reruns or undoes a decision.
import { InvalidInputError, NotFoundError } from '../errors.js'
import { KINDS, type Kind, type SpeakerType, STANCES, type Stance } from '../pipeline/types.js'
import { isDay } from '../text/day.js'
import type { ArticleRecord, ClaimRecord, Review, SpeakerRecord, StatementRecord } from './schema.js'

/** The verdict scale a desk starts with; a review's verdict is any word of the desk's scale (CLAIMTRAIL_VERDICTS). */
export const DEFAULT_VERDICTS = ['True', 'Mostly true', 'Half true', 'Mostly false', 'False', 'Unproven'] as const

export type Decision =
  | { action: 'merge-claims'; into: string; from: string }
  | { action: 'unmerge-claims'; claim: string; statements: string[] }
  | { action: 'split-statement'; statement: string }
  | { action: 'move-statement'; statement: string; claim: string }
  | { action: 'set-stance'; statement: string; stance: Stance }
  | { action: 'set-speaker'; statement: string; speaker: string; type?: SpeakerType }
  | { action: 'merge-speakers'; into: string; from: string }
  | { action: 'split-speaker'; speaker: string; alias: string }
  | { action: 'review-claim'; claim: string; verdict: string; note: string }
  | { action: 'set-kind'; statement: string; kind: Kind }
  | { action: 'reject-statement'; statement: string; reason: string }
  /** Puts back the review a claim had before a decision replaced it (none, when it had none): an undo. */
  | { action: 'restore-review'; claim: string; review: Review | null }
  /** An article's facts as a desk corrects them: those given replace its title, outlet, publication day or address. */
  | { action: 'set-article'; article: string; facts: Partial<ArticleFacts> }

/** The facts of an article a desk may correct after it was filed. */
export interface ArticleFacts {
  title: string | null
  outlet: string | null
  /** The publication day, yyyy-MM-dd. */
  published: string | null
  url: string | null
}

export const FACTS = ['title', 'outlet', 'published', 'url'] as const satisfies ReadonlyArray<keyof ArticleFacts>

export const factsOf = (article: ArticleFacts): ArticleFacts => ({
  title: article.title,
  outlet: article.outlet,
  published: article.published,
  url: article.url,
})

/** The records a decision works on; the Store hands over its indexes. */
export interface Desk {
  statement(id: string): StatementRecord | undefined
  claim(id: string): ClaimRecord | undefined
  /** A claim's own record even when merged into another (claim() answers with the one it joined). */
  claimRecord(id: string): ClaimRecord | undefined
  speaker(id: string): SpeakerRecord | undefined
  newClaim(articleId: string, text: string): ClaimRecord
  /** Moves a statement from its claim to another; a claim left empty drops out of the lists. */
  refile(statement: StatementRecord, claim: ClaimRecord): void
  /** Files the statement under another speaker record, or none. */
  reassign(statement: StatementRecord, speaker: SpeakerRecord): void
  findOrCreateSpeaker(name: string, type: SpeakerType): SpeakerRecord
  mergeSpeakers(into: SpeakerRecord, from: SpeakerRecord): void
  splitSpeaker(record: SpeakerRecord, alias: string): SpeakerRecord
  /** Takes a statement out of its claim and the index: a false extraction. */
  reject(statement: StatementRecord, reason: string): void
  /** A filed and acknowledged article's record. */
  article(id: string): ArticleRecord | undefined
  /** The article's facts changed: its record is written, and its statements' claims summarised again. */
  refacted(article: ArticleRecord): void
  /** Who decides, and when: a verdict carries both. */
  by: string
  at: string
}

const need = <T>(found: T | undefined, what: string, id: string): T => {
  if (!found)
    throw new NotFoundError(`no ${what} "${id}" in the store. List them with \`claimtrail claims\` or export the store to find the id.`)
  return found
}

/** Applies one decision; returns what it replaced (for the log). */
export function applyDecision(d: Decision, desk: Desk): Record<string, unknown> {
  switch (d.action) {
    case 'merge-claims': {
      const into = need(desk.claim(d.into), 'claim', d.into)
      const from = need(desk.claim(d.from), 'claim', d.from)
      if (into === from) throw new InvalidInputError(`cannot merge claim ${d.into} into itself. Give two different claims.`)
      const moved = [...from.statementIds]
      for (const id of moved) desk.refile(need(desk.statement(id), 'statement', id), into)
      from.mergedInto = into.id
      return { statements: moved }
    }
    case 'unmerge-claims': {
      // Undoing a merge: the claim comes back, with those of its statements still in the claim it joined.
      const record = need(desk.claimRecord(d.claim), 'claim', d.claim)
      if (!record.mergedInto) throw new InvalidInputError(`claim ${d.claim} is not merged into another; there is no merge to undo.`)
      const into = need(desk.claim(record.mergedInto), 'claim', record.mergedInto)
      delete record.mergedInto
      const back = d.statements.filter((id) => desk.statement(id)?.claim === into.id)
      for (const id of back) desk.refile(desk.statement(id)!, record)
      return { into: into.id, statements: back }
    }
    case 'split-statement': {
      const statement = need(desk.statement(d.statement), 'statement', d.statement)
      const was = statement.claim
      const claim = desk.newClaim(statement.articleId, statement.content.map((c) => c.text).join(' … '))
      desk.refile(statement, claim)
      return { fromClaim: was, newClaim: claim.id }
    }
    case 'move-statement': {
      const statement = need(desk.statement(d.statement), 'statement', d.statement)
      const claim = need(desk.claim(d.claim), 'claim', d.claim)
      const was = statement.claim
      desk.refile(statement, claim)
      return { fromClaim: was }
    }
    case 'set-stance': {
      if (!STANCES.includes(d.stance)) throw new InvalidInputError(`stance "${d.stance}" is not one of ${STANCES.join(', ')}.`)
      const statement = need(desk.statement(d.statement), 'statement', d.statement)
      const was = statement.stance
      statement.stance = d.stance
      return { was }
    }
    case 'set-speaker': {
      const statement = need(desk.statement(d.statement), 'statement', d.statement)
      const was = statement.speakerId
      const speaker = desk.speaker(d.speaker) ?? desk.findOrCreateSpeaker(d.speaker, d.type ?? 'person')
      desk.reassign(statement, speaker)
      return { was, speakerId: speaker.id }
    }
    case 'merge-speakers': {
      const into = need(desk.speaker(d.into), 'speaker', d.into)
      const from = need(desk.speaker(d.from), 'speaker', d.from)
      if (into === from) throw new InvalidInputError(`cannot merge speaker ${d.into} into itself. Give two different speakers.`)
      desk.mergeSpeakers(into, from)
      return {}
    }
    case 'split-speaker': {
      const record = need(desk.speaker(d.speaker), 'speaker', d.speaker)
      if (!record.aliases.includes(d.alias)) {
        throw new InvalidInputError(`"${d.alias}" is not an alias of ${record.id} (its aliases: ${record.aliases.join(', ') || 'none'}).`)
      }
      return { newSpeaker: desk.splitSpeaker(record, d.alias).id }
    }
    case 'review-claim': {
      const claim = need(desk.claim(d.claim), 'claim', d.claim)
      if (!d.verdict.trim()) throw new InvalidInputError('a review needs a verdict, e.g. "False" or "Unproven".')
      const was = claim.review
      claim.review = { verdict: d.verdict.trim(), note: d.note.trim(), by: desk.by, at: desk.at }
      return { claim: claim.id, was }
    }
    case 'restore-review': {
      const claim = need(desk.claim(d.claim), 'claim', d.claim)
      const was = claim.review
      claim.review = d.review
      return { claim: claim.id, was }
    }
    case 'set-kind': {
      if (!KINDS.includes(d.kind)) throw new InvalidInputError(`kind "${d.kind}" is not one of ${KINDS.join(', ')}.`)
      const statement = need(desk.statement(d.statement), 'statement', d.statement)
      const was = statement.kind
      statement.kind = d.kind
      return { was }
    }
    case 'set-article': {
      const article = need(desk.article(d.article), 'article', d.article)
      const { published } = d.facts
      if (published !== undefined && published !== null && !isDay(published))
        throw new InvalidInputError(`the date "${published}" is not a day written YYYY-MM-DD, such as 2025-03-04.`)
      const was = factsOf(article)
      // Only the facts given: two desks correcting two facts at once both keep theirs.
      for (const name of FACTS) if (d.facts[name] !== undefined) article[name] = d.facts[name]
      desk.refacted(article)
      return { was }
    }
    case 'reject-statement': {
      const statement = need(desk.statement(d.statement), 'statement', d.statement)
      if (statement.rejected) throw new InvalidInputError(`statement ${d.statement} was already rejected.`)
      const claim = statement.claim
      desk.reject(statement, d.reason.trim())
      return { fromClaim: claim }
    }
  }
}

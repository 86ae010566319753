// The reviewers' desk: the records a decision works on, drawn from the store's indexes (the Desk decisions.ts
// applies a decision to), and the decision log. Every record a decision is handed or makes is noted in the change
// that writes it, and the indexes a decision moves (a speaker's quotes, the claim index) follow at once.
import type { ClaimIndex } from '../claims/claim-index.js'
import { claimStatement } from '../claims/claim-index.js'
import { InvalidInputError } from '../errors.js'
import type { Changes } from './changes.js'
import { applyDecision, type Decision, type Desk } from './decisions.js'
import type { ArticleRecord, ClaimRecord, LogEntry, StatementRecord, StoreData } from './schema.js'
import type { SpeakerRoster } from './speakers.js'

/** The store's records and indexes, as a decision may change them. */
export interface DeskRecords {
  data: StoreData
  claims: Map<string, ClaimRecord>
  statements: Map<string, StatementRecord>
  /** Each speaker's statements, by speaker id. */
  quotes: Map<string, StatementRecord[]>
  speakers: SpeakerRoster
  /** The claim index, when it has been built. */
  index(): ClaimIndex | undefined
  currentClaim(id: string): ClaimRecord | undefined
  indexStatement(statement: StatementRecord): void
  published(articleId: string): string | null
  /** An acknowledged article's record, and its statements (rejected ones too). */
  article(id: string): ArticleRecord | undefined
  statementsOf(articleId: string): StatementRecord[]
}

/** Applies a reviewer's decision at the desk and logs it with who, when and what it replaced. */
export function logDecision(decision: Decision, desk: Desk, log: LogEntry[], changes: Changes): LogEntry {
  refuseUndoneTwice(decision, log)
  const replaced = applyDecision(decision, desk)
  const { action, ...detail } = decision
  const logged: LogEntry = { at: desk.at, by: desk.by, action, detail: { ...detail, ...replaced } }
  log.push(logged)
  changes.log.push(logged)
  return logged
}

/** The place in the log an undo undoes (web/undo.ts logs it with the decision), or undefined. */
export function undoes(decision: Decision): number | undefined {
  const place = (decision as { undoes?: unknown }).undoes
  return typeof place === 'number' ? place : undefined
}

/**
 * Two reviewers pressing the same Undo at once both pass the page's check before either is logged; the store,
 * one decision at a time, takes the first and refuses the second, which would put back what the first put back.
 */
export function refuseUndoneTwice(decision: Decision, log: readonly LogEntry[], known = false): void {
  const place = undoes(decision)
  if (place === undefined) return
  if (known || log.some((entry) => entry.detail.undoes === place))
    throw new InvalidInputError(
      `Decision ${place} is undone already: its undo is in the history, and can itself be undone. Nothing was changed.`,
    )
}

/** The records a decision works on; every one it is handed or makes is noted in `changes`. */
export function openDesk(records: DeskRecords, by: string, at: string, changes: Changes): Desk {
  const { claims, data, quotes, speakers } = records
  return {
    by,
    at,
    reject: (statement, reason) => {
      const claim = changes.claim(claims.get(statement.claim))
      if (claim) claim.statementIds = claim.statementIds.filter((id) => id !== statement.id)
      statement.rejected = { by, at, reason }
      changes.statement(statement)
      if (statement.speakerId)
        quotes.set(
          statement.speakerId,
          (quotes.get(statement.speakerId) ?? []).filter((s) => s !== statement),
        )
      records.index()?.remove(statement.id)
    },
    article: (id) => records.article(id),
    refacted: (article) => {
      changes.articleFacts(article)
      // Noted, the statements' claims are summarised again with the article's outlet and day; the claim index
      // matches later articles' claims on the day too.
      for (const statement of records.statementsOf(article.id)) {
        changes.statement(statement)
        if (!statement.rejected)
          records.index()?.add(statement.claim, [claimStatement(statement.id, statement, article.published, article.id)])
      }
    },
    statement: (id) => changes.statement(records.statements.get(id)),
    claim: (id) => changes.claim(records.currentClaim(id)),
    claimRecord: (id) => changes.claim(claims.get(id)),
    speaker: (id) => changes.speaker(speakers.current(id)),
    newClaim: (articleId, text) => {
      let n = 1
      while (claims.has(`${articleId}:c${n}`)) n++
      const claim: ClaimRecord = { id: `${articleId}:c${n}`, text, statementIds: [], review: null }
      data.claims.push(claim)
      claims.set(claim.id, claim)
      return changes.claim(claim)
    },
    refile: (statement, claim) => {
      const from = changes.claim(claims.get(statement.claim))
      if (from) from.statementIds = from.statementIds.filter((id) => id !== statement.id)
      claim.statementIds.push(statement.id)
      statement.claim = claim.id
      changes.statement(statement)
      changes.claim(claim)
      records.index()?.move(statement.id, claim.id)
    },
    reassign: (statement, speaker) => {
      if (statement.speakerId)
        quotes.set(
          statement.speakerId,
          (quotes.get(statement.speakerId) ?? []).filter((s) => s !== statement),
        )
      statement.speakerId = speaker.id
      statement.speaker = {
        name: speaker.name,
        type: speaker.type,
        role: statement.speaker?.role ?? null,
        mention: statement.speaker?.mention ?? null,
      }
      changes.statement(statement)
      changes.speaker(speaker)
      records.indexStatement(statement)
      // The speaker is one of the entities a later article's claim is matched on.
      records
        .index()
        ?.add(statement.claim, [claimStatement(statement.id, statement, records.published(statement.articleId), statement.articleId)])
    },
    findOrCreateSpeaker: (name, type) =>
      changes.speaker(
        data.speakers.find((s) => !s.mergedInto && s.type !== 'anonymous' && s.name === name) ?? speakers.create(name, type, null),
      ),
    mergeSpeakers: (into, from) => speakers.merge(into, from),
    splitSpeaker: (record, alias) => {
      const split = speakers.split(record, alias)
      const theirs = (quotes.get(record.id) ?? []).filter((s) => s.speaker?.mention?.text === alias || s.speaker?.name === alias)
      quotes.set(
        record.id,
        (quotes.get(record.id) ?? []).filter((s) => !theirs.includes(s)),
      )
      for (const statement of theirs) {
        statement.speakerId = split.id
        changes.statement(statement)
        records.indexStatement(statement)
      }
      return split
    },
  }
}

// Speakers: the index of everyone quoted, with counts and an alias-aware search, and one speaker's page with
// their quotes, a chart of when they spoke, their roles and names, and the quotes as CSV.
import type { RequestHandler } from 'express'
import { NotFoundError } from '../errors.js'
import { writeStatementBatchesCsv } from '../export/csv.js'
import type { LogEntry, SpeakerRecord } from '../store/schema.js'
import { answersTo, countStatements, type SpeakerRow, speakerRows } from '../store/speaker-rows.js'
import { placed } from './claim-review.js'
import { siteOf, writeStoreStatementsCsv } from './exports.js'
import { type Paged, type Paging, pageOf, paging, text, withQuery } from './query.js'
import { sourceSentences } from './sentences.js'
import { statementsChart } from './speaker-chart.js'
import { filterQuotes, quoteFilter, quoteView, saidOn } from './speaker-quotes.js'
import { SPEAKER_DONE, speakersCalled } from './speaker-review.js'
import { historyLines } from './undo.js'
import { keep, versionMemo } from './version-memo.js'
import type { WebStore } from './web-store.js'

const PER_PAGE = 50

export function speakerHandlers(store: WebStore) {
  const list: RequestHandler = async (req, res) => {
    const q = text(req.query, 'q')
    const page = await speakerPage(store, q, paging(req.query, PER_PAGE))
    res.render('speakers/index', { title: 'Speakers', q: q ?? '', page, pages: pageLinks(req.query, page) })
  }

  const show: RequestHandler<{ id: string }> = async (req, res) => {
    const speaker = await current(req.params.id)
    if (speaker.id !== req.params.id) return res.redirect(301, `/speakers/${encodeURIComponent(speaker.id)}${withQuery(req.query, {})}`)
    const filter = quoteFilter(req.query)
    const all = (await store.quotesBy(speaker.id)).filter((e) => !e.statement.rejected)
    const quotes = filterQuotes(all, filter)
    const sentences = await sourceSentences(
      store,
      quotes.map((e) => e.statement),
    )
    res.render('speakers/show', {
      title: speaker.name,
      speaker,
      counts: countStatements(all.map((e) => e.statement)),
      filter,
      filtered: quotes.length !== all.length,
      quotes: quotes.map((e) => ({ ...quoteView(e), sentence: sentences.get(e.statement.id) ?? null })),
      chart: statementsChart(quotes.map((e) => ({ date: saidOn(e), stance: e.statement.stance }))),
      csv: `/speakers/${encodeURIComponent(speaker.id)}/quotes.csv${withQuery(req.query, {})}`,
      done: doneMessage(text(req.query, 'done')),
      href: `/speakers/${encodeURIComponent(speaker.id)}`,
      history: speakerHistory(await store.decisions(), speaker.id),
      picks: await likelySame(store, speaker),
    })
  }

  /** The quotes the page shows, with its filters, as the statements table. */
  const quotesCsv: RequestHandler<{ id: string }> = async (req, res) => {
    const speaker = await current(req.params.id)
    const ids = filterQuotes(await store.quotesBy(speaker.id), quoteFilter(req.query)).map((e) => e.statement.id)
    res.attachment(`claimtrail-quotes-${speaker.id.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 60)}.csv`)
    res.type('text/csv; charset=utf-8')
    if (store.statementBatches) return writeStatementBatchesCsv(store.statementBatches({ ids }), res, { base: siteOf(res) })
    const kept = new Set(ids)
    await writeStoreStatementsCsv(store, res, (s) => kept.has(s.id), siteOf(res))
  }

  async function current(id: string): Promise<SpeakerRecord> {
    const speaker = await store.speaker(id)
    if (!speaker) throw new NotFoundError(`There is no speaker "${id}". Every stored speaker is listed at /speakers.`)
    return speaker
  }

  return { list, show, quotesCsv }
}

/** One page of the speakers index: asked of the store when it answers by queries (a database), else worked out here. */
export async function speakerPage(store: WebStore, q: string | undefined, { page, per }: Paging): Promise<Paged<SpeakerRow>> {
  if (store.speakerRows) {
    const { total, items } = await store.speakerRows(q, { offset: (page - 1) * per, limit: per })
    return { items, page, per, total }
  }
  const rows = speakerRows(await store.speakers(), await store.statements()).filter((row) => !q || answersTo(row.speaker, q))
  return pageOf(rows, { page, per })
}

/** The note for a finished form; only the keys of SPEAKER_DONE are read, never the query's own text. */
const doneMessage = (key: string | undefined) => (key && Object.hasOwn(SPEAKER_DONE, key) ? SPEAKER_DONE[key] : null)

export interface PageLinks {
  previous: string | null
  next: string | null
  /** The last page's number, or "200+" when the count stopped short of the end. */
  last: number | string
}

/** Links to the neighbouring pages that keep the query's filters. */
export function pageLinks(
  query: Record<string, unknown>,
  { page, per, total, more, items }: { page: number; per: number; total: number; more?: boolean; items?: readonly unknown[] },
): PageLinks {
  const last = Math.max(1, Math.ceil(total / per))
  // Past an uncounted end (`more`), a full page may have a next one.
  const onward = more ? page < last || items?.length === per : page < last
  return {
    previous: page > 1 ? withQuery(query, { page: page - 1 }) || '?' : null,
    next: onward ? withQuery(query, { page: page + 1 }) : null,
    last: more ? `${last}+` : last,
  }
}

/** The merges and splits that named this speaker, newest first, each with its undo's place in the log. */
function speakerHistory(log: readonly LogEntry[], id: string) {
  const names = (value: unknown) => value === id
  return historyLines(
    log,
    placed(
      log,
      ({ action, detail: d }) =>
        (action === 'merge-speakers' || action === 'split-speaker') &&
        (names(d.into) || names(d.from) || names(d.speaker) || names(d.newSpeaker)),
    ),
  )
}

/** The speakers the merge field offers as one types: those answering to this one's surname (the last word of its name). */
async function likelySame(store: WebStore, speaker: SpeakerRecord): Promise<SpeakerRecord[]> {
  const surname = speaker.name.trim().split(/\s+/).at(-1) ?? ''
  if (surname.length < 2) return []
  // Asked of every speaker's names over the JSON store (0.75 ms a render at 3,700 speakers): kept until a write.
  const known = await versionMemo<string, SpeakerRecord[]>(store, 'same surname')
  let picks = known.get(speaker.id)
  if (!picks)
    keep(known, speaker.id, (picks = (await speakersCalled(store, surname, { whole: false, except: speaker.id, limit: 20 })).items))
  return picks
}

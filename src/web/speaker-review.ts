// What a researcher sends from a speaker's page: "this is the same person as that speaker" (merge) or "this way
// of writing the name is someone else" (split). Both go through store.decide, are logged with who and when, and
// answer with a redirect (303) to the speaker page that now holds the statements. A bad form changes nothing.
import type { RequestHandler } from 'express'
import { InvalidInputError, NotFoundError } from '../errors.js'
import type { SpeakerRecord } from '../store/schema.js'
import { answersTo } from '../store/speaker-rows.js'
import { normaliseName } from '../store/speakers.js'
import type { Counted } from '../store/statement-filter.js'
import { checkFormToken } from './auth/index.js'
import { formBody } from './bodies.js'
import { decidedBy, rememberName, text } from './claim-review.js'
import type { WebStore } from './web-store.js'

/** What the speaker page says after a form went through; keys from the redirect, never text from it. */
export const SPEAKER_DONE: Record<string, string> = {
  merged: 'The speakers are merged: this speaker now holds the statements and names of both.',
  split: 'The name is now a speaker of its own, with the statements written with it.',
  undone: 'The decision is undone. The undo is listed under "History", and can itself be undone.',
}

const form = [formBody('16kb'), checkFormToken]
const speakerHref = (id: string) => `/speakers/${encodeURIComponent(id)}`

export function speakerReviewHandlers(store: WebStore) {
  const speakerOf = async (id: string) => {
    const speaker = await store.speaker(id)
    if (!speaker) throw new NotFoundError(`There is no speaker "${id}". Every stored speaker is listed at /speakers.`)
    return speaker
  }

  const merge: RequestHandler<{ id: string }> = async (req, res) => {
    const from = await speakerOf(req.params.id)
    const body = req.body ?? {}
    const by = decidedBy(body, res)
    const into = await otherSpeaker(store, text(body, 'into', 300), from)
    if (into.id === from.id)
      throw new InvalidInputError(`"${text(body, 'into', 300)}" is this speaker. Give another speaker to merge it into.`)
    await store.decide({ action: 'merge-speakers', into: into.id, from: from.id }, by)
    rememberName(res, by)
    res.redirect(303, `${speakerHref(into.id)}?done=merged`)
  }

  const split: RequestHandler<{ id: string }> = async (req, res) => {
    const speaker = await speakerOf(req.params.id)
    const body = req.body ?? {}
    const by = decidedBy(body, res)
    const alias = text(body, 'alias', 300)
    if (!speaker.aliases.includes(alias)) {
      throw new InvalidInputError(
        alias
          ? `"${alias}" is not a name ${speaker.name} was written with. Pick one from the list on the speaker's page.`
          : "Pick the name to split off, from the list on the speaker's page.",
      )
    }
    const entry = await store.decide({ action: 'split-speaker', speaker: speaker.id, alias }, by)
    rememberName(res, by)
    const created = typeof entry.detail.newSpeaker === 'string' ? entry.detail.newSpeaker : speaker.id
    res.redirect(303, `${speakerHref(created)}?done=split`)
  }

  return { merge: [...form, merge], split: [...form, split] }
}

/** Current speakers by a name (web-store.ts speakersCalled): asked of the store when it can, else found in its list. */
export async function speakersCalled(
  store: WebStore,
  name: string,
  options: { whole: boolean; except?: string; limit: number },
): Promise<Counted<SpeakerRecord>> {
  if (store.speakersCalled) return store.speakersCalled(name, options)
  const wanted = normaliseName(name)
  const found = (await store.speakers()).filter(
    (s) =>
      !s.mergedInto &&
      s.id !== options.except &&
      (options.whole ? [s.name, ...s.aliases].some((n) => normaliseName(n) === wanted) : answersTo(s, name)),
  )
  return { total: found.length, items: found.slice(0, options.limit) }
}

/** The other speaker, by id or by a name exactly one current speaker answers to. */
export async function otherSpeaker(store: WebStore, asked: string, self: SpeakerRecord): Promise<SpeakerRecord> {
  if (!asked) throw new InvalidInputError('Give the speaker to merge this one into: its id (in its address, after /speakers/) or its name.')
  const byId = await store.speaker(asked)
  if (byId) return byId
  const named = await speakersCalled(store, asked, { whole: true, except: self.id, limit: 10 })
  if (named.total === 1) return named.items[0]
  if (named.total > 1) {
    throw new InvalidInputError(
      `${named.total} speakers go by "${asked}": ${named.items.map((s) => s.id).join(', ')}. Give the id of the one you mean.`,
    )
  }
  const near = (await speakersCalled(store, asked, { whole: false, limit: 5 })).items.map((s) => `${s.name} (${s.id})`)
  throw new InvalidInputError(
    `No speaker is called "${asked}".${near.length ? ` Did you mean: ${near.join('; ')}?` : ' Find its id at /speakers.'}`,
  )
}

// A reviewed claim as schema.org ClaimReview, the JSON-LD that fact-check publications and Google's Fact Check
// Explorer read. ClaimReview cannot say that one claim denies another, so denials stay on the claim page; the
// Claim carries who first asserted it and every article it appeared in.
import type { ClaimLedger, ClaimVoice, LedgerEntry } from '../store/views.js'

type Thing = Record<string, unknown>

/**
 * The claim as a proposition a reader can rate: reported speech's "that …" dropped, the outer quotation marks
 * and trailing commas off, a capital first letter and a closing full stop. "that the bridge is unsafe" → "The
 * bridge is unsafe."
 */
export function proposition(text: string): string {
  let said = text.trim().replace(/\s+/g, ' ')
  said = said.replace(/^["'“‘]+|["'”’]+$/g, '').trim()
  said = said.replace(/^that\s+/i, '').replace(/[\s,;:…-]+$/, '')
  if (!said) return text.trim()
  said = said[0].toUpperCase() + said.slice(1)
  return /[.!?]$/.test(said) ? said : `${said}.`
}

/** A speaker's name as a byline would print it: no courtesy title, no quotation marks, no trailing comma. */
export function cleanName(name: string): string {
  const bare = name
    .replace(/["“”]/g, '')
    .replace(/^(mr|mrs|ms|mx|dr|prof)\.?\s+/i, '')
    .replace(/[\s,;:'’]+$/, '')
    .replace(/\s+/g, ' ')
    .trim()
  return bare || name.trim()
}

const compact = (thing: Thing): Thing => Object.fromEntries(Object.entries(thing).filter(([, v]) => v !== null && v !== undefined))

function agent(voice: ClaimVoice): Thing {
  return compact({
    '@type': voice.type === 'person' ? 'Person' : 'Organization',
    name: voice.name && cleanName(voice.name),
    jobTitle: voice.type === 'person' && voice.role ? voice.role.trim().replace(/[\s,;:]+$/, '') : null,
    description: voice.type === 'anonymous' ? 'anonymous source' : null,
  })
}

function appearance({ article }: LedgerEntry): Thing {
  return compact({
    '@type': 'CreativeWork',
    url: article.url && /^https?:\/\//i.test(article.url) ? article.url : null,
    headline: article.title,
    datePublished: article.published,
    publisher: article.outlet ? { '@type': 'Organization', name: article.outlet } : null,
  })
}

/** The ClaimReview of a reviewed claim; `url` is the claim's page. Only call it once the claim has a review. */
export function claimReview(ledger: ClaimLedger, url: string): Thing {
  const review = ledger.claim.review
  if (!review) throw new Error(`claim ${ledger.claim.id} has no review to publish`)
  // One appearance per article, in the ledger's order: the first is where the claim was first seen.
  const seen = new Set<string>()
  const appearances = ledger.entries.filter((e) => !seen.has(e.article.id) && seen.add(e.article.id)).map(appearance)
  const firstAsserted = ledger.asserted[0]
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url,
    claimReviewed: proposition(ledger.claim.text),
    datePublished: review.at.slice(0, 10),
    author: { '@type': 'Person', name: review.by },
    reviewRating: compact({ '@type': 'Rating', alternateName: review.verdict, ratingExplanation: review.note || null }),
    itemReviewed: compact({
      '@type': 'Claim',
      text: proposition(ledger.claim.text),
      author: firstAsserted ? agent(firstAsserted) : null,
      datePublished: ledger.firstDate,
      firstAppearance: appearances[0] ?? null,
      appearance: appearances,
    }),
  }
}

// A claim's ledger as terminal text: the claim, then who asserted, denied or declined it, each with type, role,
// date, outlet and article, oldest first.
import type { ClaimSummary, ClaimVoice } from '../store/views.js'
import { neutral } from '../text/neutral.js'

const STANCE_LABEL = [
  ['asserted', 'asserted'],
  ['denied', 'denied'],
  ['declined', 'declined'],
] as const

function voiceLine(v: ClaimVoice): string {
  // Names and roles are read from article text, outlets and ids typed by whoever ingested it: all untrusted.
  const who = `${v.name ? oneLine(v.name) : '(no speaker given)'}${v.type ? ` [${v.type}]` : ''}${v.role ? `, ${oneLine(v.role)}` : ''}`
  const where = [v.date ?? 'undated', v.outlet && oneLine(v.outlet), `article ${oneLine(v.articleId)}`].filter(Boolean).join(' · ')
  return `${who} — ${where}`
}

export function ledgerText(c: ClaimSummary): string {
  const span = c.firstDate ? (c.firstDate === c.latestDate ? c.firstDate : `${c.firstDate} → ${c.latestDate}`) : 'undated'
  const counts = `${c.statementCount} statement${c.statementCount === 1 ? '' : 's'} in ${c.articleCount} article${c.articleCount === 1 ? '' : 's'}, ${span}`
  const support = c.anonymousSupport ? `; ${c.anonymousSupport} of ${c.asserted.length} supporters anonymous` : ''
  const lines = [
    `${oneLine(c.claim.id)}  "${oneLine(c.claim.text)}"`,
    `  ${counts}${support}${c.claim.review ? `; reviewed: ${oneLine(c.claim.review.verdict)}` : ''}`,
  ]
  for (const [key, label] of STANCE_LABEL) for (const v of c[key]) lines.push(`  ${label.padEnd(8)} ${voiceLine(v)}`)
  return lines.join('\n')
}

/** Article text is untrusted: no line breaks, terminal control codes or bidi controls from it reach the terminal. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return neutral(text)
    .replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

// Who holds a role in this article. "The Republican nominee said …" names nobody, but an article that wrote
// "Republican nominee Donald Trump", "Donald Trump, the Republican nominee," or "The Republican nominee, Donald
// Trump," has made clear who that is.
import { type NameSeen, roleBefore } from './names.js'
import type { Doc } from './stages/03-segment.js'

export interface RoleHolder {
  name: string
  role: string
  start: number
}

const APPOSITION_AFTER = /^,\s+(?:the|a|an)\s+([^,.;:"“”()]{3,80}?),/i
const APPOSITION_BEFORE = /(?:^|[.!?\n]\s*|,\s+)(?:the|a|an)\s+([^,.;:"“”()]{3,80}?),\s+$/i

export function roleHolders(doc: Doc, names: NameSeen[]): RoleHolder[] {
  const holders: RoleHolder[] = []
  for (const n of names) {
    const end = n.start + n.name.length
    const roles = [
      roleBefore(doc.text, n.start),
      APPOSITION_AFTER.exec(doc.text.slice(end, end + 100))?.[1],
      APPOSITION_BEFORE.exec(doc.text.slice(Math.max(0, n.start - 100), n.start))?.[1],
    ]
    for (const role of roles) if (role) holders.push({ name: n.name, role, start: n.start })
  }
  return holders
}

const words = (text: string) =>
  text
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => !/^(the|a|an|former|then)$/.test(w))

/**
 * The one name the article gave every word of this description to: "the Republican nominee" → Donald Trump.
 * Two holders ("the senator" when two senators are named) resolve to nobody.
 */
export function holderOf(description: string, holders: RoleHolder[], fullName: (name: string) => string): string | null {
  const wanted = words(description)
  if (!wanted.length) return null
  const found = new Set(
    holders
      .filter((h) => {
        const role = words(h.role)
        return wanted.every((w) => role.includes(w))
      })
      .map((h) => fullName(h.name)),
  )
  return found.size === 1 ? [...found][0] : null
}

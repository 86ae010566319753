// What the generated archive is about: stories, each a few claims that several articles report over some weeks,
// asserted by some and denied by whom they accuse. The same claim in many articles is what lets the store's
// matcher file them under one claim, as it must with real coverage of one affair.
import { BODIES, type Cast, CITIES, type Voice } from './cast.js'
import type { Dice } from './dice.js'

export interface Proposition {
  /** Grammatical after "said that" and "denied that": "Atlas Bank paid 40 million dollars to …". */
  text: string
  /** Who the claim is about, and so who denies it. */
  accused: Voice
}

export interface Story {
  id: number
  claims: Proposition[]
  /** Who puts the claims about, across the story's articles. */
  sources: Voice[]
  born: number
  /** How much coverage it draws: a few stories run and run, most get an article or two. */
  heat: number
}

type Template = (cast: Cast, dice: Dice) => Proposition

const n = (dice: Dice, from: number, to: number) => String(dice.int(from, to))
/** A country other than the one the claim is about. */
const other = (cast: Cast, dice: Dice, not: Voice): string => {
  const country = cast.country(dice)
  return country === not ? cast.countries.find((c) => c !== not)!.name : country.name
}

const TEMPLATES: Template[] = [
  (c, d) => {
    const org = c.organisation(d)
    return { text: `${org.name} paid ${n(d, 2, 95)} million dollars to officials at ${d.pick(BODIES)}`, accused: org }
  },
  (c, d) => {
    const a = c.country(d)
    return { text: `${a.name} moved ${n(d, 2, 40)},000 troops to its border with ${other(c, d, a)}`, accused: a }
  },
  (c, d) => {
    const org = c.organisation(d)
    return { text: `${org.name} hid losses of ${n(d, 10, 900)} million dollars from its investors`, accused: org }
  },
  (c, d) => {
    const p = c.person(d)
    return { text: `${p.name} met executives of ${c.organisation(d).name} before the ${d.pick(CITIES)} contract was signed`, accused: p }
  },
  (c, d) => {
    const a = c.country(d)
    return { text: `${a.name} will raise fuel taxes by ${n(d, 3, 30)} percent next year`, accused: a }
  },
  (c, d) => {
    const org = c.organisation(d)
    return { text: `${org.name} knew about the brake defects for ${n(d, 2, 12)} years`, accused: org }
  },
  (c, d) => {
    const a = c.country(d)
    return { text: `${a.name} sold ${n(d, 10, 400)} armoured vehicles to ${other(c, d, a)} despite the embargo`, accused: a }
  },
  (c, d) => {
    const p = c.person(d)
    return { text: `${p.name} used ${n(d, 20, 900)},000 dollars of public funds for private travel to ${d.pick(CITIES)}`, accused: p }
  },
  (c, d) => {
    const org = c.organisation(d)
    return { text: `${org.name} will cut ${n(d, 2, 30)},000 jobs in ${d.pick(CITIES)} by the end of the year`, accused: org }
  },
  (c, d) => {
    const a = c.country(d)
    return { text: `${a.name} asked ${other(c, d, a)} for ${n(d, 2, 60)} billion dollars in emergency loans`, accused: a }
  },
  (c, d) => {
    const org = c.organisation(d)
    return { text: `${org.name} dumped ${n(d, 2, 90)} tonnes of waste into the river near ${d.pick(CITIES)}`, accused: org }
  },
  (c, d) => {
    const p = c.person(d)
    return { text: `${p.name} ignored ${n(d, 2, 14)} warnings about the ${d.pick(CITIES)} dam before it failed`, accused: p }
  },
  (c, d) => {
    const a = c.country(d)
    return { text: `${a.name} detained ${n(d, 2, 80)} journalists during the ${d.pick(CITIES)} protests`, accused: a }
  },
  (c, d) => {
    const org = c.organisation(d)
    return { text: `${org.name} raised drug prices by ${n(d, 20, 400)} percent after the merger`, accused: org }
  },
  (c, d) => {
    const p = c.person(d)
    return { text: `${p.name} received ${n(d, 2, 90)} payments from ${c.organisation(d).name} while in office`, accused: p }
  },
]

/** A new story: one to three claims, and the voices that will put them about. */
export function newStory(id: number, born: number, cast: Cast, dice: Dice, used: Set<string>): Story {
  const claims: Proposition[] = []
  const count = dice.chance(0.5) ? 1 : dice.chance(0.6) ? 2 : 3
  while (claims.length < count) {
    const claim = dice.pick(TEMPLATES)(cast, dice)
    // One proposition belongs to one story: two stories with the same words would be one claim to any reader.
    if (used.has(claim.text)) continue
    used.add(claim.text)
    claims.push(claim)
  }
  const sources = Array.from({ length: dice.int(1, 3) }, () => cast.source(dice))
  return { id, claims, sources, born, heat: 1 / (0.04 + dice.next()) }
}

/** A remark of no consequence beyond its article: a claim of its own, asserted once. */
export function remark(cast: Cast, dice: Dice): string {
  const topic = dice.pick([
    'trade',
    'the budget',
    'energy prices',
    'the new rail line',
    'housing',
    'water supplies',
    'the harbour expansion',
    'school funding',
  ])
  const city = dice.pick(CITIES)
  return dice.pick([
    `We will keep working with ${cast.country(dice).name} on ${topic} in ${city} for another ${n(dice, 2, 40)} months`,
    `The talks on ${topic} with ${cast.country(dice).name} were constructive and will resume in ${n(dice, 2, 30)} days`,
    `Nobody in ${city} should pay more for ${topic} than they did ${n(dice, 2, 30)} years ago`,
    `Our plan for ${topic} in ${city} will cost ${n(dice, 20, 900)} million dollars`,
    `${cast.organisation(dice).name} has spent ${n(dice, 2, 500)} million dollars on ${topic} in ${city}`,
  ])
}

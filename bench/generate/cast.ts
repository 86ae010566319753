// Who speaks in the generated archive: people with roles, organisations, countries, and the anonymous sources,
// groups and documents every desk quotes. Named speakers are drawn Zipf-like, so a few are everywhere and most
// appear once or twice; anonymous ones are written fresh in every article, as the store never merges them.
import type { SpeakerType } from '../../src/pipeline/types.js'
import { type Dice, Zipf } from './dice.js'

export interface Voice {
  /** The resolved name, as the pipeline would give it. */
  name: string
  type: SpeakerType
  role: string | null
  /** How an article first writes it: "Brazil's finance minister Anna Berg". */
  first: string
  /** How it is written after that: "Berg". */
  later: string
}

const FIRST = `Anna Daniel Maria Tomas Li Amira Jonas Sofia Kwame Elena Rahul Hana Marcus Ines Oleg Grace Mateo Yuki Samuel
  Leila Pavel Nadia Victor Chloe Ibrahim Freya Diego Mei Arjun Olga Felix Zara Hugo Ama Lars Rosa Ahmed Clara Kenji Beatriz`.split(/\s+/)
export const SURNAMES = `Berg Okafor Lindqvist Moreau Zhang Haddad Novak Reyes Mensah Ivanova Sharma Tanaka Fischer Costa Petrov Walsh
  Alvarez Kim Osei Karimi Dubois Nakamura Schulz Rossi Adeyemi Kowalski Silva Jensen Hoffmann Abara Lund Marino Quist
  Duarte Varga Holm Sato Brennan Achebe Falk Ortega Wu Hassan Keller Nilsen Ferreira Bauer Mendes Castro Yilmaz Park
  Olsen Romano Ekström Barros Kaya Horvat Chen Mwangi Laine`.split(/\s+/)

export const COUNTRIES = `Brazil India Japan Kenya Canada Mexico Norway Poland Turkey Egypt Chile Vietnam Australia Nigeria
  Indonesia Spain France Germany China Russia Argentina Ghana Peru Sweden`.split(/\s+/)

const ORG_FIRST = 'Northfield Harbour Meridian Crestline Atlas Summit Redwood Silverline Eastgate Bluewater Ironbridge Larkspur'.split(' ')
const ORG_LAST = 'Energy Holdings Bank Logistics Pharma Telecom Mining Airways Foods Motors'.split(' ')

export const BODIES = [
  'the Port Authority',
  'the Ministry of Health',
  'the Central Bank',
  'the Electoral Commission',
  'the Transport Ministry',
  'the Competition Authority',
  'the Water Board',
  'the Defence Ministry',
  'the National Audit Office',
  'the Energy Regulator',
]

export const CITIES = `Lisbon Nairobi Osaka Krakow Izmir Valparaiso Lagos Surabaya Seville Lyon Hamburg Cusco Accra Malmo
  Rosario Hanoi Perth Monterrey Bergen Alexandria`.split(/\s+/)

const OFFICES = [
  'finance minister',
  'foreign minister',
  'health minister',
  'defence minister',
  'trade minister',
  'prime minister',
  'interior minister',
]
const COMPANY_ROLES = ['chief executive', 'spokesperson', 'chief financial officer', 'board chair']
const OTHER_ROLES = ['opposition leader', 'union leader', 'Senator', 'economist']

const ANONYMOUS = [
  'a senior official',
  'two people familiar with the matter',
  'officials',
  'a government source',
  'diplomats',
  'a person close to the company',
  'U.S. officials',
  'European officials',
  'a senior military officer',
  'investigators',
]
const GROUPS = ['protesters', 'residents', 'analysts', 'critics', 'shareholders']
const DOCUMENTS = ['a leaked memo', 'court filings', 'an internal report', 'an audit', 'a draft report']

export class Cast {
  readonly people: Voice[]
  readonly organisations: Voice[]
  readonly countries: Voice[]
  readonly #people: Zipf
  readonly #organisations: Zipf
  readonly #countries: Zipf

  /** `people` named people (at most every first × last name there is), organisations and countries to match. */
  constructor(dice: Dice, people: number) {
    const orgNames = dice.shuffle(ORG_FIRST.flatMap((a) => ORG_LAST.map((b) => `${a} ${b}`)))
    const organisations = orgNames.slice(0, Math.max(20, Math.min(orgNames.length, Math.round(people / 10))))
    this.organisations = organisations.map((name) => ({ name, type: 'organization', role: null, first: name, later: name }))
    this.countries = dice.shuffle(COUNTRIES).map((name) => ({ name, type: 'country', role: null, first: name, later: name }))
    const names = dice.shuffle(FIRST.flatMap((f) => SURNAMES.map((l) => [f, l] as const))).slice(0, people)
    this.people = names.map(([first, last]) => person(dice, `${first} ${last}`, last, organisations, COUNTRIES))
    this.#people = new Zipf(this.people.length)
    this.#organisations = new Zipf(this.organisations.length)
    this.#countries = new Zipf(this.countries.length, 0.8)
  }

  person(dice: Dice): Voice {
    return this.people[this.#people.draw(dice)]
  }

  organisation(dice: Dice): Voice {
    return this.organisations[this.#organisations.draw(dice)]
  }

  country(dice: Dice): Voice {
    return this.countries[this.#countries.draw(dice)]
  }

  /** Anyone who might put a claim about: mostly named people, often an anonymous source. */
  source(dice: Dice): Voice {
    const roll = dice.next()
    if (roll < 0.5) return this.person(dice)
    if (roll < 0.7) return anonymous(dice)
    if (roll < 0.8) return this.organisation(dice)
    if (roll < 0.87) return this.country(dice)
    if (roll < 0.94) return voiceOf(dice.pick(DOCUMENTS), 'document')
    return voiceOf(dice.pick(GROUPS), 'group')
  }
}

export function anonymous(dice: Dice): Voice {
  return voiceOf(dice.pick(ANONYMOUS), 'anonymous')
}

function voiceOf(name: string, type: SpeakerType): Voice {
  return { name, type, role: null, first: name, later: name }
}

function person(dice: Dice, name: string, surname: string, organisations: string[], countries: string[]): Voice {
  const kind = dice.next()
  const role =
    kind < 0.45
      ? `${dice.pick(countries)}'s ${dice.pick(OFFICES)}`
      : kind < 0.75
        ? `${dice.pick(organisations)} ${dice.pick(COMPANY_ROLES)}`
        : kind < 0.85
          ? `${dice.pick(CITIES)} mayor`
          : dice.pick(OTHER_ROLES)
  return { name, type: 'person', role, first: `${role} ${name}`, later: surname }
}

// The generated archive's news desk: one article after another, published day by day over the years, each
// covering a story that runs for a few weeks. Deterministic for a seed.
import type { ExtractedArticle } from '../../src/store/store.js'
import { writeArticle } from './article.js'
import { Cast } from './cast.js'
import { dayAfter } from './dates.js'
import { Dice, Zipf } from './dice.js'
import { newStory, type Story } from './stories.js'

const FIRST_DAY = '2019-01-01'
// A story draws articles for three weeks after its first; most articles follow a running story.
const STORY_DAYS = 21
const NEW_STORY = 0.4

const OUTLETS = `The Harbour Herald|Daily Meridian|Northfield Post|Coastal Times|The Evening Ledger|Capital Wire|The Morning
  Courier|Valley Gazette|The Observer Desk|Metro Standard|Continental Review|The Weekly Dispatch|Riverside Chronicle|Global
  Sentinel|The Civic Record|Bay City Tribune|The Plain Report|Eastern Bulletin`
  .replace(/\s*\n\s*/g, ' ')
  .split('|')

export class Newsroom {
  readonly #dice: Dice
  readonly #cast: Cast
  readonly #outlets = new Zipf(OUTLETS.length, 0.9)
  readonly #days: number
  readonly #used = new Set<string>()
  #active: Story[] = []
  #stories = 0
  #written = 0

  /** `planned`: about how many articles will be asked for, which sets the years they span and the cast's size. */
  constructor(
    seed: number,
    readonly planned: number,
  ) {
    this.#dice = new Dice(seed)
    // The archive spans about four articles a day, six years at most, two months at least.
    this.#days = Math.max(60, Math.min(6 * 365, Math.ceil(planned / 4)))
    this.#cast = new Cast(this.#dice, Math.max(80, Math.min(2400, Math.round(planned / 4))))
  }

  next(): ExtractedArticle {
    const dice = this.#dice
    const n = this.#written++
    // Past the plan (duplicates, or a target the plan underestimated) the days stay on the last one.
    const day = Math.min(this.#days - 1, Math.floor((n * this.#days) / this.planned))
    this.#active = this.#active.filter((story) => story.born > day - STORY_DAYS)
    let story: Story
    if (this.#active.length === 0 || dice.chance(NEW_STORY)) {
      story = newStory(this.#stories++, day, this.#cast, dice, this.#used)
      this.#active.push(story)
    } else {
      story = pickByHeat(this.#active, dice)
    }
    const reporter = this.#cast.people[(n * 7919) % this.#cast.people.length].name
    return writeArticle(story, this.#cast, dice, {
      published: dayAfter(FIRST_DAY, day),
      outlet: OUTLETS[this.#outlets.draw(dice)],
      reporter,
    })
  }
}

function pickByHeat(stories: Story[], dice: Dice): Story {
  const total = stories.reduce((sum, s) => sum + s.heat, 0)
  let u = dice.next() * total
  for (const story of stories) if ((u -= story.heat) < 0) return story
  return stories[stories.length - 1]
}

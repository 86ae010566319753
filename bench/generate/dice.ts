// The generator's only source of chance: a seeded PRNG (mulberry32), so that one seed always builds the same
// store, byte for byte, on any machine.
export class Dice {
  #state: number

  constructor(seed: number) {
    this.#state = seed >>> 0
  }

  /** In [0, 1). */
  next(): number {
    let t = (this.#state = (this.#state + 0x6d2b79f5) >>> 0)
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  /** An integer in [from, to]. */
  int(from: number, to: number): number {
    return from + Math.floor(this.next() * (to - from + 1))
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]
  }

  shuffle<T>(list: readonly T[]): T[] {
    const out = [...list]
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1))
      ;[out[i], out[j]] = [out[j], out[i]]
    }
    return out
  }
}

/**
 * Ranks drawn with probability proportional to 1 / rank^s: a few speakers are quoted all the time, most
 * once or twice, as in any newsroom's archive.
 */
export class Zipf {
  readonly #cumulative: Float64Array

  constructor(
    readonly size: number,
    s = 1.05,
  ) {
    this.#cumulative = new Float64Array(size)
    let sum = 0
    for (let rank = 1; rank <= size; rank++) this.#cumulative[rank - 1] = sum += 1 / rank ** s
    for (let i = 0; i < size; i++) this.#cumulative[i] /= sum
  }

  /** A rank in [0, size). */
  draw(dice: Dice): number {
    const u = dice.next()
    let [lo, hi] = [0, this.size - 1]
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.#cumulative[mid] < u) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}

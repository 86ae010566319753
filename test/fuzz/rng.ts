// A seeded generator (mulberry32): the same seed gives the same inputs on every run, so a failure replays.
// FUZZ_SEED=n tries other inputs; the seed in use is printed with the counts.
export const SEED = Number(process.env.FUZZ_SEED ?? 6_2026)

export interface Rng {
  /** A float in [0, 1). */
  next(): number
  /** A whole number in [least, most]. */
  int(least: number, most: number): number
  pick<T>(list: readonly T[]): T
  bytes(length: number): Buffer
  /** `length` characters drawn from `alphabet`. */
  chars(alphabet: string, length: number): string
}

export function seeded(seed = SEED): Rng {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (least: number, most: number) => least + Math.floor(next() * (most - least + 1))
  const alphabetOf = (alphabet: string) => [...alphabet]
  return {
    next,
    int,
    pick: (list) => list[int(0, list.length - 1)],
    bytes: (length) => Buffer.from(Array.from({ length }, () => int(0, 255))),
    chars: (alphabet, length) => {
      const letters = alphabetOf(alphabet)
      return Array.from({ length }, () => letters[int(0, letters.length - 1)]).join('')
    },
  }
}

/** C0 and C1 control characters but NUL, tab, line feed and carriage return. */
export const CONTROLS = Array.from({ length: 0xa0 }, (_, c) => String.fromCharCode(c))
  .filter((c) => /[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.test(c))
  .join('')

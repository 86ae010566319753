// The order in which stochastic gradient descent visits its examples, epoch after epoch: shuffled by a seeded
// linear congruence, so the same examples and seed always give the same weights. Shared by the stance and pair models.

/** For each epoch, its number and the examples' indexes in that epoch's order. */
export function* epochs(count: number, epochCount: number, seed: number): Generator<[number, number[]]> {
  let state = seed
  const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648
  const order = Array.from({ length: count }, (_, i) => i)
  for (let e = 0; e < epochCount; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1))
      ;[order[i], order[j]] = [order[j], order[i]]
    }
    yield [e, order]
  }
}

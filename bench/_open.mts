import { Store } from '../src/store/store.js'
const t = performance.now()
const m0 = process.memoryUsage()
const store = await Store.open(process.argv[2], { readOnly: process.argv[3] !== 'write' })
const t1 = performance.now()
global.gc?.()
const m = process.memoryUsage()
console.log(`open ${((t1 - t) / 1000).toFixed(2)} s; rss ${(m.rss / 1e6).toFixed(0)} MB heapUsed ${(m.heapUsed / 1e6).toFixed(0)} MB (before: ${(m0.heapUsed/1e6).toFixed(0)}); peak rss ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`)
const t2 = performance.now(); store.claims(); console.log(`claims() ${(performance.now() - t2).toFixed(0)} ms; rss ${(process.memoryUsage().rss/1e6).toFixed(0)}`)

// Preloaded into a child the benches start (`node --import ./bench/max-rss.mjs …`): on exit it writes the
// process's peak resident set size, in bytes, to the file CLAIMTRAIL_MAX_RSS names.
import { writeFileSync } from 'node:fs'

const file = process.env.CLAIMTRAIL_MAX_RSS
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS * 1024)))

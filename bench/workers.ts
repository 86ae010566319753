// `npm run bench:workers`: with --db postgres://… the queue's worker processes filing into one PostgreSQL store
// (queue-workers.ts); without, `extract --jsonl` on one thread and on two (extract-workers.ts). Either prints the
// ratio of two to one, measured in the same run.
if (process.argv.includes('--db')) await import('./queue-workers.js')
else await import('./extract-workers.js')

// The writer of the reader-race test, run as a process of its own: files an article and takes a decision on it,
// over and over, with the journal folded into the store file every couple of kilobytes and three backups kept, so
// compactions, backups and their pruning happen all the time. Prints the changes it has acknowledged.
import { extract } from '../../src/pipeline/extract.js'
import { Store } from '../../src/store/store.js'

const [path] = process.argv.slice(2)
const store = await Store.open(path, { compactFloor: 2048, keepBackups: 3 })
for (let n = 0; ; n++) {
  const input = {
    id: `pier-${n}`,
    title: `Pier report ${n}`,
    outlet: 'Portsea Post',
    published: '2024-05-02',
    url: null,
    text: `Pier ${n} closed\n\nThe harbour master said on Thursday that pier ${n} would stay shut. "The deck is not safe," Priya Nair, the harbour master, said.`,
  }
  await store.addArticles([{ article: input, extraction: extract(input) }])
  const claim = store.statement(`pier-${n}:s1`)?.claim
  if (claim) await store.decide({ action: 'review-claim', claim, verdict: 'False', note: `note ${n}` }, 'desk')
  process.stdout.write(`${n}\n`)
}

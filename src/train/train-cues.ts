// Trains the learned cue model on annotated news (PolNeAR's JSONL) and writes its weights as TypeScript.
//
//   npm run train:cues -- --gold ../shared/eval/dev.jsonl            writes data/models/cue-weights.json
//   npm run train:cues -- --gold ../shared/eval/dev.jsonl --folds 5 --pred cv.jsonl
//                                                                    k-fold over articles: each article is
//                                                                    extracted by a model that never saw it
// Deterministic: the same gold gives the same weights.
import { createReadStream, writeFileSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { extract } from '../pipeline/extract.js'
import { type CueGoldDoc, cueExamples, trainCues } from './cue-data.js'

const { values } = parseArgs({
  options: {
    gold: { type: 'string' },
    out: { type: 'string', default: 'data/models/cue-weights.json' },
    folds: { type: 'string' },
    pred: { type: 'string' },
    threshold: { type: 'string', default: '0.5' },
    'min-count': { type: 'string', default: '2' },
    'min-rate': { type: 'string', default: '0' },
    epochs: { type: 'string', default: '8' },
  },
})
if (!values.gold) {
  console.error('usage: train-cues --gold GOLD.jsonl [--out FILE] [--folds K --pred PRED.jsonl]')
  process.exit(2)
}

async function readGold(path: string): Promise<CueGoldDoc[]> {
  const docs: CueGoldDoc[] = []
  for await (const line of createInterface({ input: createReadStream(path) })) if (line.trim()) docs.push(JSON.parse(line))
  return docs
}

const docs = await readGold(values.gold)
const examples = docs.map(cueExamples)
const training = {
  minCount: Number(values['min-count']),
  minRate: Number(values['min-rate']),
  epochs: Number(values.epochs),
  threshold: Number(values.threshold),
}

if (values.folds) {
  const k = Number(values.folds)
  const lines: string[] = new Array(docs.length)
  for (let fold = 0; fold < k; fold++) {
    const model = trainCues(
      examples.filter((_, i) => i % k !== fold),
      training,
    )
    docs.forEach((doc, i) => {
      if (i % k === fold)
        lines[i] = JSON.stringify({
          id: doc.id,
          statements: extract({ text: doc.text, published: doc.date ?? null }, { cueModel: model, spanModel: null }).statements,
        })
    })
    console.error(`fold ${fold + 1}/${k}: ${model.candidates.length} candidate words`)
  }
  writeFileSync(values.pred ?? 'cv-pred.jsonl', `${lines.join('\n')}\n`)
} else {
  const model = trainCues(examples, training)
  writeFileSync(values.out!, `${JSON.stringify(model)}\n`)
  console.error(`${model.candidates.length} candidate words, ${Object.keys(model.weights).length} weights → ${values.out}`)
}

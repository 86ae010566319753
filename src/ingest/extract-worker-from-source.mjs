// The extraction worker run from source (tests, benches, `npx tsx src/cli/main.ts`): tsx's loader registered in
// this thread, found from here rather than from the working folder, then the TypeScript worker beside it.
import { register } from 'tsx/esm/api'

register()
await import('./extract-worker.ts')

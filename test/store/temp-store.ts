// A real store file in a fresh temporary folder for each test: the store is tested on the disk it will use.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface TempFolder {
  dir: string
  path(name: string): string
  remove(): Promise<void>
}

export async function tempFolder(): Promise<TempFolder> {
  const dir = await mkdtemp(join(tmpdir(), 'claimtrail-test-'))
  return { dir, path: (name) => join(dir, name), remove: () => rm(dir, { recursive: true, force: true }) }
}

// A real small disk for the full-disk tests: a tmpfs of a few hundred kilobytes mounted on a temporary folder
// (root only; CI and the development machines run as root). Where it cannot be mounted the caller skips and says so.
import { execFileSync } from 'node:child_process'
import { openSync, closeSync, writeSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { tempFolder, type TempFolder } from './temp-store.js'

export interface SmallDisk extends TempFolder {
  /** Fills what is left of the disk with a file; `free()` removes it. */
  fill(): void
  free(): Promise<void>
}

export async function smallDisk(kilobytes: number): Promise<SmallDisk | null> {
  const temp = await tempFolder()
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${kilobytes}k,mode=0700`, 'tmpfs', temp.dir], { stdio: 'ignore' })
  } catch {
    await temp.remove()
    return null
  }
  const filler = temp.path('filler')
  return {
    ...temp,
    fill() {
      const fd = openSync(filler, 'a')
      const block = Buffer.alloc(4096, 120)
      try {
        for (;;) writeSync(fd, block)
      } catch {
        // full
      } finally {
        closeSync(fd)
      }
    },
    free: () => rm(filler, { force: true }),
    async remove() {
      // Lazily: a test that failed may still hold a file open there.
      execFileSync('umount', ['-l', temp.dir], { stdio: 'ignore' })
      await temp.remove()
    },
  }
}

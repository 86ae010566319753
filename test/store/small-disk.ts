// A disk that can be filled on purpose, for the full-disk test: a small tmpfs mounted on a temporary folder (the
// tests run as root, here and in CI), with a filler file that takes all but a chosen number of bytes and is
// deleted to free the space again. Where mounting is not permitted, the server runs under `ulimit -f` instead: every
// file it writes is held to a size, and the writes past it fail as on a full disk (EFBIG rather than ENOSPC).
import { execFile } from 'node:child_process'
import { mkdtemp, rm, rmdir, stat, statfs, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)
const PAGE = 4096

/** How full the disk is to be: bytes left free on the tmpfs, or the size every file is held to under ulimit. */
export interface Room {
  free: number
  fileLimit: number
}

export interface SmallDisk {
  dir: string
  /** What stands in for the full disk, said once in the test's output. */
  how: string
  /** Under ulimit the limit is the server process's own: a fill or a free takes effect when it is started again. */
  restarts: boolean
  /** Set under ulimit while the disk is "full": the size a server started now may write files to. */
  fileLimit: number | undefined
  /** Leaves `room` for the files to grow; under ulimit it takes effect for the next server started. */
  fill(room: Room): Promise<void>
  /** Gives the space back. */
  free(): Promise<void>
  /** Unmounts and removes the folder, whatever happened before. */
  remove(): Promise<void>
}

export async function smallDisk(size: number): Promise<SmallDisk> {
  const dir = await mkdtemp(join(tmpdir(), 'claimtrail-full-disk-'))
  try {
    await run('mount', ['-t', 'tmpfs', '-o', `size=${Math.ceil(size / 1024)}k`, 'tmpfs', dir])
  } catch (error) {
    const why = ((error as { stderr?: string }).stderr || (error as Error).message).trim()
    return underUlimit(
      dir,
      `could not mount a tmpfs (${why}); the server runs under ulimit -f instead (writes past a file size fail with EFBIG)`,
    )
  }
  const filler = join(dir, 'filler')
  return {
    dir,
    how: `a ${Math.ceil(size / 1024)} kB tmpfs filled with a filler file`,
    restarts: false,
    fileLimit: undefined,
    async fill({ free }) {
      await rm(filler, { force: true })
      const { bavail, bsize } = await statfs(dir)
      const bytes = Math.floor((bavail * bsize - free) / PAGE) * PAGE
      if (bytes <= 0) return
      try {
        await writeFile(filler, Buffer.alloc(bytes))
      } catch (error) {
        // The server wrote meanwhile and the disk filled first: give back the room that was asked for.
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error
        const { size: written } = await stat(filler)
        await truncate(filler, Math.max(0, Math.floor((written - free) / PAGE) * PAGE))
      }
    },
    free: () => rm(filler, { force: true }),
    async remove() {
      // A lazy unmount still detaches a tmpfs a straggling process holds open.
      await run('umount', [dir]).catch(() => run('umount', ['-l', dir]))
      await rmdir(dir)
    },
  }
}

function underUlimit(dir: string, how: string): SmallDisk {
  return {
    dir,
    how,
    restarts: true,
    fileLimit: undefined,
    async fill({ fileLimit }) {
      this.fileLimit = fileLimit
    },
    async free() {
      this.fileLimit = undefined
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  }
}

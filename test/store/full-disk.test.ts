// A full disk under a real server (issue 12): articles posted, verdicts and corrections posted, and the store
// file rewritten, each while the disk has no room for them. Writes go on being sent while the disk stays full,
// then the space is freed and a few more are sent. Then the server is killed (or stopped), and the store read
// back from its files must hold every write that was acknowledged; a write the server could not store must
// have been answered with a 5xx saying so, never with a 2xx.

import { statSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from 'chai'
import { ensureBuilt } from '../cli/run.js'
import { type Found, readBack } from './full-disk-check.js'
import { type Decided, Desk, NotStarted, type Tally, tally } from './full-disk-desk.js'
import { type SmallDisk, smallDisk } from './small-disk.js'

// Decisions refused before the space is freed: the disk stays full for a while.
const REFUSALS = 8
const VERDICTS = ['False', 'Unproven', 'Mostly true']

interface Phase extends Found {
  name: string
  written: Tally
  ended: 'killed' | 'stopped'
  brokenPages: string[]
  /** What the phase could not bring about: no write refused on the full disk, or no rewrite of the store file. */
  missed: string | undefined
}

const size = (path: string) => statSync(path, { throwIfNoEntry: false })?.size ?? 0
const inode = (path: string) => statSync(path, { throwIfNoEntry: false })?.ino

/** Sends writes `n = 0, 1, …` from two clients at once until `enough()` or `most` were sent. */
async function keepWriting(write: (n: number) => Promise<unknown>, most: number, enough = () => false): Promise<void> {
  let next = 0
  const client = async () => {
    while (next < most && !enough()) await write(next++)
  }
  await Promise.all([client(), client()])
}

/** The n-th decision of a phase: verdicts on claims and stances of their statements, each by its own name. */
function decision(phase: string, n: number, claims: Array<{ id: string; statements: string[] }>): { decided: Decided; claim: string } {
  const claim = claims[n % claims.length]
  const by = `${phase} desk ${n}`
  if (n % 2 === 0 || !claim.statements.length)
    return { claim: claim.id, decided: { by, action: 'review-claim', target: claim.id, value: VERDICTS[n % VERDICTS.length] } }
  return {
    claim: claim.id,
    decided: { by, action: 'set-stance', target: claim.statements[n % claim.statements.length], value: n % 4 === 1 ? 'deny' : 'assert' },
  }
}

describe('a full disk under a real server', function () {
  this.timeout(180_000)
  let disk: SmallDisk
  const phases: Phase[] = []

  /** Runs one phase on its own store, ends the server as told, frees the disk, and reads the store back. */
  async function phase(name: string, ended: Phase['ended'], run: (desk: Desk, path: string) => Promise<string | undefined>): Promise<void> {
    const path = join(disk.dir, name, 'claimtrail.json')
    const written = tally()
    const desk = new Desk(disk, path, written)
    await desk.start()
    let missed: string | undefined
    let failed: string | undefined
    try {
      missed = await run(desk, path)
    } catch (error) {
      // Started again in the middle of the phase, over what the last one left (under ulimit only).
      if (!(error instanceof NotStarted)) throw error
      failed = error.message
    } finally {
      await (ended === 'killed' ? desk.kill() : desk.stop())
      await disk.free()
    }
    const found = await readBack(path, written)
    if (failed) found.openError ??= failed
    // Every stored article's page, from a server started again over the store.
    let brokenPages: string[]
    try {
      await desk.start()
      brokenPages = await desk.brokenPages(found.articles)
    } catch (error) {
      if (!(error instanceof NotStarted)) throw error
      brokenPages = [error.message]
    } finally {
      await desk.stop()
    }
    phases.push({ name, written, ended, brokenPages, missed, ...found })
    const lost = found.lostArticles.length + found.lostDecisions.length
    const acknowledged = written.articles.size + written.decisions.length
    const damaged = found.damaged.length ? `, ${found.damaged.length} refused but stored without their text` : ''
    console.log(
      `      full disk, ${name}: ${acknowledged} writes acknowledged, ${written.refused.length} refused, ${lost} lost${damaged} (server ${ended})`,
    )
  }

  before(async function () {
    await ensureBuilt.call(this)
    disk = await smallDisk(2 * 1024 * 1024)
    console.log(`      full disk: ${disk.how}`)

    // Articles: their texts and journal lines appended, the store file rewritten every few, until the disk is full.
    // Six times over, freed after four or five refusals in turn: where a write is cut off depends on how the
    // files' last blocks and the posts fall together, so each round meets the full disk at another point.
    await phase('ingest', 'killed', async (desk, path) => {
      let n = 0
      for (; n < 4; n++) await desk.postArticle(n)
      for (let round = 0; round < 6; round++) {
        const refused = desk.written.refused.length
        await desk.fill({ free: 12 * 1024, fileLimit: size(`${path}.texts`) + 12 * 1024 })
        await keepWriting(
          () => desk.postArticle(n++),
          40,
          () => desk.written.refused.length >= refused + 4 + (round % 2),
        )
        await desk.free()
        await keepWriting(() => desk.postArticle(n++), 3)
      }
      return desk.written.refused.length ? undefined : 'no article was refused while the disk was full'
    })

    // Verdicts and corrections: journal lines only, on the claims of a dozen articles.
    await phase('review', 'stopped', async (desk, path) => {
      for (let n = 0; n < 12; n++) await desk.postArticle(n)
      const claims = await desk.claims()
      await desk.fill({ free: 4 * 1024, fileLimit: size(path) })
      let n = 0
      const post = () => {
        const { decided, claim } = decision('review', n++, claims)
        return desk.postDecision(decided, claim)
      }
      await keepWriting(post, 300, () => desk.written.refused.length >= REFUSALS)
      const refused = desk.written.refused.length
      await desk.free()
      await keepWriting(post, 8)
      return refused ? undefined : 'no decision was refused while the disk was full'
    })

    // Compaction: room for the journal to grow to half the store file, and no room to write the store file anew.
    // The server is killed as soon as the store file has been replaced, before a later rewrite could mend it.
    await phase('compaction', 'killed', async (desk, path) => {
      for (let n = 0; n < 30; n++) await desk.postArticle(n)
      const claims = await desk.claims()
      const [store, journal] = [size(path), size(`${path}.journal`)]
      await desk.fill({ free: Math.max(0, store / 2 - journal) + store / 4, fileLimit: store })
      const before = inode(path)
      const rewritten = () => inode(path) !== before
      let freed = false
      for (let n = 0; n < 300 && !rewritten(); n++) {
        const { decided, claim } = decision('compaction', n, claims)
        await desk.postDecision(decided, claim)
        if (!freed && desk.written.refused.length >= REFUSALS) {
          await desk.free()
          freed = true
        }
      }
      return rewritten() ? undefined : `the store file (${store} bytes) was never rewritten`
    })
  })

  after(async () => {
    await disk?.remove()
  })

  it('fills the disk in every phase (the harness works)', () => {
    expect(phases.map((p) => p.name)).to.deep.equal(['ingest', 'review', 'compaction'])
    expect(phases.filter((p) => p.missed).map((p) => `${p.name}: ${p.missed}`)).to.deep.equal([])
  })

  it('answers every write it could not store with a 5xx that says the disk is full', () => {
    const unclear = phases.flatMap((p) =>
      p.written.refused
        .filter((r) => r.status < 500 || r.status > 599 || !/\b(disk|space|full)\b/i.test(r.message))
        .map((r) => `${p.name}, ${r.write}: ${r.status} "${r.message}"`),
    )
    expect(unclear).to.deep.equal([])
  })

  it('opens the store again after each phase, killed or stopped', () => {
    expect(phases.filter((p) => p.openError).map((p) => `${p.name}: ${p.openError}`)).to.deep.equal([])
  })

  it('keeps every acknowledged article with the text that was posted', () => {
    expect(phases.flatMap((p) => p.lostArticles.map((lost) => `${p.name}: ${lost}`))).to.deep.equal([])
  })

  it('stores no article without the text that was sent, even one it refused', () => {
    expect(phases.flatMap((p) => p.damaged.map((damage) => `${p.name}: ${damage}`))).to.deep.equal([])
  })

  it('keeps every acknowledged verdict and correction, and the claims show the last one logged', () => {
    expect(phases.flatMap((p) => p.lostDecisions.map((lost) => `${p.name}: ${lost}`))).to.deep.equal([])
  })

  it('serves the page of every stored article', () => {
    expect(phases.flatMap((p) => p.brokenPages.map((page) => `${p.name}: ${page}`))).to.deep.equal([])
  })
})

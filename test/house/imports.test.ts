// The import rule (README, Layout) is kept by Biome's noRestrictedImports overrides in biome.json: these cases
// show it refuses a crossed import and lets a real web file through, so a rule that stops working fails here.
import { execFile } from 'node:child_process'
import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { expect } from 'chai'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** `biome lint <file>` run from the repository, with its exit code and what it printed. */
async function lint(file: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)('npx', ['biome', 'lint', '--colors=off', file], { cwd: ROOT })
    return { code: 0, output: stdout + stderr }
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string }
    return { code: typeof failed.code === 'number' ? failed.code : 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` }
  }
}

describe('the import rule', function () {
  this.timeout(60_000)

  it('refuses a web file that imports the CLI', async () => {
    const crossed = 'src/web/__crossed.ts'
    try {
      await writeFile(
        join(ROOT, crossed),
        "// Deliberately crossed, for test/house/imports.test.ts.\nimport { parseWorkers } from '../cli/options.js'\n\nexport const crossed = parseWorkers\n",
      )
      const { code, output } = await lint(crossed)
      expect(code).to.not.equal(0)
      expect(output)
        .to.contain('noRestrictedImports')
        .and.to.contain('The web adapts to src/ingest and the store; it never imports the CLI.')
    } finally {
      await rm(join(ROOT, crossed), { force: true })
    }
  })

  it('lets a real web file through', async () => {
    const { code, output } = await lint('src/web/ingest-form.ts')
    expect(output).to.not.contain('noRestrictedImports')
    expect(code).to.equal(0)
  })
})

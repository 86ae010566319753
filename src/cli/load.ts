// The pipeline (compromise: ~0.7 s to load) and the web app are loaded by the commands that use them, so
// `claimtrail export` or `--help` start at once.
export type Pipeline = typeof import('../pipeline/extract.js')
export type Web = typeof import('../web/app.js')

export function loadPipeline(): Promise<Pipeline> {
  return import('../pipeline/extract.js')
}

export function loadWeb(): Promise<Web> {
  return import('../web/app.js')
}

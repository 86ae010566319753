// What a worker needs of the store: a filing verb that, like the JSON store's and the PostgreSQL store's
// addArticles, stores a text once however often it is filed (by its fingerprint). That is what makes a job
// delivered twice (its worker died after filing, before saying so) cost nothing.
import type { ArticleFacts, Decision } from '../store/decisions.js'
import type { ExtractedArticle } from '../store/store.js'
import type { AddResult } from '../store/views.js'

export interface ArticleFiler {
  /** Resolves once the batch is stored for good; an article whose text is stored comes back `added: false`. */
  addArticles(batch: ExtractedArticle[]): Promise<AddResult[]>
  /** The id each text is stored under, if it is: a job delivered again is settled without extracting it again. */
  storedIds?(texts: string[]): Promise<Array<string | undefined>>
  /** A stored article's facts, and the decision that corrects them: a text queued again with other facts. */
  article?(id: string): ArticleFacts | undefined | Promise<ArticleFacts | undefined>
  decide?(decision: Decision, by: string): Promise<unknown>
}

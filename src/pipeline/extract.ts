// The pipeline as a recipe: each line runs one stage.
import type { Article, Extraction } from './types.js'

export function extract(article: Article): Extraction {
  void article
  return { statements: [], claims: [] }
}

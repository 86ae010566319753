// What the web reads from the store, and nothing more. The lowdb Store fits it today; a database backend
// expected later may answer with promises, so every answer may be one and handlers always await.
import type { ExportData } from '../export/json.js'
import type { ClaimLedger, ClaimSummary } from '../store/views.js'

type Answer<T> = T | Promise<T>

export interface WebStore {
  claims(): Answer<ClaimSummary[]>
  claim(id: string): Answer<ClaimLedger | undefined>
  /** The tables the downloads are made from. */
  exportData(): Answer<ExportData>
}

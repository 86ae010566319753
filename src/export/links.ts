// Where a statement is shown: its claim's page, at the statement. The CSV's link column and the article page's
// marks point there.

/** The path of a statement on its claim's page; the colon of an id is kept, as the page's element id has it. */
export function statementPath(statement: { id: string; claim: string }): string {
  return `/claims/${encodeURIComponent(statement.claim)}#statement-${encodeURIComponent(statement.id).replace(/%3A/gi, ':')}`
}

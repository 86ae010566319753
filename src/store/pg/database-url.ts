// A database URL as `--db` gives it: told apart from a store file's path, and shown without its password.

/** `postgres://…` or `postgresql://…`: a database server, not a store file. */
export function isDatabaseUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//i.test(db)
}

/** The URL as messages and logs may show it: never its password. */
export function shownUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return 'the database URL'
  }
}

// Domain errors. They say what is wrong and what to do; the CLI and web edges map them to exit codes and
// HTTP statuses in one table each.

export class ClaimtrailError extends Error {
  constructor(message: string) {
    super(message)
    this.name = new.target.name
  }
}

/** The input cannot be read as an article: missing, empty, binary, not UTF-8, malformed. */
export class InvalidInputError extends ClaimtrailError {}

/** Something asked for does not exist. */
export class NotFoundError extends ClaimtrailError {}

/** The store file cannot be opened, read, parsed or written. */
export class StoreError extends ClaimtrailError {}

/** The input is larger than claimtrail takes (an article past the limit, a body past its size). */
export class TooLargeError extends InvalidInputError {}

/** A write found no room on the disk (or past the file-size limit): nothing of it was stored. */
export class DiskFullError extends StoreError {}

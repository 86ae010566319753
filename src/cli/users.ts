// `claimtrail users …`: who may change the store through the web app and the API. Passwords are typed at a
// prompt that does not echo, or piped in with --password-stdin; API tokens are printed once and kept as hashes.
import { type Command, Option } from 'commander'
import { InvalidInputError } from '../errors.js'
import { isDatabaseUrl } from '../store/pg/database-url.js'
import { addUser, checkName, issueToken, removeUser, revokeToken } from '../users/users.js'
import { readUsers, usersPathFor } from '../users/users-file.js'
import { DEFAULT_DB, dbOption } from './options.js'
import { askPassword, readPasswordStdin } from './password-prompt.js'

interface UsersOptions {
  db: string
  users?: string
}

/** --users FILE, else CLAIMTRAIL_USERS, else beside the store: data/claimtrail.json → data/claimtrail.users.json. */
export function usersOption(): Option {
  return new Option('--users <file>', 'the users file (default: beside the store, e.g. data/claimtrail.users.json)').env('CLAIMTRAIL_USERS')
}

export function usersPath(options: UsersOptions): string {
  // A database has no folder to keep the users file beside: it is the default store's, unless --users says.
  return options.users ?? usersPathFor(isDatabaseUrl(options.db) ? DEFAULT_DB : options.db)
}

export function usersCommand(program: Command): void {
  const users = program.command('users').description('who may sign in to the web app and change the store')
  const withFiles = (command: Command) => command.addOption(dbOption()).addOption(usersOption())

  withFiles(
    users.command('add').argument('<name>').description('add a user; the password is asked (or read from stdin with --password-stdin)'),
  )
    .option('--password-stdin', 'read the password from stdin (for scripts) instead of asking')
    .action(async (name: string, options: UsersOptions & { passwordStdin?: boolean }) => {
      const path = usersPath(options)
      checkName(name)
      if (!options.passwordStdin && !process.stdin.isTTY) {
        throw new InvalidInputError(
          'There is no terminal to ask the password at: pipe it in with --password-stdin, e.g. `printf %s "$PASS" | claimtrail users add NAME --password-stdin`.',
        )
      }
      const password = options.passwordStdin ? await readPasswordStdin() : await askPassword(`Password for ${name}: `)
      const user = await addUser(path, name, password)
      console.log(`Added user ${user.name} to ${path}. The web app now asks for a sign-in before any change.`)
    })

  withFiles(users.command('list').description('every user, with the ids of their API tokens')).action(async (options: UsersOptions) => {
    const path = usersPath(options)
    const data = await readUsers(path)
    if (!data?.users.length) {
      console.log(
        `No users in ${path}: the web app serves this machine only (127.0.0.1), and whoever uses it may change the store. \`claimtrail users add NAME\` adds one.`,
      )
      return
    }
    for (const user of data.users) {
      const tokens = data.tokens.filter((t) => t.user === user.id)
      const shown = tokens.map((t) => `${t.id}${t.revoked ? ' (revoked)' : ''}`).join(', ') || 'none'
      console.log(`${user.name}  added ${user.added.slice(0, 10)}  tokens: ${shown}`)
    }
  })

  withFiles(users.command('remove').argument('<name>').description('remove a user and their API tokens')).action(
    async (name: string, options: UsersOptions) => {
      const path = usersPath(options)
      const { user, tokens } = await removeUser(path, name)
      const left = (await readUsers(path))?.users.length ?? 0
      console.log(
        `Removed user ${user.name}${tokens ? ` and ${tokens} API token${tokens === 1 ? '' : 's'}` : ''}.` +
          (left ? '' : ' No users are left: the web app serves this machine only again.'),
      )
    },
  )

  withFiles(
    users.command('token').argument('<name>').description('issue an API token for a user: printed once, only its hash is kept'),
  ).action(async (name: string, options: UsersOptions) => {
    const { token, record, user } = await issueToken(usersPath(options), name)
    // The token alone on stdout, so `TOKEN=$(claimtrail users token jo)` works; the advice on stderr.
    console.log(token)
    console.error(
      `API token ${record.id} for ${user.name}. It is shown only now: keep it somewhere safe. ` +
        `Send it as "Authorization: Bearer TOKEN"; \`claimtrail users revoke ${record.id}\` ends it.`,
    )
  })

  withFiles(users.command('revoke').argument('<token-id>').description('end an API token (its id is shown by `users list`)')).action(
    async (id: string, options: UsersOptions) => {
      const { record, user } = await revokeToken(usersPath(options), id)
      console.log(`Revoked API token ${record.id} of ${user}. Requests sending it are refused from now on.`)
    },
  )
}

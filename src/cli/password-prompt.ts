// Reading a password: from a terminal without echoing it, or whole from stdin for scripts.
import { InvalidInputError } from '../errors.js'
import { checkPassword } from '../users/passwords.js'

export async function readPasswordStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  // `echo "$PASS" |` adds a line break the user did not type.
  const password = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '')
  if (!password)
    throw new InvalidInputError(
      'stdin held no password: pipe one in, e.g. `printf %s "$PASS" | claimtrail users add NAME --password-stdin`.',
    )
  return checkPassword(password)
}

/** Asks twice at the terminal, echoing nothing, and refuses a mismatch. */
export async function askPassword(question: string): Promise<string> {
  const password = checkPassword(await ask(question))
  if ((await ask('Again, to be sure: ')) !== password)
    throw new InvalidInputError('The two passwords differ: run the command again and type the same one twice.')
  return password
}

function ask(question: string): Promise<string> {
  const input = process.stdin
  process.stderr.write(question)
  input.setRawMode(true)
  input.resume()
  input.setEncoding('utf8')
  let typed = ''
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      input.off('data', onData)
      input.setRawMode(false)
      input.pause()
      process.stderr.write('\n')
      if (error) reject(error)
      else resolve(typed)
    }
    const onData = (keys: string) => {
      for (const key of keys) {
        if (key === '\r' || key === '\n' || key === '\u0004') return done()
        if (key === '\u0003') return done(new InvalidInputError('Cancelled: no user was added.'))
        if (key === '\u007f' || key === '\b') typed = [...typed].slice(0, -1).join('')
        else typed += key
      }
    }
    input.on('data', onData)
  })
}

// One of the processes lock-race.test.ts sets racing: at the instant the test names, it tries to lock the store;
// holding it, it writes "take <round> <pid>" to the shared log (O_APPEND), and "let <round> <pid>" before letting go.
import { appendFileSync } from 'node:fs'
import { lockStore, unlockStore } from '../../src/store/lock.js'

interface Go {
  round: number
  store: string
  log: string
  at: number
}

let holding: Go | undefined

process.on('message', (message: Go | { release: number }) => {
  if ('release' in message) {
    if (holding) {
      appendFileSync(holding.log, `let ${holding.round} ${process.pid}\n`)
      unlockStore(holding.store)
      holding = undefined
    }
    process.send!({ released: message.release })
    return
  }
  setTimeout(
    () => {
      while (Date.now() < message.at) {
        // the last milliseconds spun, so that every racer starts at the same instant
      }
      try {
        lockStore(message.store)
        holding = message
        appendFileSync(message.log, `take ${message.round} ${process.pid}\n`)
        process.send!({ round: message.round, held: true })
      } catch (error) {
        process.send!({ round: message.round, held: false, message: (error as Error).message })
      }
    },
    Math.max(0, message.at - Date.now() - 5),
  )
})
process.send!({ ready: true })

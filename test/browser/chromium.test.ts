import { expect } from 'chai'
import { chromiumPath } from './harness.js'

describe('finding Chromium for the browser tests', () => {
  it('fails, saying how to install it, when there is none', () => {
    const saved = { path: process.env.PATH, chromium: process.env.CHROMIUM_PATH }
    try {
      delete process.env.CHROMIUM_PATH
      process.env.PATH = '/nonexistent'
      expect(() => chromiumPath()).to.throw('run `apt-get install -y chromium`')
    } finally {
      process.env.PATH = saved.path
      if (saved.chromium !== undefined) process.env.CHROMIUM_PATH = saved.chromium
    }
  })
})

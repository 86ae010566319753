// Merging and splitting speakers from the speaker page, on a real store file: what a researcher does when the
// store has split one person over two records, or filed someone else under a person's name. Every change is
// logged with who made it; a bad form is refused with a message that names the fix, and nothing changes.
import { expect } from 'chai'
import request from 'supertest'
import { createApp } from '../../src/web/app.js'
import { HARBOUR_ARTICLE, harbourExtraction, storeWith } from './fixture.js'
import { poster } from './poster.js'
import { MINISTRY_ARTICLE, ministryExtraction } from './speakers-fixture.js'

describe('merging and splitting speakers on the speaker page', () => {
  let fixture: Awaited<ReturnType<typeof storeWith>>
  let app: ReturnType<typeof createApp>
  let post: Awaited<ReturnType<typeof poster>>
  beforeEach(async () => {
    fixture = await storeWith([
      [HARBOUR_ARTICLE, harbourExtraction()],
      [MINISTRY_ARTICLE, ministryExtraction()],
    ])
    app = createApp({ store: fixture.store })
    post = await poster(app)
  })
  afterEach(() => fixture.cleanup())

  it('offers both forms, with the names to split off', async () => {
    const html = (await request(app).get('/speakers/zhao-lijian').expect(200)).text
    expect(html).to.include('action="/speakers/zhao-lijian/merge"')
    expect(html).to.include('action="/speakers/zhao-lijian/split"')
    expect(html).to.include('<option>Zhao</option>')
    expect(html).to.match(/name="_csrf" value="[^"]+"/)
  })

  it('merges a speaker into another named by name, moving its statements, and logs who did it', async () => {
    const res = await post('/speakers/tom-reyes/merge').type('form').send({ into: 'Ana Ruiz', by: 'Jo' }).expect(303)
    expect(res.headers.location).to.equal('/speakers/ana-ruiz?done=merged')
    const page = (await request(app).get(res.headers.location).expect(200)).text
    expect(page).to.include('The speakers are merged')
    expect(page).to.include('no offer was on the table')
    expect((await fixture.store.speaker('tom-reyes'))!.id).to.equal('ana-ruiz')
    await request(app).get('/speakers/tom-reyes').expect(301).expect('Location', '/speakers/ana-ruiz')
    const log = await fixture.store.decisions()
    expect(log.at(-1)).to.deep.include({ by: 'Jo', action: 'merge-speakers' })
    expect(log.at(-1)!.detail).to.deep.include({ into: 'ana-ruiz', from: 'tom-reyes' })
  })

  it('splits a name off into a speaker of its own, with the statements written with it', async () => {
    const res = await post('/speakers/zhao-lijian/split').type('form').send({ alias: 'Zhao', by: 'Jo' }).expect(303)
    const created = decodeURIComponent(res.headers.location.replace(/^\/speakers\//, '').replace(/\?done=split$/, ''))
    expect(created).not.to.equal('zhao-lijian')
    const page = (await request(app).get(res.headers.location).expect(200)).text
    expect(page).to.include('The name is now a speaker of its own')
    expect((await fixture.store.quotesBy(created)).length).to.equal(2)
    expect((await fixture.store.quotesBy('zhao-lijian')).length).to.equal(1)
    expect((await fixture.store.speaker('zhao-lijian'))!.aliases).not.to.include('Zhao')
  })

  const refused: Array<[string, string, Record<string, string>, string]> = [
    ['no name of who did it', '/speakers/tom-reyes/merge', { into: 'ana-ruiz' }, 'Say who you are'],
    ['no speaker to merge into', '/speakers/tom-reyes/merge', { by: 'Jo' }, 'Give the speaker to merge this one into'],
    ['an unknown speaker', '/speakers/tom-reyes/merge', { into: 'Nobody Here', by: 'Jo' }, 'No speaker is called &#34;Nobody Here&#34;'],
    ['itself', '/speakers/tom-reyes/merge', { into: 'tom-reyes', by: 'Jo' }, 'is this speaker'],
    [
      'a name it was never written with',
      '/speakers/zhao-lijian/split',
      { alias: 'Mao', by: 'Jo' },
      '&#34;Mao&#34; is not a name Zhao Lijian was written with',
    ],
  ]
  for (const [what, path, body, message] of refused) {
    it(`refuses ${what} with a 400 that names the fix, changing nothing`, async () => {
      const before = JSON.stringify(await fixture.store.speakers())
      const res = await post(path).type('form').send(body).expect(400)
      expect(res.text).to.include(message)
      expect(JSON.stringify(await fixture.store.speakers())).to.equal(before)
    })
  }

  it('refuses a form without its token, changing nothing', async () => {
    await request(app).post('/speakers/tom-reyes/merge').type('form').send({ into: 'ana-ruiz', by: 'Jo' }).expect(403)
    expect((await fixture.store.speaker('tom-reyes'))!.id).to.equal('tom-reyes')
  })

  it('answers 404 for a speaker that is not there', async () => {
    await post('/speakers/nobody/merge').type('form').send({ into: 'ana-ruiz', by: 'Jo' }).expect(404)
  })
})

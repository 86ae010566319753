// One speaker across articles: the ways outlets write a name are one record with aliases, roles are kept with
// the dates they were seen, and anonymous sources stay apart. Articles invented for the test, run through the
// real pipeline into a real store file.
import { expect } from 'chai'
import type { Store } from '../../src/store/store.js'
import { extracted, type TempFolder, tempFolder } from './temp-store.js'

const article = extracted

describe('Store: one speaker across articles', () => {
  let temp: TempFolder
  let store: Store
  beforeEach(async () => {
    temp = await tempFolder()
    store = await temp.open(temp.path('claimtrail.json'))
  })
  afterEach(() => temp.remove())

  const named = (name: string) => store.speakers().filter((s) => !s.mergedInto && (s.name === name || s.aliases.includes(name)))

  it('files "Donald J. Trump", "Donald Trump", "Mr. Trump" and "Trump" under one speaker', async () => {
    await store.addArticles([
      article('Donald J. Trump said the wall would be paid for by Mexico.', '2016-08-01', 'Herald'),
      article('Mr. Trump said the wall would be built next year.', '2016-08-02', 'Courier'),
      article('Donald Trump told reporters on Monday that the wall was coming.', '2016-08-03', 'Ledger'),
      article('Trump said on Tuesday that the polls were wrong.', '2016-08-04', 'Post'),
    ])
    const trumps = store.speakers().filter((s) => !s.mergedInto && /Trump/.test(s.name))
    expect(trumps.map((s) => s.name)).to.deep.equal(['Donald J. Trump'])
    expect(trumps[0].aliases).to.include.members(['Mr. Trump', 'Donald Trump', 'Trump'])
    expect(store.quotesBy(trumps[0].id)).to.have.length(4)
  })

  it('hands a bare surname filed first to the first full name that bears it', async () => {
    await store.addArticles([
      article('Mr. Peskov said the talks had stalled.', '2022-03-01', 'Herald'),
      article('Dmitry Peskov said the talks would go on.', '2022-03-02', 'Courier'),
    ])
    const [peskov] = named('Dmitry Peskov')
    expect(peskov.aliases).to.include('Peskov')
    expect(store.quotesBy(peskov.id)).to.have.length(2)
    expect(store.statements().every((s) => s.speakerId === peskov.id)).to.equal(true)
  })

  it('keeps a bare surname apart when two bearers are quoted alike', async () => {
    await store.addArticles([
      article('Bill Clinton said the economy was strong.', '2016-08-01', 'Herald'),
      article('Hillary Clinton said the economy was fragile.', '2016-08-02', 'Courier'),
      article('Clinton said the race was close.', '2016-08-03', 'Ledger'),
    ])
    expect(named('Bill Clinton')[0].aliases).not.to.include('Clinton')
    expect(named('Hillary Clinton')[0].aliases).not.to.include('Clinton')
  })

  it('keeps every role with the dates it was seen', async () => {
    await store.addArticles([
      article('Kremlin spokesperson Dmitry Peskov said the talks had stalled.', '2022-03-01', 'Herald'),
      article('Dmitry Peskov, the Kremlin spokesman, told reporters the talks would go on.', '2022-03-09', 'Courier'),
      article('Kremlin spokesperson Dmitry Peskov said the talks were over.', '2022-03-20', 'Ledger'),
    ])
    const [peskov] = named('Dmitry Peskov')
    expect(peskov.roles).to.deep.include({ role: 'Kremlin spokesperson', firstSeen: '2022-03-01', lastSeen: '2022-03-20' })
    expect(peskov.roles).to.deep.include({ role: 'Kremlin spokesman', firstSeen: '2022-03-09', lastSeen: '2022-03-09' })
  })

  it('never merges anonymous sources across articles', async () => {
    await store.addArticles([
      article('A senior official said the talks had stalled.', '2022-03-01', 'Herald'),
      article('A senior official said the talks would go on.', '2022-03-02', 'Courier'),
    ])
    const officials = store.speakers().filter((s) => s.type === 'anonymous')
    expect(officials).to.have.length(2)
  })

  it('files a middle name and a short form under one person, a "Jr." apart', async () => {
    await store.addArticles([
      article('Hillary Rodham Clinton said the plan would help families.', '2016-08-01', 'Herald'),
      article('Hillary Clinton said the plan was paid for.', '2016-08-02', 'Courier'),
      article('Joseph R. Biden said the bill would pass.', '2016-08-03', 'Ledger'),
      article('Joe Biden said the vote would be close.', '2016-08-04', 'Post'),
      article('Donald Trump said the rally was the biggest yet.', '2016-08-05', 'Herald'),
      article('Donald Trump Jr. said his father would win Ohio.', '2016-08-06', 'Courier'),
    ])
    expect(named('Hillary Clinton')).to.have.length(1)
    expect(store.quotesBy(named('Hillary Clinton')[0].id)).to.have.length(2)
    expect(store.quotesBy(named('Joe Biden')[0].id)).to.have.length(2)
    const junior = store.speakers().find((s) => /Trump Jr/.test(s.name))
    expect(junior?.mergedInto ?? junior?.id).not.to.equal(named('Donald Trump')[0].id)
  })

  it('keeps a pronoun it could not resolve inside its article', async () => {
    await store.addArticles([
      article('He said the talks had stalled.', '2022-03-01', 'Herald'),
      article('He said the talks would go on.', '2022-03-02', 'Courier'),
    ])
    const he = store.speakers().filter((s) => s.name === 'He')
    expect(he).to.have.length(2)
  })

  it('does not let a surname written for one bearer claim the next bare surname', async () => {
    await store.addArticles([
      article('Eric Trump spoke at the rally on Monday. Trump said the crowd was huge.', '2016-08-01', 'Herald'),
      article('Donald Trump said the polls were rigged.', '2016-08-02', 'Courier'),
      article('Donald Trump said the debate was unfair.', '2016-08-03', 'Ledger'),
      article('Donald Trump said the debate moderators were biased.', '2016-08-04', 'Ledger'),
      article('Donald Trump told voters the election was rigged.', '2016-08-05', 'Ledger'),
      article('Trump said the media were dishonest.', '2016-08-06', 'Post'),
    ])
    const last = store.statements().find((s) => s.content.some((c) => c.text.includes('media were dishonest')))
    expect(store.speaker(last!.speakerId!)?.name).to.equal('Donald Trump')
  })

  it('files a capital speaking for its country under the country', async () => {
    await store.addArticles([
      article('Beijing said the sanctions were illegal.', '2022-03-01', 'Herald'),
      article('China said the talks would go on.', '2022-03-02', 'Courier'),
    ])
    const [china] = named('China')
    expect(china.type).to.equal('country')
    expect(china.aliases).to.include('Beijing')
    expect(store.quotesBy(china.id)).to.have.length(2)
  })

  it('files a run ending in a known full name under that person', async () => {
    await store.addArticles([
      article('Hillary Clinton said the plan would help families.', '2016-08-01', 'Herald'),
      article('CLEVELAND - Hillary Clinton said on Monday the plan was paid for.', '2016-08-02', 'Courier'),
    ])
    expect(
      store
        .speakers()
        .filter((s) => s.type === 'person')
        .map((s) => s.name),
    ).to.deep.equal(['Hillary Clinton'])
  })

  it('keeps an institution named only by what it is inside its article', async () => {
    await store.addArticles([
      article('The ministry said the report was false.', '2022-03-01', 'Herald'),
      article('The ministry said the talks would go on.', '2022-03-02', 'Courier'),
    ])
    const ministries = store.speakers().filter((s) => s.name === 'ministry')
    expect(ministries.map((s) => s.type)).to.deep.equal(['organization', 'organization'])
  })

  it('files a fragment before a surname ("On Trump") as the surname, under its best-known bearer', async () => {
    await store.addArticles([
      article('Donald Trump said the wall would be built.', '2016-08-01', 'Herald'),
      article('Donald Trump said the polls were wrong.', '2016-08-02', 'Courier'),
      article('Donald Trump said the debate was rigged.', '2016-08-03', 'Courier'),
      article('On Trump said the rally was the biggest ever.', '2016-08-04', 'Ledger'),
    ])
    expect(
      store
        .speakers()
        .filter((s) => !s.mergedInto && s.type === 'person')
        .map((s) => s.name),
    ).to.deep.equal(['Donald Trump'])
  })
})

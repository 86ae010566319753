// Statements filed under claims: denials that point back are filed under the claim they deny.
import { expect } from 'chai'
import { extract } from '../../src/pipeline/extract.js'

const claimOf = (text: string, contentIncludes: string) => {
  const out = extract({ text })
  const s = out.statements.find((x) => x.content.some((c) => c.text.includes(contentIncludes)))
  return { s, out }
}

describe('fileClaims', () => {
  it('files a denial of "the report" under the reported claim', () => {
    const text =
      'The mayor accepted gifts from a developer, according to a report by the city auditor.\n\nThe mayor denied the report on Friday.\n\nThe stadium will open next year, the team said.'
    const { s: said } = claimOf(text, 'accepted gifts')
    const { s: denied } = claimOf(text, 'the report')
    expect(denied?.stance).to.equal('deny')
    expect(denied?.claim).to.equal(said?.claim)
  })

  it('files "such a request" under the claim that made the request, not one naming it by a possessive', () => {
    const text =
      'Moscow asked Beijing for drones and ammunition, according to two Western officials.\n\n' +
      'Moscow’s request reportedly came days before the leaders met in Rome.\n\n' +
      'Beijing denied the existence of such a request.'
    const { s: asked } = claimOf(text, 'drones and ammunition')
    const { s: denied } = claimOf(text, 'such a request')
    expect(denied?.stance).to.equal('deny')
    expect(denied?.claim).to.equal(asked?.claim)
  })

  it('gives an unrelated statement a claim of its own', () => {
    const text =
      'The mayor accepted gifts from a developer, according to a report by the city auditor.\n\nThe stadium will open next year, the team said.'
    const { s: a } = claimOf(text, 'accepted gifts')
    const { s: b } = claimOf(text, 'stadium')
    expect(a?.claim).to.not.equal(b?.claim)
  })

  it('files two wordings of one claim together', () => {
    const text =
      'The army withdrew its troops from the border town, officials said.\n\nThe army has withdrawn troops from the border town, according to the governor.'
    const out = extract({ text })
    const officials = out.statements.find((s) => s.speaker?.name === 'officials')
    const governor = out.statements.find((s) => s.speaker?.name === 'governor')
    expect(officials?.cue?.text).to.equal('said')
    expect(governor?.cue?.text).to.equal('according to')
    expect(officials!.claim).to.equal(governor!.claim)
  })

  const BUSES =
    'Mayor says city will ban diesel buses by 2030\n\nThe city will ban diesel buses by 2030, Mayor Ana Ruiz said on Monday.\n\nThe ban will cost about $80 million, her office said.'
  const ONE_ARTICLE: Array<{ why: string; text: string; a: string; b: string; same: boolean }> = [
    {
      why: 'a headline and the statement it sums up',
      same: true,
      text: BUSES,
      a: 'city will ban diesel buses',
      b: 'The city will ban diesel buses',
    },
    {
      why: 'a quote and its paraphrase',
      same: true,
      text: '"We will not raise the pension age," the prime minister said on Tuesday.\n\nThe prime minister said the government would not raise the pension age this term.',
      a: 'We will not raise',
      b: 'the government would not raise',
    },
    { why: 'what a plan is and what it costs', same: false, text: BUSES, a: 'The city will ban diesel buses', b: 'The ban will cost' },
    {
      why: 'one place, other numbers, other events',
      same: false,
      text: 'The storm killed 12 people in the north, police said.\n\nThe floods left 340 people homeless in the north, the Red Cross said.',
      a: 'The storm killed',
      b: 'The floods left',
    },
  ]
  for (const row of ONE_ARTICLE) {
    it(`${row.same ? 'files as one claim' : 'keeps apart'} ${row.why} in one article`, () => {
      const out = extract({ text: row.text })
      const find = (start: string) => out.statements.find((x) => x.content[0]?.text.startsWith(start))
      const [a, b] = [find(row.a), find(row.b)]
      expect(a, row.a).to.not.equal(undefined)
      expect(b, row.b).to.not.equal(undefined)
      expect(a!.claim === b!.claim).to.equal(row.same)
    })
  }

  it('a denial with nothing to point back to makes its own claim', () => {
    const out = extract({ text: 'The senator denied any wrongdoing.' })
    expect(out.claims).to.have.length(1)
    expect(out.statements[0]).to.include({ stance: 'deny', claim: out.claims[0].id })
  })

  const REFERS_BACK: Array<{ why: string; text: string; claimed: string; reply: string; stance: string }> = [
    {
      why: '"dismissed those allegations"',
      text: 'The contractor overbilled the city for the repairs, according to a lawsuit filed by residents.\n\nThe company dismissed those allegations on Monday.',
      claimed: 'overbilled the city',
      reply: 'those allegations',
      stance: 'deny',
    },
    {
      why: '"denied the claim as preposterous"',
      text: 'The governor said the senator had taken money from the casino lobby.\n\nThe senator has denied the claim as preposterous.',
      claimed: 'taken money',
      reply: 'the claim',
      stance: 'deny',
    },
    {
      why: '"rejected the report"',
      text: "The plant leaked chemicals into the river for months, the Daily Ledger reported.\n\nThe plant's owner rejected the report.",
      claimed: 'leaked chemicals',
      reply: 'the report',
      stance: 'deny',
    },
    {
      why: '"confirmed it"',
      text: 'The team will move to Portland next year, two people familiar with the plan said.\n\nThe owner confirmed it on Tuesday.',
      claimed: 'move to Portland',
      reply: 'it',
      stance: 'confirm',
    },
  ]
  for (const row of REFERS_BACK) {
    it(`links ${row.why} to the claim it answers, with a confidence`, () => {
      const { s: said, out } = claimOf(row.text, row.claimed)
      const reply = out.statements.find((x) => x.content.some((c) => c.text.startsWith(row.reply)) && x !== said)
      expect(reply, JSON.stringify(out.statements.map((x) => [x.stance, x.content.map((c) => c.text)]))).to.exist
      expect(reply!.stance).to.equal(row.stance)
      expect(reply!.claim).to.equal(said!.claim)
      expect(reply!.link.how).to.equal('refers-back')
      expect(reply!.link.confidence).to.be.within(0.5, 0.95)
    })
  }

  it('files "declined to comment" with stance decline, never as an assertion', () => {
    const out = extract({ text: 'The deal was worth $4 billion, analysts said.\n\nA spokeswoman for the bank declined to comment.' })
    const declined = out.statements.find((s) => s.cue?.text === 'declined')
    expect(declined?.stance).to.equal('decline')
  })

  it('keeps a refusal to comment that another statement reports, as its own statement', () => {
    const out = extract({
      text: 'The deal was worth $4 billion, analysts said.\n\nThe newspaper reported that a spokeswoman for the bank declined to comment.',
    })
    const declined = out.statements.find((s) => s.cue?.text === 'declined')
    expect(declined?.stance, JSON.stringify(out.statements.map((s) => [s.cue?.text, s.stance]))).to.equal('decline')
  })

  it('marks a statement that opens a claim as new, and a rewording as the same words', () => {
    const text =
      'The army withdrew its troops from the border town, officials said.\n\nThe army has withdrawn troops from the border town, according to the governor.'
    const out = extract({ text })
    const governor = out.statements.find((s) => s.speaker?.name === 'governor')!
    const opener = out.statements.find((s) => s.claim === governor.claim)!
    expect(opener.link).to.deep.equal({ how: 'new', confidence: 1 })
    expect(governor.link.how).to.equal('same-words')
    expect(governor.link.confidence).to.be.within(0.75, 1)
  })
})

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
    const text = 'The mayor accepted gifts from a developer, according to a report by the city auditor.\n\nThe mayor denied the report on Friday.\n\nThe stadium will open next year, the team said.'
    const { s: said } = claimOf(text, 'accepted gifts')
    const { s: denied } = claimOf(text, 'the report')
    expect(denied?.stance).to.equal('deny')
    expect(denied?.claim).to.equal(said?.claim)
  })

  it('gives an unrelated statement a claim of its own', () => {
    const text = 'The mayor accepted gifts from a developer, according to a report by the city auditor.\n\nThe stadium will open next year, the team said.'
    const { s: a } = claimOf(text, 'accepted gifts')
    const { s: b } = claimOf(text, 'stadium')
    expect(a?.claim).to.not.equal(b?.claim)
  })

  it('files two wordings of one claim together', () => {
    const text = 'The army withdrew its troops from the border town, officials said.\n\nThe army has withdrawn troops from the border town, according to the governor.'
    const out = extract({ text })
    const officials = out.statements.find((s) => s.speaker?.name === 'officials')
    const governor = out.statements.find((s) => s.speaker?.name === 'governor')
    expect(officials?.cue?.text).to.equal('said')
    expect(governor?.cue?.text).to.equal('according to')
    expect(officials!.claim).to.equal(governor!.claim)
  })

  it('a denial with nothing to point back to makes its own claim', () => {
    const out = extract({ text: 'The senator denied any wrongdoing.' })
    expect(out.claims).to.have.length(1)
    expect(out.statements[0]).to.include({ stance: 'deny', claim: out.claims[0].id })
  })
})

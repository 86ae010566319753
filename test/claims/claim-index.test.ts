// One claim across articles: invented reports of invented events, each filed through the index as a new article's claim.
import { expect } from 'chai'
import { ClaimIndex, type ClaimStatement } from '../../src/claims/claim-index.js'
import { entities } from '../../src/claims/terms.js'

let n = 0
const said = (
  content: string,
  speaker: ClaimStatement['speaker'],
  date: string,
  stance: ClaimStatement['stance'] = 'assert',
): ClaimStatement => ({ id: `s${++n}`, content, speaker, stance, date })
const person = (name: string) => ({ name, type: 'person' as const })

/** An index holding the first outlet's report that the port deal was signed, and two unrelated claims. */
function portIndex(): ClaimIndex {
  const index = new ClaimIndex()
  index.add('harbour', [
    said(
      'the Meridian Shipping Company had signed a $40 million contract to expand the Kelso harbour by 2027',
      person('Anna Varga'),
      '2024-03-04',
    ),
  ])
  index.add('bridge', [
    said('the Kelso council will close the old river bridge for repairs next spring', person('Tom Reyes'), '2024-02-20'),
  ])
  index.add('school', [said('teachers in the district would strike on Monday unless pay talks resume', person('Lena Ortiz'), '2024-03-01')])
  return index
}

describe('ClaimIndex', () => {
  it("files a second outlet's differently worded report under the stored claim", () => {
    const match = portIndex().match([
      said('Meridian Shipping signed a contract worth $40 million to expand Kelso harbour by 2027', person('Varga'), '2024-03-05'),
    ])
    expect(match?.claimId).to.equal('harbour')
    expect(match!.confidence).to.be.within(0.6, 1)
  })

  it("files a third outlet's denial under the same claim: stance does not separate", () => {
    const index = portIndex()
    index.add('harbour', [
      said('Meridian Shipping signed a contract worth $40 million to expand Kelso harbour by 2027', person('Varga'), '2024-03-05'),
    ])
    const denial = said(
      'that Meridian Shipping had signed any contract to expand the Kelso harbour',
      { name: 'Meridian Shipping', type: 'organization' },
      '2024-03-06',
      'deny',
    )
    expect(index.match([denial])?.claimId).to.equal('harbour')
  })

  it('keeps apart a related claim that shares the names but says something else', () => {
    const other = said('Meridian Shipping will cut 300 jobs at its Kelso harbour office this year', person('Anna Varga'), '2024-03-05')
    expect(portIndex().match([other])).to.equal(null)
  })

  it('gives a claim made again months later less confidence than the same claim a day later', () => {
    const index = portIndex()
    const wording = 'Meridian Shipping signed a contract worth $40 million to expand Kelso harbour by 2027'
    const soon = index.rank([said(wording, person('Varga'), '2024-03-05')])[0]
    const late = index.rank([said(wording, person('Varga'), '2024-11-20')])[0]
    expect(soon.claimId).to.equal('harbour')
    expect(late.claimId).to.equal('harbour')
    expect(late.confidence).to.be.below(soon.confidence)
  })

  it('counts an anonymous speaker as no entity, a named one as an entity', () => {
    expect([...entities('the strike would go ahead', { name: 'officials', type: 'anonymous' })]).to.deep.equal([])
    expect([...entities('the strike would go ahead', { name: 'observers', type: 'group' })]).to.deep.equal([])
    expect([...entities('the strike would go ahead', person('Lena Ortiz'))]).to.have.members(['@lena', '@ortiz'])
  })

  it('does not link two anonymous "officials" statements on different subjects', () => {
    const index = new ClaimIndex()
    index.add('a', [
      said('the talks on the fishing quota would continue next week', { name: 'officials', type: 'anonymous' }, '2024-05-01'),
    ])
    expect(
      index.match([said('the new airport terminal would open next week', { name: 'officials', type: 'anonymous' }, '2024-05-01')]),
    ).to.equal(null)
  })

  it("moves, merges and removes statements for a reviewer's decisions", () => {
    const index = portIndex()
    const report = said(
      'Meridian Shipping signed a contract worth $40 million to expand Kelso harbour by 2027',
      person('Varga'),
      '2024-03-05',
    )
    index.add('harbour-2', [report])
    index.merge('harbour-2', 'harbour')
    expect(index.claimOf(report.id)).to.equal('harbour')
    index.move(report.id, 'elsewhere')
    expect(index.statementsOf('elsewhere')).to.deep.equal([report.id])
    for (const id of index.statementsOf('harbour')) index.remove(id)
    index.remove(report.id)
    expect(index.match([report])).to.equal(null)
    expect(index.size.claims).to.equal(2)
  })

  it('scores only a capped number of candidates however large the index', () => {
    const index = new ClaimIndex({ maxCandidates: 50 })
    for (let i = 0; i < 2000; i++)
      index.add(`c${i}`, [said(`the council will review the budget for district ${i} next year`, person('Tom Reyes'), '2024-01-10')])
    const ranked = index.rank([said('the council will review the budget next year', person('Reyes'), '2024-01-11')])
    expect(ranked.length).to.be.at.most(50)
  })

  it('scores the pairs sharing most words first when a claim is stored many times over', () => {
    const index = portIndex()
    // Sixty stored reports share two words with the new one; one shares most of its words.
    for (let i = 0; i < 60; i++)
      index.add(`port-${i}`, [said(`the Kelso harbour ferry timetable changes for route ${i}`, person('Tom Reyes'), '2024-03-01')])
    const report = said(
      'Meridian Shipping signed a contract worth $40 million to expand Kelso harbour by 2027',
      person('Varga'),
      '2024-03-05',
    )
    const scored = index.candidates([report])
    expect(scored.length).to.be.at.most(index.options.maxScored)
    expect(index.match([report])?.claimId).to.equal('harbour')
  })
})

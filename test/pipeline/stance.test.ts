// The stance stage (src/pipeline/stages/15-stance.ts): the stance model and its rules read the cue, the content and the
// words around them. Sentences in the shape of real news reports, written for this table; the assert rows are
// the look-alikes a cue-only reading gets wrong or a keyword reading would.
import { expect } from 'chai'
import { extract } from '../../src/pipeline/extract.js'
import { stanceFeatures } from '../../src/pipeline/learned/stance-features.js'
import { ruledStance } from '../../src/pipeline/learned/stance-rules.js'
import { STANCE_MODEL } from '../../src/pipeline/learned/stance-weights.js'

const stanceOfContent = (text: string, content: string) => {
  const s = extract({ text, published: '2024-05-01' }).statements.find((x) => x.content.some((c) => c.text.includes(content)))
  return s?.stance
}

describe('stance', () => {
  const TABLE: Array<[string, string, string]> = [
    // Denials: a denial verb with a claim for its object, a claim called false in a quote, a labelled accusation.
    ['deny', 'The ministry denied that its troops had crossed the border on Sunday.', 'its troops had crossed'],
    ['deny', 'The plant leaked chemicals into the river, the paper reported.\n\nThe owner rejected the report.', 'the report'],
    ['deny', '"That is simply untrue," a spokesman for the ministry said on Tuesday.', 'simply untrue'],
    ['deny', 'The embassy accused Washington of spreading disinformation about the talks.', 'spreading disinformation'],
    ['deny', 'The campaign called the allegations fabricated by a disgruntled former aide.', 'the allegations'],
    ['deny', 'The company disputed the figures published by the regulator.', 'the figures'],
    // The speaker's own denial in a quote; a denial verb after what it denies.
    ['deny', '"We categorically reject these allegations," the foreign ministry said in a statement.', 'reject these allegations'],
    ['deny', '"The troops never crossed the border," the ministry denied on Sunday.', 'never crossed the border'],
    // A denial of involvement; a claim, named as one, called false; a quote calling something a fabrication.
    ['deny', 'Saudi officials deny any links to terrorism groups, but critics point to the charities.', 'any links'],
    ['deny', 'The Kremlin has denied involvement in the poisoning of the opposition leader.', 'involvement'],
    ['deny', '"These claims are baseless," a spokesperson for the foreign ministry said.', 'claims are baseless'],
    ['deny', 'The FBI director said those statements were wrong during a hearing last week.', 'statements were wrong'],
    ['deny', 'Beijing denied the report, saying it was "pure fabrication."', 'pure fabrication'],
    // Declines.
    ['decline', 'A spokeswoman for the bank declined to comment on the inquiry.', 'to comment'],
    ['decline', 'A lawyer for the former minister declined to comment when reached by phone on Friday.', 'to comment'],
    ['decline', 'The aides declined to say whether the governor knew of the payments.', 'to say whether'],
    // Confirmations.
    [
      'confirm',
      'Two people familiar with the talks said the deal was close.\n\nA company spokesman confirmed that the talks had taken place.',
      'the talks had taken place',
    ],
    // Look-alikes that assert.
    ['assert', 'The senate rejected the budget plan by a wide margin on Thursday.', 'the budget plan'],
    ['assert', 'The mayor declined to endorse either candidate in the runoff.', 'to endorse'],
    ['assert', 'The country is heading in the wrong direction, the opposition leader said.', 'heading in the wrong direction'],
    ['assert', 'The minister said the bridge would reopen in the spring.', 'the bridge would reopen'],
    ['assert', '"We will never give up on this city," the mayor said.', 'never give up'],
  ]
  for (const [stance, text, content] of TABLE) {
    it(`${stance}: ${text.replace(/\n+/g, ' ').slice(0, 70)}`, () => {
      expect(stanceOfContent(text, content)).to.equal(stance)
    })
  }

  it('reads an admission that something was wrong as no denial', () => {
    const text = 'The minister admitted that the figures in his report were wrong.'
    expect(stanceOfContent(text, 'figures in his report')).to.be.oneOf(['confirm', 'assert'])
  })

  it('yields no statement, and so no stance, from a sentence that reports nobody', () => {
    expect(extract({ text: 'The river rose two metres overnight and the bridge was closed.' }).statements).to.deep.equal([])
  })

  it('settles the rule patterns before the model, and leaves the rest to it', () => {
    const text = 'The company rejected the plan to close the plant.'
    const features = stanceFeatures(text, { start: 12, end: 20 }, [{ start: 21, end: 49 }])
    expect(features).to.include('cue:deny').and.include('open:plan')
    expect(ruledStance(features)).to.equal(null)
    expect(ruledStance(stanceFeatures('The firm denied the report.', { start: 9, end: 15 }, [{ start: 16, end: 26 }]))).to.equal('deny')
  })

  it('ships its weights with their provenance', () => {
    expect(Object.keys(STANCE_MODEL.weights).length).to.be.above(100)
    expect(String(STANCE_MODEL.provenance?.trainedOn)).to.match(/data\/eval\/stance\.jsonl \(\d+ dev attributions/)
  })
})

describe('answered claims', () => {
  it('files a bare-quote denial under the claim of the paragraph before, though it shares no word with it', () => {
    const text =
      'The health ministry hid the true number of hospital deaths for months, two former officials told the newspaper.\n\n"It is a made-up story," the ministry said in a statement.'
    const out = extract({ text })
    const claim = out.statements.find((s) => s.content.some((c) => c.text.includes('hospital deaths')))
    const denial = out.statements.find((s) => s.content.some((c) => c.text.includes('made-up story')))
    expect(denial?.stance).to.equal('deny')
    expect(denial?.claim).to.equal(claim?.claim)
    expect(denial?.link.how).to.equal('answers')
  })

  it('files a denial under the earlier claim its sentence shares the rarer words with', () => {
    const text = [
      'The general ordered the shelling of the grain depot, a soldier told investigators.',
      'The mayor said the city would rebuild the market by the winter.',
      'Aid groups said food prices had doubled since the spring.',
      'The United Nations said it would send more trucks next week.',
      'A local teacher said the schools had been closed for a month.',
      'Speaking to reporters on Monday, the general denied that his men had shelled the grain depot.',
    ].join('\n\n')
    const out = extract({ text })
    const claim = out.statements.find((s) => s.content.some((c) => c.text.includes('shelling')))
    const denial = out.statements.find((s) => s.stance === 'deny')
    expect(denial?.claim).to.equal(claim?.claim)
  })

  it('leaves a denial that answers nothing in the article as a claim of its own', () => {
    const text = 'The mayor said the city would rebuild the market.\n\nThe senator denied any wrongdoing in the land deal.'
    const out = extract({ text })
    const denial = out.statements.find((s) => s.stance === 'deny')
    expect(denial?.link.how).to.equal('new')
  })
})

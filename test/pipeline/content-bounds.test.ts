// Where content begins and ends, as annotators of news attribution draw it: exactly these words, no more.
import { expect } from 'chai'
import { extract } from '../../src/pipeline/extract.js'

const TABLE: Array<{ text: string; content: string; why: string }> = [
  {
    why: 'a quote that opens mid-sentence keeps the words before it',
    text: 'But the benefit of open trade is "ten times the size of the losses," the economist said.',
    content: 'But the benefit of open trade is "ten times the size of the losses',
  },
  {
    why: 'a quote that opens the sentence is the content alone',
    text: '"We will not back down," the minister said on Friday.',
    content: 'We will not back down,',
  },
  {
    why: 'after a colon the quote stands alone',
    text: 'The mayor put it plainly: "This city is broke," she said.',
    content: 'This city is broke,',
  },
  {
    why: '"said that" keeps its "that" before a quote',
    text: 'The superintendent said that "trust in the department is broken."',
    content: 'that "trust in the department is broken.',
  },
  {
    why: "the cue's own preposition is not what was said",
    text: 'Protesters outside the hall railed against the new pipeline.',
    content: 'the new pipeline',
  },
  {
    why: 'an infinitive keeps its "to"',
    text: 'The governor promised to cut property taxes by a fifth.',
    content: 'to cut property taxes by a fifth',
  },
  {
    why: 'a frame of time after the cue is not content',
    text: 'The senator said on Monday that the bill was dead.',
    content: 'that the bill was dead',
  },
  {
    why: 'a noun\'s own "of" stays',
    text: 'She said the cost of the war was far higher than reported.',
    content: 'the cost of the war was far higher than reported',
  },
  {
    why: 'an object leaves its day to the cue',
    text: 'The largest teachers union endorsed the governor for a second term on Thursday.',
    content: 'the governor for a second term',
  },
  {
    why: 'an object leaves the occasion it was named on to the cue',
    text: 'The governor denounced the pipeline deal in a fiery speech to donors.',
    content: 'the pipeline deal',
  },
  {
    why: 'an object leaves its month to the cue, even before more words',
    text: 'The union endorsed the mayor in early June for a third term.',
    content: 'the mayor',
  },
  {
    why: 'an object leaves the medium it was named in to the cue',
    text: 'The candidate mocked his rival on social media after the debate.',
    content: 'his rival',
  },
  {
    why: 'a place that belongs to the object stays',
    text: 'The senator praised the new clinic in Dayton.',
    content: 'the new clinic in Dayton',
  },
  {
    why: 'an object ends at its first comma',
    text: 'The union endorsed the governor, citing her record on pensions.',
    content: 'the governor',
  },
  {
    why: 'commas between the items of a list do not end an object',
    text: 'The senator vowed to court older, rural and working-class voters.',
    content: 'to court older, rural and working-class voters',
  },
  {
    why: 'a repeated infinitive carries a promise on',
    text: 'The governor vowed to cut taxes, to hire teachers and to fix roads.',
    content: 'to cut taxes, to hire teachers and to fix roads',
  },
  {
    why: 'examples brought in by "including" belong to the object',
    text: 'The group endorsed 40 mayors from across the state, including the mayor of Dayton.',
    content: '40 mayors from across the state, including the mayor of Dayton',
  },
  {
    why: 'a finding that is a "that" clause runs on past a comma',
    text: 'The survey found that 43% of voters back the levy, and 41% back the bond.',
    content: 'that 43% of voters back the levy, and 41% back the bond',
  },
  {
    why: 'a noun of stance is how it was said; what it was about follows the preposition',
    text: 'Aides expressed deep concern about the new policy.',
    content: 'the new policy',
  },
  { why: '…even when what follows is a gerund', text: 'The governor showed no sign of backing down.', content: 'backing down' },
  {
    why: 'the same noun as the subject of a clause stays',
    text: 'The mayor said the case for the levy was weak.',
    content: 'the case for the levy was weak',
  },
  {
    why: '"the case of" gives an example, not a stance, and stays',
    text: 'The senator cited the case of a farmer in Iowa.',
    content: 'the case of a farmer in Iowa',
  },
  {
    why: 'a clause keeps its day',
    text: 'The chairman said the vote would take place on Monday.',
    content: 'the vote would take place on Monday',
  },
]

describe('contents: where what was said begins and ends', () => {
  for (const row of TABLE) {
    it(row.why, () => {
      const found = extract({ text: row.text, published: null }).statements.map((s) => s.content.map((c) => c.text).join(' … '))
      expect(found).to.include(row.content)
    })
  }
})

// Attribution patterns of real news, one sentence (or short passage) each, with what must come out —
// and sentences that must yield nothing.
import { expect } from 'chai'
import { extract } from '../../src/pipeline/extract.js'
import type { Statement } from '../../src/pipeline/types.js'

interface Expected {
  speaker: string | null
  type?: string
  role?: string | null
  cue?: string
  stance?: 'assert' | 'deny' | 'confirm' | 'decline'
  kind?: 'direct' | 'mixed' | 'indirect'
  content: string
  via?: string
  rule?: string
}

const content = (s: Statement) => s.content.map((c) => c.text).join(' … ')

/** `only`: nothing else may come out, such as an attribution nested in the content of another. */
const TABLE: Array<{ text: string; published?: string; expect: Expected[]; only?: boolean }> = [
  {
    // an attribution inside a finding is part of what was found, not a statement of its own
    text: 'The survey found that most renters say housing costs are their biggest worry.',
    expect: [{ speaker: 'survey', cue: 'found', content: 'that most renters say housing costs are their biggest worry' }],
    only: true,
  },
  {
    // …and inside "according to", the clause it reports
    text: 'According to the county clerk, the challenger said he would contest the count.',
    expect: [{ speaker: 'county clerk', cue: 'According to', content: 'the challenger said he would contest the count' }],
    only: true,
  },
  {
    // two attributions side by side are both kept: neither is inside the other
    text: 'The governor said taxes would rise, and the mayor said the city would cut fees.',
    expect: [
      { speaker: 'governor', content: 'taxes would rise' },
      { speaker: 'mayor', content: 'the city would cut fees' },
    ],
    only: true,
  },
  {
    // an attribution after a quote's own is kept: the quote does not contain it
    text: '"We will win this seat," the candidate said, though his own pollster says the race is tied.',
    expect: [
      { speaker: 'candidate', kind: 'direct', content: 'We will win this seat' },
      { speaker: 'his own pollster', content: 'the race is tied' },
    ],
  },
  {
    // inverted "said X" with a title
    text: '"We are not going to raise taxes on working families," said Senate Majority Leader Chuck Schumer.',
    expect: [
      {
        speaker: 'Chuck Schumer',
        role: 'Senate Majority Leader',
        cue: 'said',
        kind: 'direct',
        content: 'not going to raise taxes',
        rule: 'quote-comma-verb-name',
      },
    ],
  },
  {
    // quote, name, verb
    text: '"The numbers speak for themselves," Pelosi said on Thursday.',
    published: '2021-06-12',
    expect: [
      {
        speaker: 'Pelosi',
        type: 'person',
        cue: 'said',
        kind: 'direct',
        content: 'numbers speak for themselves',
        rule: 'quote-comma-name-verb',
      },
    ],
  },
  {
    // C, according to S
    text: 'At least 40 people were killed in the attack, according to local health officials.',
    expect: [
      {
        speaker: 'local health officials',
        type: 'anonymous',
        cue: 'according to',
        kind: 'indirect',
        content: 'At least 40 people were killed',
      },
    ],
  },
  {
    // C, according to S, where the source's words are not all nouns
    text: 'The incumbent led by ten points among suburban women, according to exit polls conducted for the networks.',
    expect: [
      {
        speaker: 'exit polls conducted for the networks',
        cue: 'according to',
        content: 'The incumbent led by ten points among suburban women',
      },
    ],
  },
  {
    // a subject noun the tagger takes for a verb ('campaign')
    text: 'The Clinton campaign says the new ad will air on national cable stations.',
    expect: [{ speaker: 'Clinton campaign', cue: 'says', content: 'the new ad will air on national cable stations' }],
  },
  {
    // a participle the tagger takes for a noun ('a saying'), after a comma
    text: 'The governor struck a more cautious tone, saying she favors a gradual rise in the minimum wage.',
    expect: [{ speaker: 'governor', cue: 'saying', content: 'she favors a gradual rise in the minimum wage' }],
  },
  {
    // a question put by a named asker, then the answer as a quote
    text: 'Asked by a reporter whether she would run again, the senator said, "Not this time."',
    expect: [
      { speaker: 'reporter', cue: 'Asked', content: 'whether she would run again', rule: 'asked-question' },
      { speaker: 'senator', cue: 'said', kind: 'direct', content: 'Not this time.', rule: 'name-verb-quote' },
    ],
  },
  {
    // inverted "said X", then a description of X that is not what was said
    text: 'The first ad could air this week, said Brian Baker, a longtime adviser to the family who runs the campaign.',
    expect: [{ speaker: 'Brian Baker', content: 'The first ad could air this week', rule: 'clause-comma-verb-name' }],
  },
  {
    // the people a poll asked, and a date before a pronoun subject
    text: 'Some 56 percent of those polled said the economy mattered most. Although in September she said the account was a mistake, she later changed course.',
    expect: [
      { speaker: '56 percent of those', content: 'the economy mattered most' },
      { speaker: 'she', content: 'the account was a mistake' },
    ],
  },
  {
    // an impersonal cue after an auxiliary: no speaker, whatever the model thinks of "are"
    text: 'Many Democrats are expected to follow the lead of the governor.',
    expect: [{ speaker: null, cue: 'expected', content: 'to follow the lead of the governor' }],
  },
  {
    // According to S, C
    text: 'According to the Congressional Budget Office, the bill would add $1.5 trillion to the deficit.',
    expect: [
      {
        speaker: 'Congressional Budget Office',
        type: 'organization',
        cue: 'According to',
        content: 'the bill would add $1.5 trillion to the deficit',
      },
    ],
  },
  {
    // S V that C, with an appositive role
    text: 'Mark Esper, the former defense secretary, said that the troops would stay through the winter.',
    expect: [
      {
        speaker: 'Mark Esper',
        role: 'former defense secretary',
        cue: 'said',
        kind: 'indirect',
        content: 'the troops would stay through the winter',
        rule: 'name-verb-clause',
      },
    ],
  },
  {
    // surname resolved to the full name given earlier; pronoun resolved to him
    text: 'Treasury Secretary Janet Yellen met bankers in Basel. Yellen said inflation would ease by spring.\n\nShe added that rates were "close to their peak."',
    expect: [
      { speaker: 'Janet Yellen', role: 'Treasury Secretary', content: 'inflation would ease by spring' },
      { speaker: 'Janet Yellen', cue: 'added', kind: 'mixed', content: 'rates were' },
    ],
  },
  {
    // a quote continued in the next sentence, and in the next paragraph
    text: '"This is a dark day," Mayor Ruth Okafor told reporters. "We will rebuild."\n\n"Every family will get help," she said.',
    expect: [
      { speaker: 'Ruth Okafor', via: 'reporters', content: 'This is a dark day, … We will rebuild.' },
      { speaker: 'Ruth Okafor', content: 'Every family will get help' },
    ],
  },
  {
    // a denial with two speakers
    text: 'Both Microsoft and Google denied the report on Tuesday.',
    published: '2023-05-04',
    expect: [
      { speaker: 'Microsoft', stance: 'deny', cue: 'denied', content: 'the report' },
      { speaker: 'Google', stance: 'deny', cue: 'denied', content: 'the report' },
    ],
  },
  {
    // two people named with their roles are two speakers
    text: 'Governor Ann Whitfield and Senator Tom Brady say the grant formula shortchanges rural counties.',
    expect: [
      { speaker: 'Ann Whitfield', content: 'the grant formula shortchanges rural counties' },
      { speaker: 'Tom Brady', content: 'the grant formula shortchanges rural counties' },
    ],
  },
  ...[
    'The Bureau of Alcohol and Firearms Enforcement',
    'The Senate Budget and Appropriations Committee',
    'The Institute for Labor and Economic Studies',
    'The Water and Sewer Department',
  ].map((name) => ({
    // "and" inside one organisation's name: one speaker
    text: `${name} said the new rules would take effect in July.`,
    expect: [{ speaker: name.replace(/^The /, ''), content: 'the new rules would take effect in July' }],
  })),
  {
    // speaker, verb, colon, quote
    text: 'The governor wrote on Twitter: "Help is on the way."',
    expect: [{ speaker: 'governor', cue: 'wrote', kind: 'direct', content: 'Help is on the way.', rule: 'name-verb-quote' }],
  },
  {
    // a relative clause between the speaker and the verb
    text: 'Maria Lopez, who has run the shelter since 2015, told the Tribune that beds were full every night.',
    expect: [{ speaker: 'Maria Lopez', via: 'the Tribune', content: 'beds were full every night' }],
  },
  {
    // a long apposition with commas and a possessive of its own between the name and the verb
    text: 'Japan, Tokyo\'s closest partner and its main investor in the region, said it was "deeply concerned" by the vote.',
    expect: [{ speaker: 'Japan', cue: 'said', content: 'it was "deeply concerned" by the vote' }],
  },
  {
    // an age, then a role: the name before both is the speaker, not the age
    text: 'John Okafor, 45, a lawyer from Dayton, said the case against his client was weak.',
    expect: [{ speaker: 'John Okafor', content: 'the case against his client was weak' }],
  },
  {
    // a quote that closes before the verb is what was said, not a description of a name inside it
    text: '"If the mayor does win the county, it will be by a hair," said one party official.',
    expect: [{ speaker: 'party official', content: 'If the mayor does win the county, it will be by a hair' }],
  },
  {
    // an anonymous source
    text: 'The company plans to cut 2,000 jobs, a person familiar with the matter said.',
    expect: [{ speaker: 'person familiar with the matter', type: 'anonymous', content: 'The company plans to cut 2,000 jobs' }],
  },
  {
    // belief cue
    text: 'Economists believe the central bank will hold rates steady next month.',
    expect: [{ speaker: 'Economists', type: 'group', cue: 'believe', content: 'the central bank will hold rates steady' }],
  },
  {
    // rejection
    text: 'The ministry rejected the allegations as baseless.',
    expect: [{ speaker: 'ministry', stance: 'deny', cue: 'rejected', content: 'the allegations as baseless' }],
  },
  {
    // an -ly adverb between the auxiliary and the denial
    text: 'The government in Riyadh has vigorously denied any role in the attacks.',
    expect: [{ speaker: 'government in Riyadh', stance: 'deny', cue: 'denied', content: 'any role in the attacks' }],
  },
  {
    // a time phrase between the subject and the verb is no speaker
    text: 'The ministry on Wednesday dismissed the report as fabricated.',
    expect: [{ speaker: 'ministry', stance: 'deny', cue: 'dismissed', content: 'the report as fabricated' }],
  },
  {
    text: 'Wells Fargo last month said it would pay a fine to settle the case.',
    expect: [{ speaker: 'Wells Fargo', cue: 'said', content: 'it would pay a fine to settle the case' }],
  },
  {
    // a name is no modal: "May said", "Will said"
    text: 'Theresa May said the withdrawal deal was the best available.',
    expect: [{ speaker: 'Theresa May', type: 'person', cue: 'said', content: 'the withdrawal deal was the best available' }],
  },
  {
    // a surname resolved to the name a long capitalised run gave it: role and name written together
    text: 'Senator Elizabeth Warren questioned Wells Fargo CEO John Stumpf for more than an hour on Tuesday about the bank\'s fake accounts.\n\n"I take full responsibility," Stumpf told the committee.',
    expect: [{ speaker: 'John Stumpf', type: 'person', content: 'I take full responsibility,' }],
  },
  {
    // a name at the end of a sentence is seen, and its surname resolves to it later
    text: 'Turnout was lower than in 2012, said Ohio State University professor Paul Beck.\n\nBeck said the state had changed since then.',
    expect: [{ speaker: 'Paul Beck', type: 'person', content: 'the state had changed since then' }],
  },
  {
    // a surname that is also a town is the person the article named
    text: 'Former U.N. Ambassador John Bolton and other critics denounced the new group on Thursday morning.\n\nBolton said the group did not speak for conservatives.',
    expect: [{ speaker: 'John Bolton', type: 'person', content: 'the group did not speak for conservatives' }],
  },
  {
    // a role, then the name in apposition: the name is the speaker, the role its role
    text: 'A lawyer for the news outlets, David Schulz, said the ruling was wrong.',
    expect: [{ speaker: 'David Schulz', type: 'person', role: 'lawyer for the news outlets', content: 'the ruling was wrong' }],
  },
  {
    text: 'The director of the Federal Bureau of Investigation, James B. Comey, said the inquiry was over.',
    expect: [
      {
        speaker: 'James B. Comey',
        type: 'person',
        role: 'director of the Federal Bureau of Investigation',
        content: 'the inquiry was over',
      },
    ],
  },
  {
    // an affiliation after the name is a role, not part of the name
    text: 'Sen. Bernie Sanders of Vermont said the trade deal would cost jobs.',
    expect: [{ speaker: 'Bernie Sanders', type: 'person', role: 'of Vermont', content: 'the trade deal would cost jobs' }],
  },
  {
    text: 'Jane Roe of Acme University said the survey data were incomplete.',
    expect: [{ speaker: 'Jane Roe', type: 'person', role: 'of Acme University', content: 'the survey data were incomplete' }],
  },
  {
    text: 'Former first lady Laura Bush said she was proud of the program.',
    expect: [{ speaker: 'Laura Bush', type: 'person', role: 'Former first lady', content: 'she was proud of the program' }],
  },
  {
    // "of" and the office belong to the role: "Secretary of State", "Minister of Foreign Affairs"
    text: 'U.S. Secretary of State Antony Blinken said the talks would resume next week.',
    expect: [{ speaker: 'Antony Blinken', type: 'person', role: 'U.S. Secretary of State', content: 'the talks would resume next week' }],
  },
  {
    text: 'Secretary of State John Kerry met the foreign minister on Friday in Geneva for more talks.\n\nKerry said the two sides were close to a deal.',
    expect: [{ speaker: 'John Kerry', type: 'person', content: 'the two sides were close to a deal' }],
  },
  {
    // a place or an institution before a surname is not part of the person's name
    text: 'In a meeting with the editorial board of the Washington Post Trump said he had no plans to change course.\n\nDonald Trump later said the meeting had gone well.\n\nTrump said the board was unfair.',
    expect: [{ speaker: 'Donald Trump', type: 'person', content: 'the board was unfair' }],
  },
  {
    text: 'Former Speaker of the House Newt Gingrich was a guest on the morning program that aired on the radio late on Sunday.\n\nGingrich said the party had to unite behind its nominee.',
    expect: [{ speaker: 'Newt Gingrich', type: 'person', content: 'the party had to unite behind its nominee' }],
  },
  {
    // "Clinton White House" is no fuller name for Clinton
    text: 'Hillary Clinton spoke to a crowd of workers in a town in the south of the state. A few aides who had served in the Clinton White House were there as well.\n\nClinton said the trade deal had cost the state jobs.',
    expect: [{ speaker: 'Hillary Clinton', type: 'person', content: 'the trade deal had cost the state jobs' }],
  },
  {
    // "she" with no woman quoted before: the last woman the article named
    text: 'Police said Maria Lopez had posted a video on social media before the shooting.\n\nShe said in the video that she supported the group.',
    expect: [{ speaker: 'Maria Lopez', type: 'person', content: 'she supported the group' }],
  },
  {
    // an interview printed as questions and answers: "A: I think" is the person interviewed
    text: 'Former first lady Laura Bush wrote the introduction for a new book about Afghan women.\n\nQ: Why this cause?\n\nA: Because they needed help, I think. I think American women were shocked after the attacks.',
    expect: [{ speaker: 'Laura Bush', type: 'person', content: 'American women were shocked after the attacks' }],
  },
  {
    // "I" inside a quote is whoever speaks the quote
    text: '"When they asked me, I said we would never leave," Senator Jeff Merkley told reporters on Tuesday.',
    expect: [{ speaker: 'Jeff Merkley', type: 'person', content: 'we would never leave' }],
  },
  {
    // a capital speaking for its government is the country, the capital kept as the mention
    text: 'Beijing on Tuesday said the sanctions were illegal and would not change its policy.',
    expect: [{ speaker: 'China', type: 'country', content: 'the sanctions were illegal and would not change its policy' }],
  },
  {
    text: 'The U.S. said the talks with Iran would resume in Vienna next week.',
    expect: [{ speaker: 'United States', type: 'country', content: 'the talks with Iran would resume in Vienna next week' }],
  },
  {
    // a party's members are a group, capital or not
    text: 'Virginia Democrats said the bill would restore voting rights to thousands of people.',
    expect: [{ speaker: 'Virginia Democrats', type: 'group', content: 'the bill would restore voting rights to thousands of people' }],
  },
  {
    // a dateline is no part of the speaker
    text: 'CLEVELAND - Hillary Clinton said on Monday that the plan was paid for.',
    expect: [{ speaker: 'Hillary Clinton', type: 'person', content: 'the plan was paid for' }],
  },
  {
    // words before a name that cannot open one: the name the article gives
    text: 'Sen. Bernie Sanders spoke in Burlington on Saturday afternoon to a crowd of supporters.\n\nDefiant Bernie Sanders said the system was rigged against working people.',
    expect: [{ speaker: 'Bernie Sanders', type: 'person', content: 'the system was rigged against working people' }],
  },
  {
    // a description, then the name in apposition: the name; a name, then a description: still the name
    text: 'The White House spokesman, Josh Earnest, said the president would veto the bill.',
    expect: [{ speaker: 'Josh Earnest', type: 'person', role: 'White House spokesman', content: 'the president would veto the bill' }],
  },
  {
    text: 'Senator Marco Rubio, Republican of Florida, said the deal was a mistake.',
    expect: [{ speaker: 'Marco Rubio', type: 'person', content: 'the deal was a mistake' }],
  },
  {
    // an owner before a name, kin before a name, an affiliation after "at"
    text: 'RealClearPolitics’ David Byler said the polls had tightened in Ohio.',
    expect: [{ speaker: 'David Byler', type: 'person', content: 'the polls had tightened in Ohio' }],
  },
  {
    text: 'His brother Alastair Osman told reporters that the family was still waiting for news.',
    expect: [{ speaker: 'Alastair Osman', type: 'person', content: 'the family was still waiting for news' }],
  },
  {
    text: 'Dan McLaughlin at the National Review said the party had lost its way.',
    expect: [{ speaker: 'Dan McLaughlin', type: 'person', role: 'at the National Review', content: 'the party had lost its way' }],
  },
  {
    // a nation's people with "the" speak as its country
    text: 'The Russians said the strikes had hit only military targets.',
    expect: [{ speaker: 'Russia', type: 'country', content: 'the strikes had hit only military targets' }],
  },
  {
    // "the bank": the organisation quoted before
    text: 'Wells Fargo said it had fired 5,300 employees over the accounts.\n\nThe bank said it would refund the fees.',
    expect: [{ speaker: 'Wells Fargo', type: 'organization', content: 'it would refund the fees' }],
  },
  {
    // a relative clause after the name is no role; a dateline in capitals is no speaker line
    text: 'Emmanuel Macron, who will visit Beijing next week, said the talks would be hard.',
    expect: [{ speaker: 'Emmanuel Macron', type: 'person', role: null, content: 'the talks would be hard' }],
  },
  {
    text: 'BEIJING: Chinese Foreign Ministry spokesperson Zhao Lijian said the reports were false.',
    expect: [{ speaker: 'Zhao Lijian', type: 'person', content: 'the reports were false' }],
    only: true,
  },
  {
    // an institution named by what it is: an organisation
    text: 'The ministry on Wednesday dismissed the report as baseless.',
    expect: [{ speaker: 'ministry', type: 'organization', content: 'the report' }],
  },
  {
    // a share speaks for the group it is of; a relative pronoun is no part of the name
    text: '52 percent of registered voters said the economy was their top concern.',
    expect: [{ speaker: 'registered voters', type: 'group', content: 'the economy was their top concern' }],
  },
  {
    text: 'It was a Los Angeles Times panel that said the program had failed.',
    expect: [{ speaker: 'Los Angeles Times panel', content: 'the program had failed' }],
  },
  {
    // a description no role word ends, then a person's name: the name, the description its role
    text: 'Billionaire entrepreneur Peter Thiel said the party had changed.',
    expect: [{ speaker: 'Peter Thiel', type: 'person', role: 'Billionaire entrepreneur', content: 'the party had changed' }],
  },
  {
    text: '81-year-old Jack Eaton said the nominee would win the state.',
    expect: [{ speaker: 'Jack Eaton', type: 'person', content: 'the nominee would win the state' }],
  },
  {
    // a refusal to say is a decline, not a saying (stages/10-no-replies.ts)
    text: 'Officials will not say whether the plant is safe.',
    expect: [{ speaker: 'Officials', stance: 'decline', cue: 'will not say', content: 'whether the plant is safe', rule: 'no-reply' }],
    only: true,
  },
  {
    // no reply
    text: 'A spokeswoman for the airline did not immediately respond to a request for comment on Friday.',
    expect: [
      {
        speaker: 'spokeswoman for the airline',
        stance: 'decline',
        cue: 'did not immediately respond to',
        content: 'a request for comment',
        rule: 'no-reply',
      },
    ],
  },
]

TABLE.push(
  {
    // a participle's subject is the main verb's, not an infinitive's in the opening phrase ("to bar")
    text: 'In response to the proposal to bar foreign buyers, the housing minister rallied supporters, saying: “We have to be ready to stop it.”',
    expect: [{ speaker: 'housing minister', cue: 'saying', kind: 'direct', content: 'We have to be ready to stop it.' }],
    only: true,
  },
  {
    // …and after a comma, the verb right before it: "his aides said, adding that …"
    text: 'The senator needs the suburbs to win, his aides said, adding that the campaign would open two offices there.',
    expect: [
      { speaker: 'his aides', content: 'The senator needs the suburbs to win' },
      { speaker: 'his aides', cue: 'adding', content: 'the campaign would open two offices there' },
    ],
  },
  {
    // the typewriter quotes of newspaper archives, after a colon: the whole quote, not its first sentence
    text: "Mr. Haddad said: ''The attack was the work of criminals. We ourselves fled such attacks at home.''",
    expect: [
      { speaker: 'Haddad', kind: 'direct', content: 'The attack was the work of criminals. We ourselves fled such attacks at home.' },
    ],
    only: true,
  },
  {
    // a verb before a colon and a quote that the tagger reads as an exclamation ("said:" before "It’s")
    text: 'The trade commissioner warned: “It’s not going to happen any time soon.”',
    expect: [{ speaker: 'trade commissioner', cue: 'warned', kind: 'direct', content: 'It’s not going to happen any time soon.' }],
    only: true,
  },
)

TABLE.push(
  {
    // the plain form of a lexicon verb after a plural subject
    text: 'Prosecutors allege that the former governor took bribes from two contractors.',
    expect: [{ speaker: 'Prosecutors', cue: 'allege', content: 'that the former governor took bribes from two contractors' }],
    only: true,
  },
  {
    text: 'Critics also warn that the law will be used to silence journalists.',
    expect: [{ speaker: 'Critics', cue: 'warn', content: 'that the law will be used to silence journalists' }],
    only: true,
  },
  {
    // the wire's "was quoted (by an agency) as saying": the one quoted is the speaker
    text: 'The deputy foreign minister was quoted by the state news agency as saying that Moscow would respond.',
    expect: [{ speaker: 'deputy foreign minister', cue: 'saying', content: 'that Moscow would respond' }],
    only: true,
  },
  {
    text: 'The minister was quoted as saying that the talks had stalled.',
    expect: [{ speaker: 'minister', cue: 'saying', content: 'that the talks had stalled' }],
    only: true,
  },
  {
    // what is denied or claimed is the responsibility, not the attack it is for
    text: 'Moscow denied responsibility for the attack. The Islamic State group claimed responsibility for the bombing.',
    expect: [
      { speaker: 'Russia', cue: 'denied', stance: 'deny', content: 'responsibility for the attack' },
      { speaker: 'Islamic State group', cue: 'claimed', content: 'responsibility for the bombing' },
    ],
    only: true,
  },
  {
    // …but an appeal denied as a fact is a denial, as is denying having made one
    text: 'The team denied making any appeal to the league. The ministry denied any appeal had been filed.',
    expect: [
      { speaker: 'team', cue: 'denied', stance: 'deny', content: 'making any appeal to the league' },
      { speaker: 'ministry', cue: 'denied', stance: 'deny', content: 'any appeal had been filed' },
    ],
    only: true,
  },
  {
    // the participle after "a charge the leaders denied," is the leaders' own statement, with its own content
    text: 'The front-runner complained that the contest had been rigged, a charge that party leaders denied, noting that they had used the same system for years.',
    expect: [
      { speaker: 'front-runner', cue: 'complained', content: 'the contest had been rigged' },
      { speaker: 'party leaders', cue: 'denied', stance: 'deny', content: 'the contest had been rigged' },
      { speaker: 'party leaders', cue: 'noting', content: 'that they had used the same system for years' },
    ],
    only: true,
  },
  {
    // "the ministry" is not the company described before it
    text: 'The company said it complies with all export rules. The ministry denied reports that troops had crossed the border.',
    expect: [
      { speaker: 'company', content: 'it complies with all export rules' },
      { speaker: 'ministry', stance: 'deny', content: 'troops had crossed the border' },
    ],
    only: true,
  },
  {
    // …while "the company" after a named one is that one
    text: 'Boeing said it would inspect the jets. The company denied reports that the planes were unsafe.',
    expect: [
      { speaker: 'Boeing', content: 'it would inspect the jets' },
      { speaker: 'Boeing', stance: 'deny', content: 'the planes were unsafe' },
    ],
    only: true,
  },
)

TABLE.push(
  {
    // "…, a claim X denied": X denies what the first speaker claimed, not the sentence that reports it
    text: "Russia's defence ministry claimed its forces had taken the village, a claim Ukraine denied.",
    expect: [
      { speaker: "Russia's defence ministry", stance: 'assert', content: 'its forces had taken the village' },
      { speaker: 'Ukraine', stance: 'deny', cue: 'denied', rule: 'claim-rejected', content: 'its forces had taken the village' },
    ],
    only: true,
  },
  {
    text: 'The ministry said the convoy carried only food, an account that aid workers disputed.',
    expect: [
      { speaker: 'ministry', stance: 'assert', content: 'the convoy carried only food' },
      { speaker: 'aid workers', stance: 'deny', rule: 'claim-rejected', content: 'the convoy carried only food' },
    ],
  },
  {
    // an aside with a clause of its own ("because they were not authorized …") still leads to the speaker
    text: 'Two officials, speaking on condition of anonymity because they were not authorized to discuss the talks, said a deal was close.',
    expect: [{ speaker: 'officials', cue: 'said', content: 'a deal was close' }],
  },
)

const NOTHING: string[] = [
  // to deny someone a thing is to refuse it: no claim is denied
  'The court denied bail to the suspect on Tuesday.',
  'Israel has denied aid groups access to the north of the strip.',
  'The authorities denied him a visa.',
  'A federal judge denied the motion to dismiss the case.',
  // a plain form after a modal, or with a singular subject, reports nothing
  'Officials may warn residents about the storm on Monday.',
  // …or a plain form that is as often something else, or says nothing after it
  'Shares decline in early trading after the report.',
  'Companies post record profits as prices rise.',
  'The bridge reopened to traffic on Monday after three weeks of repairs.',
  'The "smart" meters were installed in 2019, and the city paid for them.',
  'Voters will decide in November whether to extend the tax.',
  'She asked the court for more time to prepare her defense.',
  'The senator’s office in the ’90s was on the third floor, and Jones’ car was parked outside.',
  'Share this Article',
  'As the old saying goes, all politics is local.',
  // A negated answering verb with no one to decline: no subject, or a question.
  'Why did the council not respond to the letter from the residents?',
  'The prime minister may say more about the deal on Monday.',
  'The ministry asked the court for an extension.',
]

/** Rows whose speakers are all listed: no other speaker may say the same thing. */
const speakersOf = (found: Statement[], text: string) => found.filter((s) => content(s).includes(text)).map((s) => s.speaker?.name ?? null)

function find(found: Statement[], e: Expected): Statement | undefined {
  return found.find((s) => content(s).includes(e.content) && (e.speaker === null ? s.speaker === null : s.speaker?.name === e.speaker))
}

describe('extract: attribution patterns of real news', () => {
  for (const row of TABLE) {
    it(row.text.slice(0, 70), () => {
      const found = extract({ text: row.text, published: row.published ?? null }).statements
      if (row.only) expect(found.map(content)).to.have.lengthOf(row.expect.length)
      for (const e of row.expect) {
        const s = find(found, e)
        expect(s, `${e.speaker}: "${e.content}" in ${JSON.stringify(found.map((x) => [x.speaker?.name, content(x)]))}`).to.exist
        if (e.type) expect(s!.speaker?.type).to.equal(e.type)
        if (e.role !== undefined) expect(s!.speaker?.role ?? null).to.equal(e.role)
        if (e.cue) expect(s!.cue?.text).to.equal(e.cue)
        if (e.stance) expect(s!.stance).to.equal(e.stance)
        if (e.kind) expect(s!.kind).to.equal(e.kind)
        if (e.via) expect(s!.via).to.equal(e.via)
        if (e.rule) expect(s!.rule).to.equal(e.rule)
        expect(speakersOf(found, e.content)).to.have.members(row.expect.filter((x) => x.content === e.content).map((x) => x.speaker))
      }
    })
  }
  for (const text of NOTHING) {
    it(`yields nothing: ${text.slice(0, 60)}`, () => {
      expect(extract({ text }).statements).to.deep.equal([])
    })
  }
})

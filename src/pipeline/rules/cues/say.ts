// Speech verbs: the cues news uses to report what someone said.
import type { CueRule } from './types.js'

export const SAY: CueRule[] = [
  // "China's position on the Ukraine issue is consistent and clear," Zhao said.
  { forms: ['said', 'says', 'say', 'saying'], lemma: 'say', stance: 'assert', family: 'speech', rule: 'say', example: '"The talks are over," the minister said.' },
  // "It is a concern of ours," Sullivan told CNN on Sunday.
  { forms: ['told', 'tells', 'telling'], lemma: 'tell', stance: 'assert', family: 'speech', rule: 'tell', recipient: true, example: 'The mayor told reporters that the bridge would reopen.' },
  // The request came after the invasion, one of the officials claimed.
  { forms: ['claimed', 'claims', 'claim', 'claiming'], lemma: 'claim', stance: 'assert', family: 'speech', rule: 'claim', example: 'The group claimed that the vote was rigged.' },
  // Meanwhile, Russia insisted that it has everything it needs.
  { forms: ['insisted', 'insists', 'insist', 'insisting'], lemma: 'insist', stance: 'assert', family: 'speech', rule: 'insist', example: 'The company insisted it had done nothing wrong.' },
  // "We will not stand by," she added.
  { forms: ['added', 'adds', 'adding'], lemma: 'add', stance: 'assert', family: 'speech', rule: 'add', example: '"We will keep going," he added.' },
  // Chinese Foreign Ministry spokesperson Zhao Lijian accused the U.S. of "maliciously spreading disinformation."
  { forms: ['accused', 'accuses', 'accuse', 'accusing'], lemma: 'accuse', stance: 'assert', family: 'speech', rule: 'accuse', denyWhenFalsehood: true, example: 'The senator accused the agency of hiding the report.' },
  // Some reports claim that Beijing has developed drone technologies.
  { forms: ['stated', 'stating'], lemma: 'state', stance: 'assert', family: 'speech', rule: 'state', example: 'The ministry stated that no troops had crossed the border.' },
  { forms: ['announced', 'announces', 'announcing'], lemma: 'announce', stance: 'assert', family: 'speech', rule: 'announce', example: 'The governor announced that schools would close.' },
  { forms: ['explained', 'explains', 'explaining'], lemma: 'explain', stance: 'assert', family: 'speech', rule: 'explain', example: '"It was a mistake," she explained.' },
  { forms: ['argued', 'argues', 'arguing', 'argue'], lemma: 'argue', stance: 'assert', family: 'speech', rule: 'argue', example: 'Critics argued that the plan was too costly.' },
  { forms: ['noted', 'notes', 'noting'], lemma: 'note', stance: 'assert', family: 'speech', rule: 'note', example: 'The report noted that prices had risen.' },
  { forms: ['warned', 'warns', 'warning'], lemma: 'warn', stance: 'assert', family: 'speech', rule: 'warn', example: 'Officials warned that the storm could strengthen.' },
  { forms: ['wrote', 'writes', 'writing'], lemma: 'write', stance: 'assert', family: 'speech', rule: 'write', example: '"This is a disgrace," she wrote on Twitter.' },
  { forms: ['tweeted', 'tweets', 'tweeting'], lemma: 'tweet', stance: 'assert', family: 'speech', rule: 'tweet', example: 'The candidate tweeted that the poll was wrong.' },
  { forms: ['reported', 'reports'], lemma: 'report', stance: 'assert', family: 'speech', rule: 'report', example: 'The newspaper reported that the deal had collapsed.' },
  { forms: ['revealed', 'reveals', 'reveal'], lemma: 'reveal', stance: 'assert', family: 'speech', rule: 'reveal', example: 'Russia sought aid from China, US officials reveal' },
  { forms: ['acknowledged', 'acknowledges', 'acknowledging'], lemma: 'acknowledge', stance: 'assert', family: 'speech', rule: 'acknowledge', example: 'She acknowledged it was unlikely to work.' },
  { forms: ['admitted', 'admits', 'admitting'], lemma: 'admit', stance: 'assert', family: 'speech', rule: 'admit', example: 'The driver admitted that he had been speeding.' },
  { forms: ['confirmed', 'confirms'], lemma: 'confirm', stance: 'confirm', family: 'speech', rule: 'confirm', example: 'A spokesman confirmed that the talks had ended.' },
  { forms: ['asserted', 'asserts', 'asserting'], lemma: 'assert', stance: 'assert', family: 'speech', rule: 'assert', example: 'The lawyer asserted that the evidence was planted.' },
  { forms: ['alleged', 'alleges'], lemma: 'allege', stance: 'assert', family: 'speech', rule: 'allege', example: 'The lawsuit alleges that the firm misled investors.' },
  { forms: ['maintains'], lemma: 'maintain', stance: 'assert', family: 'speech', rule: 'maintain', example: 'He has maintained that he did nothing wrong.' },
  { forms: ['stressed', 'stresses', 'stressing'], lemma: 'stress', stance: 'assert', family: 'speech', rule: 'stress', example: 'The minister stressed that the border remained open.' },
  { forms: ['declared', 'declares', 'declaring'], lemma: 'declare', stance: 'assert', family: 'speech', rule: 'declare', example: 'The president declared that the war was over.' },
  { forms: ['predicted', 'predicts', 'predicting'], lemma: 'predict', stance: 'assert', family: 'speech', rule: 'predict', example: 'Analysts predicted that rates would rise.' },
  { forms: ['promised', 'vowed', 'vows', 'pledges'], lemma: 'promise', stance: 'assert', family: 'speech', rule: 'promise', example: 'The mayor vowed that the plant would stay open.' },
  { forms: ['suggested', 'suggests', 'suggesting', 'suggest'], lemma: 'suggest', stance: 'assert', family: 'speech', rule: 'suggest', example: 'The study suggested that the drug was safe.' },
  { forms: ['replied', 'responded', 'countered', 'continued', 'replying', 'responding'], lemma: 'reply', stance: 'assert', family: 'speech', rule: 'reply', quoteOnly: true, example: '"Not at all," she replied.' },
  { forms: ['asked', 'asks', 'asking'], lemma: 'ask', stance: 'assert', family: 'speech', rule: 'ask', quoteOnly: true, unlessFollowedBy: /^\s+(?:[\w’'-]+\s+){0,3}?(whether|if|why|how|what|when|where|who|about)\b/i, example: '"Where is the money?" he asked.' },
  { forms: ['recalled', 'recalls', 'recalling'], lemma: 'recall', stance: 'assert', family: 'speech', rule: 'recall', example: 'She recalled that the plant had closed twice.' },
  { forms: ['described', 'describes', 'describing'], lemma: 'describe', stance: 'assert', family: 'speech', rule: 'describe', example: 'The mayor described the plan as reckless.' },
  { forms: ['called', 'calls', 'calling'], lemma: 'call', stance: 'assert', family: 'speech', rule: 'call', denyWhenFalsehood: true, example: 'The senator called the report "a hatchet job."' },
  { forms: ['cited', 'cites', 'citing'], lemma: 'cite', stance: 'assert', family: 'speech', rule: 'cite', example: 'The agency cited rising costs.' },
  { forms: ['urged', 'urges', 'urging'], lemma: 'urge', stance: 'assert', family: 'speech', rule: 'urge', example: 'The governor urged residents to stay home.' },
  { forms: ['conceded', 'concedes', 'conceding'], lemma: 'concede', stance: 'assert', family: 'speech', rule: 'concede', example: 'The coach conceded that the team had struggled.' },
  { forms: ['complained', 'complains', 'complaining'], lemma: 'complain', stance: 'assert', family: 'speech', rule: 'complain', example: 'Residents complained that the water smelled.' },
  { forms: ['emphasized', 'emphasizes', 'emphasised', 'emphasizing'], lemma: 'emphasize', stance: 'assert', family: 'speech', rule: 'emphasize', example: 'She emphasized that no decision had been made.' },
  { forms: ['reiterated', 'reiterates', 'reiterating', 'repeated'], lemma: 'reiterate', stance: 'assert', family: 'speech', rule: 'reiterate', example: 'The ministry reiterated that the border was closed.' },
  { forms: ['joked', 'quipped', 'jokes', 'joking'], lemma: 'joke', stance: 'assert', family: 'speech', rule: 'joke', example: '"I never sleep," he joked.' },
  { forms: ['testified', 'testifies'], lemma: 'testify', stance: 'assert', family: 'speech', rule: 'testify', example: 'The director testified that the files were destroyed.' },
    { forms: ['concluded', 'concludes'], lemma: 'conclude', stance: 'assert', family: 'speech', rule: 'conclude', example: 'Investigators concluded that the fire was an accident.' },
  { forms: ['indicated', 'indicates'], lemma: 'indicate', stance: 'assert', family: 'speech', rule: 'indicate', example: 'The filing indicated that the firm had lost money.' },
  { forms: ['questioned', 'questions', 'questioning'], lemma: 'question', stance: 'assert', family: 'speech', rule: 'question', example: 'Critics questioned whether the plan would work.' },
  { forms: ['pointed out', 'points out'], lemma: 'point out', stance: 'assert', family: 'speech', rule: 'point-out', example: 'He pointed out that turnout had fallen.' },
  { forms: ['posted', 'posts'], lemma: 'post', stance: 'assert', family: 'speech', rule: 'post', example: 'The candidate posted that the rally was cancelled.' },
  { forms: ['mentioned', 'mentions'], lemma: 'mention', stance: 'assert', family: 'speech', rule: 'mention', example: 'She mentioned that the office would move.' },
  { forms: ['demanded', 'demands', 'demanding'], lemma: 'demand', stance: 'assert', family: 'speech', rule: 'demand', example: 'Protesters demanded that the mayor resign.' },
]

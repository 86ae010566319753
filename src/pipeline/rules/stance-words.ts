// The words the stance model looks for (src/pipeline/learned/stance-features.ts). Each family is a feature of
// its own, so the model weighs "untrue" apart from "wrong", which news also uses for a wrong direction.

/** Cue words by what they do to a claim: "denied", "declined to", "confirmed", "acknowledged", "called". */
export const CUE_FAMILIES: Array<[string, RegExp]> = [
  // The ministry denied that troops had crossed the border. The Kremlin rejected the report.
  ['deny', /\b(den(y|ies|ied|ying|ial)|dismiss\w*|reject\w*|refut\w*|rebut\w*|disput\w*|debunk\w*|contradict\w*|disavow\w*)\b/i],
  // A spokeswoman declined to comment. The witness refused to answer.
  ['decline', /\bdeclin\w*/i],
  ['refuse', /\brefus\w*/i],
  // The campaign did not respond to requests for comment. Aides would not say.
  ['no-reply', /\b(not|n[’']t|never)\b(\s+\w+){0,2}\s+(respond|return|reply|answer|comment|address|provide|reached)\w*/i],
  [
    'would-not',
    /\b(would|will|could|did|does|do|wo|could)\s*(not|n[’']t)\s+(say|comment|discuss|confirm|elaborate|specify|disclose|reveal|answer|address|explain|identify|detail|give|speculate|offer|name)\b/i,
  ],
  // A spokesman confirmed that the talks had ended.
  ['confirm', /\b(confirm\w*|verif\w*|corroborat\w*)\b/i],
  // She acknowledged the figure was wrong. The driver admitted speeding.
  ['concede', /\b(acknowledg\w*|admit\w*|conced\w*|owned up)\b/i],
  // The senator called the report "a hatchet job."
  ['call', /\b(call(s|ed|ing)?|label(l?ed|s)?|brand(ed|s)?|describ(ed|es|ing)|dubb?(ed|s)?|characteriz\w*|termed)\b/i],
  ['accuse', /\baccus\w*/i],
  // "That's not what happened," she insisted. He pushed back. They hit back.
  [
    'rebuttal',
    /\b(insist\w*|maintain\w*|counter(ed|s|ing)?|push(ed|es|ing)? back|hit back|fired back|shot back|retort\w*|respond\w*|repl(y|ied|ies)|answer\w*|defend\w*)\b/i,
  ],
]

/** Words and phrases that call something false, each its own feature. */
export const FALSEHOOD_WORDS: Array<[string, RegExp]> = [
  ['untrue', /\b(untrue|not true|isn[’']t true|wasn[’']t true|aren[’']t true|not the truth|no truth)\b/i],
  ['false', /\b(false(ly|hoods?)?|falsified)\b/i],
  ['lie', /\b(lie|lies|lied|lying|liars?)\b/i],
  [
    'made-up',
    /\b(fabricat\w*|made[- ](it |that |this |them |the \w+ )?up|make (it|things|stuff) up|invent(ed|ion)|concoct\w*|fiction\w*)\b/i,
  ],
  ['hoax', /\b(hoax\w*|fake|bogus|sham|phony|phoney|fraudulent)\b/i],
  ['nonsense', /\b(nonsense|ridiculous|absurd|preposterous|laughable|ludicrous|silly|garbage|rubbish|baloney|crap|bullshit)\b/i],
  [
    'baseless',
    /\b(baseless|groundless|unfounded|unsubstantiated|without (any )?(basis|merit|evidence|foundation)|no (evidence|basis|proof|foundation|merit))\b/i,
  ],
  ['smear', /\b(smears?|slander\w*|libel\w*|defamat\w*|hit job|hatchet job|witch hunt)\b/i],
  ['myth', /\b(myths?|conspiracy theor\w*|rumou?rs?|delusional|fantasy|fantasies)\b/i],
  ['disinfo', /\b(disinformation|misinformation|propaganda)\b/i],
  [
    'misleading',
    /\b(mislead\w*|misled|inaccura\w*|incorrect|distort\w*|misrepresent\w*|mischaracteriz\w*|exaggerat\w*|misstat\w*|twist\w*)\b/i,
  ],
  ['wrong', /\b(wrong|mistaken|erroneous)\b/i],
  // "I never said I was going to pay", "We never asked for that".
  [
    'never-did',
    /\bnever (ever )?(said|say|suggested|asked|claimed|pledged|promised|called|told|met|did|had|sent|received|used|wrote|owned|discussed|proposed|advocated|supported|knew|happened|existed|took|made|spoke|talked|offered|agreed|threatened|mentioned|endorsed)\b/i,
  ],
  ['nothing-to', /\bnothing to (hide|investigate|do with|it|see|apologi[sz]e for)\b/i],
  ['no-such', /\b(no such|did not happen|didn[’']t happen|never happened|not happen|does not exist|doesn[’']t exist|did not exist)\b/i],
]

/** "to comment", "to say whether": a decline of speech, not of an act ("declined to endorse"). */
export const DECLINED_SPEECH =
  /^(to\s+)?(directly\s+|publicly\s+|immediately\s+|further\s+|specifically\s+)?(comment|say|answer|discuss|confirm|elaborate|respond|provide|specify|speak|offer|disclose|reveal|explain|detail|address|give|share|talk|be interviewed|make (a |any )?(comment|statement)|identify|name|release|go into|weigh in|speculate|characteri[sz]e)\b/i

/** "to be identified", "to be named": the source's own anonymity, not a decline of the claim. */
export const DECLINED_NAME = /^to be (identified|named|quoted)\b/i

/** What a request for comment looks like: "to requests for comment", "a message", "emailed questions". */
export const REQUEST_FOR_COMMENT =
  /^(to\s+)?((a|an|the|several|multiple|repeated|two|three|emailed|e-mailed|phone|telephone|written|detailed|further|our|my)\s+)*(requests?|messages?|calls?|e-?mails?|inquir\w*|questions?|queries|phone calls?)\b/i

/** Objects of "rejected" that are plans or offers, not claims: rejecting them is an assertion. */
export const PLAN_OBJECT =
  /^(the |a |an |his |her |their |its |any |our |this |that )?([\w-]+ ){0,2}(plan|proposals?|bill|offer|deal|nomination|nominee|candidate|candidacy|measure|amendment|appeal|motion|resolution|treaty|agreement|invitation|endorsement|application|settlement|policy|policies|idea of|calls? (for|to)|demands?|requests?|bid|ban|tax|budget|legislation|program|approach|option|compromise|overtures?|advances|label|notion that [\w ]* should)\b/i

/** Objects that are claims: rejecting or disputing them denies them; so is denying "any wrongdoing", "any links to"
 * a group, "involvement", "the existence of" a request. */
export const CLAIM_OBJECT =
  /^(the |these |those |such |any |all |his |her |their |its |this |that |a |an )?([\w-]+ ){0,2}(claims?|allegations?|accusations?|charges?|reports?|story|stories|rumou?rs?|suggestions?|assertions?|speculation|characteri[sz]ations?|accounts?|premise|notion|idea that|narrative|findings?|conclusions?|figures?|numbers?|statistics?|assessment|portrayal|depiction|criticism|insinuations?|implication|wrongdoing|involvement|complicity|responsibility|role in|links?|ties|connections? (to|with)|contacts? with|knowledge of|existence)\b/i

/** The speaker speaks of themselves: a defence more often than a report. */
export const FIRST_PERSON = /\b(I|I[’']m|I[’']ve|me|my|we|we[’']re|we[’']ve|us|our)\b/

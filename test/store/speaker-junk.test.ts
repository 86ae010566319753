// The junk check's table: what no speaker record should be, and real names that must pass it, including
// given names that are words as well ("Hope Hicks", "Will Hurd") and joiners ("Bill de Blasio").
import { expect } from 'chai'
import type { SpeakerType } from '../../src/pipeline/types.js'
import { junkReason } from '../../src/store/speaker-junk.js'

const JUNK: Array<[string, SpeakerType, string]> = [
  ['Wednesday', 'person', 'a date word'],
  ['on Monday', 'person', 'a date word'],
  ['Today', 'person', 'a date word'],
  ['June', 'person', 'a date word'],
  ['WASHINGTON (Reuters) -', 'organization', 'a dateline'],
  ['BEIJING Zhao Lijian', 'person', 'a dateline'],
  ['Trump Tower', 'person', 'a venue'],
  ['Trump National Golf Club', 'organization', 'a venue'],
  ['He', 'person', 'a pronoun'],
  ['they', 'group', 'a pronoun'],
  ['Trump Wants To Do', 'person', 'a fragment'],
  ['Another', 'person', 'a fragment'],
  ['Is Sanders', 'person', 'a fragment'],
  ['So Donald Trump', 'person', 'a fragment'],
  ['Jews Against Trump', 'person', 'a fragment'],
  ['Donald Trump, who spoke for an hour at the rally in Ohio', 'person', 'a fragment'],
]

const NAMES: Array<[string, SpeakerType]> = [
  ['Donald Trump', 'person'],
  ['Zhao Lijian', 'person'],
  ['Hope Hicks', 'person'],
  ['Will Hurd', 'person'],
  ['Bill de Blasio', 'person'],
  ['De Blasio', 'person'],
  ['Mark Warner', 'person'],
  ['Xi Jinping', 'person'],
  ['State Department', 'organization'],
  ['NATO', 'organization'],
  ['China', 'country'],
  ['CNN', 'organization'],
  ['a senior official', 'anonymous'],
  ['U.S. officials', 'anonymous'],
  ['people familiar with the matter', 'anonymous'],
  ['Virginia Democrats', 'group'],
  ['Washington Post', 'organization'],
  ['Martin O’Malley', 'person'],
]

describe('speaker junk check', () => {
  for (const [name, type, reason] of JUNK) it(`"${name}" is ${reason}`, () => expect(junkReason({ name, type })).to.equal(reason))
  for (const [name, type] of NAMES) it(`"${name}" (${type}) is a speaker`, () => expect(junkReason({ name, type })).to.equal(null))
})

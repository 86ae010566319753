// Capitals the news uses for their governments: "Beijing said" is China speaking, "Moscow denied" is Russia.
// Only a capital written alone as the source is read so; "officials in Beijing" stay officials. Washington is
// here too: in a story, "Washington warned" is the United States.
export const CAPITALS: Record<string, string> = {
  beijing: 'China', moscow: 'Russia', kyiv: 'Ukraine', kiev: 'Ukraine', washington: 'United States',
  london: 'United Kingdom', paris: 'France', berlin: 'Germany', tokyo: 'Japan', seoul: 'South Korea',
  pyongyang: 'North Korea', tehran: 'Iran', ankara: 'Turkey', damascus: 'Syria', baghdad: 'Iraq',
  kabul: 'Afghanistan', islamabad: 'Pakistan', 'new delhi': 'India', delhi: 'India', taipei: 'Taiwan',
  riyadh: 'Saudi Arabia', cairo: 'Egypt', havana: 'Cuba', caracas: 'Venezuela', minsk: 'Belarus',
  warsaw: 'Poland', rome: 'Italy', madrid: 'Spain', ottawa: 'Canada', canberra: 'Australia', hanoi: 'Vietnam',
  manila: 'Philippines', jakarta: 'Indonesia', doha: 'Qatar', beirut: 'Lebanon', amman: 'Jordan',
  tripoli: 'Libya', khartoum: 'Sudan', 'addis ababa': 'Ethiopia', nairobi: 'Kenya', pretoria: 'South Africa',
  budapest: 'Hungary', brasilia: 'Brazil', 'mexico city': 'Mexico', tbilisi: 'Georgia',
  yerevan: 'Armenia', baku: 'Azerbaijan', kathmandu: 'Nepal', dhaka: 'Bangladesh', bangkok: 'Thailand',
}

// One name for a country written several ways, so "the U.S." and "the United States" are one speaker.
export const COUNTRY_NAMES: Record<string, string> = {
  us: 'United States', usa: 'United States', 'united states': 'United States', 'united states of america': 'United States',
  america: 'United States', uk: 'United Kingdom', britain: 'United Kingdom', 'great britain': 'United Kingdom',
  'united kingdom': 'United Kingdom', prc: 'China', "people's republic of china": 'China', dprk: 'North Korea',
  uae: 'United Arab Emirates', 'russian federation': 'Russia',
}

// "The Russians said": a nation's people, with "the", speaking as its government.
export const DEMONYMS: Record<string, string> = {
  russians: 'Russia', chinese: 'China', americans: 'United States', iranians: 'Iran', israelis: 'Israel',
  ukrainians: 'Ukraine', syrians: 'Syria', saudis: 'Saudi Arabia', turks: 'Turkey', germans: 'Germany',
  french: 'France', british: 'United Kingdom', japanese: 'Japan', 'north koreans': 'North Korea',
  'south koreans': 'South Korea', pakistanis: 'Pakistan', iraqis: 'Iraq', afghans: 'Afghanistan',
  egyptians: 'Egypt', cubans: 'Cuba', mexicans: 'Mexico', canadians: 'Canada', indians: 'India',
}

// Words that end in a full stop without ending the sentence: "Sen. Warren said", "on Feb. 24".
export const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'sen', 'sens', 'rep', 'reps', 'gov', 'gen', 'lt', 'col', 'maj', 'sgt', 'capt',
  'adm', 'cmdr', 'gov', 'lt', 'pres', 'prof', 'rev', 'hon', 'jr', 'sr', 'no', 'vs', 'etc', 'inc', 'corp', 'co',
  'ltd', 'dept', 'univ', 'jan', 'feb', 'mar', 'apr', 'aug', 'sept', 'sep', 'oct', 'nov', 'dec', 'mt', 'ft',
  'a.m', 'p.m', 'u.s', 'u.k', 'u.n', 'e.g', 'i.e', 'ave', 'blvd', 'calif', 'fla', 'mass', 'pa', 'va', 'wash',
  'ariz', 'colo', 'conn', 'del', 'ga', 'ill', 'ind', 'kan', 'ky', 'la', 'md', 'mich', 'minn', 'miss', 'mo',
  'mont', 'neb', 'nev', 'okla', 'ore', 'tenn', 'tex', 'vt', 'wis', 'wyo', 'n.y', 'n.j', 'n.h', 'n.c', 's.c',
])

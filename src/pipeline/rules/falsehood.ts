// Words that call something false: an accusation built on them denies what it targets.
// Zhao Lijian accused the U.S. of "maliciously spreading disinformation."
export const FALSEHOOD =
  /\b(disinformation|misinformation|lies|lying|lied|false(ly|hood)?|fake news|fabricat\w*|hoax|smear\w*|baseless|groundless|untrue|rumou?rs?|propaganda|slander\w*)\b/i

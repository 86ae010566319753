// Words the quote-first patterns lean on. A quotation no cue claimed is attributed by what stands around it:
// '"We will win," the mayor predicted.' needs no lexicon entry for "predicted".

/** Verbs that are never the saying of a quote after it: '"The plan" is a phrase …', '"Q," which was …'. */
export const NOT_SAYING = new Set([
  'is', 'was', 'are', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'do', 'does', 'did', 'will', 'would',
  'can', 'could', 'should', 'may', 'might', 'must', 'became', 'becomes', 'remains', 'remained', 'seems', 'seemed',
  'means', 'meant', 'got', 'gets', 'went', 'goes', 'came', 'comes', 'made', 'makes', 'took', 'takes',
])

/** Words before a colon that introduce a quote without naming a speaker: "Update:", "Editor's note:". */
export const NOT_A_NAME_BEFORE_COLON = new Set([
  'update', 'note', 'editor', 'correction', 'read', 'watch', 'related', 'video', 'photo', 'photos', 'source',
  'sources', 'headline', 'q', 'a', 'question', 'answer', 'quote', 'quotes', 'text', 'transcript', 'via', 'more',
  'also', 'see', 'pictured', 'above', 'below', 'caption', 'breaking', 'exclusive', 'opinion', 'analysis', 'warning',
])

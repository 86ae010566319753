// Pronouns a source can be written as, with what they may refer to.
export const PRONOUNS: Record<string, { gender: 'male' | 'female' | null; plural: boolean }> = {
  he: { gender: 'male', plural: false },
  she: { gender: 'female', plural: false },
  they: { gender: null, plural: true },
  it: { gender: null, plural: false },
  we: { gender: null, plural: true },
  i: { gender: null, plural: false },
  who: { gender: null, plural: false },
  // Possessives own a noun cue: "his claim that …".
  his: { gender: 'male', plural: false },
  her: { gender: 'female', plural: false },
  their: { gender: null, plural: true },
  its: { gender: null, plural: false },
}

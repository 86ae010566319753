// Page debris that scrapers carry into article text. Each rule with a line it was seen on.
export interface DebrisRule {
  match: RegExp
  rule: string
  example: string
}

export const BOILERPLATE: DebrisRule[] = [
  // "© 2024 NextShark, Inc. All rights reserved."
  { match: /©|\ball rights reserved\b|\(c\) \d{4}/i, rule: 'copyright', example: '© 2024 Example Media, Inc. All rights reserved.' },
  // "Share this Article"
  { match: /^(share|tweet|email|print)( this( article| story)?)?$/i, rule: 'share-button', example: 'Share this Article' },
  // "Sign up for our newsletter" / "Subscribe now"
  {
    match: /^(sign up|subscribe|click here|read more|related:|advertisement$)/i,
    rule: 'call-to-action',
    example: 'Subscribe to our newsletter',
  },
]

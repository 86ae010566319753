// How every page prints text (app.ts gives it to ejs for <%= %>): bidi controls and invisible characters
// dropped (text/neutral.ts), then HTML-escaped. HTML made outside a view (sentences.ts) escapes with it too.
import ejs from 'ejs'
import { neutral } from '../text/neutral.js'

export const escapeNeutral = (value: unknown): string => ejs.escapeXML(value == null ? '' : neutral(String(value)))

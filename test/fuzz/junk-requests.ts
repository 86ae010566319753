// Malformed requests to every route that takes input: the JSON API's POST, the ingest form, the claim page's
// forms, and reads with ids and query values no link would hold. Each must be refused with a 4xx. None of them
// is a good article: the well-formed hostile ones (scripts, formulas) are stored on purpose elsewhere.
import { deflateSync, gzipSync } from 'node:zlib'
import { CONTROLS, type Rng } from './rng.js'

export interface JunkRequest {
  what: string
  method: 'GET' | 'POST'
  path: string
  headers: Record<string, string>
  body?: Buffer
}

/** Ids of things in the store, so that forms reach their checks instead of stopping at a 404. */
export interface Targets {
  claim: string
  otherClaim: string
  statement: string
  speaker: string
}

type Maker = (rng: Rng, t: Targets) => JunkRequest
/** How often each maker runs, relative to the others: the huge ones cost the most and prove the least anew. */
type Weighted = [weight: number, maker: Maker]

const WORDS = 'The harbour board said the pier would be sold before the summer'
const json = (what: string, body: string | Buffer, type = 'application/json'): JunkRequest => ({
  what,
  method: 'POST',
  path: '/api/articles',
  headers: { 'content-type': type },
  body: Buffer.from(body),
})
const form = (what: string, path: string, fields: string): JunkRequest => ({
  what,
  method: 'POST',
  path,
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: Buffer.from(fields, 'latin1'),
})
const get = (what: string, path: string): JunkRequest => ({ what, method: 'GET', path, headers: {} })
const enc = encodeURIComponent

/** A multipart body by hand, so that it can be broken on purpose. */
function multipart(
  what: string,
  parts: Array<{ name: string; file?: string; body: Buffer | string }>,
  boundary = 'fuzzBOUNDARY',
): JunkRequest {
  const chunks = parts.flatMap(({ name, file, body }) => [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${file ? `; filename="${file}"` : ''}\r\n` +
        `${file ? 'Content-Type: application/octet-stream\r\n' : ''}\r\n`,
    ),
    Buffer.from(body),
    Buffer.from('\r\n'),
  ])
  return {
    what,
    method: 'POST',
    path: '/articles',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    body: Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]),
  }
}

const controls = (rng: Rng, length: number) => rng.chars(CONTROLS, length)
const notUtf8 = (rng: Rng) =>
  Buffer.from(
    rng.pick([[0xff], [0xfe, 0xff], [0xc3, 0x28], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xf8, 0x88, 0x80, 0x80, 0x80]]),
  )
const nested = (depth: number, open = '[', close = ']') => `${open.repeat(depth)}${close.repeat(depth)}`
const nestedObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
/** A text no article is: nothing, blanks, control characters, punctuation and emoji without a word. */
const wordless = (rng: Rng) =>
  rng.pick(['', ' ', '\n\n\t', controls(rng, rng.int(1, 40)), '!!! ??? ... ---', '\u{1F600}\u{1F4A5}', ' \u00a0\u2028 '])

const API: Weighted[] = [
  [3, (rng) => json('binary bytes labelled JSON', rng.bytes(rng.int(1, 4096)))],
  [2, () => json('an empty body', '')],
  [
    3,
    (rng) =>
      json('text with bytes that are not UTF-8', Buffer.concat([Buffer.from(`{"text": "${WORDS} `), notUtf8(rng), Buffer.from('"}')])),
  ],
  [3, (rng) => json('text without a word in it', JSON.stringify({ text: wordless(rng) }))],
  [
    3,
    (rng) =>
      json(
        'a one-line field with control characters',
        JSON.stringify({ text: WORDS, [rng.pick(['title', 'outlet', 'id', 'url'])]: `a${controls(rng, rng.int(1, 5))}b` }),
      ),
  ],
  [2, () => json('text with NUL characters', JSON.stringify({ text: `${WORDS}\u0000\u0000` }))],
  [2, (rng) => json('text with half a UTF-16 pair', `{"text": "${WORDS} \\u${rng.pick(['d800', 'dbff', 'dc00', 'dfff'])} end"}`)],
  [3, (rng) => json('deeply nested arrays', nested(rng.int(1_000, 200_000)))],
  [2, (rng) => json('deeply nested objects as the text', `{"text": ${nestedObject(rng.int(1_000, 50_000))}}`)],
  [2, (rng) => json('deeply nested articles', `{"articles": ${nested(rng.int(1_000, 50_000))}}`)],
  [2, (rng) => json('nesting that never closes', `{"text": ${'['.repeat(rng.int(10, 100_000))}`)],
  [
    4,
    (rng) =>
      json('text of the wrong type', `{"text": ${rng.pick(['42', 'true', 'null', '[]', '["a"]', '{}', '{"p": "x"}', '-0', '1e999'])}}`),
  ],
  [
    4,
    (rng) =>
      json(
        'a field of the wrong type',
        `{"text": ${JSON.stringify(WORDS)}, "${rng.pick(['title', 'outlet', 'url', 'id', 'date'])}": ${rng.pick(['42', 'true', '[]', '{}', '["x"]'])}}`,
      ),
  ],
  [
    3,
    (rng) =>
      json(
        'a date that is not one',
        JSON.stringify({
          text: WORDS,
          date: rng.pick([
            '2022-02-30',
            '2022-13-01',
            'tomorrow',
            '15/03/2022',
            '2022-3-5',
            '',
            ' 2022-03-15',
            '20220315',
            '2022-03-15T10:00',
          ]),
        }),
      ),
  ],
  [
    4,
    (rng) =>
      json(
        'articles that are not a list of articles',
        `{"articles": ${rng.pick(['"x"', '{}', '[]', '[1, 2]', '[{}]', '[null]', '[[]]', 'null', `[${JSON.stringify({ text: WORDS })}, {"text": 3}]`])}}`,
      ),
  ],
  [
    1,
    () =>
      json(
        'more articles than a request takes',
        JSON.stringify({ articles: Array.from({ length: 101 }, (_, i) => ({ text: `${WORDS} ${i}` })) }),
      ),
  ],
  [
    3,
    (rng) =>
      json(
        'an unknown field',
        `{"text": ${JSON.stringify(WORDS)}, ${rng.pick(['"__proto__": {"admin": true}', '"constructor": {"prototype": {}}', '"published": "2022-03-15"', '"statements": []', '"": 1'])}}`,
      ),
  ],
  [
    3,
    (rng) =>
      json(
        'JSON that is not an object',
        rng.pick(['null', '42', '"text"', 'true', '[]', `[${JSON.stringify({ text: WORDS })}]`, '-1', '"\\u0000"']),
      ),
  ],
  [
    4,
    (rng) => {
      const whole = JSON.stringify({ text: WORDS, title: 'Pier', date: '2025-03-05' })
      return json(
        'JSON cut off, or with junk around it',
        rng.pick([
          whole.slice(0, rng.int(1, whole.length - 1)),
          `${whole}}`,
          `${whole} trailing`,
          `x${whole}`,
          "{'text': 'single quotes'}",
          '{"text": NaN}',
          '{"text": "a" /* comment */}',
          '{"text": "unterminated',
          '{text: "bare key"}',
          '\u00ef\u00bb\u00bf{"text": 1}',
        ]),
      )
    },
  ],
  [
    4,
    (rng) =>
      json(
        'an article sent with the wrong content type',
        JSON.stringify({ text: WORDS }),
        rng.pick([
          'text/plain',
          'application/x-www-form-urlencoded',
          'application/xml',
          'application/octet-stream',
          'multipart/form-data; boundary=x',
          'text/html',
          'application/jsonx',
        ]),
      ),
  ],
  [
    2,
    (rng) => ({
      ...json('an article with no content type', JSON.stringify({ text: WORDS })),
      headers: rng.pick<Record<string, string>>([{}, { 'content-type': '' }]),
    }),
  ],
  [
    2,
    (rng) =>
      json(
        'JSON in a charset that is not UTF-8',
        Buffer.from(JSON.stringify({ text: `${WORDS} caf\u00e9` }), rng.pick(['latin1', 'utf16le'] as const)),
        rng.pick([
          'application/json; charset=latin1',
          'application/json; charset=utf-16',
          'application/json; charset=klingon',
          'application/json; charset=utf-16le',
        ]),
      ),
  ],
  [
    2,
    (rng) => ({
      ...json('a compressed body that is not what it says', rng.bytes(rng.int(10, 500))),
      headers: { 'content-type': 'application/json', 'content-encoding': rng.pick(['gzip', 'deflate', 'br']) },
    }),
  ],
  [
    2,
    (rng) => ({
      ...json('a compressed body of junk JSON', rng.pick([gzipSync, deflateSync])(Buffer.from(nested(50_000)))),
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
    }),
  ],
  [
    1,
    () => ({
      ...json('a body in an unknown encoding', JSON.stringify({ text: WORDS })),
      headers: { 'content-type': 'application/json', 'content-encoding': 'zstd-ish' },
    }),
  ],
  [1, (rng) => json('an article over the size limit', JSON.stringify({ text: 'word '.repeat(rng.int(420_000, 500_000)) }))],
  [
    1,
    () =>
      json(
        'a body over the body limit',
        JSON.stringify({ articles: Array.from({ length: 3 }, () => ({ text: 'word '.repeat(300_000) })) }),
      ),
  ],
]

const INGEST_FORM: Weighted[] = [
  [2, () => form('an empty ingest form', '/articles', '')],
  [2, (rng) => form('an ingest form whose text has no word', '/articles', `text=${enc(wordless(rng))}`)],
  [
    3,
    (rng) =>
      form(
        'an ingest form not in UTF-8',
        '/articles',
        `text=${enc(WORDS)}%20${[...notUtf8(rng)].map((b) => `%${b.toString(16).toUpperCase()}`).join('')}`,
      ),
  ],
  [
    2,
    (rng) =>
      form(
        'an ingest form with a date that is not one',
        '/articles',
        `text=${enc(WORDS)}&date=${enc(rng.pick(['yesterday', '2022-02-30', '03/15/2022']))}`,
      ),
  ],
  [
    2,
    (rng) =>
      form(
        'an ingest form with a url that is not a web address',
        '/articles',
        `text=${enc(WORDS)}&url=${enc(rng.pick(['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', 'not a url', 'vbscript:msgbox']))}`,
      ),
  ],
  [
    2,
    (rng) =>
      form(
        'an ingest form with control characters in a field',
        '/articles',
        `text=${enc(WORDS)}&${rng.pick(['title', 'outlet'])}=${enc(`x${controls(rng, 3)}`)}`,
      ),
  ],
  [
    2,
    (rng) =>
      form('an ingest form with the text given twice', '/articles', `text=${enc(WORDS)}&text=${enc(rng.pick(['', WORDS, 'other']))}`),
  ],
  [
    1,
    (rng) =>
      form('an ingest form with too many fields', '/articles', Array.from({ length: rng.int(25, 200) }, (_, i) => `f${i}=1`).join('&')),
  ],
  [1, () => form('pasted text over the size limit', '/articles', `text=${'word+'.repeat(450_000)}`)],
  [
    2,
    (rng) => ({
      ...multipart('a multipart form cut off', [{ name: 'text', body: WORDS }]),
      body: Buffer.from(`--fuzzBOUNDARY\r\nContent-Disposition: form-data; name="text"\r\n\r\n${WORDS.slice(0, rng.int(0, 20))}`),
    }),
  ],
  [2, (rng) => ({ ...multipart('a multipart form with junk for a body', []), body: rng.bytes(rng.int(1, 2000)) })],
  [
    1,
    (rng) => ({
      ...multipart('a multipart form without a boundary', [{ name: 'text', body: WORDS }]),
      headers: { 'content-type': rng.pick(['multipart/form-data', 'multipart/form-data; boundary=', 'multipart/mixed; boundary=zz']) },
    }),
  ],
  [
    2,
    (rng) =>
      multipart('a binary .txt file', [
        { name: 'file', file: 'story.txt', body: Buffer.concat([rng.bytes(rng.int(1, 2000)), Buffer.from([0])]) },
      ]),
  ],
  [
    2,
    (rng) =>
      multipart('a .txt file not in UTF-8', [{ name: 'file', file: 'story.txt', body: Buffer.concat([Buffer.from(WORDS), notUtf8(rng)]) }]),
  ],
  [
    2,
    (rng) => multipart('a .txt file without a word', [{ name: 'file', file: rng.pick(['story.txt', 'STORY.TXT']), body: wordless(rng) }]),
  ],
  [
    2,
    (rng) =>
      multipart('a file of a type claimtrail does not read', [
        { name: 'file', file: rng.pick(['story.pdf', 'story', '.txt.exe', 'story.txt/', 'a.docx']), body: WORDS },
      ]),
  ],
  [
    2,
    (rng) =>
      multipart('an .html page of scripts and styles only', [
        {
          name: 'file',
          file: 'page.html',
          body: `<html><head><style>p{}</style></head><body>${'<script>alert(1)</script>'.repeat(rng.int(1, 50))}<img src=x onerror=alert(1)></body></html>`,
        },
      ]),
  ],
  [
    2,
    (rng) =>
      multipart('a .jsonl file of junk lines', [
        {
          name: 'file',
          file: 'batch.jsonl',
          body: Array.from({ length: rng.int(1, 8) }, () =>
            rng.pick([
              '{',
              '[]',
              '42',
              '{"text": 3}',
              '{"title": "no text"}',
              `{"text": ${JSON.stringify(wordless(rng))}}`,
              '{"text": "a\\u0000b"}',
              '{"text": "x", "date": "soon"}',
              nested(5_000),
            ]),
          ).join('\n'),
        },
      ]),
  ],
  [
    1,
    () =>
      multipart('two files', [
        { name: 'file', file: 'a.txt', body: WORDS },
        { name: 'file', file: 'b.txt', body: WORDS },
      ]),
  ],
  [1, () => multipart('a file under another field name', [{ name: 'upload', file: 'a.txt', body: WORDS }])],
  [
    1,
    () =>
      multipart('both pasted text and a file', [
        { name: 'text', body: WORDS },
        { name: 'file', file: 'a.txt', body: WORDS },
      ]),
  ],
  [
    1,
    (rng) =>
      multipart(
        'too many parts',
        Array.from({ length: rng.int(13, 40) }, (_, i) => ({ name: `f${i}`, body: 'x' })),
      ),
  ],
  [1, () => multipart('a .txt file over the size limit', [{ name: 'file', file: 'book.txt', body: 'word '.repeat(450_000) }])],
  [
    2,
    (rng) => ({
      what: 'an ingest form sent as something else',
      method: 'POST',
      path: '/articles',
      headers: { 'content-type': rng.pick(['application/json', 'text/plain', 'application/octet-stream', 'application/xml']) },
      body: Buffer.from(JSON.stringify({ text: WORDS })),
    }),
  ],
]

const CLAIM_FORMS: Weighted[] = [
  [2, (rng, t) => form('a review without a name', `/claims/${enc(t.claim)}/review`, `verdict=True${rng.pick(['', '&by=', '&by=+++'])}`)],
  [
    2,
    (rng, t) =>
      form(
        'a review with a verdict not on the scale',
        `/claims/${enc(t.claim)}/review`,
        `by=Dana&verdict=${enc(rng.pick(['', 'Pants on fire', 'true', 'FALSE', '<b>False</b>', 'True False', `Tr${controls(rng, 2)}ue`]))}`,
      ),
  ],
  [
    2,
    (rng, t) =>
      form(
        'a review with a field given twice',
        `/claims/${enc(t.claim)}/review`,
        rng.pick(['by=Dana&by=Eve&verdict=True', 'by=Dana&verdict=True&verdict=False', 'by=Dana&verdict=True&note=a&note=b']),
      ),
  ],
  [
    2,
    (rng, t) =>
      form(
        'a review with a name of control characters',
        `/claims/${enc(t.claim)}/review`,
        `by=${enc(`Da${controls(rng, rng.int(1, 4))}na`)}&verdict=True`,
      ),
  ],
  [
    2,
    (rng, t) =>
      form('a review not in UTF-8', `/claims/${enc(t.claim)}/review`, `by=Dana%${rng.pick(['FF', 'C3%28', 'ED%A0%80'])}&verdict=True`),
  ],
  [
    2,
    (rng, t) =>
      form(
        'a review with fields too long',
        `/claims/${enc(t.claim)}/review`,
        rng.pick([`by=${'d'.repeat(101)}&verdict=True`, `by=Dana&verdict=True&note=${'n'.repeat(5001)}`]),
      ),
  ],
  [
    1,
    (rng, t) =>
      form(
        'a review form over the form limit',
        `/claims/${enc(t.claim)}/review`,
        `by=Dana&verdict=True&note=${'n'.repeat(rng.int(70_000, 200_000))}`,
      ),
  ],
  [
    1,
    (rng, t) =>
      form(
        'a review form with too many fields',
        `/claims/${enc(t.claim)}/review`,
        Array.from({ length: rng.int(51, 300) }, (_, i) => `f${i}=1`).join('&'),
      ),
  ],
  [
    2,
    (rng) =>
      form(
        'a review of a claim that does not exist',
        `/claims/${enc(rng.pick(['nope', 'x:c999', '<script>alert(1)</script>', '..', '\u0000']))}/review`,
        'by=Dana&verdict=True',
      ),
  ],
  [
    2,
    (rng, t) =>
      form(
        'a merge into nothing, or into itself',
        `/claims/${enc(t.claim)}/merge`,
        `by=Dana${rng.pick(['', '&into=', '&into=nope', `&into=${enc(t.claim)}`, `&into=${enc(t.otherClaim)}&into=${enc(t.claim)}`])}`,
      ),
  ],
  [
    3,
    (rng, t) =>
      form(
        'a correction this page does not make',
        `/claims/${enc(t.claim)}/statements/${enc(t.statement)}`,
        `by=Dana&${rng.pick(['', 'action=', 'action=delete', 'action=set-stance&stance=shout', 'action=set-kind&kind=sung', 'action=set-speaker', 'action=set-speaker&speaker=X&speakerType=alien', 'action=move-statement', 'action=move-statement&claim=nope', 'action=set-stance'])}`,
      ),
  ],
  [
    2,
    (rng, t) =>
      form(
        'a correction to a statement of another claim',
        `/claims/${enc(t.claim)}/statements/${enc(rng.pick(['nope', `${t.statement}x`, '%00']))}`,
        'by=Dana&action=split-statement',
      ),
  ],
  [
    2,
    (rng, t) => ({
      what: 'a review sent as JSON or plain text',
      method: 'POST',
      path: `/claims/${enc(t.claim)}/review`,
      headers: { 'content-type': rng.pick(['application/json', 'text/plain']) },
      body: Buffer.from(JSON.stringify({ by: 'Dana', verdict: 'True' })),
    }),
  ],
]

/** Ids that name nothing, or cannot be read at all. */
const badId = (rng: Rng) =>
  rng.pick([
    enc('nope'),
    '%ZZ',
    '%',
    '%E0%A4%A',
    '%00',
    enc('<script>alert(1)</script>'),
    enc('"><img src=x onerror=alert(1)>'),
    '..%2F..%2Fetc%2Fpasswd',
    enc('x'.repeat(rng.int(300, 4000))),
    enc(controls(rng, 5)),
    '%FF%FE',
    enc('\u{1F600}'),
    enc('c1 OR 1=1'),
    '%2e%2e',
  ])
const badValue = (rng: Rng) =>
  rng.pick(['0', '-1', 'abc', '1.5', '1e3', '99999999999999999999', '%ZZ', '%FF', enc(controls(rng, 3)), enc('<script>'), 'NaN'])

const READS: Weighted[] = [
  [3, (rng) => get('an API read of an id that names nothing', `/api/${rng.pick(['claims', 'speakers'])}/${badId(rng)}`)],
  [3, (rng) => get('a page of an id that names nothing', `/${rng.pick(['claims', 'speakers', 'articles', 'ingest'])}/${badId(rng)}`)],
  [1, (rng) => get('a ClaimReview of an id that names nothing', `/claims/${badId(rng)}/claimreview.jsonld`)],
  [1, (rng) => get('a speaker quotes CSV of an id that names nothing', `/speakers/${badId(rng)}/quotes.csv`)],
  [
    2,
    (rng) =>
      get('an API route that does not exist', `/api/${rng.pick(['claim', 'articles/x/y', 'statements/1', 'speakers/x/y', 'admin', ''])}`),
  ],
  [
    4,
    (rng) =>
      get(
        'an API list with a page no one can mean',
        `/api/${rng.pick(['claims', 'statements', 'speakers'])}?${rng.pick([`page=${badValue(rng)}`, `per=${rng.pick(['0', '101', '-5', 'all', '1e2'])}`])}`,
      ),
  ],
  [
    4,
    (rng) => {
      const [list, names] = rng.pick([
        ['claims', ['stance', 'type', 'from', 'to', 'denied', 'reviewed']],
        ['statements', ['stance', 'type', 'from', 'to']],
      ] as const)
      return get(
        'an API list with a filter no one can mean',
        `/api/${list}?${rng.pick(names)}=${rng.pick(['shout', '2022-13-45', 'yesterday', 'alien', enc(controls(rng, 2)), '%FF', 'maybe'])}`,
      )
    },
  ],
  [
    3,
    (rng) =>
      get(
        'a list with its page given twice',
        `/${rng.pick(['api/claims', 'api/statements', 'api/speakers', 'claims', 'search', 'speakers', 'articles'])}?page=1&page=2`,
      ),
  ],
  [
    4,
    (rng) => {
      // Each page with the parameters it reads; one it does not read it ignores, as any page does.
      const [page, names] = rng.pick([
        ['claims', ['page', 'stance', 'from', 'to', 'type', 'sort']],
        ['', ['page', 'stance', 'sort']],
        ['search', ['page', 'stance', 'from', 'to', 'type']],
        ['speakers', ['page']],
        ['articles', ['page']],
      ] as const)
      return get('a page with a query no one can mean', `/${page}?${rng.pick(names)}=${badValue(rng)}`)
    },
  ],
  [
    2,
    (rng, t) =>
      get(
        "a speaker's page with a filter no one can mean",
        `/speakers/${enc(t.speaker)}${rng.pick(['', '/quotes.csv'])}?${rng.pick(['stance=shout', 'from=2022-02-30', 'to=never', 'stance=a&stance=b'])}`,
      ),
  ],
  [
    2,
    (rng) =>
      get(
        'a CSV download with a query no one can mean',
        rng.pick([
          `/export/statements.csv?${rng.pick(['claim=nope', 'claim=a&claim=b'])}`,
          `/export/${rng.pick(['statements', 'claims'])}.csv?${rng.pick(['sort=sideways', 'stance=shout', 'page=0', 'from=2022-13-01', 'type=alien'])}`,
        ]),
      ),
  ],
]

const ALL: Weighted[] = [...API, ...INGEST_FORM, ...CLAIM_FORMS, ...READS]

/** `count` malformed requests, the same ones for the same seed, spread over the makers by their weights. */
export function junkRequests(rng: Rng, targets: Targets, count: number): JunkRequest[] {
  const deck = ALL.flatMap(([weight, maker]) => Array<Maker>(weight).fill(maker))
  return Array.from({ length: count }, (_, i) => deck[i % deck.length](rng, targets))
}

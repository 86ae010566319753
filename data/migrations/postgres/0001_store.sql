-- Up Migration
-- The claim store in PostgreSQL: the records of the JSON store (src/store/schema.ts), each kept whole in `record`
-- beside the columns that are looked up, joined and indexed. Articles are unique on their text's fingerprint, so
-- the same article is never stored twice however many workers race to file it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- One row: `version` moves with every write (the web's caches are keyed on it); `indexed` counts the statements in
-- the claim index, the N of a term's rarity.
CREATE TABLE store_state (
  one boolean PRIMARY KEY DEFAULT true CHECK (one),
  version bigint NOT NULL DEFAULT 0,
  indexed bigint NOT NULL DEFAULT 0
);
INSERT INTO store_state DEFAULT VALUES;

CREATE TABLE articles (
  seq bigserial NOT NULL UNIQUE,
  id text PRIMARY KEY,
  fingerprint text NOT NULL UNIQUE,
  title text,
  outlet text,
  url text,
  published text,
  added_at text NOT NULL
);
CREATE INDEX articles_outlet ON articles (outlet);
CREATE INDEX articles_published ON articles (published);

CREATE TABLE article_texts (
  article_id text PRIMARY KEY REFERENCES articles (id) DEFERRABLE,
  text text NOT NULL
);

CREATE TABLE speakers (
  seq bigserial NOT NULL UNIQUE,
  id text PRIMARY KEY,
  name text NOT NULL,
  type text NOT NULL,
  merged_into text REFERENCES speakers (id) DEFERRABLE,
  record jsonb NOT NULL
);
CREATE INDEX speakers_id_prefix ON speakers (id text_pattern_ops);
CREATE INDEX speakers_name ON speakers (name);
CREATE INDEX speakers_name_trgm ON speakers USING gin (name gin_trgm_ops);

-- How a mention finds its record (src/store/speakers.ts speakerKeys): first come, first served.
CREATE TABLE speaker_keys (
  key text PRIMARY KEY,
  speaker_id text NOT NULL REFERENCES speakers (id) DEFERRABLE
);
CREATE INDEX speaker_keys_speaker ON speaker_keys (speaker_id);

CREATE TABLE speaker_surnames (
  surname text NOT NULL,
  speaker_id text NOT NULL REFERENCES speakers (id) DEFERRABLE,
  PRIMARY KEY (surname, speaker_id)
);
CREATE INDEX speaker_surnames_speaker ON speaker_surnames (speaker_id);

CREATE TABLE claims (
  seq bigserial NOT NULL UNIQUE,
  id text PRIMARY KEY,
  merged_into text REFERENCES claims (id) DEFERRABLE,
  record jsonb NOT NULL
);
CREATE INDEX claims_id_prefix ON claims (id text_pattern_ops);

CREATE TABLE statements (
  seq bigserial NOT NULL UNIQUE,
  id text PRIMARY KEY,
  article_id text NOT NULL REFERENCES articles (id) DEFERRABLE,
  speaker_id text REFERENCES speakers (id) DEFERRABLE,
  claim_id text NOT NULL REFERENCES claims (id) DEFERRABLE,
  rejected boolean NOT NULL DEFAULT false,
  record jsonb NOT NULL,
  search tsvector NOT NULL
);
CREATE INDEX statements_article ON statements (article_id);
CREATE INDEX statements_speaker ON statements (speaker_id) WHERE NOT rejected;
CREATE INDEX statements_claim ON statements (claim_id);
CREATE INDEX statements_search ON statements USING gin (search);

-- The claim index (src/claims/claim-index.ts) as postings: a statement under each of its terms, newest first.
CREATE SEQUENCE claim_term_seq;
CREATE TABLE claim_terms (
  term text NOT NULL,
  seq bigint NOT NULL,
  statement_id text NOT NULL REFERENCES statements (id) DEFERRABLE,
  PRIMARY KEY (term, seq)
);
CREATE INDEX claim_terms_statement ON claim_terms (statement_id);
CREATE TABLE claim_term_counts (
  term text PRIMARY KEY,
  df integer NOT NULL CHECK (df >= 0)
);

-- The reviewers' decisions, append-only.
CREATE TABLE decisions (
  seq bigserial PRIMARY KEY,
  at text NOT NULL,
  by text NOT NULL,
  action text NOT NULL,
  detail jsonb NOT NULL
);

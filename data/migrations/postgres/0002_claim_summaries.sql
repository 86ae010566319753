-- Up Migration
-- The claims list as rows: one summary per live claim (src/store/ledger.ts claimSummary, kept as it was made) beside
-- the columns the list sorts and filters by, and one row per voice for the filters that must hold for one and the
-- same statement (speaker, side, speaker type, outlet, date). A serving process pages through them with indexed
-- queries instead of holding every claim. Ids and dates sort byte by byte ("C"), as the JSON store sorts them.

CREATE TABLE claim_summaries (
  claim_id text COLLATE "C" PRIMARY KEY,
  seq bigint NOT NULL,
  summary json NOT NULL,
  text text NOT NULL,
  statement_count integer NOT NULL,
  article_count integer NOT NULL,
  first_date text COLLATE "C",
  latest_date text COLLATE "C",
  denied boolean NOT NULL,
  anonymous_only boolean NOT NULL,
  reviewed boolean NOT NULL,
  verdict text
);
CREATE INDEX claim_summaries_seq ON claim_summaries (seq);
CREATE INDEX claim_summaries_latest ON claim_summaries (latest_date DESC NULLS LAST, claim_id);
CREATE INDEX claim_summaries_first ON claim_summaries (first_date ASC NULLS LAST, claim_id);
CREATE INDEX claim_summaries_statements ON claim_summaries (statement_count DESC, claim_id);
CREATE INDEX claim_summaries_articles ON claim_summaries (article_count DESC, claim_id);
-- "Denied" is the desk's most used filter: its own index in every order (a page deep in the denied claims by size
-- read 1,000 of them from the whole list's index in 135 ms at a million statements, 6.5 ms from its own).
CREATE INDEX claim_summaries_denied ON claim_summaries (latest_date DESC NULLS LAST, claim_id) WHERE denied;
CREATE INDEX claim_summaries_denied_first ON claim_summaries (first_date ASC NULLS LAST, claim_id) WHERE denied;
CREATE INDEX claim_summaries_denied_statements ON claim_summaries (statement_count DESC, claim_id) WHERE denied;
CREATE INDEX claim_summaries_denied_articles ON claim_summaries (article_count DESC, claim_id) WHERE denied;
CREATE INDEX claim_summaries_verdict ON claim_summaries (verdict) WHERE reviewed;
-- A page of a speaker's claims is picked from their ids and sort keys alone, read from here without the rows.
CREATE INDEX claim_summaries_keys ON claim_summaries (claim_id)
  INCLUDE (latest_date, first_date, statement_count, article_count, seq, denied, anonymous_only, reviewed, verdict);
-- Lower case by Unicode's full rules, as JavaScript's toLowerCase, whatever the database's own locale.
CREATE INDEX claim_summaries_text ON claim_summaries USING gin (lower(text COLLATE "und-x-icu") gin_trgm_ops);

-- side: assert (a confirmation too), deny or decline. `name_key` is the name the voice is shown with, normalised
-- and padded with spaces, so that a run of whole words is found with LIKE '% words %'; a voice with a live speaker
-- record is found by the record's names instead (speakers.names), through the record's id.
CREATE TABLE claim_voices (
  claim_id text COLLATE "C" NOT NULL,
  side text NOT NULL,
  speaker_id text,
  name_key text NOT NULL,
  -- No speaker record, or one merged away: the only voices the name shown can find that the record's names cannot.
  apart boolean NOT NULL,
  type text,
  outlet text,
  date text COLLATE "C"
);
CREATE INDEX claim_voices_claim ON claim_voices (claim_id);
CREATE INDEX claim_voices_speaker ON claim_voices (speaker_id);
CREATE INDEX claim_voices_outlet ON claim_voices (outlet);
CREATE INDEX claim_voices_date ON claim_voices (date);
CREATE INDEX claim_voices_type ON claim_voices (type, side);
CREATE INDEX claim_voices_name ON claim_voices USING gin (name_key gin_trgm_ops) WHERE apart;
CREATE INDEX claim_voices_speaker_side ON claim_voices (speaker_id, side) INCLUDE (claim_id);

-- Claims whose summary must be made again before the writing transaction commits (src/store/pg/summaries.ts).
-- The triggers note them whatever wrote the rows: filing, a decision, a copy.
CREATE TABLE claim_summaries_due (claim_id text PRIMARY KEY);
INSERT INTO claim_summaries_due SELECT id FROM claims;

CREATE FUNCTION claims_due() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO claim_summaries_due SELECT DISTINCT id FROM changed ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER claims_inserted AFTER INSERT ON claims REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION claims_due();
CREATE TRIGGER claims_updated AFTER UPDATE ON claims REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION claims_due();

CREATE FUNCTION statements_due() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO claim_summaries_due SELECT DISTINCT claim_id FROM changed ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE FUNCTION statements_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO claim_summaries_due
    SELECT claim_id FROM changed UNION SELECT claim_id FROM was
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER statements_inserted AFTER INSERT ON statements REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION statements_due();
CREATE TRIGGER statements_updated AFTER UPDATE ON statements REFERENCING OLD TABLE AS was NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION statements_moved();

-- A speaker shown otherwise (name, type, role, merged) changes the summaries of the claims they spoke in; a new
-- alias alone does not: the speaker filter reads the record's names as they are now (speakers.names, 0003).
CREATE FUNCTION speakers_restyled() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  restyled text[];
BEGIN
  -- Most updates (a new alias, a count the search triggers keep) show no speaker otherwise: nothing more is read.
  SELECT array_agg(n.id) INTO restyled FROM changed n JOIN was o ON o.id = n.id
  WHERE (n.name, n.type, n.record->>'role', n.merged_into) IS DISTINCT FROM (o.name, o.type, o.record->>'role', o.merged_into);
  IF restyled IS NULL THEN
    RETURN NULL;
  END IF;
  -- Statements stay on a speaker merged away while its article is filed (filing.ts): every speaker merged into a
  -- restyled one, through any number of merges, is shown as it now is.
  WITH RECURSIVE merged(id, hops) AS (
    SELECT unnest(restyled), 0
    UNION
    SELECT s.id, m.hops + 1 FROM speakers s JOIN merged m ON s.merged_into = m.id WHERE m.hops < 100
  )
  SELECT array_agg(DISTINCT id) INTO restyled FROM merged;
  INSERT INTO claim_summaries_due
    SELECT DISTINCT claim_id FROM statements WHERE speaker_id = ANY(restyled) AND NOT rejected
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE INDEX speakers_merged_into ON speakers (merged_into) WHERE merged_into IS NOT NULL;
CREATE TRIGGER speakers_updated AFTER UPDATE ON speakers REFERENCING OLD TABLE AS was NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION speakers_restyled();

-- An article's outlet or date is shown in every summary that quotes it.
CREATE FUNCTION articles_restyled() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO claim_summaries_due
    SELECT st.claim_id FROM statements st JOIN changed n ON st.article_id = n.id JOIN was o ON o.id = n.id
    WHERE (n.outlet, n.published) IS DISTINCT FROM (o.outlet, o.published)
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER articles_updated AFTER UPDATE ON articles REFERENCING OLD TABLE AS was NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION articles_restyled();

-- Up Migration
-- Search and the speakers index as indexed queries (src/store/pg/statement-search.ts, speaker-list.ts), so a server
-- never loads every statement to answer a page. Words are keyed in the program (src/text/word-keys.ts), never here:
-- SQL has no way to key them exactly alike, and a search must find what the JSON store's word index finds. Rows
-- that exist when this runs are given their words by migrate.ts right after it, while `words_filled` is false.

-- Each statement's words: those of its content and of the name it was written with.
ALTER TABLE statements ADD COLUMN words text[];
CREATE INDEX statements_words ON statements USING gin (words);

-- Each speaker's names: `name_words`, the words of its name and aliases, for search; `names`, each name normalised
-- (src/store/speakers.ts normaliseName) and set in spaces, one a line, for "answers to" (src/store/speaker-rows.ts).
ALTER TABLE speakers
  ADD COLUMN name_words text[],
  ADD COLUMN names text,
  ADD COLUMN quotes integer NOT NULL DEFAULT 0,
  ADD COLUMN asserts integer NOT NULL DEFAULT 0,
  ADD COLUMN denials integer NOT NULL DEFAULT 0,
  ADD COLUMN claims integer NOT NULL DEFAULT 0;
CREATE INDEX speakers_name_words ON speakers USING gin (name_words);
CREATE INDEX speakers_names_trgm ON speakers USING gin (names gin_trgm_ops);

-- A speaker's statements not rejected (`quotes`), those asserting or confirming (`asserts`), those denying
-- (`denials`) and the claims they fall on (`claims`), kept by the triggers below through every write (filing,
-- decisions, copy, a merge's moved quotes): the speakers index is ordered by them, and counting them when asked
-- took 75 ms for the first page at 100,000 statements (its 50 speakers said half of them), ten times that at 1M.
-- `speaker_claims` holds how many of a speaker's statements fall on each claim, so a claim is counted once.
CREATE TABLE speaker_claims (
  speaker_id text NOT NULL,
  claim_id text NOT NULL,
  statements integer NOT NULL,
  PRIMARY KEY (speaker_id, claim_id)
);
INSERT INTO speaker_claims (speaker_id, claim_id, statements)
SELECT speaker_id, claim_id, count(*) FROM statements WHERE NOT rejected AND speaker_id IS NOT NULL GROUP BY speaker_id, claim_id;
UPDATE speakers sp SET quotes = c.quotes, asserts = c.asserts, denials = c.denials,
  claims = (SELECT count(*) FROM speaker_claims sc WHERE sc.speaker_id = sp.id)
FROM (
  SELECT speaker_id, count(*) AS quotes,
         count(*) FILTER (WHERE record->>'stance' IN ('assert', 'confirm')) AS asserts,
         count(*) FILTER (WHERE record->>'stance' = 'deny') AS denials
  FROM statements WHERE NOT rejected AND speaker_id IS NOT NULL GROUP BY speaker_id
) c
WHERE sp.id = c.speaker_id;
-- In the order speaker-rows.ts gives, for the JavaScript that sorts by name (localeCompare) in ICU's root order.
CREATE INDEX speakers_by_quotes ON speakers (quotes DESC, name COLLATE "und-x-icu", seq) WHERE merged_into IS NULL;

-- Nothing deletes a statement (a rejected one stays, flagged), so inserts and updates are all there is to count.
-- The statement's transition tables are named in text (EXECUTE): an insert has no old rows to name.
CREATE FUNCTION count_quotes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  moved text := 'SELECT speaker_id, claim_id, 1 AS n, record->>''stance'' AS stance FROM new_rows WHERE NOT rejected';
BEGIN
  IF TG_OP = 'UPDATE' THEN
    moved := moved || ' UNION ALL SELECT speaker_id, claim_id, -1, record->>''stance'' FROM old_rows WHERE NOT rejected';
  END IF;
  -- A claim is counted for a speaker when its first statement on it comes, and no more when its last one goes.
  EXECUTE 'WITH moved AS (' || moved || '),
    pairs AS (
      SELECT speaker_id, claim_id, sum(n) AS n FROM moved WHERE speaker_id IS NOT NULL
      GROUP BY speaker_id, claim_id HAVING sum(n) <> 0
    ),
    changed AS (
      SELECT p.speaker_id, p.claim_id, coalesce(c.statements, 0) AS was, coalesce(c.statements, 0) + p.n AS now
      FROM pairs p LEFT JOIN speaker_claims c ON c.speaker_id = p.speaker_id AND c.claim_id = p.claim_id
    ),
    kept AS (
      INSERT INTO speaker_claims (speaker_id, claim_id, statements) SELECT speaker_id, claim_id, now FROM changed
      ON CONFLICT (speaker_id, claim_id) DO UPDATE SET statements = excluded.statements
    ),
    sums AS (
      SELECT speaker_id, sum(n) AS quotes,
             coalesce(sum(n) FILTER (WHERE stance IN (''assert'', ''confirm'')), 0) AS asserts,
             coalesce(sum(n) FILTER (WHERE stance = ''deny''), 0) AS denials, 0 AS claims
      FROM moved WHERE speaker_id IS NOT NULL GROUP BY speaker_id
      UNION ALL
      SELECT speaker_id, 0, 0, 0, sum(CASE WHEN was = 0 THEN 1 WHEN now = 0 THEN -1 ELSE 0 END) FROM changed GROUP BY speaker_id
    ),
    totals AS (
      SELECT speaker_id, sum(quotes) AS quotes, sum(asserts) AS asserts, sum(denials) AS denials, sum(claims) AS claims
      FROM sums GROUP BY speaker_id
    )
    UPDATE speakers sp
    SET quotes = sp.quotes + t.quotes, asserts = sp.asserts + t.asserts, denials = sp.denials + t.denials, claims = sp.claims + t.claims
    FROM totals t
    WHERE sp.id = t.speaker_id AND (t.quotes <> 0 OR t.asserts <> 0 OR t.denials <> 0 OR t.claims <> 0)';
  RETURN NULL;
END
$$;
CREATE TRIGGER statements_counted_insert AFTER INSERT ON statements
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION count_quotes();
CREATE TRIGGER statements_counted_update AFTER UPDATE ON statements
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION count_quotes();

-- False until migrate.ts has given the rows already here their words; rows written since get them as written.
ALTER TABLE store_state ADD COLUMN words_filled boolean NOT NULL DEFAULT false;

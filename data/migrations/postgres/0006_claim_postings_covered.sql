-- Up Migration
-- A lookup's postings (src/store/pg/claim-postings.ts: the 40 newest statements under each of a new claim's
-- rarest terms) read from the index alone. The key held the term and seq, so each posting's statement id was read
-- from the table: ~40 pages a term, scattered, as postings are written when their statements are filed. At 1M
-- statements 8 terms read 224 pages (43 ms when some came from the disk), against 42 from the index alone, and a
-- filing read more of them from the disk the bigger the store. Rebuilding the key took 14 s at 12.8M postings.
ALTER TABLE claim_terms DROP CONSTRAINT claim_terms_pkey;
ALTER TABLE claim_terms ADD CONSTRAINT claim_terms_pkey PRIMARY KEY (term, seq) INCLUDE (statement_id);

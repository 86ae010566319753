-- Up Migration
-- How often each word is found, as the planner sees it: with the default sample (100) it took "officials", in a
-- tenth of a million statements, for a rare word, and counted its hits (src/store/pg/statement-search.ts, up to
-- 1,001) by reading the words index's whole list for it: 60-520 ms at 1M statements. With 1,000 it walks the table
-- and stops at the 1,001st: 18 ms. ANALYZE samples 300,000 rows for it (13 s at 1M statements).
ALTER TABLE statements ALTER COLUMN words SET STATISTICS 1000;
ANALYZE statements (words);

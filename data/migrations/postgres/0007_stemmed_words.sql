-- Search keys are stems now (src/text/word-keys.ts): "emails" and "email" meet. The words each statement and
-- speaker is found by are made again, in the program, by fillWords (src/store/pg/search-words.ts) once this
-- migration has run: it clears them and marks the store as not yet filled.
UPDATE statements SET words = NULL;
UPDATE speakers SET name_words = NULL;
UPDATE store_state SET words_filled = false;

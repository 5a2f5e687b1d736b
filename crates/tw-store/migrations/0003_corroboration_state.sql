-- Corroboration state: what the corroboration index keeps of each document
-- (its fingerprint, outlet, citations, and the links decided when it
-- arrived), so that a run adds only the documents stored since the last
-- one, without re-reading or comparing the stored texts (see
-- src/corroboration.rs and tw-corroborate's `DocRecord`). Derived data:
-- deleting it only makes the next run rebuild it from the documents.

CREATE TABLE corroboration_records (
    doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    seq    INTEGER NOT NULL UNIQUE,   -- arrival order in the index
    record BLOB NOT NULL
);

-- `version`: the record format the rows were written with; another version
-- means the state is rebuilt.
CREATE TABLE corroboration_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

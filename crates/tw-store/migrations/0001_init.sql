-- 0001: the initial schema.
--
-- Released migrations are never edited: a change is a new numbered file.
-- JSON columns hold the model values exactly as serde_json writes them; the
-- claim_* side tables repeat some of them in indexable form for filters and
-- are kept in step by the store in the same transaction.

CREATE TABLE documents (
    id                  TEXT PRIMARY KEY NOT NULL,
    url                 TEXT,
    source              TEXT,
    published           TEXT,           -- ISO 8601 at its precision
    published_precision TEXT,           -- year, month, day or time
    title               TEXT,
    text                TEXT NOT NULL,  -- clean text; offsets point into it
    raw                 TEXT NOT NULL,
    provenance          TEXT NOT NULL DEFAULT '[]',  -- JSON array, origin first
    verification_note   TEXT,
    format              TEXT NOT NULL,
    origin              TEXT NOT NULL,
    metadata            TEXT NOT NULL DEFAULT '{}',  -- JSON object
    content_hash        TEXT NOT NULL UNIQUE,
    ingested_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CHECK ((published IS NULL) = (published_precision IS NULL))
);
CREATE INDEX documents_published ON documents (published, id);
CREATE INDEX documents_source ON documents (source);

CREATE TABLE mentions (
    id      INTEGER PRIMARY KEY,            -- insertion order
    doc_id  TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    kind    TEXT NOT NULL,
    text    TEXT NOT NULL,
    start   INTEGER NOT NULL,               -- character offsets
    "end"   INTEGER NOT NULL,
    value   TEXT,
    lat     REAL,
    lon     REAL
);
CREATE INDEX mentions_doc ON mentions (doc_id);
CREATE INDEX mentions_kind_value ON mentions (kind, value);

CREATE TABLE claims (
    id            TEXT PRIMARY KEY NOT NULL,
    doc_id        TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    ord           INTEGER NOT NULL,         -- position in the document's claim list
    kind          TEXT NOT NULL,
    -- Country and actor slots compare case-insensitively (ASCII) so that a
    -- filter on `ru` finds `RU`; the stored value keeps its case.
    exporter      TEXT COLLATE NOCASE,
    importer      TEXT COLLATE NOCASE,
    actor         TEXT COLLATE NOCASE,
    target        TEXT COLLATE NOCASE,
    speaker       TEXT,
    venue         TEXT,
    destination   TEXT COLLATE NOCASE,
    time          TEXT,
    time_text     TEXT,
    -- Bounds of `time` for overlap filters: the start as written and the end
    -- followed by '~', which sorts after every character of an ISO value, so
    -- plain string comparison gives calendar overlap at any precision. NULL
    -- when `time` is NULL or not an ISO value.
    time_start    TEXT,
    time_end      TEXT,
    status        TEXT NOT NULL,
    certainty     TEXT NOT NULL,
    unverified    INTEGER NOT NULL CHECK (unverified IN (0, 1)),
    source        TEXT,
    quantity      TEXT,                     -- JSON {value, unit}
    value         TEXT,                     -- JSON {amount, currency}
    commodities   TEXT NOT NULL DEFAULT '[]',
    places        TEXT NOT NULL DEFAULT '[]',
    organisations TEXT NOT NULL DEFAULT '[]',
    sanctions     TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX claims_doc ON claims (doc_id, ord);
-- Partial indexes: most slots are empty for most kinds, and an empty slot
-- never matches a filter (`x = ?` implies `x IS NOT NULL`).
CREATE INDEX claims_kind ON claims (kind, status);
CREATE INDEX claims_certainty ON claims (certainty);
CREATE INDEX claims_exporter ON claims (exporter) WHERE exporter IS NOT NULL;
CREATE INDEX claims_importer ON claims (importer) WHERE importer IS NOT NULL;
CREATE INDEX claims_actor ON claims (actor) WHERE actor IS NOT NULL;
CREATE INDEX claims_target ON claims (target) WHERE target IS NOT NULL;
CREATE INDEX claims_destination ON claims (destination) WHERE destination IS NOT NULL;
CREATE INDEX claims_time ON claims (time_start, time_end);

CREATE TABLE claim_commodities (
    claim_id TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    ord      INTEGER NOT NULL,
    text     TEXT NOT NULL,
    hs       TEXT,
    folded   TEXT NOT NULL,                 -- text lower-cased (Unicode) for search
    PRIMARY KEY (claim_id, ord)
) WITHOUT ROWID;
CREATE INDEX claim_commodities_hs ON claim_commodities (hs);

CREATE TABLE claim_places (
    claim_id TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    ord      INTEGER NOT NULL,
    place    TEXT NOT NULL COLLATE NOCASE,
    PRIMARY KEY (claim_id, ord)
) WITHOUT ROWID;
CREATE INDEX claim_places_place ON claim_places (place);

CREATE TABLE claim_sanctions (
    claim_id TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    ord      INTEGER NOT NULL,
    measure  TEXT NOT NULL COLLATE NOCASE,
    PRIMARY KEY (claim_id, ord)
) WITHOUT ROWID;
CREATE INDEX claim_sanctions_measure ON claim_sanctions (measure);

CREATE TABLE evidence (
    id       INTEGER PRIMARY KEY,           -- rowid of the full-text index
    claim_id TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    ord      INTEGER NOT NULL,
    start    INTEGER NOT NULL,              -- character offsets
    "end"    INTEGER NOT NULL,
    text     TEXT NOT NULL
);
CREATE UNIQUE INDEX evidence_claim ON evidence (claim_id, ord);

-- Full-text index over evidence text (external content: the text is stored
-- once, in `evidence`). Case- and diacritics-insensitive. New evidence rows
-- are indexed by the store once per write transaction, not by a trigger:
-- inside the per-document savepoints of a batch a trigger would make FTS5
-- flush a tiny segment for every document. Deletes and updates use
-- triggers (they happen outside savepoints).
CREATE VIRTUAL TABLE evidence_fts USING fts5 (
    text,
    content = 'evidence',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER evidence_fts_delete AFTER DELETE ON evidence BEGIN
    INSERT INTO evidence_fts (evidence_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER evidence_fts_update AFTER UPDATE ON evidence BEGIN
    INSERT INTO evidence_fts (evidence_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO evidence_fts (rowid, text) VALUES (new.id, new.text);
END;

-- What ingest did with each input item, so users learn what was skipped
-- and why.
CREATE TABLE ingest_log (
    id     INTEGER PRIMARY KEY,
    origin TEXT NOT NULL,
    item   TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('skipped', 'stored', 'duplicate')),
    reason TEXT,
    at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX ingest_log_status ON ingest_log (status);

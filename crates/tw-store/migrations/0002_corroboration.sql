-- Corroboration: which story each document belongs to and in what role,
-- and which claim group each claim belongs to. Both are derived data,
-- replaced as a whole after each ingest run (see src/corroboration.rs).

CREATE TABLE story_members (
    doc_id   TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    story_id TEXT NOT NULL,
    role     TEXT NOT NULL CHECK (role IN ('origin', 'copy', 'derivative', 'independent')),
    reason   TEXT NOT NULL,
    origin   TEXT NOT NULL,
    ord      INTEGER NOT NULL
);
CREATE INDEX story_members_story ON story_members(story_id, ord);

CREATE TABLE claim_groups (
    claim_id            TEXT PRIMARY KEY REFERENCES claims(id) ON DELETE CASCADE,
    group_id            TEXT NOT NULL,
    group_key           TEXT NOT NULL,
    origin              TEXT NOT NULL,
    reference           INTEGER NOT NULL,
    independent_origins INTEGER NOT NULL,
    variants            TEXT NOT NULL
);
CREATE INDEX claim_groups_group ON claim_groups(group_id);
CREATE INDEX claim_groups_origins ON claim_groups(independent_origins);

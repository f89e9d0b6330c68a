-- The user's own words for a run: a one-line label, and tags (short words such as "baseline" or "paper")
-- to find runs again. Tags are rows of their own table rather than a delimited column: a tag filter is
-- an exact, indexed match instead of a LIKE on a joined string; adding or removing one tag is one row
-- inserted or deleted, so two processes sharing the database cannot lose each other's tags in a
-- read-modify-write; and they go with their run by cascade, as metrics and series do. The lengths are
-- RunLabels.MAX_LABEL and RunLabels.MAX_TAG.
ALTER TABLE run ADD COLUMN label VARCHAR(200);
CREATE TABLE run_tag (
    run_id BIGINT      NOT NULL REFERENCES run (id) ON DELETE CASCADE,
    tag    VARCHAR(32) NOT NULL,
    PRIMARY KEY (run_id, tag)
);
CREATE INDEX run_tag_by_tag ON run_tag (tag);

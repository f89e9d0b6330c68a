-- Time series for live charts (energy per inference, accuracy so far, host CPU, ...), stored in chunks
-- of consecutive points: x and y as big-endian doubles, so a million points are a thousand rows.
CREATE TABLE series_chunk (
    run_id    BIGINT       NOT NULL REFERENCES run (id) ON DELETE CASCADE,
    series    VARCHAR(200) NOT NULL,
    chunk     INT          NOT NULL,
    points    INT          NOT NULL,
    xs        VARBINARY(1000000) NOT NULL,
    ys        VARBINARY(1000000) NOT NULL,
    PRIMARY KEY (run_id, series, chunk)
);

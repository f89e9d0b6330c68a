-- A run's metrics; raw samples (repeated measurements) as a JSON array, for significance tests.
CREATE TABLE metric (
    run_id  BIGINT       NOT NULL REFERENCES run (id) ON DELETE CASCADE,
    name    VARCHAR(200) NOT NULL,
    measured DOUBLE PRECISION,
    samples CLOB,
    PRIMARY KEY (run_id, name)
);

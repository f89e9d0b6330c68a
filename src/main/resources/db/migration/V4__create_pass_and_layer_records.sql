-- Per-pass records of a compile and per-layer records of an inference, for hotspot views and reports.
CREATE TABLE pass_record (
    run_id          BIGINT       NOT NULL REFERENCES run (id) ON DELETE CASCADE,
    position        INT          NOT NULL,
    pass_id         VARCHAR(100) NOT NULL,
    wall_ms         DOUBLE PRECISION,
    cpu_ms          DOUBLE PRECISION,
    allocated_bytes BIGINT,
    details         CLOB,
    PRIMARY KEY (run_id, position)
);
CREATE TABLE layer_record (
    run_id      BIGINT       NOT NULL REFERENCES run (id) ON DELETE CASCADE,
    position    INT          NOT NULL,
    engine      VARCHAR(32),
    name        VARCHAR(300) NOT NULL,
    spikes      DOUBLE PRECISION,
    firing_rate DOUBLE PRECISION,
    synops      DOUBLE PRECISION,
    details     CLOB,
    PRIMARY KEY (run_id, position)
);

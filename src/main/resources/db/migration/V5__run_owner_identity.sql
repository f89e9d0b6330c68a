-- Who owns a RUNNING run, so that a process opening the database marks as interrupted only the runs whose
-- owner is gone: the owner's host name and its process's start time (epoch milliseconds) beside
-- owner_pid, since a process id alone is reused (quickly so in containers) and means nothing on
-- another machine sharing the database.
ALTER TABLE run ADD COLUMN owner_host VARCHAR(255);
ALTER TABLE run ADD COLUMN owner_started BIGINT;

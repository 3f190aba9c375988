-- Schema version 2: a change feed that stays correct with concurrent writers, and a wake-up
-- call for listening workstations.
--
-- Revisions come from a sequence instead of a counter row, which would make every writer wait
-- for the one before it to commit. Concurrent writers then commit in any order, so each report
-- row also records the transaction that last wrote it. The feed reads the rows whose
-- transaction is visible in the newest snapshot but was not in the last one read (see
-- core/feedposition.h). A row that a slow transaction commits late is therefore read in the
-- batch after its commit instead of being skipped.

CREATE SEQUENCE report_revision_seq;
SELECT setval('report_revision_seq', greatest(1, (SELECT value::bigint FROM meta WHERE key = 'revision')));

ALTER TABLE report ADD COLUMN txid bigint NOT NULL DEFAULT 0;
CREATE INDEX report_feed ON report (txid, revision);

CREATE FUNCTION stamp_report_transaction() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.txid := pg_current_xact_id()::text::bigint;
    RETURN NEW;
END;
$$;

CREATE TRIGGER report_transaction BEFORE INSERT OR UPDATE ON report
    FOR EACH ROW EXECUTE FUNCTION stamp_report_transaction();

-- One notification per statement, carrying only the transaction id, because a payload must be
-- shorter than 8,000 bytes and the listener pulls the changes through the feed anyway.
-- PostgreSQL sends notifications at commit and folds identical ones within a transaction.
CREATE FUNCTION notify_report_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('civicdesk_feed', pg_current_xact_id()::text);
    RETURN NULL;
END;
$$;

CREATE TRIGGER report_notify AFTER INSERT OR UPDATE ON report
    FOR EACH STATEMENT EXECUTE FUNCTION notify_report_change();

-- Rows that existed before version 2 carry transaction 0, visible in every snapshot: a replica
-- reading from the start gets them, and no later batch repeats them.

-- Schema version 8: the rest of the workflow. The deadline clock, the wait for a citizen's
-- answer and a pending extension live on the report; the working calendar, the processing
-- times and the response templates are reference documents; merging a duplicate moves its
-- reporters to the report that stays.

ALTER TABLE report
    ADD COLUMN clock_started_at timestamptz,
    ADD COLUMN waiting_since timestamptz,
    ADD COLUMN resume_status TEXT,
    ADD COLUMN extension_due_at timestamptz,
    ADD COLUMN extension_reason TEXT;

-- Reference data kept as one JSON document per key ("calendar", "deadlines", "templates"),
-- written by administrators and read by every workstation with the rest of the reference data.
CREATE TABLE reference_document (
    key TEXT PRIMARY KEY,
    body TEXT NOT NULL
);

-- Keeps every reporter of a report marked as a duplicate attached to the report it duplicates,
-- so that each of them gets the answer. It runs with its owner's rights because no group may
-- read report_reporter, and only for a report whose merge has been recorded: a duplicate that
-- points to an existing report.
CREATE FUNCTION merge_reporters(duplicate_id TEXT) RETURNS integer LANGUAGE plpgsql VOLATILE
    SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    target TEXT;
    moved integer;
BEGIN
    SELECT r.duplicate_of INTO target FROM public.report r
    WHERE r.id = merge_reporters.duplicate_id AND r.status = 'duplicate';
    IF target IS NULL THEN
        RAISE EXCEPTION 'report % is not marked as a duplicate of another report', duplicate_id
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    INSERT INTO public.report_reporter (report_id, reporter_id)
        SELECT target, l.reporter_id FROM public.report_reporter l
        WHERE l.report_id = merge_reporters.duplicate_id
    ON CONFLICT DO NOTHING;
    GET DIAGNOSTICS moved = ROW_COUNT;
    UPDATE public.report r
    SET reporter_count = (SELECT count(*) FROM public.report_reporter l WHERE l.report_id = target)
    WHERE r.id = target;
    RETURN moved;
END;
$$;
REVOKE ALL ON FUNCTION merge_reporters(TEXT) FROM PUBLIC;

-- A report given back to the center leaves the agency's deadline behind as well.
CREATE OR REPLACE FUNCTION release_report(report_id TEXT) RETURNS void LANGUAGE plpgsql VOLATILE
    SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF NOT EXISTS (SELECT FROM public.event e
                   WHERE e.report_id = release_report.report_id AND e.kind = 'status_changed'
                     AND e.data ->> 'to' = 'triaged'
                     AND e.xmin = pg_current_xact_id()::xid) THEN
        RAISE EXCEPTION 'report % goes back to the center only with a status change to triage recorded in the same transaction',
            release_report.report_id USING ERRCODE = 'insufficient_privilege';
    END IF;
    UPDATE public.report r SET agency = NULL, due_at = NULL, clock_started_at = NULL
    WHERE r.id = release_report.report_id AND r.status = 'triaged'
      AND r.agency = public.assigned_agency();
    IF NOT FOUND THEN
        RAISE EXCEPTION 'report % is not a report of agency % moved back to triage',
            release_report.report_id, coalesce(public.assigned_agency(), '(none)')
            USING ERRCODE = 'insufficient_privilege';
    END IF;
END;
$$;

DO $$
DECLARE
    operator_group TEXT := app_group('operator');
    supervisor_group TEXT := app_group('supervisor');
    agency_group TEXT := app_group('agency');
    admin_group TEXT := app_group('admin');
    kiosk_group TEXT := app_group('kiosk');
    owner_role TEXT := (SELECT tableowner FROM pg_tables
                        WHERE schemaname = 'public' AND tablename = 'report');
BEGIN
    EXECUTE format('GRANT INSERT (clock_started_at, waiting_since, resume_status, '
                   'extension_due_at, extension_reason), '
                   'UPDATE (clock_started_at, waiting_since, resume_status, extension_due_at, '
                   'extension_reason) ON report TO %I, %I', operator_group, supervisor_group);
    -- An agency asks the citizen for more and asks for extensions; the deadline itself moves
    -- only with an operator's or a supervisor's decision.
    EXECUTE format('GRANT UPDATE (waiting_since, resume_status, extension_due_at, '
                   'extension_reason) ON report TO %I', agency_group);
    EXECUTE format('GRANT SELECT (clock_started_at, waiting_since, resume_status, '
                   'extension_due_at) ON report TO %I', kiosk_group);
    EXECUTE format('GRANT SELECT ON reference_document TO %I, %I, %I, %I, %I', operator_group,
                   supervisor_group, agency_group, admin_group, kiosk_group);
    EXECUTE format('GRANT INSERT, UPDATE, DELETE ON reference_document TO %I', admin_group);
    EXECUTE format('GRANT EXECUTE ON FUNCTION merge_reporters(TEXT) TO %I, %I', operator_group,
                   supervisor_group);
    EXECUTE format('ALTER FUNCTION merge_reporters(TEXT) OWNER TO %I', owner_role);

    -- Administrators' workstations run the time-based steps (civicdeskctl maintenance) and
    -- record citizens' ratings that arrive by hand (civicdeskctl rate): they close, reopen
    -- and remind, through the same decisions as everyone else, and write nothing else.
    EXECUTE format('GRANT UPDATE (status, closed_at, resolved_at, rating, due_at, '
                   'clock_started_at, updated_at, version, revision) ON report TO %I',
                   admin_group);
    -- Events are written with an upsert, as by the other groups; the event_append_only
    -- trigger still rejects every UPDATE that its conflict clause would make.
    EXECUTE format('GRANT INSERT, UPDATE ON event TO %I', admin_group);
    EXECUTE format('GRANT SELECT, INSERT ON applied_operation TO %I', admin_group);
    EXECUTE format('GRANT USAGE ON SEQUENCE report_revision_seq TO %I', admin_group);
    EXECUTE format('CREATE POLICY admin_maintains ON report FOR UPDATE TO %I USING (true) '
                   'WITH CHECK (true)', admin_group);
    EXECUTE format('CREATE POLICY admin_maintains ON event FOR INSERT TO %I '
                   'WITH CHECK (kind IN (''status_changed'', ''rated'', ''reminded''))',
                   admin_group);
    EXECUTE format('CREATE POLICY admin_maintains_upsert ON event FOR UPDATE TO %I '
                   'USING (false)', admin_group);
END;
$$;

-- Schema version 6: each group reads the reports it may read, enforced by row-level security,
-- and a change feed that tells every workstation which reports left its view.
--
-- Agency users see the reports assigned to their agency, with their timelines and media, and
-- may answer them; every other group sees every report. The table owner, which runs imports
-- and migrations, is not subject to these policies.
--
-- A workstation's replica must drop a report that leaves its user's view, such as one
-- reassigned to another agency. Reading the feed through the policies would simply skip the
-- report, so the feed positions come from report_changes(), which every group may call: for
-- each change it gives the report id, its position in the feed and the agency it is assigned
-- to, which is the visibility marker. The workstation then reads the rows it may see; an id
-- of the page whose row it cannot read has left its view.

-- The agency of the signed-in agency user, NULL for everyone else and for a disabled user.
-- It reads app_user with its owner's rights, because the groups may not.
CREATE FUNCTION assigned_agency() RETURNS TEXT LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
    AS $$ SELECT agency FROM public.app_user WHERE name = session_user AND NOT disabled $$;

CREATE FUNCTION report_changes(upper_snapshot TEXT, read_snapshot TEXT, after_transaction bigint,
                               after_revision bigint, page_size integer)
    RETURNS TABLE (change_transaction bigint, change_revision bigint, change_report TEXT,
                   visible_to TEXT)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
    SELECT r.txid, r.revision, r.id, r.agency
    FROM public.report r
    WHERE r.txid < pg_snapshot_xmax(CAST(upper_snapshot AS pg_snapshot))::text::bigint
      AND (r.txid, r.revision) > (after_transaction, after_revision)
      AND pg_visible_in_snapshot(r.txid::text::xid8, CAST(upper_snapshot AS pg_snapshot))
      AND (read_snapshot IS NULL
           OR (r.txid >= pg_snapshot_xmin(CAST(read_snapshot AS pg_snapshot))::text::bigint
               AND NOT pg_visible_in_snapshot(r.txid::text::xid8,
                                              CAST(read_snapshot AS pg_snapshot))))
    ORDER BY r.txid, r.revision
    LIMIT page_size
$$;

-- Gives a report that an agency user moved back to triage back to the center. The user cannot
-- clear the agency itself: an update must leave a row that its author may still read.
CREATE FUNCTION release_report(report_id TEXT) RETURNS void LANGUAGE plpgsql VOLATILE
    SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    UPDATE public.report r SET agency = NULL
    WHERE r.id = release_report.report_id AND r.status = 'triaged'
      AND r.agency = public.assigned_agency();
    IF NOT FOUND THEN
        RAISE EXCEPTION 'report % is not a report of agency % moved back to triage',
            release_report.report_id, coalesce(public.assigned_agency(), '(none)')
            USING ERRCODE = 'insufficient_privilege';
    END IF;
END;
$$;

-- The actor of an event written by a signed-in user is that user, whatever name the client
-- sent. Events written by the owner (imports) keep theirs.
CREATE FUNCTION stamp_event_actor() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF EXISTS (SELECT FROM public.app_user WHERE name = session_user) THEN
        NEW.actor := session_user;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER event_actor BEFORE INSERT ON event
    FOR EACH ROW EXECUTE FUNCTION stamp_event_actor();

REVOKE ALL ON FUNCTION assigned_agency() FROM PUBLIC;
REVOKE ALL ON FUNCTION report_changes(TEXT, TEXT, bigint, bigint, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION stamp_event_actor() FROM PUBLIC;
REVOKE ALL ON FUNCTION release_report(TEXT) FROM PUBLIC;

ALTER TABLE report ENABLE ROW LEVEL SECURITY;
ALTER TABLE event ENABLE ROW LEVEL SECURITY;
ALTER TABLE media ENABLE ROW LEVEL SECURITY;
ALTER TABLE media_file ENABLE ROW LEVEL SECURITY;
ALTER TABLE media_chunk ENABLE ROW LEVEL SECURITY;

DO $$
DECLARE
    operator_group TEXT := app_group('operator');
    supervisor_group TEXT := app_group('supervisor');
    agency_group TEXT := app_group('agency');
    admin_group TEXT := app_group('admin');
    kiosk_group TEXT := app_group('kiosk');
    center TEXT;
    writers TEXT;
    -- A report row, event or media item the agency user may see; the report table's own
    -- policy decides, through the subquery.
    agency_report TEXT := '(agency = (SELECT public.assigned_agency()))';
    agency_child TEXT := '(EXISTS (SELECT FROM public.report r WHERE r.id = report_id))';
    agency_file TEXT := '(EXISTS (SELECT FROM public.media m WHERE m.sha256 = %I.sha256))';
    owner_role TEXT := (SELECT tableowner FROM pg_tables
                        WHERE schemaname = 'public' AND tablename = 'report');
BEGIN
    center := format('%I, %I, %I, %I', operator_group, supervisor_group, admin_group, kiosk_group);
    writers := format('%I, %I', operator_group, supervisor_group);

    EXECUTE format('GRANT EXECUTE ON FUNCTION assigned_agency() TO %s, %I', center, agency_group);
    EXECUTE format('GRANT EXECUTE ON FUNCTION report_changes(TEXT, TEXT, bigint, bigint, integer) '
                   'TO %s, %I', center, agency_group);
    EXECUTE format('ALTER FUNCTION assigned_agency() OWNER TO %I', owner_role);
    EXECUTE format('ALTER FUNCTION report_changes(TEXT, TEXT, bigint, bigint, integer) OWNER TO %I',
                   owner_role);
    EXECUTE format('ALTER FUNCTION stamp_event_actor() OWNER TO %I', owner_role);
    EXECUTE format('ALTER FUNCTION release_report(TEXT) OWNER TO %I', owner_role);
    EXECUTE format('GRANT EXECUTE ON FUNCTION release_report(TEXT) TO %I', agency_group);

    -- The center reads every report, and operators and supervisors write any report.
    EXECUTE format('CREATE POLICY center_reads ON report FOR SELECT TO %s USING (true)', center);
    EXECUTE format('CREATE POLICY center_inserts ON report FOR INSERT TO %s WITH CHECK (true)',
                   writers);
    EXECUTE format('CREATE POLICY center_updates ON report FOR UPDATE TO %s USING (true) '
                   'WITH CHECK (true)', writers);
    EXECUTE format('CREATE POLICY center_reads ON event FOR SELECT TO %s USING (true)', center);
    EXECUTE format('CREATE POLICY center_inserts ON event FOR INSERT TO %s WITH CHECK (true)',
                   writers);
    EXECUTE format('CREATE POLICY center_updates ON event FOR UPDATE TO %s USING (true)', writers);
    EXECUTE format('CREATE POLICY center_reads ON media FOR SELECT TO %s USING (true)', center);
    EXECUTE format('CREATE POLICY center_reads ON media_file FOR SELECT TO %s USING (true)',
                   center);
    EXECUTE format('CREATE POLICY center_reads ON media_chunk FOR SELECT TO %s USING (true)',
                   center);

    -- An agency reads its own reports and may move them along; it gives one back to the center
    -- through release_report(), and never hands one to another agency.
    EXECUTE format('CREATE POLICY agency_reads ON report FOR SELECT TO %I USING %s',
                   agency_group, agency_report);
    EXECUTE format('CREATE POLICY agency_updates ON report FOR UPDATE TO %I USING %s '
                   'WITH CHECK %s', agency_group, agency_report, agency_report);
    EXECUTE format('CREATE POLICY agency_reads ON event FOR SELECT TO %I USING %s',
                   agency_group, agency_child);
    EXECUTE format('CREATE POLICY agency_inserts ON event FOR INSERT TO %I WITH CHECK %s',
                   agency_group, agency_child);
    EXECUTE format('CREATE POLICY agency_updates ON event FOR UPDATE TO %I USING %s',
                   agency_group, agency_child);
    EXECUTE format('CREATE POLICY agency_reads ON media FOR SELECT TO %I USING %s',
                   agency_group, agency_child);
    EXECUTE format('CREATE POLICY agency_reads ON media_file FOR SELECT TO %I USING '
                   || format(agency_file, 'media_file'), agency_group);
    EXECUTE format('CREATE POLICY agency_reads ON media_chunk FOR SELECT TO %I USING '
                   || format(agency_file, 'media_chunk'), agency_group);

    -- What an agency writes when it handles a report: the state of the report, its public response and
    -- its timeline. The decisions table has no policy: a decision names only an operation and
    -- a report id, and a second delivery must find the first decision even after the report
    -- left the agency's view.
    EXECUTE format('GRANT UPDATE (status, public_response, resolved_at, updated_at, version, '
                   'revision) ON report TO %I', agency_group);
    EXECUTE format('GRANT INSERT, UPDATE ON event TO %I', agency_group);
    EXECUTE format('GRANT SELECT, INSERT ON applied_operation TO %I', agency_group);
    EXECUTE format('GRANT USAGE ON SEQUENCE report_revision_seq TO %I', agency_group);
END;
$$;

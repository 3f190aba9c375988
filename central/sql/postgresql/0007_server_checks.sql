-- Schema version 7: checks that hold whatever client a user runs, such as psql.

-- A reveal is audited before anything is revealed. With one function that recorded the event
-- and returned the names in the same transaction, a caller could read them and roll the event
-- back. request_reveal() records who makes the request, about which report and why, and
-- returns the event's id. Once that transaction has committed, reveal_reporter() returns the
-- names and phones for that request, to the same user, for ten minutes. A request made in the
-- current transaction does not count, because it might still be rolled back. Reasons made only
-- of invisible characters (no-break or zero-width spaces) count as blank.
DROP FUNCTION reveal_reporter(TEXT, TEXT);

CREATE FUNCTION request_reveal(report_id TEXT, reason TEXT) RETURNS TEXT
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    given_reason TEXT := regexp_replace(coalesce(reason, ''),
                                        '^[\s\u00A0\u200B\u2060\uFEFF]+|[\s\u00A0\u200B\u2060\uFEFF]+$',
                                        '', 'g');
    request TEXT := gen_random_uuid()::text;
    reporters integer;
BEGIN
    IF given_reason = '' THEN
        RAISE EXCEPTION 'revealing a reporter needs a reason'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF char_length(given_reason) > 1000 THEN
        RAISE EXCEPTION 'the reason for revealing a reporter is % characters long; at most 1000 are kept', char_length(given_reason)
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    PERFORM 1 FROM public.report r WHERE r.id = request_reveal.report_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'report % not found', request_reveal.report_id
            USING ERRCODE = 'no_data_found';
    END IF;
    SELECT count(*) INTO reporters FROM public.report_reporter l
    WHERE l.report_id = request_reveal.report_id;

    -- The event carries who and why, never the data revealed; the new revision brings it to
    -- every workstation through the feed.
    INSERT INTO public.event (id, report_id, kind, actor, at, data)
    VALUES (request, request_reveal.report_id, 'reporter_revealed', session_user, now(),
            jsonb_build_object('reason', given_reason, 'reporters', reporters));
    UPDATE public.report SET revision = nextval('public.report_revision_seq')
    WHERE id = request_reveal.report_id;
    RETURN request;
END;
$$;

CREATE FUNCTION reveal_reporter(report_id TEXT, request TEXT)
    RETURNS TABLE (reporter_id TEXT, name TEXT, phone TEXT)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    IF NOT EXISTS (
        SELECT FROM public.event e
        WHERE e.id = reveal_reporter.request AND e.report_id = reveal_reporter.report_id
          AND e.kind = 'reporter_revealed' AND e.actor = session_user
          AND e.at > now() - interval '10 minutes'
          AND e.xmin::text <> coalesce(pg_current_xact_id_if_assigned()::xid::text, '')) THEN
        RAISE EXCEPTION 'no committed request % of % to reveal the reporters of report % in the last ten minutes; call request_reveal() in a transaction of its own first',
            reveal_reporter.request, session_user, reveal_reporter.report_id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN QUERY
        SELECT p.id, p.name, p.phone
        FROM public.reporter p
        JOIN public.report_reporter l ON l.reporter_id = p.id
        WHERE l.report_id = reveal_reporter.report_id
        ORDER BY p.id;
END;
$$;

REVOKE ALL ON FUNCTION request_reveal(TEXT, TEXT) FROM PUBLIC;
REVOKE ALL ON FUNCTION reveal_reporter(TEXT, TEXT) FROM PUBLIC;
DO $$
DECLARE
    owner_role TEXT := (SELECT tableowner FROM pg_tables
                        WHERE schemaname = 'public' AND tablename = 'report');
BEGIN
    EXECUTE format('GRANT EXECUTE ON FUNCTION request_reveal(TEXT, TEXT), '
                   'reveal_reporter(TEXT, TEXT) TO %I, %I',
                   app_group('operator'), app_group('supervisor'));
    EXECUTE format('ALTER FUNCTION request_reveal(TEXT, TEXT) OWNER TO %I', owner_role);
    EXECUTE format('ALTER FUNCTION reveal_reporter(TEXT, TEXT) OWNER TO %I', owner_role);
END;
$$;

-- Every role but the owner and superusers (imports, migrations) is stamped as the actor of
-- the events it writes: a role made by hand, outside civicdeskctl user add, cannot sign events
-- with another name either. The time stays the client's, which is when the user acted, also
-- for work done offline.
CREATE OR REPLACE FUNCTION stamp_event_actor() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = session_user AND rolsuper)
       AND session_user <> (SELECT tableowner FROM pg_tables
                            WHERE schemaname = 'public' AND tablename = 'event') THEN
        NEW.actor := session_user;
    END IF;
    RETURN NEW;
END;
$$;

-- Row triggers do not see TRUNCATE: the timeline and the admin audit refuse it as well.
CREATE FUNCTION reject_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: TRUNCATE rejected', TG_TABLE_NAME;
END;
$$;
CREATE TRIGGER event_no_truncate BEFORE TRUNCATE ON event
    FOR EACH STATEMENT EXECUTE FUNCTION reject_truncate();
CREATE TRIGGER admin_audit_no_truncate BEFORE TRUNCATE ON admin_audit
    FOR EACH STATEMENT EXECUTE FUNCTION reject_truncate();

-- Only the statuses of the workflow.
ALTER TABLE report ADD CONSTRAINT report_status_known CHECK (status IN (
    'new', 'triaged', 'assigned', 'in_progress', 'waiting_info', 'resolved', 'closed',
    'rejected', 'duplicate'));

-- An agency user moves a report only along the workflow's agency steps, one version at a
-- time. Column rights already keep the other columns out of reach.
CREATE FUNCTION check_agency_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF public.assigned_agency() IS NULL THEN
        RETURN NEW;
    END IF;
    IF NEW.status <> OLD.status
       AND (OLD.status, NEW.status) NOT IN (('assigned', 'triaged'), ('assigned', 'in_progress'),
                                            ('assigned', 'waiting_info'),
                                            ('in_progress', 'waiting_info'),
                                            ('in_progress', 'resolved')) THEN
        RAISE EXCEPTION 'an agency user may not move report % from % to %', OLD.id, OLD.status,
            NEW.status USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.version NOT IN (OLD.version, OLD.version + 1) THEN
        RAISE EXCEPTION 'an agency user may not set the version of report % from % to %', OLD.id,
            OLD.version, NEW.version USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER report_agency_update BEFORE UPDATE ON report
    FOR EACH ROW EXECUTE FUNCTION check_agency_update();

-- Giving a report back leaves its reason in the timeline: the status change to triage must
-- have been recorded in the same transaction.
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

-- The public response quotes the citizen's complaint, which the wall display must not show.
DO $$
BEGIN
    EXECUTE format('REVOKE SELECT (public_response) ON report FROM %I', app_group('kiosk'));
END;
$$;

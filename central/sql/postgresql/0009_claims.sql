-- Schema version 9: claims, which tell the other operators that someone works on a report.
--
-- A claim is a lease on the report row: claim_holder is the holder until claim_expires_at, by
-- the server's clock. Nothing clears an expired claim: a reader of the row treats it as
-- unclaimed. Claims change only through the functions below, which take the signed-in role as
-- the holder, bound the lease to one hour and record the timeline events. A modified client
-- can thus neither claim in another user's name nor hide a report from the queue for longer.
-- Each function gives the report a new revision, so that every workstation's feed carries the
-- claim, and leaves its version alone: a claim never conflicts with an edit.

-- Schema version 4 let operators and supervisors write the claim columns directly. From now on
-- only the functions below write them, because they run as the schema owner.
DO $$
BEGIN
    EXECUTE format('REVOKE UPDATE (claim_holder, claim_expires_at) ON report FROM %I, %I',
                   app_group('operator'), app_group('supervisor'));
END;
$$;

-- The right to insert the claim columns stays, so that a client may insert a whole report row
-- without leaving them out. The row must arrive unclaimed, unless the owner (imports, the
-- functions below) or a superuser inserts it. An import that updates a claimed report through
-- an upsert runs as the owner and keeps the claim.
CREATE FUNCTION check_new_report_unclaimed() RETURNS trigger LANGUAGE plpgsql
    SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF (NEW.claim_holder IS NOT NULL OR NEW.claim_expires_at IS NOT NULL)
       AND current_user <> (SELECT tableowner FROM pg_tables
                            WHERE schemaname = 'public' AND tablename = 'report')
       AND NOT EXISTS (SELECT FROM pg_roles WHERE rolname = current_user AND rolsuper) THEN
        RAISE EXCEPTION 'report % must be inserted unclaimed; claims are made with claim_report() and claim_next()',
            NEW.id USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER report_inserted_unclaimed BEFORE INSERT ON report
    FOR EACH ROW EXECUTE FUNCTION check_new_report_unclaimed();

-- claim_next() reads the reports of a few statuses, which in a central of several years are a
-- small part of the reports: most are closed.
CREATE INDEX report_status ON report (status);

-- Raises an error unless the lease is 1 to 3600 seconds long.
CREATE FUNCTION check_claim_lease(lease_seconds integer) RETURNS void LANGUAGE plpgsql
    SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    IF lease_seconds IS NULL OR lease_seconds < 1 OR lease_seconds > 3600 THEN
        RAISE EXCEPTION 'a claim lasts from 1 to 3600 seconds, not %', coalesce(lease_seconds::text, 'NULL')
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
END;
$$;

-- Grants, renews or refuses the claim of the signed-in role on a report row that the caller
-- has locked. A new claim (not a renewal) is recorded in the timeline. The first claim ever of
-- a report also records the seconds from its arrival to the claim, counted as 0 when a
-- source's clock put the arrival later. Called only by claim_report() and claim_next().
CREATE FUNCTION take_claim(claimed_report TEXT, lease_seconds integer)
    RETURNS TABLE (granted boolean, renewed boolean, holder TEXT, expires_at timestamptz,
                   central_time timestamptz)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    existing public.report%ROWTYPE;
    active boolean;
    data jsonb;
BEGIN
    SELECT * INTO existing FROM public.report r WHERE r.id = claimed_report;
    central_time := now();
    active := existing.claim_holder IS NOT NULL AND existing.claim_expires_at IS NOT NULL
              AND existing.claim_expires_at > now();
    IF active AND existing.claim_holder <> session_user THEN
        granted := false;
        renewed := false;
        holder := existing.claim_holder;
        expires_at := existing.claim_expires_at;
        RETURN NEXT;
        RETURN;
    END IF;

    granted := true;
    renewed := active;
    holder := session_user;
    expires_at := now() + make_interval(secs => lease_seconds);
    UPDATE public.report r
    SET claim_holder = holder, claim_expires_at = expires_at,
        revision = nextval('public.report_revision_seq')
    WHERE r.id = claimed_report;
    IF NOT renewed THEN
        data := jsonb_build_object('lease_seconds', lease_seconds);
        -- Release events share the kind, but a release always follows a claim.
        IF NOT EXISTS (SELECT FROM public.event e
                       WHERE e.report_id = claimed_report AND e.kind = 'claimed') THEN
            data := data || jsonb_build_object('seconds_to_claim',
                greatest(0, floor(extract(epoch FROM now() - existing.received_at)))::bigint);
        END IF;
        INSERT INTO public.event (id, report_id, kind, actor, at, data)
        VALUES (gen_random_uuid()::text, claimed_report, 'claimed', session_user, now(), data);
    END IF;
    RETURN NEXT;
END;
$$;

CREATE FUNCTION claim_report(report_id TEXT, lease_seconds integer)
    RETURNS TABLE (granted boolean, renewed boolean, holder TEXT, expires_at timestamptz,
                   central_time timestamptz)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    PERFORM public.check_claim_lease(lease_seconds);
    -- A concurrent claim of the same report waits here until the first commits, then reads
    -- its claim.
    PERFORM 1 FROM public.report r WHERE r.id = claim_report.report_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'report % not found', claim_report.report_id
            USING ERRCODE = 'no_data_found';
    END IF;
    RETURN QUERY SELECT * FROM public.take_claim(claim_report.report_id, lease_seconds);
END;
$$;

-- Claims the first unclaimed report of a queue: urgent ones first, then by deadline (reports
-- without one last), then oldest received. Empty or NULL arrays and a NULL agency match every
-- report. SKIP LOCKED passes over rows that a concurrent call has locked, so two callers get
-- different reports without waiting for each other. A row claimed by a transaction that
-- committed after this statement began is checked again on its new version and passed over.
-- Returns one row whose report_id is NULL when nothing is left to claim.
CREATE FUNCTION claim_next(statuses TEXT[], categories TEXT[], agency_id TEXT, wards TEXT[],
                           lease_seconds integer)
    RETURNS TABLE (report_id TEXT, granted boolean, renewed boolean, holder TEXT,
                   expires_at timestamptz, central_time timestamptz)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    chosen TEXT;
BEGIN
    PERFORM public.check_claim_lease(lease_seconds);
    SELECT r.id INTO chosen FROM public.report r
    WHERE r.status = ANY (statuses)
      AND (coalesce(cardinality(categories), 0) = 0 OR r.category = ANY (categories))
      AND (agency_id IS NULL OR r.agency = agency_id)
      AND (coalesce(cardinality(wards), 0) = 0 OR r.admin_unit = ANY (wards))
      AND (r.claim_holder IS NULL OR r.claim_expires_at IS NULL OR r.claim_expires_at <= now())
    ORDER BY (r.priority = 'urgent') DESC, r.due_at ASC NULLS LAST, r.received_at, r.id
    LIMIT 1
    FOR UPDATE OF r SKIP LOCKED;
    IF chosen IS NULL THEN
        report_id := NULL;
        granted := false;
        renewed := false;
        central_time := now();
        RETURN NEXT;
        RETURN;
    END IF;
    RETURN QUERY SELECT chosen, t.granted, t.renewed, t.holder, t.expires_at, t.central_time
                 FROM public.take_claim(chosen, lease_seconds) t;
END;
$$;

-- Releases the claim on a report. The holder releases their own, with or without a reason. A
-- member of the supervisor group releases anyone's, with a reason of at most 1000 characters.
-- A refusal returns released = false and the holder. A report without an active claim is
-- released already: nothing is written. Reasons made only of invisible characters (no-break
-- or zero-width spaces) count as blank, as in request_reveal().
CREATE FUNCTION release_claim(report_id TEXT, reason TEXT)
    RETURNS TABLE (released boolean, holder TEXT, expires_at timestamptz,
                   central_time timestamptz)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    given_reason TEXT := regexp_replace(coalesce(reason, ''),
                                        '^[\s\u00A0\u200B\u2060\uFEFF]+|[\s\u00A0\u200B\u2060\uFEFF]+$',
                                        '', 'g');
    existing public.report%ROWTYPE;
    data jsonb;
BEGIN
    SELECT * INTO existing FROM public.report r WHERE r.id = release_claim.report_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'report % not found', release_claim.report_id
            USING ERRCODE = 'no_data_found';
    END IF;
    central_time := now();
    IF existing.claim_holder IS NULL OR existing.claim_expires_at IS NULL
       OR existing.claim_expires_at <= now() THEN
        released := true;
        RETURN NEXT;
        RETURN;
    END IF;
    IF existing.claim_holder <> session_user THEN
        IF NOT pg_has_role(session_user, public.app_group('supervisor'), 'MEMBER') THEN
            released := false;
            holder := existing.claim_holder;
            expires_at := existing.claim_expires_at;
            RETURN NEXT;
            RETURN;
        END IF;
        IF given_reason = '' THEN
            RAISE EXCEPTION 'releasing another operator''s claim needs a reason'
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
    END IF;
    IF char_length(given_reason) > 1000 THEN
        RAISE EXCEPTION 'the reason for releasing a claim is % characters long; at most 1000 are kept', char_length(given_reason)
            USING ERRCODE = 'invalid_parameter_value';
    END IF;

    UPDATE public.report r
    SET claim_holder = NULL, claim_expires_at = NULL,
        revision = nextval('public.report_revision_seq')
    WHERE r.id = release_claim.report_id;
    data := jsonb_build_object('released', true, 'holder', existing.claim_holder);
    IF given_reason <> '' THEN
        data := data || jsonb_build_object('reason', given_reason);
    END IF;
    INSERT INTO public.event (id, report_id, kind, actor, at, data)
    VALUES (gen_random_uuid()::text, release_claim.report_id, 'claimed', session_user, now(),
            data);
    released := true;
    RETURN NEXT;
END;
$$;

-- Functions are executable by PUBLIC unless revoked. Agency users, administrators and the
-- wall display may not claim.
REVOKE ALL ON FUNCTION check_claim_lease(integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION take_claim(TEXT, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION claim_report(TEXT, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION claim_next(TEXT[], TEXT[], TEXT, TEXT[], integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION release_claim(TEXT, TEXT) FROM PUBLIC;
DO $$
DECLARE
    owner_role TEXT := (SELECT tableowner FROM pg_tables
                        WHERE schemaname = 'public' AND tablename = 'report');
BEGIN
    EXECUTE format('GRANT EXECUTE ON FUNCTION claim_report(TEXT, integer), '
                   'claim_next(TEXT[], TEXT[], TEXT, TEXT[], integer), '
                   'release_claim(TEXT, TEXT) TO %I, %I',
                   app_group('operator'), app_group('supervisor'));
    EXECUTE format('ALTER FUNCTION check_claim_lease(integer) OWNER TO %I', owner_role);
    EXECUTE format('ALTER FUNCTION take_claim(TEXT, integer) OWNER TO %I', owner_role);
    EXECUTE format('ALTER FUNCTION claim_report(TEXT, integer) OWNER TO %I', owner_role);
    EXECUTE format('ALTER FUNCTION claim_next(TEXT[], TEXT[], TEXT, TEXT[], integer) OWNER TO %I',
                   owner_role);
    EXECUTE format('ALTER FUNCTION release_claim(TEXT, TEXT) OWNER TO %I', owner_role);
END;
$$;

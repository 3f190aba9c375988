-- Schema version 4: users who sign in with PostgreSQL roles of their own, one group role per
-- kind of user with the rights that kind needs, and reporter data that leaves the database
-- only through an audited function.
--
-- Roles belong to the whole server, not to one database, so each group is named after this
-- database: "<database>_operator", "<database>_supervisor", "<database>_agency",
-- "<database>_admin" and "<database>_kiosk". Two centrals on one server then have separate
-- groups, and a member of one has no rights in the other. app_role records the names, so that
-- renaming the database later changes nothing. The migration runs as the database owner (a
-- role with CREATEROLE) or a superuser; nothing else needs either.

CREATE TABLE app_role (
    role TEXT PRIMARY KEY CHECK (role IN ('operator', 'supervisor', 'agency', 'admin', 'kiosk')),
    group_name TEXT NOT NULL UNIQUE
);

-- One row per user that `civicdeskctl user add` created. The server checks the PostgreSQL role
-- of the same name. This table binds that role to a kind of user and, for an agency user, to
-- one agency. The agency reference is checked at commit, because `civicdeskctl init` replaces
-- the agencies by deleting and inserting them in one transaction.
CREATE TABLE app_user (
    name TEXT PRIMARY KEY,
    role TEXT NOT NULL REFERENCES app_role (role),
    agency TEXT REFERENCES agency (id) DEFERRABLE INITIALLY DEFERRED,
    disabled boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by TEXT NOT NULL DEFAULT session_user,
    CHECK ((role = 'agency') = (agency IS NOT NULL))
);

-- Creates the group roles. A group left behind by an earlier database of the same name is
-- taken over when it has no members. With members it could give strangers rights here, so
-- the migration stops and names it.
DO $$
DECLARE
    kind TEXT;
    group_role TEXT;
BEGIN
    IF octet_length(current_database()) > 52 THEN
        RAISE EXCEPTION 'the database name "%" is longer than 52 bytes, too long for the names of its group roles (at most 63 bytes)', current_database();
    END IF;
    FOREACH kind IN ARRAY ARRAY['operator', 'supervisor', 'agency', 'admin', 'kiosk'] LOOP
        group_role := current_database() || '_' || kind;
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = group_role) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', group_role);
        ELSIF EXISTS (SELECT FROM pg_roles WHERE rolname = group_role AND rolcanlogin)
              OR EXISTS (SELECT FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid
                         WHERE r.rolname = group_role) THEN
            RAISE EXCEPTION 'the role "%" already exists and can log in or has members; drop or rename it, then migrate again', group_role;
        END IF;
        INSERT INTO app_role (role, group_name) VALUES (kind, group_role);
    END LOOP;
END;
$$;

-- Returns the group role of a kind of user, for this migration and later ones.
CREATE FUNCTION app_group(kind TEXT) RETURNS TEXT LANGUAGE sql STABLE
    SET search_path = pg_catalog, public, pg_temp
    AS $$ SELECT group_name FROM app_role WHERE role = kind $$;

-- Rights of each group. No group may read reporter or report_reporter, because reporter data
-- leaves through reveal_reporter() alone.
DO $$
DECLARE
    operator_group TEXT := app_group('operator');
    supervisor_group TEXT := app_group('supervisor');
    agency_group TEXT := app_group('agency');
    admin_group TEXT := app_group('admin');
    kiosk_group TEXT := app_group('kiosk');
    staff TEXT;
    everyone TEXT;
BEGIN
    staff := format('%I, %I, %I, %I', operator_group, supervisor_group, agency_group, admin_group);
    everyone := staff || format(', %I', kiosk_group);

    -- Only members of the groups connect; another central's users are refused at the door.
    EXECUTE format('REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO %s', current_database(), everyone);
    -- PostgreSQL 13 and 14 let every role create objects in public, where a trojan function
    -- could capture a name; 15 no longer does.
    REVOKE CREATE ON SCHEMA public FROM PUBLIC;

    -- Every client checks the schema version and reads the reference data.
    EXECUTE format('GRANT SELECT ON schema_migration, meta, category, agency, agency_alias, '
                   'admin_unit, app_role TO %s', everyone);

    -- Operators, supervisors, agencies and administrators read the reports with their
    -- timelines and media.
    EXECUTE format('GRANT SELECT ON report, event, media, media_file, media_chunk TO %s', staff);

    -- Operators and supervisors write through the operations that the central decides: the
    -- report row (an upsert, so INSERT and UPDATE; SELECT ... FOR UPDATE needs UPDATE too),
    -- the timeline, the record of decided operations and the revision sequence. The columns
    -- that only imports write are left out.
    EXECUTE format('GRANT INSERT (id, public_code, source, source_id, source_status, '
                   'source_category, source_agency, channel, title, description, category, '
                   'subcategory, priority, status, latitude, longitude, accuracy_m, approximate, '
                   'address, admin_unit, district, received_at, updated_at, due_at, resolved_at, '
                   'closed_at, agency, claim_holder, claim_expires_at, duplicate_of, '
                   'public_response, rating, reject_reason, version, reporter_count, simulated, '
                   'revision), '
                   'UPDATE (public_code, channel, title, description, category, subcategory, '
                   'priority, status, latitude, longitude, accuracy_m, approximate, address, '
                   'admin_unit, district, received_at, updated_at, due_at, resolved_at, '
                   'closed_at, agency, claim_holder, claim_expires_at, duplicate_of, '
                   'public_response, rating, reject_reason, version, reporter_count, simulated, '
                   'revision, source, source_id, source_status, source_category, source_agency) '
                   'ON report TO %I, %I', operator_group, supervisor_group);
    -- The client writes events with an upsert too; the event_append_only trigger still
    -- rejects every UPDATE that the conflict clause would make.
    EXECUTE format('GRANT INSERT, UPDATE ON event TO %I, %I', operator_group, supervisor_group);
    EXECUTE format('GRANT SELECT, INSERT ON applied_operation TO %I, %I',
                   operator_group, supervisor_group);
    EXECUTE format('GRANT USAGE ON SEQUENCE report_revision_seq TO %I, %I',
                   operator_group, supervisor_group);

    -- Administrators keep the reference data (civicdeskctl init) and the users.
    EXECUTE format('GRANT INSERT, UPDATE, DELETE ON category, agency, agency_alias, admin_unit '
                   'TO %I', admin_group);
    EXECUTE format('GRANT INSERT, UPDATE ON meta TO %I', admin_group);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON app_user TO %I', admin_group);

    -- The wall display shows positions, states, fields and counts: no text that a citizen or
    -- an operator wrote (title, description, address, notes, reasons), no staff names and no
    -- media, which may show faces or number plates.
    -- The workstation reads only the columns its user may read (schema version 6 on), so the
    -- wall display syncs a replica without these texts.
    EXECUTE format('GRANT SELECT (id, public_code, channel, category, subcategory, priority, '
                   'status, latitude, longitude, accuracy_m, approximate, admin_unit, district, '
                   'received_at, updated_at, due_at, resolved_at, closed_at, agency, '
                   'duplicate_of, public_response, rating, version, simulated, revision, txid) '
                   'ON report TO %I', kiosk_group);
    EXECUTE format('GRANT SELECT (id, report_id, kind, at) ON event TO %I', kiosk_group);
END;
$$;

-- Returns the names and phones of a report's reporters and records in its timeline who asked
-- (the signed-in role) and why, in the caller's transaction. It runs with the rights of its
-- owner, the schema owner, because no group may read the reporter table. Its search_path is
-- fixed so that no object of the caller's choosing can stand in for a table or function.
CREATE FUNCTION reveal_reporter(report_id TEXT, reason TEXT)
    RETURNS TABLE (reporter_id TEXT, name TEXT, phone TEXT)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    given_reason TEXT := regexp_replace(coalesce(reason, ''), '^\s+|\s+$', '', 'g');
    revealed integer;
BEGIN
    IF given_reason = '' THEN
        RAISE EXCEPTION 'revealing a reporter needs a reason'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF char_length(given_reason) > 1000 THEN
        RAISE EXCEPTION 'the reason for revealing a reporter is % characters long; at most 1000 are kept', char_length(given_reason)
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    PERFORM 1 FROM public.report r WHERE r.id = reveal_reporter.report_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'report % not found', reveal_reporter.report_id
            USING ERRCODE = 'no_data_found';
    END IF;

    RETURN QUERY
        SELECT p.id, p.name, p.phone
        FROM public.reporter p
        JOIN public.report_reporter l ON l.reporter_id = p.id
        WHERE l.report_id = reveal_reporter.report_id
        ORDER BY p.id;
    GET DIAGNOSTICS revealed = ROW_COUNT;

    -- The event carries who and why, never the data revealed; the new revision brings it to
    -- every workstation through the feed.
    INSERT INTO public.event (id, report_id, kind, actor, at, data)
    VALUES (gen_random_uuid()::text, reveal_reporter.report_id, 'reporter_revealed',
            session_user, now(),
            jsonb_build_object('reason', given_reason, 'reporters', revealed));
    UPDATE public.report SET revision = nextval('public.report_revision_seq')
    WHERE id = reveal_reporter.report_id;
END;
$$;

-- Functions are executable by PUBLIC unless revoked.
REVOKE ALL ON FUNCTION reveal_reporter(TEXT, TEXT) FROM PUBLIC;
DO $$
BEGIN
    EXECUTE format('GRANT EXECUTE ON FUNCTION reveal_reporter(TEXT, TEXT) TO %I, %I',
                   app_group('operator'), app_group('supervisor'));
    -- The schema owner is the owner of the report table, which need not be the role that
    -- runs this migration.
    EXECUTE format('ALTER FUNCTION reveal_reporter(TEXT, TEXT) OWNER TO %I',
                   (SELECT tableowner FROM pg_tables
                    WHERE schemaname = 'public' AND tablename = 'report'));
END;
$$;

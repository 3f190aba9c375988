-- Schema version 10: reports that operators take at the center, such as hotline calls. The
-- workstation inserts the report, its received event and its files with the operator's own
-- rights. The public code's day counter and the reporter tables stay out of the groups' reach:
-- two functions that run with their owner's rights write them.

-- Returns the next number of the public codes of `day` (YYYY-MM-DD, in the installation's time
-- zone), counting from 1. Writing day_counter directly would let a client set it back and hand
-- out a code twice.
CREATE FUNCTION next_day_number(day TEXT) RETURNS integer LANGUAGE plpgsql VOLATILE
    SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    number integer;
BEGIN
    IF next_day_number.day IS NULL OR next_day_number.day !~ '^\d{4}-\d{2}-\d{2}$' THEN
        RAISE EXCEPTION 'the day "%" is not a date written YYYY-MM-DD', next_day_number.day
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    INSERT INTO public.day_counter AS c (day, last) VALUES (next_day_number.day, 1)
    -- The constraint by name: "day" alone would also name the parameter.
    ON CONFLICT ON CONSTRAINT day_counter_pkey DO UPDATE SET last = c.last + 1
    RETURNING c.last INTO number;
    RETURN number;
END;
$$;

-- Links a reporter to a report that the caller's transaction has just created: the report row
-- and its received event were both written by this transaction, and no reporter is linked to it
-- yet. The reporter with the same phone is reused, because one caller is one reporter, and
-- gets the name when it had none. A reporter without a phone is a new one. Returns nothing, so
-- that a caller learns nothing about who called before.
CREATE FUNCTION link_reporter(report_id TEXT, name TEXT, phone TEXT) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    given_name TEXT := nullif(btrim(coalesce(link_reporter.name, '')), '');
    reporter TEXT;
BEGIN
    IF link_reporter.phone IS NOT NULL AND link_reporter.phone !~ '^\+[1-9][0-9]{6,14}$' THEN
        RAISE EXCEPTION 'the phone "%" is not written in E.164 (+84...)', link_reporter.phone
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF given_name IS NULL AND link_reporter.phone IS NULL THEN
        RAISE EXCEPTION 'a reporter needs a name or a phone'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF char_length(given_name) > 200 THEN
        RAISE EXCEPTION 'the reporter''s name has % characters; at most 200 are kept',
            char_length(given_name) USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF NOT EXISTS (
        SELECT FROM public.report r
        WHERE r.id = link_reporter.report_id AND r.xmin = pg_current_xact_id()::xid
          AND EXISTS (SELECT FROM public.event e
                      WHERE e.report_id = r.id AND e.kind = 'received'
                        AND e.xmin = pg_current_xact_id()::xid)
          AND NOT EXISTS (SELECT FROM public.report_reporter l WHERE l.report_id = r.id)) THEN
        RAISE EXCEPTION 'report % was not created in this transaction, or has a reporter already',
            link_reporter.report_id USING ERRCODE = 'insufficient_privilege';
    END IF;

    IF link_reporter.phone IS NULL THEN
        INSERT INTO public.reporter (id, name, phone)
        VALUES (gen_random_uuid()::text, given_name, NULL)
        RETURNING id INTO reporter;
    ELSE
        INSERT INTO public.reporter AS p (id, name, phone)
        VALUES (gen_random_uuid()::text, given_name, link_reporter.phone)
        ON CONFLICT ON CONSTRAINT reporter_phone_key
            DO UPDATE SET name = coalesce(nullif(p.name, ''), excluded.name)
        RETURNING p.id INTO reporter;
    END IF;
    INSERT INTO public.report_reporter (report_id, reporter_id)
    VALUES (link_reporter.report_id, reporter);
    UPDATE public.report r SET reporter_count = 1 WHERE r.id = link_reporter.report_id;
END;
$$;

REVOKE ALL ON FUNCTION next_day_number(TEXT) FROM PUBLIC;
REVOKE ALL ON FUNCTION link_reporter(TEXT, TEXT, TEXT) FROM PUBLIC;

DO $$
DECLARE
    operator_group TEXT := app_group('operator');
    supervisor_group TEXT := app_group('supervisor');
    owner_role TEXT := (SELECT tableowner FROM pg_tables
                        WHERE schemaname = 'public' AND tablename = 'report');
    writers TEXT;
BEGIN
    writers := format('%I, %I', operator_group, supervisor_group);
    EXECUTE format('GRANT EXECUTE ON FUNCTION next_day_number(TEXT), '
                   'link_reporter(TEXT, TEXT, TEXT) TO %s', writers);
    EXECUTE format('ALTER FUNCTION next_day_number(TEXT) OWNER TO %I', owner_role);
    EXECUTE format('ALTER FUNCTION link_reporter(TEXT, TEXT, TEXT) OWNER TO %I', owner_role);

    -- The files of a new report, stored once by their SHA-256 (ON CONFLICT DO NOTHING needs
    -- no UPDATE right).
    EXECUTE format('GRANT INSERT ON media, media_file, media_chunk TO %s', writers);
    EXECUTE format('CREATE POLICY center_inserts ON media FOR INSERT TO %s WITH CHECK (true)',
                   writers);
    EXECUTE format('CREATE POLICY center_inserts ON media_file FOR INSERT TO %s '
                   'WITH CHECK (true)', writers);
    EXECUTE format('CREATE POLICY center_inserts ON media_chunk FOR INSERT TO %s '
                   'WITH CHECK (true)', writers);
END;
$$;

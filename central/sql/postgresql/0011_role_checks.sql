-- Schema version 11: the server restricts operators and supervisors to the workflow's steps for
-- their own role, whatever role a client declares for an operation.
--
-- Only the system closes a resolved report or reopens it to its agency, through the rating
-- steps that `civicdeskctl rate` and `civicdeskctl maintenance` run from an administrator's
-- workstation. Only a supervisor reopens a rejected, closed or duplicate report. An operator
-- may still take back their own rejection with a bulk action's undo.

-- Whether the signed-in role may take the system's steps: a member of the admin group, or the
-- owner or a superuser, which run imports and migrations.
CREATE FUNCTION acts_as_system() RETURNS boolean LANGUAGE sql STABLE
    SET search_path = pg_catalog, public, pg_temp
AS $$
    SELECT session_user = (SELECT tableowner FROM pg_tables
                           WHERE schemaname = 'public' AND tablename = 'report')
        OR EXISTS (SELECT FROM pg_roles WHERE rolname = session_user AND rolsuper)
        OR pg_has_role(session_user, public.app_group('admin'), 'MEMBER')
$$;

-- Whether the current transaction contains the signed-in user's undo of their own rejection of a
-- report: an undone event of this transaction that moves the report to `restored`, and names
-- as its step a rejection of the report by the same user from `restored`. The client inserts
-- the event before it updates the report. A row inserted in the current transaction has the
-- transaction's id as its xmin, because the client uses no savepoints.
-- NOTE: the 10-minute limit of an undo and the rule that no other change came after the step
-- are checked by the client only, because the event times are the client's.
CREATE FUNCTION undoes_own_rejection(report_id TEXT, restored TEXT) RETURNS boolean
    LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp
AS $$
    SELECT EXISTS (
        SELECT FROM public.event u
        JOIN public.event step ON step.id = u.data ->> 'undoes' AND step.report_id = u.report_id
        WHERE u.report_id = undoes_own_rejection.report_id AND u.kind = 'undone'
          AND u.actor = session_user AND u.data ->> 'to' = restored
          AND u.xmin = pg_current_xact_id()::xid
          AND step.kind = 'status_changed' AND step.actor = session_user
          AND step.data ->> 'from' = restored AND step.data ->> 'to' = 'rejected')
$$;

-- Checks a change of a report's status, rating or closing time by a role that does not act as
-- the system. A supervisor's reopen clears the rating and the closing time. Clearing them is
-- therefore allowed when the report leaves a final status, but setting them is not.
CREATE FUNCTION check_role_update() RETURNS trigger LANGUAGE plpgsql
    SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
    leaves_final boolean;
BEGIN
    IF public.acts_as_system() THEN
        RETURN NEW;
    END IF;
    leaves_final := NEW.status <> OLD.status AND OLD.status IN ('rejected', 'closed', 'duplicate');
    IF OLD.status = 'resolved' AND NEW.status <> OLD.status THEN
        RAISE EXCEPTION 'user % may not move report % from resolved to %: only the rating steps of an administrator (civicdeskctl rate and maintenance) move a resolved report',
            session_user, OLD.id, NEW.status USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF leaves_final
       AND NOT pg_has_role(session_user, public.app_group('supervisor'), 'MEMBER')
       AND NOT (OLD.status = 'rejected' AND NEW.status IN ('new', 'triaged')
                AND public.undoes_own_rejection(OLD.id, NEW.status)) THEN
        RAISE EXCEPTION 'user % may not move report % from % to %: only a supervisor reopens a % report',
            session_user, OLD.id, OLD.status, NEW.status, OLD.status
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.rating IS DISTINCT FROM OLD.rating AND (NEW.rating IS NOT NULL OR NOT leaves_final) THEN
        RAISE EXCEPTION 'user % may not change the rating of report % from % to %: only civicdeskctl rate, run by an administrator, records ratings',
            session_user, OLD.id, coalesce(OLD.rating::text, 'none'),
            coalesce(NEW.rating::text, 'none') USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.closed_at IS DISTINCT FROM OLD.closed_at
       AND (NEW.closed_at IS NOT NULL OR NOT leaves_final) THEN
        RAISE EXCEPTION 'user % may not change closed_at of report %: only the rating steps of an administrator (civicdeskctl rate and maintenance) close a report',
            session_user, OLD.id USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER report_role_update BEFORE UPDATE ON report
    FOR EACH ROW
    WHEN (NEW.status IS DISTINCT FROM OLD.status OR NEW.rating IS DISTINCT FROM OLD.rating
          OR NEW.closed_at IS DISTINCT FROM OLD.closed_at)
    EXECUTE FUNCTION check_role_update();

-- A report that a workstation creates starts open and unrated.
CREATE FUNCTION check_role_insert() RETURNS trigger LANGUAGE plpgsql
    SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    IF NOT public.acts_as_system() THEN
        RAISE EXCEPTION 'user % may not insert report % closed, rated or with closed_at: only the rating steps of an administrator (civicdeskctl rate and maintenance) close a report',
            session_user, NEW.id USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER report_role_insert BEFORE INSERT ON report
    FOR EACH ROW
    WHEN (NEW.status = 'closed' OR NEW.rating IS NOT NULL OR NEW.closed_at IS NOT NULL)
    EXECUTE FUNCTION check_role_insert();

-- A citizen's rating enters the timeline through the system's rating steps only. The event
-- carries the move it makes, which the message names.
CREATE FUNCTION check_rated_event() RETURNS trigger LANGUAGE plpgsql
    SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
    IF NOT public.acts_as_system() THEN
        RAISE EXCEPTION 'user % may not rate report % (from % to %): only civicdeskctl rate, run by an administrator, records ratings',
            session_user, NEW.report_id, coalesce(NEW.data ->> 'from', '?'),
            coalesce(NEW.data ->> 'to', '?') USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER event_rated_by_system BEFORE INSERT ON event
    FOR EACH ROW WHEN (NEW.kind = 'rated')
    EXECUTE FUNCTION check_rated_event();

-- Schema version 5: an audit trail of administrative changes. Every change to the fields,
-- agencies and their aliases, wards and communes, and users is recorded with who made it,
-- when, and the row before and after, by triggers that no client can bypass.

CREATE TABLE admin_audit (
    id bigserial PRIMARY KEY,
    at timestamptz NOT NULL DEFAULT now(),
    actor TEXT NOT NULL DEFAULT session_user,
    entity TEXT NOT NULL,    -- the table changed
    entity_key TEXT NOT NULL, -- its key; "agency id<TAB>alias" for an alias
    action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
    before jsonb,
    after jsonb
);
CREATE INDEX admin_audit_entity ON admin_audit (entity, entity_key, at);

-- Records one row's change. It runs with its owner's rights, so that users who may change
-- reference data need no right on the audit table. An update that changes nothing is not
-- recorded. The key columns are the trigger's arguments.
CREATE FUNCTION record_admin_change() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    old_row jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END;
    new_row jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END;
    row_key TEXT := '';
    column_name TEXT;
BEGIN
    IF TG_OP = 'UPDATE' AND old_row = new_row THEN
        RETURN NULL;
    END IF;
    FOREACH column_name IN ARRAY TG_ARGV LOOP
        row_key := row_key || CASE WHEN row_key = '' THEN '' ELSE E'\t' END
                   || (coalesce(new_row, old_row) ->> column_name);
    END LOOP;
    INSERT INTO admin_audit (entity, entity_key, action, before, after)
    VALUES (TG_TABLE_NAME, row_key, lower(TG_OP), old_row, new_row);
    RETURN NULL;
END;
$$;
REVOKE ALL ON FUNCTION record_admin_change() FROM PUBLIC;

CREATE TRIGGER category_audit AFTER INSERT OR UPDATE OR DELETE ON category
    FOR EACH ROW EXECUTE FUNCTION record_admin_change('code');
CREATE TRIGGER agency_audit AFTER INSERT OR UPDATE OR DELETE ON agency
    FOR EACH ROW EXECUTE FUNCTION record_admin_change('id');
CREATE TRIGGER agency_alias_audit AFTER INSERT OR UPDATE OR DELETE ON agency_alias
    FOR EACH ROW EXECUTE FUNCTION record_admin_change('agency_id', 'alias');
CREATE TRIGGER admin_unit_audit AFTER INSERT OR UPDATE OR DELETE ON admin_unit
    FOR EACH ROW EXECUTE FUNCTION record_admin_change('code');
CREATE TRIGGER app_user_audit AFTER INSERT OR UPDATE OR DELETE ON app_user
    FOR EACH ROW EXECUTE FUNCTION record_admin_change('name');

-- The trail is append-only, for its owner too.
CREATE FUNCTION reject_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the admin audit is append-only: % on entry % rejected', TG_OP, OLD.id;
END;
$$;
CREATE TRIGGER admin_audit_append_only BEFORE UPDATE OR DELETE ON admin_audit
    FOR EACH ROW EXECUTE FUNCTION reject_audit_change();

-- Admins and supervisors read the trail. Only the triggers write it.
DO $$
BEGIN
    EXECUTE format('GRANT SELECT ON admin_audit TO %I, %I', app_group('admin'),
                   app_group('supervisor'));
END;
$$;

-- Position of each name in Vietnamese alphabetical order (QCollator, locale "vi"), stored
-- beside the name because SQLite's own order puts every accented name after Z. The ranks are
-- recomputed whenever the reference data is replaced.
ALTER TABLE category ADD COLUMN sort_rank INTEGER NOT NULL DEFAULT 0;
ALTER TABLE agency ADD COLUMN sort_rank INTEGER NOT NULL DEFAULT 0;
ALTER TABLE admin_unit ADD COLUMN sort_rank INTEGER NOT NULL DEFAULT 0;

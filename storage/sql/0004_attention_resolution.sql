-- A refused operation keeps its place in the outbox, so that the operation sent in its stead
-- once the operator has decided goes out before the later operations that it held back.
ALTER TABLE attention ADD COLUMN outbox_seq INTEGER;
-- How the operator resolved it: mine, theirs or dismiss (see core/conflict.h); NULL while open.
ALTER TABLE attention ADD COLUMN resolution TEXT;
CREATE INDEX attention_open ON attention (report_id, dismissed);

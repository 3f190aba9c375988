-- Schema version 4: an index for "claim next", which reads the reports of a few statuses. In a
-- central of several years they are a small part of the reports: most are closed.

CREATE INDEX report_status ON report (status);

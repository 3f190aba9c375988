-- Folded text of each report for searches with or without Vietnamese marks ("đ" as "d").
-- The values are computed in C++ (foldText) right after this script.
ALTER TABLE report ADD COLUMN search_text TEXT NOT NULL DEFAULT '';

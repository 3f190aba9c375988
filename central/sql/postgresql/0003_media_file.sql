-- Schema version 3: one row per stored media file, beside its chunks.
--
-- The width, height and duration of the content are kept with it, so that a report that
-- links a file stored before gets them without the file being decoded again. A workstation
-- reads the size and the number of chunks before it copies a file chunk by chunk,
-- so that a missing chunk is noticed, and gets the thumbnail without touching the chunks.
-- The thumbnail is a JPEG whose longest side is at most 320 px, made by the client that
-- stored the file. It is NULL when none could be made (a video that no decoder could read, say).

CREATE TABLE media_file (
    sha256 TEXT PRIMARY KEY,
    size bigint NOT NULL,
    chunk_count integer NOT NULL,
    width integer NOT NULL DEFAULT 0,
    height integer NOT NULL DEFAULT 0,
    duration_ms bigint NOT NULL DEFAULT 0,
    thumbnail bytea,
    thumbnail_sha256 TEXT,
    thumbnail_width integer NOT NULL DEFAULT 0,
    thumbnail_height integer NOT NULL DEFAULT 0
);

-- Files stored before this version keep their chunks and get no thumbnail.
INSERT INTO media_file (sha256, size, chunk_count)
SELECT sha256, sum(length(data)), count(*) FROM media_chunk GROUP BY sha256;

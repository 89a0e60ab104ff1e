-- Placeholder: the number 0008 belongs to surveys, built alongside broadcasts.
-- It changes nothing; delete this file when surveys's own 0008 migration is merged.
SELECT 1;

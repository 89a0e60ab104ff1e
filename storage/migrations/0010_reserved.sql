-- Placeholder: the number 0010 belongs to a feature built alongside completion (0012).
-- It changes nothing; delete this file when that feature's own 0010 migration is merged.
SELECT 1;

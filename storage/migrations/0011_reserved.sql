-- Placeholder: the number 0011 belongs to a feature built alongside completion (0012).
-- It changes nothing; delete this file when that feature's own 0011 migration is merged.
SELECT 1;

-- Placeholder: the number 0006 belongs to homework, built alongside broadcasts.
-- It changes nothing; delete this file when homework's own 0006 migration is merged.
SELECT 1;

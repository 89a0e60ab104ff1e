-- Placeholder: the number 0007 belongs to quizzes, built alongside broadcasts.
-- It changes nothing; delete this file when quizzes's own 0007 migration is merged.
SELECT 1;

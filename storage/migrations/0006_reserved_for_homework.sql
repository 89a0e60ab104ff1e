-- Placeholder: the number 0006 belongs to homework (issue 10), built alongside quizzes.
-- It changes nothing; delete this file when homework's 0006_homework.sql is merged.
SELECT 1;

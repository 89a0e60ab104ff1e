-- Placeholder: 0010 is the completion's migration (branch wt-completion), being built alongside.
-- It only keeps the numbers without gaps on this branch; the merge replaces it with the real one.
SELECT 1;

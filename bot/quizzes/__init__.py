"""Lesson quizzes: attempts, questions as Telegram quiz polls, answers, results, reminders."""

"""Broadcasts: an organizer's message to a cohort, or to the learners of it a filter picks,
delivered through the delivery table and the sender (crash-safe, never twice)."""

"""What an owner sees with /status: the bot's version and uptime, the database, the last backup,
what is queued for delivery, and the last errors (kept in memory, a few at most)."""

# Two commands on a fresh machine with Python 3.11+:
#   make run   - set everything up and run the bot (SQLite, the bundled sample course)
#   make test  - set everything up and run the linters, the type checker and the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test lint typecheck bench bench-telegram bench-livequiz bench-flood bench-backup bench-broadcast bench-homework bench-latency bench-certificates bench-reports charts clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Oqu needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

.env:
	cp .env.example .env
	@echo "Created .env from .env.example: put your BOT_TOKEN from @BotFather there."

run: $(STAMP) .env
	$(BIN)/python -m bot

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# What it checks and how strictly: [tool.mypy] in pyproject.toml.
typecheck: $(STAMP)
	$(BIN)/mypy

test: lint typecheck
	$(BIN)/python -m pytest

# A lesson of three messages to 10,000 learners through the Bot API emulator, limits enforced
# and the overall one raised tenfold to 300/s (about 2 minutes); results in docs/benchmarks.md.
bench: $(STAMP)
	$(BIN)/python -m bench.delivery

# The same at Telegram's own 30 messages per second: about 17 minutes.
bench-telegram: $(STAMP)
	$(BIN)/python -m bench.delivery --rate 30

# A live quiz in private chats: 300 players, 5 questions, Telegram's 30 messages per second
# (about 5 minutes); results in docs/benchmarks.md.
bench-livequiz: $(STAMP)
	$(BIN)/python -m bench.livequiz

# Other people's reply latency with and without one person flooding the bot (30 messages a
# second), throttled and not: three runs of 30 s; results in docs/benchmarks.md.
bench-flood: $(STAMP)
	$(BIN)/python -m bench.flood

# A backup of a 200 MB database while the bot's writers keep committing (about 30 s).
bench-backup: $(STAMP)
	$(BIN)/python -m bench.backup

# Reply latency at 200 updates a second (/help, a learner's menu button) beside a bare aiogram
# echo bot, saturation rates, CPU per update and memory (about 3 minutes); docs/benchmarks.md.
bench-latency: $(STAMP)
	$(BIN)/python -m bench.latency

# A broadcast to the rural half of a cohort of 10,000 (5,000 copies), limit 300/s (about 30 s).
bench-broadcast: $(STAMP)
	$(BIN)/python -m bench.broadcast

# The homework deadline rush: 1,000 learners hand in an album and a text within 60 s, at
# Telegram's limits (about 2 minutes); results in docs/benchmarks.md.
bench-homework: $(STAMP)
	$(BIN)/python -m bench.homework

# 1,000 certificates issued and queued, then rendered and sent at Telegram's limit (about 3
# minutes): time per PDF, total, peak RSS, PDF size; results in docs/benchmarks.md.
bench-certificates: $(STAMP)
	$(BIN)/python -m bench.certificates

# Statistics and the Excel export of a cohort of 10,000 learners: /stats time, the export's time,
# size and peak RSS, and other users' reply latency (p99) while it runs; docs/benchmarks.md.
bench-reports: $(STAMP)
	$(BIN)/python -m bench.reports

# The /stats charts for the sample course and 60 simulated learners, into docs/charts/.
charts: $(STAMP)
	$(BIN)/python -m bench.report_charts

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache build *.egg-info

# Oqu: a slim image, a non-root user, the SQLite file on a volume.
FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DATABASE_PATH=/data/bot.sqlite3

WORKDIR /app
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY handlers ./handlers
COPY storage ./storage
COPY locales ./locales
COPY courses ./courses
RUN pip install -e . \
    && useradd --create-home --uid 10001 oqu \
    && mkdir -p /data \
    && chown oqu:oqu /data

USER oqu
VOLUME ["/data"]
CMD ["python", "-m", "bot"]

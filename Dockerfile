# Oqu: a slim image, a non-root user, the SQLite file on a volume.
# The bot is installed from a wheel, not in editable mode: the image runs exactly what
# `pip install .` gives (locales, migrations and the sample course are package data), and no
# source tree stays behind to shadow it.
FROM python:3.12-slim AS build

ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /src
COPY pyproject.toml README.md LICENSE ./
COPY bot ./bot
COPY handlers ./handlers
COPY storage ./storage
COPY locales ./locales
COPY courses ./courses
RUN pip wheel --no-deps --wheel-dir /wheels .

FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DATABASE_PATH=/data/bot.sqlite3

COPY --from=build /wheels /wheels
RUN pip install /wheels/*.whl \
    && rm -rf /wheels \
    && useradd --create-home --uid 10001 oqu \
    && mkdir -p /data \
    && chown oqu:oqu /data

USER oqu
WORKDIR /data
VOLUME ["/data"]
CMD ["python", "-m", "bot"]

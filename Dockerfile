# Production image of the Tụ hội sáng tạo site: gunicorn serving Django, WhiteNoise serving the static files.
#
# Not built on the development machines (they have no Docker engine): see "Production" in README.md.
#   docker build -t tudoi .
#   docker run --rm --env-file prod.env tudoi python manage.py migrate --noinput   # release step, once per deploy
#   docker run -d -p 8000:8000 --env-file prod.env tudoi     # gunicorn and the task worker (tools/serve)
#
# Same Python minor and Debian release as development and CI.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PORT=8000

WORKDIR /app

# Runtime dependencies only (no dev set: playwright alone is 165 MB). pyproject.toml stays the one list; copying
# it first keeps this layer cached while only the code changes. psycopg[binary] and Pillow are manylinux wheels,
# so no compiler or system library is needed.
COPY pyproject.toml ./
COPY tools/requirements.py tools/
RUN python tools/requirements.py > /tmp/requirements.txt \
    && pip install -r /tmp/requirements.txt \
    && rm /tmp/requirements.txt

COPY . .

# Translations (.po → .mo with polib, no gettext) and static files (hashed and compressed for WhiteNoise).
# Settings refuse to load without a secret key when DEBUG is off: this throwaway one lives only in this RUN.
RUN DJANGO_DEBUG=0 DJANGO_SECRET_KEY=build-only-not-a-secret-build-only-not-a-secret-0123456789 \
    sh -c 'python manage.py compile_catalogues && python manage.py collectstatic --noinput'

# Run as an unprivileged user. Media is written under /app/media only when no S3 bucket is configured
# (a single instance with a mounted volume); journalists' press cards always go to /app/private-media (a volume
# shared by the instances, never served). Without Redis, the workers share their page cache in /app/.cache.
RUN useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin app \
    && mkdir -p /app/media /app/private-media /app/.cache \
    && chown app /app/media /app/private-media /app/.cache \
    && chmod 700 /app/private-media
USER app

EXPOSE 8000

# /healthz answers 200 when the database answers, 503 otherwise; it is exempt from the HTTPS redirect. The Host
# header must be an allowed host, so the first entry of DJANGO_ALLOWED_HOSTS is sent ("*" and ".domain" work too).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request as r; h = (os.environ.get('DJANGO_ALLOWED_HOSTS') or 'localhost').split(',')[0].strip().lstrip('*.') or 'localhost'; r.urlopen(r.Request('http://127.0.0.1:' + os.environ.get('PORT', '8000') + '/healthz', headers={'Host': h}), timeout=4)"]

# Migrations are NOT run here: run `python manage.py migrate --noinput` once per release, before starting the
# new containers, so that several instances never race to migrate the same database.
# gunicorn, and beside it the worker that sends the e-mails and runs the other queued tasks (tools/serve; set
# TUDOI_WORKER=0 when the worker runs in a container of its own: `python manage.py db_worker`).
CMD ["tools/serve"]

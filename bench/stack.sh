# Sourced by bench/run and bench/lighthouse: the production stack (gunicorn with the production
# profile, PostgreSQL, Redis, a Celery worker) on the benchmark's data set, on $PORT.
# Stops it on exit.
export DJANGO_ENV=production
export DATABASE_URL="${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/qlclaw_bench}"
export REDIS_URL="${BENCH_REDIS_URL:-redis://127.0.0.1:6379/14}"
export DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost
export SITE_URL="http://127.0.0.1:${PORT}"
export DJANGO_SECURE_SSL_REDIRECT=0
export DJANGO_SECRET_KEY="${DJANGO_SECRET_KEY:-bench-$(head -c 48 /dev/urandom | base64 | tr -d '/+=\n')}"
export STRIPE_SECRET_KEY=sk_test_bench STRIPE_PUBLISHABLE_KEY=pk_test_bench \
       STRIPE_WEBHOOK_SECRET=whsec_bench
export LOG_LEVEL=WARNING

"$BIN/python" - <<'PY'
import os

import environ
import psycopg

config = environ.Env.db_url_config(os.environ["DATABASE_URL"])
params = {k: v for k, v in (("host", config["HOST"]), ("port", config["PORT"]),
          ("user", config["USER"]), ("password", config["PASSWORD"])) if v}
with psycopg.connect(dbname="postgres", autocommit=True, **params) as connection:
    if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s",
                              [config["NAME"]]).fetchone():
        connection.execute(f'CREATE DATABASE "{config["NAME"]}"')
PY
"$BIN/python" manage.py migrate --noinput -v0
"$BIN/python" manage.py load_demo >/dev/null
"$BIN/python" bench/generate.py --products 1000 --articles 500
"$BIN/python" manage.py collectstatic --noinput -v0

"$BIN/celery" -A config worker --loglevel=WARNING --concurrency=1 >/tmp/qlclaw-bench-worker.log 2>&1 &
worker=$!
GUNICORN_BIND="127.0.0.1:${PORT}" "$BIN/gunicorn" -c config/gunicorn.py --access-logfile /dev/null \
  config.wsgi >/tmp/qlclaw-bench-gunicorn.log 2>&1 &
web=$!
trap 'kill $web $worker 2>/dev/null; wait' EXIT INT TERM
for _ in $(seq 60); do
  curl -fsS "http://127.0.0.1:${PORT}/healthz" >/dev/null 2>&1 && break
  sleep 0.5
done


"""Gunicorn settings for the production image (`gunicorn -c gunicorn.conf.py tudoi.wsgi:application`).

Read from the environment: PORT (default 8000), WEB_CONCURRENCY (default 2 × CPUs + 1), FORWARDED_ALLOW_IPS
(proxies whose X-Forwarded-* headers gunicorn trusts; default loopback only) and GUNICORN_LOG_LEVEL (info).
"""

import os

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"

# Sync workers: every request is short (pages, forms, small files); nothing streams or waits on a slow API.
worker_class = "sync"
# CPUs this process may run on (honours a container's cpuset, not a --cpus quota: set WEB_CONCURRENCY then).
_cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
workers = int(os.environ.get("WEB_CONCURRENCY") or 2 * _cpus + 1)
timeout = 30
graceful_timeout = 30
keepalive = 5  # a little longer than the default 2 s, for load balancers that reuse connections

# Recycle workers now and then so that a slow leak cannot grow for the whole event; the jitter keeps them from
# all restarting at once.
max_requests = 1000
max_requests_jitter = 100

accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")

forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# No runtime control socket (gunicorn ≥ 25): a container is managed by restarting it, and the image's user has
# no home directory to put the socket in. Older gunicorn ignores the unknown setting.
control_socket_disable = True

# The heartbeat file on tmpfs: in a container, /tmp may be an overlay on disk, which can stall workers.
if os.path.isdir("/dev/shm"):
    worker_tmp_dir = "/dev/shm"

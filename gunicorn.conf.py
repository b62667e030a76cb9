"""Gunicorn settings for `make run` and the production image (`gunicorn -c gunicorn.conf.py tudoi.wsgi:application`).

Read from the environment: PORT (default 8000), WEB_CONCURRENCY (worker processes, default CPUs + 1),
GUNICORN_THREADS (threads per worker, default 24), FORWARDED_ALLOW_IPS (proxies whose X-Forwarded-* headers
gunicorn trusts; default loopback only) and GUNICORN_LOG_LEVEL (info). `--bind` on the command line wins over PORT.
"""

import os

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"

# Threaded workers, so that a slow or idle client cannot stall the site. With sync workers each process serves one
# connection at a time from its first byte to its last: sixteen phones that send half a request (or a slowloris
# script) occupied every worker and /healthz gave no answer at all.
#
# How gunicorn 27's gthread worker reads a request: the main loop of each process accepts connections and keeps
# idle kept-alive ones in a poller (they cost no thread). A new connection is handed to a thread, which waits up to
# 5 s for its first bytes (then gives it back to the poller: a connection that sends nothing holds a thread at most
# 5 s); once bytes have come, the thread reads the request line and headers with a blocking socket and no time
# limit (gunicorn has no header or read timeout). So a request sent in half holds one thread until its client
# sends the rest or closes, or until the worker is recycled (max_requests below); everything else keeps being served
# by the other threads. A process whose threads are all held still accepts connections and queues them, so the
# guarantee is per process: fewer slow clients than `threads` (23 with the default) never stall anything, wherever
# the kernel sends them; more can, which is one reason to put a buffering proxy in front in production (README,
# "Production"): it reads the whole request before passing it on. tests/test_server_load.py holds 16 open.
#
# Threads share one process and the GIL, so they add concurrency for waiting (clients, the database, the cache),
# not CPU: the processes (CPUs + 1) use the cores. Many threads rendering at once contend for the GIL: measured on
# one core with 16 connections, uncached pages came 10–20 % slower with 24 threads than with sync workers or 4
# threads. Behind a buffering proxy, which keeps slow clients away from gunicorn, GUNICORN_THREADS=4 is the better
# choice; without one (`make run`, a bare container) keep the default. Each thread that touches the database keeps
# its own connection for DATABASE_CONN_MAX_AGE seconds: on PostgreSQL keep WEB_CONCURRENCY × GUNICORN_THREADS ×
# instances (+ one per task worker) under the server's max_connections (100 by default), lowering GUNICORN_THREADS
# or the connection age if needed. SQLite takes its writers one at a time (WAL, immediate transactions and a busy
# timeout: settings.py).
worker_class = "gthread"
# CPUs this process may run on (honours a container's cpuset, not a --cpus quota: set WEB_CONCURRENCY then).
_cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
workers = int(os.environ.get("WEB_CONCURRENCY") or _cpus + 1)
threads = int(os.environ.get("GUNICORN_THREADS") or 24)
# Connections one process keeps at once (in a thread or idle in its poller); beyond it the process stops accepting
# and leaves new connections to the others.
worker_connections = 1000

# With gthread, `timeout` watches each process's main loop (a process silent for 30 s is killed and replaced), not
# the length of a request: a thread held by a slow client does not trip it.
timeout = 30
graceful_timeout = 30
# Seconds an idle kept-alive connection waits (in the poller, without a thread) for the client's next request: a
# phone loading a page's CSS, script and images reuses one connection; a little longer than the default 2 s, for
# load balancers that reuse connections.
keepalive = 5

# Recycle workers now and then so that a slow leak (memory, or threads held by clients that vanished mid-request)
# cannot grow for the whole event; the jitter keeps them from all restarting at once. A restart is not free: the
# old process drains its connections (kept-alive ones included) for a second or two, then the new one loads the
# site. After every 1000 requests (the old figure) a process spent much of its time starting again; after 50,000
# a process serving cached pages at full speed still restarted every half minute and `make bench` rounds that
# caught a restart lost up to 40 %. 500,000 is several hours of a busy event day, minutes at full speed.
max_requests = 500_000
max_requests_jitter = 50_000

# Limits on the request line and headers (gunicorn's defaults, written out): a client cannot make a thread buffer
# more than about 8 KB of line and 100 headers of 8 KB each.
limit_request_line = 4094
limit_request_fields = 100
limit_request_field_size = 8190

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

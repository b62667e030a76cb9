"""Log formatting for noise that needs no traceback.

A request with a Host header the site does not serve (scanners, stale DNS, misdirected bots) raises DisallowedHost,
which Django logs with the whole traceback to `django.security.DisallowedHost`: dozens of lines for nothing that
can be fixed in the code. `OneLineFormatter` writes such a record as one line, without the traceback, and with any
line break in the message (the Host header is the client's text) escaped so that it cannot forge another log line.
"""

import logging


class OneLineFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        plain = logging.makeLogRecord({**record.__dict__, "exc_info": None, "exc_text": None, "stack_info": None})
        text = super().format(plain)
        return text.replace("\r", "\\r").replace("\n", "\\n")

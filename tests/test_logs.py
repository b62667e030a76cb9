"""A request for a host the site does not serve is logged as one line, not as a traceback (nor mailed to ADMINS).

Run with the production settings in a subprocess, as in tests/test_deploy.py: what matters is the real LOGGING
configuration writing to the real stderr.
"""

from tests.test_deploy import production_env, run_python

SCRIPT = """
from django.test import Client
client = Client()
for path in ("/vi/", "/admin/login/", "/api/v1/"):
    print(client.get(path, HTTP_HOST="attacker.example", secure=True).status_code)
"""


def test_a_bad_host_header_is_logged_as_one_line_per_request(tmp_path):
    env = production_env(
        DJANGO_ADMINS="ops@example.org",
        DJANGO_EMAIL_BACKEND="django.core.mail.backends.console.EmailBackend",
        TUDOI_CACHE_DIR=str(tmp_path / "cache"),
        DJANGO_LOG_LEVEL="INFO",
    )

    result = run_python("-c", "import django; django.setup()\n" + SCRIPT, env=env)

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["400", "400", "400"]
    expected = (
        "ERROR django.security.DisallowedHost Invalid HTTP_HOST header: 'attacker.example'. "
        "You may need to add 'attacker.example' to ALLOWED_HOSTS."
    )
    about_the_host = [line for line in result.stderr.splitlines() if "attacker.example" in line]
    assert about_the_host == [expected] * 3
    assert "Traceback" not in result.stderr and "Subject:" not in result.stdout  # no traceback, no mail to ADMINS

"""The event itself, named once: its days (Hanoi), for forms, the programme's checks, exports and the facts."""

from datetime import date

# Saturday 10 and Sunday 11 January 2026, around Hoàn Kiếm Lake.
DAYS = (date(2026, 1, 10), date(2026, 1, 11))
FIRST_DAY, LAST_DAY = DAYS[0], DAYS[-1]

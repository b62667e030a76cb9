"""Demo content for the site: `python manage.py load_demo`.

Real facts about the event (venues, the programme's named activities, organisers, the units named in coverage)
sit beside plainly fictional filler (most creative units, artists and artworks, some speakers, press contacts),
and every fictional record says so in both languages. Loading is deterministic and idempotent.
"""

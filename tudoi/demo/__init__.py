"""Demo content for the site: `python manage.py load_demo`.

The content is data, in the `demo/` folder at the project's root (settings.TUDOI_DEMO_DIR; see demo/README.md):
loader.py reads it through the organisers' spreadsheet imports and `sync.Sync`, images.py draws its pictures.
Loading is deterministic and idempotent.
"""

from django.apps import apps
from django.core.management.base import BaseCommand

from core.pagecache import content_changed
from core.search import Searchable, reindex


class Command(BaseCommand):
    help = "Refresh the search columns of every searchable record (after changes made without save())."

    def handle(self, *args, **options):
        for model in apps.get_models():
            if issubclass(model, Searchable):
                count = reindex(model, model.search_name_fields, model.search_body_fields)
                self.stdout.write(f"{model._meta.label}: {count}")
        content_changed()  # search results and pages are rendered again

"""Storage for personal uploads that must never be public: journalists' press cards.

The files live under `TUDOI_PRIVATE_MEDIA_ROOT`, a folder outside `MEDIA_ROOT` that no URL serves. They have no
URL at all (`url()` raises), so no template can link them by mistake; staff download them through the admin.
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible


@deconstructible(path="core.storage.PrivateStorage")
class PrivateStorage(FileSystemStorage):
    # Plain properties (not the parent's cached ones): the setting is read at each use, so tests and deployments
    # that change it are obeyed.
    @property
    def base_location(self):
        return settings.TUDOI_PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None  # FileSystemStorage.url() raises for a storage without a base URL

    @property
    def file_permissions_mode(self):
        return 0o600  # readable by the app's own user only

    @property
    def directory_permissions_mode(self):
        return 0o700


private_storage = PrivateStorage()

"""The directory of creative units, a unit's page and a sector's page (work in progress)."""

from django.http import Http404


def directory(request):
    raise Http404


def unit_detail(request, slug):
    raise Http404


def sector_detail(request, slug):
    raise Http404

"""Buyers ask a creative unit for a meeting (work in progress)."""

from django.http import Http404


def meet(request, slug):
    raise Http404

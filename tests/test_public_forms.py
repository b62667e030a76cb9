"""The public forms are ModelForms (issue 15, point 4): their limits come from the model, they keep their honeypot
and their refusal of invisible characters, and they never say whether an address is already known."""

import pytest
from django import forms
from django.utils import translation

from core.forms import PublicModelForm
from events.forms import RegistrationForm
from events.models import Registration
from exhibitors.forms import MeetingRequestForm
from exhibitors.models import MeetingRequest, Sector
from press.forms import AccreditationForm
from press.models import AccreditationRequest
from tests import factories

FORMS = [
    (RegistrationForm, Registration, "website", {}),
    (MeetingRequestForm, MeetingRequest, "subject", {"sectors": Sector.objects.none()}),
    (AccreditationForm, AccreditationRequest, "website", {}),
]


@pytest.mark.parametrize(("form_class", "model", "honeypot", "options"), FORMS)
def test_each_public_form_takes_its_limits_from_its_model(form_class, model, honeypot, options):
    form = form_class(**options)

    assert isinstance(form, forms.ModelForm) and form._meta.model is model
    for name in form._meta.fields:
        limit = model._meta.get_field(name).max_length
        if limit and isinstance(form.fields[name], forms.CharField):
            assert form.fields[name].max_length == limit, name
            assert f'maxlength="{limit}"' in str(form[name]), name
    assert honeypot not in [field.name for field in form.visible_fields()]


@pytest.mark.parametrize("text", ["Lan\u200b", "Lan\u202eabc", "Lan\nAnh"])
@pytest.mark.parametrize(("form_class", "model", "honeypot", "options"), FORMS)
def test_names_with_invisible_characters_or_line_breaks_are_refused(form_class, model, honeypot, options, text):
    name_field = "buyer_name" if form_class is MeetingRequestForm else "name"

    with translation.override("en"):
        form = form_class({name_field: text}, **options)
        errors = set(form.errors.get(name_field, []))

    assert errors & {
        "This holds invisible characters (for example from a copy and paste). Please type it again.",
        "Please write this on one line.",
    }


@pytest.mark.django_db
def test_a_registration_form_for_an_address_that_already_has_a_seat_says_nothing_about_it():
    session = factories.SessionFactory(published=True, capacity=10)
    factories.RegistrationFactory(session=session, email="lan@example.vn")
    data = {"name": "Someone Else", "email": "LAN@example.vn", "consent": "on"}

    form = RegistrationForm(data, instance=Registration(session=session))

    assert isinstance(form, PublicModelForm)
    assert form.is_valid(), form.errors

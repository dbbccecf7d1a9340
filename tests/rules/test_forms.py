import pytest

from cleanpage.pipeline import decide


def test_drop_form_field_label():
    assert decide("forms.field_label", "First Name *").action == "drop"
    assert decide("forms.field_label", "First name, then last name") is None


@pytest.mark.parametrize("line", ["Email Address *", "Phone Number*", "Company *", "Your Email*", "Zip code*",
                                  "First name: *", "Message *", "E-Mail-Adresse *", "Vorname *", "Prénom *",
                                  "Téléphone *", "Société *", "Teléfono *", "Contraseña *", "Cognome *",
                                  "Nombre (*):", "Correo electrónico (*):"])  # the mark in brackets
def test_form_field_label_family(line):
    assert decide("forms.field_label", line).action == "drop"


@pytest.mark.parametrize("line", ["Annual Percentage Rate*", "Free shipping on orders over $50*", "Name", "Email us",
                                  "Company news *and* events", "The name * marks a required field."])
def test_form_field_label_keeps(line):
    assert decide("forms.field_label", line) is None

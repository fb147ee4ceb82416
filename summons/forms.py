"""The member's own consent form."""

from __future__ import annotations

from django import forms

from .models import Decision


class ConsentForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[
            (Decision.GIVEN, "Yes, send my summonses by email to the address below"),
            (Decision.WITHDRAWN, "No, leave my summonses at or post them to my usual residence"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether you consent to summonses by email"},
    )
    email = forms.EmailField(
        required=False,
        max_length=254,
        error_messages={
            "invalid": "Enter an email address in the correct format, like name@example.com"
        },
    )

    def clean(self):
        data = super().clean()
        if (
            data.get("decision") == Decision.GIVEN
            and not data.get("email")
            and "email" not in self.errors
        ):
            self.add_error("email", "Enter the email address to send your summonses to")
        return data

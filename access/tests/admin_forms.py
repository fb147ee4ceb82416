"""Helpers for driving admin forms in tests: read a rendered form back into POST data."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model


def post_data(response) -> dict:
    """The POST data a browser would send for the admin change form in ``response``."""
    ctx = response.context
    forms = [ctx["adminform"].form]
    for inline in ctx["inline_admin_formsets"]:
        forms.append(inline.formset.management_form)
        forms.extend(inline.formset.forms)
    data: dict = {}
    for form in forms:
        for bf in form:
            value = bf.value()
            if isinstance(value, bool):
                if value:
                    data[bf.html_name] = "on"
                continue
            if isinstance(value, (dt.date, dt.time)):
                value = value.isoformat()
            data[bf.html_name] = "" if value is None else value
    return data


def rows(response, prefix: str) -> list:
    """The inline forms of the formset ``prefix`` in ``response``."""
    for inline in response.context["inline_admin_formsets"]:
        if inline.formset.prefix == prefix:
            return inline.formset.forms
    raise KeyError(prefix)


def errors_text(response) -> str:
    """Every error message on the admin form, main form and inline rows alike."""
    ctx = response.context
    messages = [str(e) for e in ctx["adminform"].form.non_field_errors()]
    messages += [str(e) for errs in ctx["adminform"].form.errors.values() for e in errs]
    for inline in ctx["inline_admin_formsets"]:
        messages += [str(e) for e in inline.formset.non_form_errors()]
        for form in inline.formset.forms:
            messages += [str(e) for errs in form.errors.values() for e in errs]
    return "\n".join(messages)


def staff_user(username: str = "officer", *perms: str):
    """An administrator (the back office is theirs), not democratic services: staff, with the
    given ``app.codename`` permissions."""
    from django.contrib.auth.models import Permission

    from moot.testing import administrator

    user = get_user_model().objects.create_user(username, password="pw", is_staff=True)
    administrator(user)
    for perm in perms:
        app, codename = perm.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app, codename=codename)
        )
    return user

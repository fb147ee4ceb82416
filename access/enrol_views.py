"""Adding an authenticator app: through an enrolment link with the password, or from a session
already verified with the existing factor (access/enrolment.py). Never after a password alone."""

from __future__ import annotations

from django import forms
from django.contrib.auth import authenticate, login
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import enrolment, signin
from .views import CodeForm

LINK = "moot_enrolment_link"
DEVICE = "moot_enrolment_device"


class PasswordForm(forms.Form):
    password = forms.CharField(label="Password", widget=forms.PasswordInput(render_value=False))


class NewDeviceForm(CodeForm):
    replace = forms.BooleanField(
        required=False,
        initial=True,
        label="Remove my other authenticator apps",
        help_text="Untick this to keep your existing app working as well.",
    )


def _no_cache(response):
    add_never_cache_headers(response)
    return response


def enrol(request, token: str):
    """The link from democratic services' email: the account's password, then the set-up."""
    link = enrolment.valid_link(token)
    if link is None:
        return _no_cache(render(request, "access/enrol_invalid.html", status=404))
    form = PasswordForm(request.POST or None)
    status = 200
    if request.method == "POST":
        name, ip = link.user.get_username(), signin.client_ip(request)
        refusal = signin.admit(name, ip)
        if refusal:
            form.add_error(None, refusal.message)
            status = 429
        elif form.is_valid() and authenticate(
            request, username=name, password=form.cleaned_data["password"]
        ):
            request.session.cycle_key()
            request.session[LINK] = link.pk
            request.session.pop(DEVICE, None)
            return redirect("access:set_up")
        else:
            if form.is_valid():
                signin.record_failure(name, ip)
            form.add_error("password", "The password is not right.")
            status = 400
    return _no_cache(
        render(
            request,
            "access/enrol.html",
            {"form": form, "username": link.user.get_username()},
            status=status,
        )
    )


def _who(request):
    """(user, link) for an enrolment in progress, or (user, None) for a verified session."""
    link_id = request.session.get(LINK)
    if link_id:
        link = enrolment.still_valid(link_id)
        if link is not None:
            return link.user, link
        request.session.pop(LINK, None)
    user = request.user
    if user.is_authenticated and user.is_verified():
        return user, None
    return None, None


def set_up(request):
    """Show the key and its QR code; confirm with the code the app then shows."""
    user, link = _who(request)
    if user is None:
        if request.user.is_authenticated:  # signed in without the second factor
            return redirect_to_login(request.get_full_path(), reverse("access:sign_in"))
        return redirect("access:sign_in")
    device = TOTPDevice.objects.filter(
        pk=request.session.get(DEVICE), user=user, confirmed=False
    ).first()
    if device is None:
        device = enrolment.new_device(user)
        request.session[DEVICE] = device.pk
    form = NewDeviceForm(request.POST or None, initial={"replace": True})
    status = 200
    if request.method == "POST":
        refusal = signin.admit(user.get_username(), signin.client_ip(request))
        if refusal:
            form.add_error(None, refusal.message)
            status = 429
        elif form.is_valid() and signin.verify_code(
            request, user, device, form.cleaned_data["code"]
        ):
            replace = link is not None or form.cleaned_data["replace"]
            enrolment.confirm_device(user, device, actor=user, link=link, replace=replace)
            for key in (LINK, DEVICE):
                request.session.pop(key, None)
            signin.succeeded(user.get_username(), signin.client_ip(request))
            if link is not None:
                user.otp_device = device
                login(request, user)
            else:
                request.session[DEVICE_ID_SESSION_KEY] = device.persistent_id
            return HttpResponseRedirect("/")
        else:
            if form.is_valid():
                form.add_error(
                    "code", "That code is not right. Check the key and enter the new code."
                )
            status = 400
    context = {"form": form, "enrolling": link is not None, **enrolment.key_and_qr(device)}
    return _no_cache(render(request, "access/set_up.html", context, status=status))

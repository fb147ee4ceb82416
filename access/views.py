"""Sign in and sign out, in the site's own style (adding an authenticator: enrol_views.py)."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model, login, logout
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from . import signin
from .rules import is_democratic_services, may_ever_see_exempt

PENDING = "moot_pending_user"


class SignInForm(forms.Form):
    username = forms.CharField(max_length=150, label="Username")
    password = forms.CharField(label="Password", widget=forms.PasswordInput(render_value=False))


class CodeForm(forms.Form):
    code = forms.CharField(
        max_length=10,
        label="Security code",
        help_text="The 6-digit code shown in your authenticator app.",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


def _next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or "/"
    ok = url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure())
    return target if ok else "/"


def _pending_user(request):
    user_id = request.session.get(PENDING)
    return get_user_model().objects.filter(pk=user_id, is_active=True).first() if user_id else None


def sign_in(request):
    form = SignInForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        name, ip = form.cleaned_data["username"], signin.client_ip(request)
        refusal = signin.admit(name, ip)
        if refusal:
            form.add_error(None, refusal.message)
            status = 429
        else:
            user = signin.check_password(request, name, form.cleaned_data["password"])
            if user is None:
                form.add_error(None, "The username or password is not right.")
                status = 400
            elif not may_ever_see_exempt(user):
                signin.succeeded(name, ip)
                login(request, user)
                return HttpResponseRedirect(_next(request))
            else:
                if not signin.confirmed_device(user):
                    return _no_device(request)
                request.session.cycle_key()
                request.session[PENDING] = user.pk
                request.session["moot_next"] = _next(request)
                return redirect("access:verify")
    elif request.method == "POST":
        status = 400
    return render(
        request, "access/sign_in.html", {"form": form, "next": _next(request)}, status=status
    )


def _no_device(request):
    """An account that needs a second factor and has none: no secret after a password alone."""
    return render(request, "access/no_device.html", status=403)


def _finish(request, user, device):
    del request.session[PENDING]
    signin.succeeded(user.get_username(), signin.client_ip(request))
    target = request.session.pop("moot_next", "/")
    if target == "/" and is_democratic_services(user):
        target = reverse("workspace:home")  # an officer signing in lands on their work
    user.otp_device = device  # django-otp records the verified device in the session on login
    login(request, user)
    return HttpResponseRedirect(target)


def verify(request):
    user = _pending_user(request)
    if user is None:
        return redirect("access:sign_in")
    device = signin.confirmed_device(user)
    if device is None:
        return _no_device(request)
    form = CodeForm(request.POST or None)
    status = 200
    if request.method == "POST":
        refusal = signin.admit(user.get_username(), signin.client_ip(request))
        if refusal:
            form.add_error(None, refusal.message)
            status = 429
        elif form.is_valid() and signin.verify_code(
            request, user, device, form.cleaned_data["code"]
        ):
            return _finish(request, user, device)
        else:
            if form.is_valid():
                form.add_error(
                    "code",
                    "That code is not right, or has already been used. "
                    "Enter the code now shown in your app.",
                )
            status = 400
    return render(request, "access/verify.html", {"form": form}, status=status)


@require_POST
def sign_out(request):
    logout(request)
    return redirect(reverse("website:home"))

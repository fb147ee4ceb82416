"""Signing in: password, then a time-based code for accounts that can see exempt information.

Every attempt is admitted first by ``access.throttle`` (atomic, per account and per address);
failures are also logged in ``SignInFailure``. A code is accepted once only (django-otp
remembers the last time step used), so a replayed code fails.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import authenticate
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import SignInFailure
from .throttle import Refusal, admit, client_ip, succeeded  # noqa: F401 (the sign-in's API)


def record_failure(username: str, ip: str | None, stage: str = "password") -> None:
    SignInFailure.objects.create(username=username[:150], ip_address=ip, stage=stage)
    old = timezone.now() - dt.timedelta(days=1)
    SignInFailure.objects.filter(at__lt=old).delete()  # keep the table small


def check_password(request, username: str, password: str):
    """The user, or None. Records the failure."""
    user = authenticate(request, username=username, password=password)
    if user is None:
        record_failure(username, client_ip(request))
    return user


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def verify_code(request, user, device: TOTPDevice, code: str) -> bool:
    code = "".join(code.split())
    if not code.isdigit() or not device.verify_token(code):
        record_failure(user.get_username(), client_ip(request), stage="code")
        return False
    return True

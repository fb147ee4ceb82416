"""A request that fails because the database does not answer (restarting, down, unreachable,
its connection cut) gets a 503 page saying so, with when to try again, not the 500 of a fault
in Moot: the site's ``handler500`` (``moot/urls.py``). Any other failure is the 500 page
(``website.views.errors.server_error``).

Django calls the handler inside the ``except`` block that caught the failure (in the worker
thread under ASGI too: asgiref re-raises it there), so the exception is ``sys.exc_info()``'s.
The page is rendered without the request or the database, like the 500 page. The site
recovers by itself when the database is back: a connection is made for each request, or
checked before it is used again (``CONN_HEALTH_CHECKS``, moot/settings.py).
"""

from __future__ import annotations

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template import loader

from website.views.errors import server_error as fault

log = logging.getLogger(__name__)
RETRY_AFTER = "30"


def database_unavailable(error: BaseException | None) -> bool:
    """Is this the database not answering (as opposed to a fault in Moot)?"""
    return isinstance(error, OperationalError | InterfaceError)


def server_error(request: HttpRequest) -> HttpResponse:
    error = sys.exc_info()[1]
    if not database_unavailable(error):
        return fault(request)
    log.error("The database did not answer: %s", error)
    response = HttpResponse(loader.get_template("503_database.html").render(), status=503)
    response["Retry-After"] = RETRY_AFTER
    response["Cache-Control"] = "no-store"
    return response

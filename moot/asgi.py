"""The ASGI application ``moot serve`` runs in its uvicorn workers (moot/server.py)."""

import os
import warnings

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "moot.settings")
# WhiteNoise hands Django static files as synchronous iterators, which Django's ASGI handler
# reads whole before sending, warning each time. Static files are small (and behind nginx it
# serves them); Moot's private files are streamed asynchronously (papers/delivery.py).
warnings.filterwarnings(
    "ignore", message="StreamingHttpResponse must consume synchronous iterators", category=Warning
)
application = get_asgi_application()

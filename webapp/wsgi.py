import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "webapp.settings")
django_application = get_wsgi_application()

from webapp.security import RequestIntake  # noqa: E402 - Django is set up first

# What Django cannot read (a charset that is no text encoding, a chunked body) is refused before it.
application = RequestIntake(django_application)

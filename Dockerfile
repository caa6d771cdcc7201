# Production image: gunicorn serving alliance.wsgi; the same image runs the Celery worker and beat
# (see docker-compose.yml). Settings come from the environment, as listed in .env.example.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    MEDIA_ROOT=/srv/alliance/media

# The system libraries from bin/system-deps: Pango and HarfBuzz for WeasyPrint, Noto fonts for
# Latin, Arabic, Cyrillic and Chinese names, gettext for compilemessages, libmagic for uploads.
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 \
        fonts-noto-core fonts-noto-cjk \
        gettext libmagic1 \
    && rm -rf /var/lib/apt/lists/*

# A system user without a login shell; it owns only the media directory.
RUN groupadd --system --gid 10001 alliance \
    && useradd --system --uid 10001 --gid alliance --no-create-home \
        --home-dir /nonexistent --shell /usr/sbin/nologin alliance \
    && mkdir -p /srv/alliance/app /srv/alliance/media \
    && chown alliance:alliance /srv/alliance/media

WORKDIR /srv/alliance/app

# Dependencies first, so a code change does not reinstall them.
COPY requirements.txt ./
RUN pip install --no-cache-dir -r requirements.txt

COPY . .

# Translations, static files and the certificates' smaller CJK font (var/cache/fonts) are built
# into the image (owned by root, read-only at run time). The secret key is a throwaway for these
# commands only; it is not kept in the image's env.
RUN DJANGO_SECRET_KEY=build-only python manage.py compilemessages -v 0 \
    && DJANGO_SECRET_KEY=build-only python manage.py collectstatic --noinput -v 0 \
    && DJANGO_SECRET_KEY=build-only python manage.py shell -c \
        "from certification import pdf; assert pdf.cjk_font_prepare()"

USER alliance:alliance

EXPOSE 8000

CMD ["gunicorn", "-c", "gunicorn.conf.py", "alliance.wsgi"]

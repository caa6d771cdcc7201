from celery import shared_task
from django.core.cache import cache
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation


@shared_task(name="core.probe")
def probe(token: str) -> str:
    """Write a token to the shared cache, so a caller can see that a worker ran the task."""
    cache.set(f"celery-probe:{token}", "done", timeout=300)
    return token


@shared_task(
    name="core.send_templated_email", autoretry_for=(OSError,), retry_backoff=True, max_retries=5
)
def send_templated_email(*, to: str, template: str, context: dict, language: str = "en") -> None:
    """Render and send one e-mail; retried with backoff when the mail server is unreachable."""
    templated_message(to=to, template=template, context=context, language=language).send()


def templated_message(*, to: str, template: str, context: dict, language: str) -> EmailMessage:
    """An e-mail built from templates/<template>_subject.txt and _body.txt in a language; the
    subject on one line."""
    with translation.override(language):
        subject = render_to_string(f"{template}_subject.txt", context)
        body = render_to_string(f"{template}_body.txt", context)
    return EmailMessage(" ".join(subject.split()), body, to=[to])

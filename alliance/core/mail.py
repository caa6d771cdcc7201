"""E-mail from the platform: rendered in the recipient's language, sent after the transaction
commits, by a Celery task (in-process on the embedded default)."""

from django.db import transaction

from alliance.core.tasks import send_templated_email


def email_after_commit(*, to: str, template: str, context: dict, language: str = "en") -> None:
    """Queue an e-mail built from templates/<template>_subject.txt and _body.txt.

    The context must be JSON-serialisable: the task renders it in the worker.
    """
    transaction.on_commit(
        lambda: send_templated_email.delay(
            to=to, template=template, context=context, language=language
        )
    )

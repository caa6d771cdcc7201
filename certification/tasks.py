import hashlib

from celery import shared_task

from certification import payments, services
from certification.models import BulkIssue, Certificate, StripeEvent
from certification.pdf import certificate_pdf


@shared_task(name="certification.render_pdf", acks_late=True)
def certificate_render(certificate_id: str) -> str:
    """Render a certificate's PDF; a re-run writes the same file and issues nothing new."""
    certificate = Certificate.objects.get(pk=certificate_id)
    content = certificate_pdf(certificate)
    digest = hashlib.sha256(content).hexdigest()
    services.certificate_store_pdf(certificate=certificate, content=content, digest=digest)
    return digest


@shared_task(name="certification.deliver", acks_late=True)
def certificate_deliver(certificate_id: str) -> None:
    """Render the PDF, then e-mail the learner that it is ready."""
    certificate_render(certificate_id)
    certificate = Certificate.objects.select_related("user").get(pk=certificate_id)
    services.certificate_email(certificate=certificate)


@shared_task(name="certification.bulk_issue_run")
def bulk_issue_run(bulk_id: int) -> None:
    """Fan a bulk run out, one task per order, so every worker takes a share."""
    bulk = BulkIssue.objects.get(pk=bulk_id)
    for order_id in bulk.order_ids:
        bulk_issue_one.delay(bulk_id, order_id)


@shared_task(name="certification.bulk_issue_one", acks_late=True)
def bulk_issue_one(bulk_id: int, order_id: str) -> bool:
    bulk = BulkIssue.objects.select_related("created_by").get(pk=bulk_id)
    return services.bulk_issue_one(bulk=bulk, order_id=order_id)


@shared_task(
    name="certification.process_stripe_event",
    autoretry_for=(Exception,),
    retry_backoff=True,
    max_retries=8,
)
def process_stripe_event(event_pk: int) -> None:
    payments.event_process(event=StripeEvent.objects.get(pk=event_pk))


@shared_task(name="certification.reconcile_orders")
def reconcile_orders() -> int:
    """Orders left pending, then events no webhook brought; how many of either changed."""
    return payments.orders_reconcile() + payments.events_catch_up()

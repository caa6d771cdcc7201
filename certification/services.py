"""Certificates: issued on completion, issued by staff to candidates, revoked, sent again; fee
waivers and graded projects. Every issue and revoke is logged with who and when."""

import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core.mail import email_after_commit
from alliance.core.tasks import templated_message
from certification.models import (
    BulkIssue,
    Certificate,
    CertificateLog,
    FeeWaiverRequest,
    Order,
    Programme,
    ProjectSubmission,
    Voucher,
)
from certification.selectors import programme_standing
from courses.models import Enrolment

log = logging.getLogger(__name__)


def _learner_name(user) -> str:
    return user.display_name.strip() or user.email.split("@")[0]


def _queue_delivery(certificate: Certificate) -> None:
    from certification import tasks

    transaction.on_commit(lambda: tasks.certificate_deliver.delay(str(certificate.pk)))


def certificate_issue_for_completion(*, enrolment: Enrolment) -> Certificate:
    """Called by the courses app when a learner completes a course (settings wires it in).

    One certificate per learner and course, whichever language version they completed; called
    again, it returns the certificate already issued.
    """
    version = enrolment.version
    course = version.course
    existing = Certificate.objects.filter(
        user=enrolment.user, course=course, kind=Certificate.Kind.COMPLETION
    ).first()
    if existing:
        return existing
    try:
        with transaction.atomic():
            certificate = Certificate.objects.create(
                kind=Certificate.Kind.COMPLETION,
                user=enrolment.user,
                course=course,
                learner_name=_learner_name(enrolment.user),
                title=version.title,
                issuer=course.organisation,
                issuer_name=course.organisation.name
                if course.organisation_id
                else settings.CERTIFICATE_ISSUER_NAME,
                language=version.language,
                issued_at=enrolment.completed_at or timezone.now(),
            )
            CertificateLog.objects.create(
                certificate=certificate,
                action=CertificateLog.Action.ISSUED,
                note="course completed",
            )
    except IntegrityError:
        return Certificate.objects.get(
            user=enrolment.user, course=course, kind=Certificate.Kind.COMPLETION
        )
    _queue_delivery(certificate)
    return certificate


def certificate_issue_advanced(*, order: Order, by) -> Certificate:
    """Staff issue the advanced certificate an order paid for (or a voucher waived)."""
    with transaction.atomic():
        order = (
            Order.objects.select_for_update().select_related("programme", "user").get(pk=order.pk)
        )
        if order.state != Order.State.PAID:
            raise ValidationError(
                _("Only a paid or waived order can be certified."), code="not_paid"
            )
        existing = Certificate.objects.filter(
            user=order.user, programme=order.programme, kind=Certificate.Kind.ADVANCED
        ).first()
        if existing:
            raise ValidationError(_("This learner already holds this certificate."), code="held")
        standing = programme_standing(user=order.user, programme=order.programme)
        if not standing.requirements_met:
            raise ValidationError(
                _("This candidate no longer meets the programme's requirements."),
                code="requirements",
            )
        programme = order.programme
        language = order.user.preferred_language or "en"
        certificate = Certificate.objects.create(
            kind=Certificate.Kind.ADVANCED,
            user=order.user,
            programme=programme,
            order=order,
            learner_name=_learner_name(order.user),
            title=programme.title,
            issuer=programme.organisation,
            issuer_name=programme.organisation.name,
            signatories=[
                {"name": s.name, "title": s.title} for s in programme.signatories.order_by("name")
            ],
            language=language,
            issued_by=by,
        )
        CertificateLog.objects.create(
            certificate=certificate, action=CertificateLog.Action.ISSUED, actor=by
        )
    _queue_delivery(certificate)
    return certificate


def certificate_revoke(*, certificate: Certificate, by, reason: str) -> Certificate:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Give a reason for revoking the certificate."), code="reason")
    with transaction.atomic():
        updated = Certificate.objects.filter(pk=certificate.pk, revoked_at__isnull=True).update(
            revoked_at=timezone.now(), revoked_by=by, revoke_reason=reason[:500]
        )
        if updated != 1:
            raise ValidationError(_("This certificate is already revoked."), code="revoked")
        CertificateLog.objects.create(
            certificate=certificate,
            action=CertificateLog.Action.REVOKED,
            actor=by,
            note=reason[:500],
        )
    certificate.refresh_from_db()
    return certificate


def certificate_resend(*, certificate: Certificate, by) -> None:
    if certificate.is_revoked:
        raise ValidationError(_("A revoked certificate is not sent."), code="revoked")
    from certification import tasks

    CertificateLog.objects.create(
        certificate=certificate, action=CertificateLog.Action.RESENT, actor=by
    )
    transaction.on_commit(lambda: tasks.certificate_deliver.delay(str(certificate.pk)))


def certificate_store_pdf(*, certificate: Certificate, content: bytes, digest: str) -> bool:
    """Keep the rendered PDF under a name fixed by the certificate's id; True if it changed."""
    from django.core.files.base import ContentFile

    if (
        certificate.pdf_sha256 == digest
        and certificate.pdf
        and certificate.pdf.storage.exists(certificate.pdf.name)
    ):
        return False
    name = f"certificates/{certificate.pk}.pdf"
    storage = certificate.pdf.storage
    if storage.exists(name):
        storage.delete(name)
    stored = storage.save(name, ContentFile(content))
    Certificate.objects.filter(pk=certificate.pk).update(pdf=stored, pdf_sha256=digest)
    certificate.pdf.name, certificate.pdf_sha256 = stored, digest
    return True


def certificate_email(*, certificate: Certificate) -> None:
    """E-mail the holder that their certificate is issued, with the PDF attached. Called by the
    delivery task once the PDF is rendered, so it sends at once, in the holder's language."""
    kind = (
        "certification/email/advanced_issued"
        if certificate.kind == Certificate.Kind.ADVANCED
        else "certification/email/completion_issued"
    )
    context = {
        "name": certificate.learner_name,
        "title": certificate.title,
        "verify": certificate.verify_url,
        "learning": settings.SITE_URL + "/learning/",
    }
    message = templated_message(
        to=certificate.user.email,
        template=kind,
        context=context,
        language=certificate.user.preferred_language or certificate.language,
    )
    if certificate.pdf:
        with certificate.pdf.open("rb") as pdf:
            message.attach(f"certificate-{certificate.pk}.pdf", pdf.read(), "application/pdf")
    message.send()


# --- Bulk issuing ----------------------------------------------------------------------------


def bulk_issue_start(*, orders, by) -> BulkIssue:
    ids = [str(order.pk) for order in orders]
    if not ids:
        raise ValidationError(_("Choose at least one candidate."), code="empty")
    from certification import tasks

    with transaction.atomic():
        bulk = BulkIssue.objects.create(created_by=by, order_ids=ids, total=len(ids))
        transaction.on_commit(lambda: tasks.bulk_issue_run.delay(bulk.pk))
    return bulk


def bulk_issue_one(*, bulk: BulkIssue, order_id: str) -> bool:
    """Issue one certificate of a bulk run and count it, issued or skipped; True if issued."""
    issued = False
    try:
        order = Order.objects.get(pk=order_id)
        certificate_issue_advanced(order=order, by=bulk.created_by)
        issued = True
    except (Order.DoesNotExist, ValidationError) as error:
        log.info("Bulk issue %s skipped order %s: %s", bulk.pk, order_id, error)
    counter = "issued" if issued else "skipped"
    BulkIssue.objects.filter(pk=bulk.pk).update(**{counter: F(counter) + 1}, state="running")
    BulkIssue.objects.filter(pk=bulk.pk, total__lte=F("issued") + F("skipped")).exclude(
        state=BulkIssue.State.DONE
    ).update(state=BulkIssue.State.DONE, finished_at=timezone.now())
    return issued


# --- Fee waivers and projects ----------------------------------------------------------------


def fee_waiver_request(*, user, programme: Programme, statement: str) -> FeeWaiverRequest:
    statement = (statement or "").strip()
    if len(statement) < 20:
        raise ValidationError(
            _("Tell us in a sentence or two why you ask for a waiver (20 characters at least)."),
            code="short",
        )
    if len(statement) > 2000:
        raise ValidationError(_("Keep the statement under 2,000 characters."), code="long")
    programme_standing(user=user, programme=programme).refuse_if_bought()
    try:
        with transaction.atomic():
            return FeeWaiverRequest.objects.create(
                user=user, programme=programme, statement=statement
            )
    except IntegrityError as error:
        raise ValidationError(
            _("Your earlier request for this programme is still waiting for a decision."),
            code="pending",
        ) from error


def fee_waiver_decide(
    *, waiver: FeeWaiverRequest, by, approve: bool, note: str = ""
) -> FeeWaiverRequest:
    """Approve (a single-use waiver voucher for this learner and programme) or decline."""
    with transaction.atomic():
        waiver = FeeWaiverRequest.objects.select_for_update().get(pk=waiver.pk)
        if waiver.state != FeeWaiverRequest.State.PENDING:
            raise ValidationError(_("This request has already been decided."), code="decided")
        waiver.state = (
            FeeWaiverRequest.State.APPROVED if approve else FeeWaiverRequest.State.DECLINED
        )
        waiver.decided_by, waiver.decided_at, waiver.decision_note = by, timezone.now(), note
        if approve:
            waiver.voucher = Voucher.objects.create(
                kind=Voucher.Kind.WAIVER,
                programme=waiver.programme,
                for_user=waiver.user,
                max_uses=1,
                note=f"Fee waiver request {waiver.pk}",
            )
        waiver.save()
    email_after_commit(
        to=waiver.user.email,
        template="certification/email/waiver_decided",
        context={
            "name": waiver.user.get_short_name(),
            "programme": waiver.programme.title,
            "approved": approve,
            "code": waiver.voucher.code if waiver.voucher else "",
            "note": note,
            "link": settings.SITE_URL + waiver.programme.get_absolute_url(),
        },
        language=waiver.user.preferred_language or "en",
    )
    return waiver


def project_submit(*, user, programme: Programme, url: str, summary: str) -> ProjectSubmission:
    if programme.assessment != Programme.Assessment.PROJECT:
        raise ValidationError(_("This programme is assessed by an exam."), code="exam")
    standing = programme_standing(user=user, programme=programme)
    if standing.assessment_passed:
        raise ValidationError(_("Your project has already passed."), code="passed")
    try:
        with transaction.atomic():
            return ProjectSubmission.objects.create(
                user=user, programme=programme, url=url, summary=summary.strip()
            )
    except IntegrityError as error:
        raise ValidationError(
            _("Your project is waiting for grading; you can submit again once it is graded."),
            code="waiting",
        ) from error


def project_grade(
    *, submission: ProjectSubmission, by, passed: bool, feedback: str = ""
) -> ProjectSubmission:
    updated = ProjectSubmission.objects.filter(
        pk=submission.pk, state=ProjectSubmission.State.SUBMITTED
    ).update(
        state=ProjectSubmission.State.PASSED if passed else ProjectSubmission.State.FAILED,
        feedback=feedback,
        graded_by=by,
        graded_at=timezone.now(),
    )
    if updated != 1:
        raise ValidationError(_("This project has already been graded."), code="graded")
    submission.refresh_from_db()
    return submission

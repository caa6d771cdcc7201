"""Certificates: issued on completion and by staff, rendered to PDF by a task, e-mailed,
revoked and sent again; every issue and revoke logged with who and when."""

import hashlib
from decimal import Decimal
from pathlib import Path

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from alliance.core.countries import load
from certification import pdf, services, tasks
from certification.models import (
    BulkIssue,
    Certificate,
    CertificateLog,
    Order,
    Signatory,
    Voucher,
)
from certification.payments import checkout_start
from courses import services as course_services
from courses.models import Enrolment, Lesson, Quiz
from tests.certification.fixtures import complete_programme_requirements
from tests.courses.factories import build_course, correct_answers
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _complete(user, version) -> Enrolment:
    course_services.enrolment_create(user=user, version=version)
    for lesson in Lesson.objects.filter(module__version=version):
        course_services.lesson_complete(user=user, lesson=lesson)
    for quiz in Quiz.objects.filter(module__version=version):
        attempt = course_services.quiz_attempt_start(user=user, quiz=quiz)
        course_services.quiz_attempt_submit(
            user=user, attempt=attempt, answers=correct_answers(quiz)
        )
    return Enrolment.objects.get(user=user, version=version)


def _waived_order(user, programme) -> Order:
    """A paid order as a fee waiver gives one: no payment, so no Stripe."""
    voucher = Voucher.objects.create(kind=Voucher.Kind.WAIVER, for_user=user, programme=programme)
    return checkout_start(
        user=user,
        programme=programme,
        voucher_code=voucher.code,
        success_url="http://testserver/done",
        cancel_url="http://testserver/cancel",
    ).order


def _messages_about(subject_start: str) -> list:
    return [message for message in mail.outbox if message.subject.startswith(subject_start)]


@pytest.fixture
def paid_order(qualified_alice, programme) -> Order:
    load()
    return _waived_order(qualified_alice, programme)


@pytest.fixture
def certificate(paid_order, eve) -> Certificate:
    return services.certificate_issue_advanced(order=paid_order, by=eve)


# --- Completion ----------------------------------------------------------------------------------


def test_completing_a_course_issues_one_certificate_renders_it_and_emails_it_to_the_learner(
    alice, django_capture_on_commit_callbacks
):
    version = build_course(title="Prompt engineering basics")

    with django_capture_on_commit_callbacks(execute=True):
        enrolment = _complete(alice, version)

    assert enrolment.completed_at is not None
    certificate = Certificate.objects.get(user=alice)
    assert certificate.kind == Certificate.Kind.COMPLETION
    assert certificate.course == version.course
    assert certificate.title == "Prompt engineering basics"
    assert certificate.learner_name == "Alice Achieng"
    assert certificate.issuer_name == version.course.organisation.name
    with certificate.pdf.open("rb") as stored:
        content = stored.read()
    assert content.startswith(b"%PDF-")
    assert certificate.pdf_sha256 == hashlib.sha256(content).hexdigest()
    [message] = _messages_about("Your certificate of completion")
    assert message.to == [alice.email]
    assert certificate.verify_url in message.body
    assert certificate.verify_url.endswith(f"/verify/{certificate.pk}/")
    assert message.attachments == [
        (f"certificate-{certificate.pk}.pdf", content, "application/pdf")
    ]
    assert list(certificate.log.values_list("action", flat=True)) == ["issued"]


def test_a_completion_reported_again_returns_the_certificate_already_issued(
    alice, django_capture_on_commit_callbacks
):
    version = build_course()
    with django_capture_on_commit_callbacks(execute=True):
        enrolment = _complete(alice, version)
    first = Certificate.objects.get(user=alice)

    with django_capture_on_commit_callbacks(execute=True):
        again = services.certificate_issue_for_completion(enrolment=enrolment)

    assert again == first
    assert Certificate.objects.filter(user=alice).count() == 1
    assert len(_messages_about("Your certificate of completion")) == 1


def test_completing_another_language_version_of_the_same_course_issues_no_second_certificate(
    alice, django_capture_on_commit_callbacks
):
    english = build_course()
    french = build_course(course=english.course, language="fr")
    with django_capture_on_commit_callbacks(execute=True):
        _complete(alice, english)
        _complete(alice, french)

    assert Certificate.objects.filter(user=alice, course=english.course).count() == 1


# --- Advanced certificates -----------------------------------------------------------------------


def test_staff_issue_the_advanced_certificate_a_paid_order_bought(
    paid_order, programme, eve, django_capture_on_commit_callbacks
):
    programme.signatories.add(Signatory.objects.create(name="Dana Director", title="Director"))

    with django_capture_on_commit_callbacks(execute=True):
        certificate = services.certificate_issue_advanced(order=paid_order, by=eve)

    assert certificate.kind == Certificate.Kind.ADVANCED
    assert (certificate.user, certificate.programme, certificate.order) == (
        paid_order.user,
        programme,
        paid_order,
    )
    assert certificate.title == "Advanced Certificate in Generative AI"
    assert certificate.issuer_name == "International Telecommunication Union"
    assert certificate.signatories == [{"name": "Dana Director", "title": "Director"}]
    assert certificate.issued_by == eve
    entry = certificate.log.get()
    assert (entry.action, entry.actor) == (CertificateLog.Action.ISSUED, eve)
    assert entry.at is not None
    certificate.refresh_from_db()
    assert certificate.pdf.name == f"certificates/{certificate.pk}.pdf"
    [message] = _messages_about("Your certificate has been issued")
    assert certificate.verify_url in message.body


def test_issuing_the_same_advanced_certificate_twice_is_refused(paid_order, eve, certificate):
    with pytest.raises(ValidationError) as refused:
        services.certificate_issue_advanced(order=paid_order, by=eve)

    assert refused.value.code == "held"
    assert Certificate.objects.filter(kind=Certificate.Kind.ADVANCED).count() == 1


def test_an_unpaid_order_cannot_be_certified(qualified_alice, programme, eve):
    order = Order.objects.create(
        user=qualified_alice,
        programme=programme,
        base_price=Decimal("100"),
        amount=Decimal("40"),
        currency="USD",
    )

    with pytest.raises(ValidationError) as refused:
        services.certificate_issue_advanced(order=order, by=eve)

    assert refused.value.code == "not_paid"
    assert not Certificate.objects.filter(kind=Certificate.Kind.ADVANCED).exists()


def test_a_paid_candidate_who_does_not_meet_the_requirements_cannot_be_certified(
    charlie, programme, eve
):
    order = Order.objects.create(
        user=charlie,
        programme=programme,
        state=Order.State.PAID,
        base_price=Decimal("100"),
        amount=Decimal("100"),
        currency="USD",
    )

    with pytest.raises(ValidationError) as refused:
        services.certificate_issue_advanced(order=order, by=eve)

    assert refused.value.code == "requirements"
    assert not Certificate.objects.filter(kind=Certificate.Kind.ADVANCED).exists()
    assert not CertificateLog.objects.exists()


# --- Revoking and sending again ------------------------------------------------------------------


@pytest.mark.parametrize("reason", ["", "   "])
def test_revoking_needs_a_reason(certificate, eve, reason):
    with pytest.raises(ValidationError) as refused:
        services.certificate_revoke(certificate=certificate, by=eve, reason=reason)

    assert refused.value.code == "reason"
    certificate.refresh_from_db()
    assert not certificate.is_revoked
    assert not certificate.log.filter(action=CertificateLog.Action.REVOKED).exists()


def test_revoking_records_who_when_and_why(certificate, eve):
    revoked = services.certificate_revoke(
        certificate=certificate, by=eve, reason="  Exam taken by someone else.  "
    )

    assert revoked.is_revoked
    assert revoked.revoked_by == eve
    assert revoked.revoke_reason == "Exam taken by someone else."
    entry = revoked.log.get(action=CertificateLog.Action.REVOKED)
    assert (entry.actor, entry.note) == (eve, "Exam taken by someone else.")
    assert entry.at >= revoked.issued_at


def test_revoking_twice_is_refused_and_keeps_the_first_reason(certificate, eve):
    services.certificate_revoke(certificate=certificate, by=eve, reason="First reason.")

    with pytest.raises(ValidationError) as refused:
        services.certificate_revoke(certificate=certificate, by=eve, reason="Second reason.")

    assert refused.value.code == "revoked"
    certificate.refresh_from_db()
    assert certificate.revoke_reason == "First reason."
    assert certificate.log.filter(action=CertificateLog.Action.REVOKED).count() == 1


def test_sending_a_certificate_again_logs_it_and_emails_the_learner(
    certificate, eve, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.certificate_resend(certificate=certificate, by=eve)

    entry = certificate.log.get(action=CertificateLog.Action.RESENT)
    assert entry.actor == eve
    [message] = _messages_about("Your certificate has been issued")
    assert message.to == [certificate.user.email]


def test_a_revoked_certificate_is_not_sent_again(
    certificate, eve, django_capture_on_commit_callbacks
):
    services.certificate_revoke(certificate=certificate, by=eve, reason="Issued in error.")

    with (
        pytest.raises(ValidationError) as refused,
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.certificate_resend(certificate=certificate, by=eve)

    assert refused.value.code == "revoked"
    assert not certificate.log.filter(action=CertificateLog.Action.RESENT).exists()
    assert mail.outbox == []


# --- Rendering -----------------------------------------------------------------------------------


def test_rendering_a_certificate_again_writes_the_same_file_and_issues_nothing_new(certificate):
    first_digest = tasks.certificate_render.delay(str(certificate.pk)).get()
    certificate.refresh_from_db()
    with certificate.pdf.open("rb") as stored:
        first = stored.read()
    pdf._fonts.cache_clear()  # as another worker process would, with its own fonts

    second_digest = tasks.certificate_render.delay(str(certificate.pk)).get()

    certificate.refresh_from_db()
    with certificate.pdf.open("rb") as stored:
        second = stored.read()
    assert first == second
    assert first_digest == second_digest == certificate.pdf_sha256
    assert certificate.pdf.name == f"certificates/{certificate.pk}.pdf"
    storage_dir = certificate.pdf.storage.path("certificates")
    assert sorted(path.name for path in Path(storage_dir).iterdir()) == [f"{certificate.pk}.pdf"]
    assert Certificate.objects.count() == 2  # Alice's completion certificate and this one


def test_a_lost_pdf_file_is_written_again(certificate):
    tasks.certificate_render.delay(str(certificate.pk))
    certificate.refresh_from_db()
    certificate.pdf.storage.delete(certificate.pdf.name)

    tasks.certificate_render.delay(str(certificate.pk))

    certificate.refresh_from_db()
    assert certificate.pdf.storage.exists(certificate.pdf.name)


# --- Bulk issuing --------------------------------------------------------------------------------


def test_bulk_issuing_certifies_qualified_candidates_and_skips_the_others(
    paid_order, programme, charlie, eve, django_capture_on_commit_callbacks
):
    bob = UserFactory(email="bob@example.org", display_name="Bob", country="KE")
    complete_programme_requirements(bob, programme)
    bobs_order = _waived_order(bob, programme)
    charlies_order = Order.objects.create(  # paid, but Charlie never met the requirements
        user=charlie,
        programme=programme,
        state=Order.State.PAID,
        base_price=Decimal("100"),
        amount=Decimal("0"),
        currency="USD",
    )

    with django_capture_on_commit_callbacks(execute=True):
        bulk = services.bulk_issue_start(orders=[paid_order, charlies_order, bobs_order], by=eve)

    bulk.refresh_from_db()
    assert (bulk.total, bulk.issued, bulk.skipped) == (3, 2, 1)
    assert bulk.state == BulkIssue.State.DONE
    assert bulk.finished_at is not None
    assert bulk.percent == 100
    advanced = Certificate.objects.filter(kind=Certificate.Kind.ADVANCED)
    assert set(advanced.values_list("user__email", flat=True)) == {
        "alice@example.org",
        "bob@example.org",
    }
    assert set(advanced.values_list("issued_by", flat=True)) == {eve.pk}
    assert all(certificate.pdf for certificate in advanced)


def test_bulk_issuing_nobody_is_refused(eve):
    with pytest.raises(ValidationError) as refused:
        services.bulk_issue_start(orders=[], by=eve)

    assert refused.value.code == "empty"
    assert not BulkIssue.objects.exists()

"""Staff's side of certification: the candidate queue and bulk issuing, revoking and re-sending,
refunds, fee waivers, graded projects, and every admin page open to staff and shut to learners."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from alliance.core.countries import load
from certification import payments, services
from certification.models import (
    BulkIssue,
    Certificate,
    CertificateLog,
    FeeWaiverRequest,
    GroupDiscount,
    Order,
    Programme,
    ProjectSubmission,
    Signatory,
    StripeEvent,
    Voucher,
)
from contributors.models import Organisation
from courses.models import Enrolment
from tests.certification.fixtures import complete_programme_requirements
from tests.courses.factories import build_course
from tests.factories import UserFactory, staff_with_authenticator

pytestmark = pytest.mark.django_db

QUEUE = "/admin/certification/order/candidates/"


@pytest.fixture(autouse=True)
def _countries(db):
    load()


def waived_order(user, programme, *, sponsor=None) -> Order:
    """A learner takes the programme with a full-waiver voucher, through the real checkout."""
    voucher = Voucher.objects.create(
        kind=Voucher.Kind.WAIVER, programme=programme, sponsor=sponsor, max_uses=1
    )
    checkout = payments.checkout_start(
        user=user,
        programme=programme,
        voucher_code=voucher.code,
        success_url="http://testserver/ok/",
        cancel_url="http://testserver/cancel/",
    )
    assert checkout.order.state == Order.State.PAID
    return checkout.order


def paid_through_stripe(user, programme, standin) -> Order:
    checkout = payments.checkout_start(
        user=user,
        programme=programme,
        success_url="http://testserver/ok/",
        cancel_url="http://testserver/cancel/",
    )
    standin.pay(checkout.order.stripe_session_id)
    order = payments.order_fulfil(session_id=checkout.order.stripe_session_id)
    assert order.state == Order.State.PAID and order.stripe_payment_intent
    return order


def act(client, model, action, objects, **data):
    return client.post(
        f"/admin/certification/{model}/",
        {"action": action, "_selected_action": [str(obj.pk) for obj in objects], **data},
        follow=True,
    )


def issue(client, orders, button="issue_selected", *, follow=False):
    """Press a button of the queue. The bulk run starts when the request's transaction commits,
    so a test reads the progress page (the redirect's target) after the callbacks ran."""
    field = "order" if button == "issue_selected" else "on_page"
    return client.post(
        QUEUE, {button: "1", field: [str(order.pk) for order in orders]}, follow=follow
    )


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


# --- Every page ------------------------------------------------------------------------------


def test_staff_open_every_certification_admin_page(
    staff_client, eve, qualified_alice, programme, django_capture_on_commit_callbacks
):
    sponsor = Organisation.objects.create(name="Sponsor Foundation", slug="sponsor")
    order = waived_order(qualified_alice, programme, sponsor=sponsor)
    with django_capture_on_commit_callbacks(execute=True):
        certificate = services.certificate_issue_advanced(order=order, by=eve)
    bulk = BulkIssue.objects.create(created_by=eve, order_ids=[str(order.pk)], total=1, issued=1)
    signatory = Signatory.objects.create(name="Doreen Bogdan-Martin", title="Secretary-General")
    waiver = FeeWaiverRequest.objects.create(
        user=UserFactory(), programme=programme, statement="I cannot afford the fee this year."
    )
    project = ProjectSubmission.objects.create(
        user=UserFactory(), programme=programme, url="https://example.org/p", summary="A project."
    )
    event = StripeEvent.objects.create(event_id="evt_1", type="charge.refunded", payload={})
    objects = {
        "programme": programme,
        "signatory": signatory,
        "groupdiscount": GroupDiscount.objects.first(),
        "voucher": order.voucher,
        "feewaiverrequest": waiver,
        "projectsubmission": project,
        "order": order,
        "stripeevent": event,
        "certificate": certificate,
        "bulkissue": bulk,
    }

    for model, obj in objects.items():
        for path in (
            f"/admin/certification/{model}/",
            f"/admin/certification/{model}/{obj.pk}/change/",
        ):
            assert staff_client.get(path).status_code == 200, path
    for model in ("programme", "signatory", "groupdiscount", "voucher"):
        assert staff_client.get(f"/admin/certification/{model}/add/").status_code == 200
    for path in (
        "/admin/certification/",
        QUEUE,
        "/admin/certification/certificate/?kind__exact=advanced&revoked=no",
        f"/admin/certification/certificate/?q={certificate.pk}",
        "/admin/certification/order/?state__exact=paid&q=alice",
        "/admin/certification/voucher/?kind__exact=waiver&q=" + order.voucher.code,
    ):
        assert staff_client.get(path).status_code == 200, path


def test_staff_never_add_change_or_delete_orders_certificates_or_stripe_events(
    staff_client, qualified_alice, programme
):
    order = waived_order(qualified_alice, programme)

    page = staff_client.get(f"/admin/certification/order/{order.pk}/change/").content.decode()
    refused = staff_client.post(
        f"/admin/certification/order/{order.pk}/change/", {"amount": "0.01"}
    )

    assert 'name="amount"' not in page
    assert refused.status_code == 403
    for model in ("order", "certificate", "stripeevent", "bulkissue"):
        assert staff_client.get(f"/admin/certification/{model}/add/").status_code == 403
    order.refresh_from_db()
    assert order.amount == Decimal("0")


def test_charlie_is_refused_the_queue_issuing_revoking_and_every_admin_page(
    client, charlie, eve, qualified_alice, programme
):
    order = waived_order(qualified_alice, programme)
    certificate = services.certificate_issue_advanced(order=order, by=eve)
    client.force_login(charlie)

    for path in (
        QUEUE,
        "/admin/certification/certificate/",
        f"/admin/certification/certificate/{certificate.pk}/change/",
        "/admin/certification/order/",
        f"/admin/certification/order/{order.pk}/change/",
        "/admin/certification/feewaiverrequest/",
    ):
        response = client.get(path)
        assert response.status_code == 302 and "/admin/login/" in response["Location"], path
    issued = client.post(QUEUE, {"issue_selected": "1", "order": [str(order.pk)]})
    revoked = client.post(
        "/admin/certification/certificate/",
        {
            "action": "revoke",
            "_selected_action": [str(certificate.pk)],
            "confirm": "yes",
            "reason": "Charlie says so",
        },
    )

    assert issued.status_code == 302 and "/admin/login/" in issued["Location"]
    assert revoked.status_code == 302 and "/admin/login/" in revoked["Location"]
    assert not BulkIssue.objects.exists()
    certificate.refresh_from_db()
    assert certificate.revoked_at is None


def test_staff_without_the_right_to_issue_are_refused_the_queue(client):
    dana = staff_with_authenticator(email="dana@example.org", is_superuser=False)
    client.force_login(dana)

    assert client.get(QUEUE).status_code == 403
    assert client.post(QUEUE, {"issue_page": "1"}).status_code == 403
    assert not BulkIssue.objects.exists()


# --- The candidate queue and bulk issuing ----------------------------------------------------


def test_the_queue_lists_a_paid_candidate_with_their_evidence(
    staff_client, qualified_alice, programme
):
    sponsor = Organisation.objects.create(name="Sponsor Foundation", slug="sponsor")
    order = waived_order(qualified_alice, programme, sponsor=sponsor)

    orders_page = staff_client.get("/admin/certification/order/").content.decode()
    page = staff_client.get(QUEUE).content.decode()

    assert f'href="{QUEUE}"' in orders_page
    assert reverse("admin:certification_candidates") == QUEUE
    assert "Alice Achieng" in page
    assert "alice@example.org" in page
    assert "Kenya" in page
    assert programme.title in page
    assert "Waived" in page
    assert f"Voucher {order.voucher.code}" in page
    assert "funded by Sponsor Foundation" in page
    assert "Generative AI foundations: completed" in page
    assert "Exam best score 100%" in page
    assert "Met" in page and "Not met" not in page
    assert f'<label for="candidate-{order.pk}" class="visually-hidden">' in page
    assert f"Select Alice Achieng for {programme.title}" in page


def test_orders_not_paid_or_already_certified_are_not_candidates(
    staff_client, eve, qualified_alice, programme, stripe_standin
):
    bob = UserFactory(display_name="Bob Pending")
    complete_programme_requirements(bob, programme)
    payments.checkout_start(
        user=bob, programme=programme, success_url="http://t/ok", cancel_url="http://t/no"
    )
    certified = waived_order(qualified_alice, programme)
    services.certificate_issue_advanced(order=certified, by=eve)

    page = staff_client.get(QUEUE).content.decode()

    assert "No candidate is waiting." in page
    assert "Bob Pending" not in page and "Alice Achieng" not in page


def test_issuing_selected_candidates_issues_logs_and_shows_the_progress(
    staff_client, eve, qualified_alice, programme, mailoutbox, django_capture_on_commit_callbacks
):
    order = waived_order(qualified_alice, programme)
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = issue(staff_client, [order])

    bulk = BulkIssue.objects.get()
    assert response["Location"] == f"/admin/certification/bulkissue/{bulk.pk}/change/"
    page = staff_client.get(response["Location"]).content.decode()
    assert "1 of 1 done: 1 issued, 0 skipped." in page
    assert '<progress id="bulk-progress" max="1" value="1">' in page
    assert '<label for="bulk-progress">' in page
    assert "http-equiv" not in page.lower()
    certificate = Certificate.objects.get(order=order)
    assert certificate.issued_by == eve
    assert certificate.kind == Certificate.Kind.ADVANCED
    assert certificate.log.get().action == CertificateLog.Action.ISSUED
    assert certificate.log.get().actor == eve
    assert [m.to for m in mailoutbox] == [["alice@example.org"]]
    assert "No candidate is waiting." in staff_client.get(QUEUE).content.decode()
    shown = staff_client.get(f"/admin/certification/certificate/{certificate.pk}/change/")
    shown = shown.content.decode()
    assert "<td>Issued</td><td>Eve</td>" in shown
    assert f'href="/certification/certificates/{certificate.pk}/pdf/"' in shown


def test_a_running_bulk_issue_offers_a_plain_refresh_link(staff_client, eve):
    bulk = BulkIssue.objects.create(created_by=eve, order_ids=["a", "b"], total=2, issued=1)

    page = staff_client.get(f"/admin/certification/bulkissue/{bulk.pk}/change/").content.decode()

    assert "1 of 2 done: 1 issued, 0 skipped." in page
    assert f'href="/admin/certification/bulkissue/{bulk.pk}/change/">Refresh</a>' in page
    assert "http-equiv" not in page.lower()


def test_issue_all_on_this_page_issues_every_candidate_shown(
    staff_client, qualified_alice, programme, django_capture_on_commit_callbacks
):
    dana = UserFactory(display_name="Dana")
    complete_programme_requirements(dana, programme)
    orders = [waived_order(qualified_alice, programme), waived_order(dana, programme)]

    with django_capture_on_commit_callbacks(execute=True):
        response = issue(staff_client, orders, button="issue_page")

    progress = staff_client.get(response["Location"]).content.decode()
    assert "2 of 2 done: 2 issued, 0 skipped." in progress
    assert Certificate.objects.filter(order__in=orders).count() == 2


def test_a_candidate_who_no_longer_meets_the_requirements_is_skipped(
    staff_client, qualified_alice, programme, django_capture_on_commit_callbacks
):
    order = waived_order(qualified_alice, programme)
    Enrolment.objects.filter(user=qualified_alice).update(completed_at=None)

    queue = staff_client.get(QUEUE).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = issue(staff_client, [order])

    assert "Not met: will be skipped" in queue
    assert "not completed" in queue
    progress = staff_client.get(response["Location"]).content.decode()
    assert "1 of 1 done: 0 issued, 1 skipped." in progress
    assert BulkIssue.objects.get().skipped == 1
    assert not Certificate.objects.filter(order=order).exists()
    assert "Alice Achieng" in staff_client.get(QUEUE).content.decode()


def test_issuing_with_nothing_selected_says_so_and_starts_nothing(
    staff_client, qualified_alice, programme
):
    waived_order(qualified_alice, programme)

    response = issue(staff_client, [], follow=True)
    tampered = staff_client.post(
        QUEUE, {"issue_selected": "1", "order": ["not-a-uuid"]}, follow=True
    )

    assert "Choose at least one candidate." in messages_of(response)
    assert "Choose at least one candidate." in messages_of(tampered)
    assert response.redirect_chain[-1][0] == QUEUE
    assert not BulkIssue.objects.exists()


def test_the_queue_reads_a_fixed_number_of_queries_however_many_candidates(
    staff_client, programme, discounts
):
    def queue_queries():
        with CaptureQueriesContext(connection) as queries:
            assert staff_client.get(QUEUE).status_code == 200
        return len(queries)

    sponsor = Organisation.objects.create(name="Sponsor Foundation", slug="sponsor")
    project_programme = Programme.objects.create(
        slug="project-programme",
        title="Advanced Certificate in AI Policy",
        description="Policy.",
        criteria="A graded project.",
        topic=programme.topic,
        organisation=programme.organisation,
        assessment=Programme.Assessment.PROJECT,
        base_price=Decimal("50"),
    )
    project_programme.required_courses.add(build_course(title="AI policy").course)

    def add_candidates(count):
        for number in range(count):
            learner = UserFactory(country="KE")
            target = programme if number % 2 else project_programme
            complete_programme_requirements(learner, target)
            if target is project_programme:
                submission = services.project_submit(
                    user=learner, programme=target, url="https://example.org/p", summary="Mine"
                )
                services.project_grade(submission=submission, by=None, passed=True)
            waived_order(learner, target, sponsor=sponsor)

    add_candidates(2)
    few = queue_queries()
    add_candidates(18)
    many = queue_queries()

    assert Order.objects.filter(state=Order.State.PAID).count() == 20
    assert many == few
    page = staff_client.get(QUEUE).content.decode()
    assert page.count('<a href="https://example.org/p" rel="noopener noreferrer">Project</a>') == 10
    assert page.count("Exam best score 100%: passed") == 10
    assert "Not met" not in page


def test_the_queue_shows_fifty_candidates_a_page(staff_client, programme):
    user_orders = []
    for _number in range(51):
        learner = UserFactory()
        user_orders.append(
            Order(
                user=learner,
                programme=programme,
                state=Order.State.PAID,
                base_price=programme.base_price,
                amount=Decimal("40"),
                currency="USD",
                paid_at=timezone.now(),
            )
        )
    Order.objects.bulk_create(user_orders)

    first = staff_client.get(QUEUE).content.decode()
    second = staff_client.get(QUEUE + "?page=2").content.decode()

    assert first.count('name="order"') == 50
    assert "51 candidates waiting" in first
    assert "Page 1 of 2" in first and 'href="?page=2"' in first
    assert second.count('name="order"') == 1


# --- Revoking and re-sending -----------------------------------------------------------------


@pytest.fixture
def certificate(eve, qualified_alice, programme):
    order = waived_order(qualified_alice, programme)
    return services.certificate_issue_advanced(order=order, by=eve)


def test_revoking_asks_for_a_reason_first(staff_client, certificate):
    response = act(staff_client, "certificate", "revoke", [certificate])

    page = response.content.decode()
    assert response.status_code == 200
    assert '<label for="id_reason">Reason for revoking:</label>' in page
    assert certificate.learner_name in page
    certificate.refresh_from_db()
    assert certificate.revoked_at is None


def test_revoking_with_an_empty_reason_shows_an_error_and_revokes_nothing(
    staff_client, certificate
):
    response = act(staff_client, "certificate", "revoke", [certificate], confirm="yes", reason="  ")

    page = response.content.decode()
    assert "Give a reason for revoking the certificate." in page
    assert "<title>Error:" in page
    certificate.refresh_from_db()
    assert certificate.revoked_at is None
    assert not certificate.log.filter(action=CertificateLog.Action.REVOKED).exists()


def test_revoking_with_a_reason_records_who_when_and_why(staff_client, eve, certificate):
    response = act(
        staff_client,
        "certificate",
        "revoke",
        [certificate],
        confirm="yes",
        reason="The exam was taken by someone else.",
    )

    assert "1 certificate revoked." in messages_of(response)
    certificate.refresh_from_db()
    assert certificate.revoked_at is not None
    assert certificate.revoked_by == eve
    assert certificate.revoke_reason == "The exam was taken by someone else."
    entry = certificate.log.get(action=CertificateLog.Action.REVOKED)
    assert entry.actor == eve and entry.note == "The exam was taken by someone else."
    page = staff_client.get(f"/admin/certification/certificate/{certificate.pk}/change/")
    assert "The exam was taken by someone else." in page.content.decode()


def test_revoking_twice_says_it_is_already_revoked(staff_client, eve, certificate):
    services.certificate_revoke(certificate=certificate, by=eve, reason="First time")

    response = act(
        staff_client, "certificate", "revoke", [certificate], confirm="yes", reason="Again"
    )

    assert any("already revoked" in message for message in messages_of(response))
    certificate.refresh_from_db()
    assert certificate.revoke_reason == "First time"


def test_sending_again_emails_the_holder_and_is_logged(
    staff_client, eve, certificate, mailoutbox, django_capture_on_commit_callbacks
):
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = act(staff_client, "certificate", "send_again", [certificate])

    assert "1 certificate will be e-mailed to its holder again." in messages_of(response)
    assert [m.to for m in mailoutbox] == [["alice@example.org"]]
    assert certificate.log.get(action=CertificateLog.Action.RESENT).actor == eve


def test_a_revoked_certificate_is_not_sent_again(
    staff_client, eve, certificate, mailoutbox, django_capture_on_commit_callbacks
):
    services.certificate_revoke(certificate=certificate, by=eve, reason="Withdrawn")
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = act(staff_client, "certificate", "send_again", [certificate])

    assert any("A revoked certificate is not sent." in m for m in messages_of(response))
    assert mailoutbox == []


def test_staff_find_a_certificate_by_its_id(staff_client, certificate):
    page = staff_client.get(f"/admin/certification/certificate/?q={certificate.pk}")

    assert page.context["cl"].result_count == 1


# --- Refunds ---------------------------------------------------------------------------------


def test_staff_refund_a_paid_order_through_stripe(
    staff_client, eve, qualified_alice, programme, stripe_standin
):
    order = paid_through_stripe(qualified_alice, programme, stripe_standin)

    response = act(staff_client, "order", "refund", [order])

    assert "40.00 USD refunded" in " ".join(messages_of(response))
    assert [r["payment_intent"] for r in stripe_standin.refunds] == [order.stripe_payment_intent]
    order.refresh_from_db()
    assert order.state == Order.State.REFUNDED
    assert order.refunded_by == eve


def test_refunding_a_waived_order_says_nothing_was_paid(
    staff_client, qualified_alice, programme, stripe_standin
):
    order = waived_order(qualified_alice, programme)

    response = act(staff_client, "order", "refund", [order])

    assert any("Nothing was paid through Stripe" in m for m in messages_of(response))
    assert stripe_standin.refunds == []
    order.refresh_from_db()
    assert order.state == Order.State.PAID


def test_a_refund_stripe_refuses_leaves_the_order_paid_and_says_why(
    staff_client, qualified_alice, programme, stripe_standin
):
    order = paid_through_stripe(qualified_alice, programme, stripe_standin)
    stripe_standin.fail_next = 400

    response = act(staff_client, "order", "refund", [order])

    assert any("Stripe did not make the refund" in m for m in messages_of(response))
    order.refresh_from_db()
    assert order.state == Order.State.PAID


def test_refunding_without_stripe_configured_says_payments_are_not_configured(
    staff_client, qualified_alice, programme, settings
):
    settings.STRIPE_SECRET_KEY = ""
    order = Order.objects.create(
        user=qualified_alice,
        programme=programme,
        state=Order.State.PAID,
        base_price=Decimal("100"),
        amount=Decimal("40"),
        currency="USD",
        stripe_payment_intent="pi_123",
        paid_at=timezone.now(),
    )

    response = act(staff_client, "order", "refund", [order])

    assert any("not configured" in m for m in messages_of(response))
    order.refresh_from_db()
    assert order.state == Order.State.PAID


# --- Fee waivers and projects ----------------------------------------------------------------


def test_approving_a_waiver_issues_a_single_use_voucher_and_emails_the_learner(
    staff_client, eve, alice, programme, mailoutbox, django_capture_on_commit_callbacks
):
    waiver = services.fee_waiver_request(
        user=alice, programme=programme, statement="I am a student without an income this year."
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = act(staff_client, "feewaiverrequest", "approve", [waiver])

    waiver.refresh_from_db()
    assert waiver.state == FeeWaiverRequest.State.APPROVED
    assert waiver.decided_by == eve
    voucher = waiver.voucher
    assert voucher.kind == Voucher.Kind.WAIVER
    assert voucher.for_user == alice and voucher.programme == programme
    assert voucher.max_uses == 1
    assert [m.to for m in mailoutbox] == [["alice@example.org"]]
    assert voucher.code in mailoutbox[0].body
    assert any("approved" in m for m in messages_of(response))


def test_declining_a_waiver_tells_the_learner_and_a_decided_one_is_left_alone(
    staff_client, alice, programme, mailoutbox, django_capture_on_commit_callbacks
):
    waiver = services.fee_waiver_request(
        user=alice, programme=programme, statement="I am a student without an income this year."
    )
    FeeWaiverRequest.objects.filter(pk=waiver.pk).update(decision_note="Please apply next year.")

    with django_capture_on_commit_callbacks(execute=True):
        act(staff_client, "feewaiverrequest", "decline", [waiver])
    with django_capture_on_commit_callbacks(execute=True):
        again = act(staff_client, "feewaiverrequest", "approve", [waiver])

    waiver.refresh_from_db()
    assert waiver.state == FeeWaiverRequest.State.DECLINED
    assert waiver.voucher is None
    assert len(mailoutbox) == 1
    assert "Please apply next year." in mailoutbox[0].body
    assert any("already been decided" in m for m in messages_of(again))


def test_the_waiver_statement_is_read_only_and_the_note_editable(staff_client, alice, programme):
    waiver = services.fee_waiver_request(
        user=alice, programme=programme, statement="I am a student without an income this year."
    )

    page = staff_client.get(
        f"/admin/certification/feewaiverrequest/{waiver.pk}/change/"
    ).content.decode()

    assert 'name="statement"' not in page
    assert "I am a student without an income this year." in page
    assert 'name="decision_note"' in page


@pytest.fixture
def project_programme(programme):
    project_programme = Programme.objects.create(
        slug="ai-policy",
        title="Advanced Certificate in AI Policy",
        description="Policy.",
        criteria="A graded project.",
        topic=programme.topic,
        organisation=programme.organisation,
        assessment=Programme.Assessment.PROJECT,
        project_brief="Write a national AI policy brief.",
        base_price=Decimal("50"),
    )
    return project_programme


def test_staff_grade_projects_with_the_feedback_they_wrote(
    staff_client, eve, alice, project_programme
):
    dana = UserFactory(display_name="Dana")
    passing = services.project_submit(
        user=alice, programme=project_programme, url="https://example.org/a", summary="Mine"
    )
    failing = services.project_submit(
        user=dana, programme=project_programme, url="https://example.org/d", summary="Mine"
    )
    form = staff_client.get(
        f"/admin/certification/projectsubmission/{passing.pk}/change/"
    ).content.decode()
    staff_client.post(
        f"/admin/certification/projectsubmission/{passing.pk}/change/",
        {"feedback": "A thorough brief."},
    )

    passed = act(staff_client, "projectsubmission", "mark_passed", [passing])
    act(staff_client, "projectsubmission", "mark_failed", [failing])
    again = act(staff_client, "projectsubmission", "mark_failed", [passing])

    assert 'name="feedback"' in form
    passing.refresh_from_db()
    failing.refresh_from_db()
    assert passing.state == ProjectSubmission.State.PASSED
    assert passing.feedback == "A thorough brief."
    assert passing.graded_by == eve
    assert failing.state == ProjectSubmission.State.FAILED
    assert "1 project graded." in messages_of(passed)
    assert any("already been graded" in m for m in messages_of(again))
    graded = staff_client.get(f"/admin/certification/projectsubmission/{passing.pk}/change/")
    assert 'name="feedback"' not in graded.content.decode()


# --- Programmes and vouchers -----------------------------------------------------------------


def programme_form(programme, **changes):
    data = {
        "title": programme.title,
        "slug": programme.slug,
        "description": programme.description,
        "criteria": programme.criteria,
        "topic": programme.topic_id,
        "organisation": programme.organisation_id,
        "required_courses": [c.pk for c in programme.required_courses.all()],
        "assessment": programme.assessment,
        "exam": programme.exam_id or "",
        "project_brief": programme.project_brief,
        "base_price": str(programme.base_price),
        "currency": programme.currency,
        "signatories": [],
        "is_active": "on",
    }
    return {**data, **changes}


def test_an_exam_programme_needs_an_exam_of_one_of_its_required_courses(staff_client, programme):
    other_exam = build_course(title="Another course").modules.first().quizzes.get()
    url = f"/admin/certification/programme/{programme.pk}/change/"

    foreign = staff_client.post(url, programme_form(programme, exam=other_exam.pk))
    missing = staff_client.post(url, programme_form(programme, exam=""))
    kept = staff_client.post(url, programme_form(programme, title="Renamed"))

    assert "The final exam must be a quiz of one of the required courses" in (
        foreign.content.decode()
    )
    assert "A programme assessed by exam needs its final exam" in missing.content.decode()
    assert "Constraint" not in missing.content.decode()
    assert kept.status_code == 302
    programme.refresh_from_db()
    assert programme.title == "Renamed"
    assert programme.exam_id != other_exam.pk


def test_staff_set_the_group_discounts_from_the_list(staff_client, discounts):
    rows = list(GroupDiscount.objects.order_by("group"))
    data = {
        "form-TOTAL_FORMS": len(rows),
        "form-INITIAL_FORMS": len(rows),
        "_save": "Save",
    }
    for index, row in enumerate(rows):
        data[f"form-{index}-id"] = row.pk
        data[f"form-{index}-percent"] = 75 if row.group == "low" else row.percent

    response = staff_client.post("/admin/certification/groupdiscount/", data)

    assert response.status_code == 302
    assert GroupDiscount.objects.get(group="low").percent == 75


def test_a_voucher_without_its_value_is_refused_with_a_clear_message(staff_client, programme):
    response = staff_client.post(
        "/admin/certification/voucher/add/",
        {"code": "SPONSOR-2025", "kind": "amount", "programme": programme.pk, "max_uses": 5},
    )
    wrong_currency = staff_client.post(
        "/admin/certification/voucher/add/",
        {
            "code": "SPONSOR-2025",
            "kind": "amount",
            "amount": "10",
            "currency": "EUR",
            "programme": programme.pk,
            "max_uses": 5,
        },
    )

    assert "Give the amount an amount voucher takes off." in response.content.decode()
    assert "The programme is priced in USD" in wrong_currency.content.decode()
    assert not Voucher.objects.filter(code="SPONSOR-2025").exists()


def test_the_voucher_list_shows_value_and_uses(staff_client, qualified_alice, programme):
    order = waived_order(qualified_alice, programme)
    Voucher.objects.create(code="TEN-OFF", kind=Voucher.Kind.PERCENT, percent=10, max_uses=20)

    page = staff_client.get("/admin/certification/voucher/").content.decode()
    found = staff_client.get("/admin/certification/voucher/?q=TEN-OFF")

    assert "1/1" in page and "0/20" in page and "10%" in page
    assert order.voucher.code in page
    assert found.context["cl"].result_count == 1

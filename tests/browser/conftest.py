"""Browser tests: Playwright drives Debian's Chromium against Django's live server."""

import os
import shutil

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail(
            f"Debian's chromium is not installed at {CHROMIUM}: run bin/system-deps --browser"
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15_000)
    outside = []

    def keep_to_the_site(route):
        # No request may leave the site's own origin: no CDN, no web fonts from elsewhere.
        outside.append(route.request.url)
        route.abort()

    page.route(
        lambda url: not url.startswith(live_server.url) and not url.startswith("data:"),
        keep_to_the_site,
    )
    yield page
    context.close()
    assert outside == [], f"requests left the site: {outside}"


@pytest.fixture
def assert_accessible():
    """Run axe-core on the page as it stands; fail on any violation, listing each one."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check(page):
        results = axe.run(page)
        violations = results.response["violations"]
        if violations:
            lines = [f"{page.url}: {len(violations)} axe violation(s)"]
            for violation in violations:
                targets = [node["target"] for node in violation["nodes"]][:5]
                lines.append(
                    f"- {violation['id']} ({violation['impact']}): {violation['help']} {targets}"
                )
            pytest.fail("\n".join(lines))

    return check

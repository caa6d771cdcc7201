"""Staff's side of certification: programmes and prices, vouchers and fee waivers, graded projects,
orders and refunds, the candidate queue, and issuing, revoking and re-sending certificates.

Money and certificates only change through the services: orders, Stripe events, certificates and
bulk runs are read-only here, and every issue, revoke and re-send is logged with who and when.

One module per area, each registering its models: ``programmes`` (with signatories and group
discounts), ``vouchers`` (with fee waivers), ``projects``, ``orders`` (with the candidate queue,
bulk issuing and Stripe events) and ``certificates``; ``base`` holds what they share.
"""

# Imported for their registrations, in the order the admin has always registered its models.
# isort: off
from certification.admin import programmes, vouchers, projects, orders, certificates  # noqa: F401
# isort: on

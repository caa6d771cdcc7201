"""Staff's side of certification; importing the module registers its admin pages."""

from certification.admin import certificates  # noqa: F401

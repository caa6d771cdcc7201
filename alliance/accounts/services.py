from django.conf import settings
from django.db import transaction

from alliance.accounts.models import User


@transaction.atomic
def user_update_profile(*, user: User, data: dict) -> User:
    for field in ("display_name", "country", "preferred_language", "timezone"):
        setattr(user, field, data.get(field) or "")
    user.full_clean(exclude=["password"])
    user.save(update_fields=["display_name", "country", "preferred_language", "timezone"])
    return user


@transaction.atomic
def user_update_demographics(*, user: User, data: dict) -> User:
    for field in ("gender", "age_band", "disability"):
        setattr(user, field, data.get(field) or "")
    user.save(update_fields=["gender", "age_band", "disability"])
    return user


def user_withdraw_demographics(*, user: User) -> User:
    return user_update_demographics(user=user, data={})


def user_set_language(*, user: User, language: str) -> None:
    if language in dict(settings.LANGUAGES) and user.preferred_language != language:
        user.preferred_language = language
        user.save(update_fields=["preferred_language"])

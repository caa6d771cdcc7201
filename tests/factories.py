import factory
from allauth.account.models import EmailAddress

from alliance.accounts.models import User

PASSWORD = "correct horse battery staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"learner{n}@example.org")
    display_name = factory.Faker("name")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        obj.save()
        if create and extracted is not False:
            EmailAddress.objects.create(user=obj, email=obj.email, verified=True, primary=True)


def staff_with_authenticator(**fields):
    """Staff as the admin lets them in: with the authenticator app it asks staff for."""
    from allauth.mfa.models import Authenticator

    fields = {"email": "eve@example.org", "is_staff": True, "is_superuser": True, **fields}
    user = UserFactory(**fields)
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": "x"})
    return user

"""Open Badges 3.0 credentials (W3C Verifiable Credentials 2.0), signed as VC-JWT.

The platform signs with one Ed25519 key: CREDENTIAL_SIGNING_KEY when set, otherwise a key derived
from DJANGO_SECRET_KEY, so every installation has a stable key without configuration. Its public
half is published as a JWK Set at /.well-known/jwks.json; the ``kid`` is its RFC 7638 thumbprint.
After a key change, the public keys of earlier ones (CREDENTIAL_RETIRED_PUBLIC_KEYS) stay in the
set, so credentials signed before still verify.
"""

import base64
import hashlib
import json
from functools import lru_cache

import jwt
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from certification.models import Certificate

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


@lru_cache(maxsize=4)
def _key_from(pem: str, secret: str) -> Ed25519PrivateKey:
    if pem:
        key = serialization.load_pem_private_key(pem.encode(), password=None)
        if not isinstance(key, Ed25519PrivateKey):
            raise ValueError("CREDENTIAL_SIGNING_KEY must be an Ed25519 private key")
        return key
    seed = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"alliance credential signing key"
    ).derive(secret.encode())
    return Ed25519PrivateKey.from_private_bytes(seed)


def signing_key() -> Ed25519PrivateKey:
    return _key_from(settings.CREDENTIAL_SIGNING_KEY, settings.SECRET_KEY)


def _jwk(raw_public_key: bytes) -> dict:
    members = {"crv": "Ed25519", "kty": "OKP", "x": _b64url(raw_public_key)}
    thumbprint = hashlib.sha256(
        json.dumps(members, separators=(",", ":"), sort_keys=True).encode()
    ).digest()
    return {**members, "kid": _b64url(thumbprint), "alg": "EdDSA", "use": "sig"}


def public_jwk() -> dict:
    raw = (
        signing_key()
        .public_key()
        .public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    )
    return _jwk(raw)


def retired_jwks() -> list[dict]:
    """Public keys the platform signed with before, as their JWK "x" values (comma-separated in
    CREDENTIAL_RETIRED_PUBLIC_KEYS): copy "x" from the published set before changing the key."""
    keys = []
    for value in settings.CREDENTIAL_RETIRED_PUBLIC_KEYS:
        value = value.strip()
        try:
            raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
        except ValueError:
            raw = b""
        if len(raw) != 32:
            raise ImproperlyConfigured(
                f'CREDENTIAL_RETIRED_PUBLIC_KEYS: {value!r} is not the base64url "x" of an '
                "Ed25519 public key (43 characters, as in /.well-known/jwks.json)."
            )
        keys.append(_jwk(raw))
    return keys


def jwks() -> dict:
    """The signing key first, then retired ones (each once)."""
    current = public_jwk()
    retired = [key for key in retired_jwks() if key["kid"] != current["kid"]]
    unique = {key["kid"]: key for key in retired}
    return {"keys": [current, *unique.values()]}


def issuer_profile() -> dict:
    return {
        "id": settings.SITE_URL + "/",
        "type": ["Profile"],
        "name": settings.CERTIFICATE_ISSUER_NAME,
        "url": settings.SITE_URL + "/",
    }


def open_badge(certificate: Certificate) -> dict:
    """The certificate as an OpenBadgeCredential (the unsigned JSON)."""
    verify_url = certificate.verify_url
    if certificate.kind == Certificate.Kind.ADVANCED:
        programme = certificate.programme
        achievement_id = settings.SITE_URL + programme.get_absolute_url()
        description = programme.description
        criteria = programme.criteria
        achievement_type = "Certificate"
    else:
        achievement_id = settings.SITE_URL + reverse(
            "courses:course", args=[certificate.course.slug]
        )
        description = f"Completion of the course {certificate.title}."
        criteria = "Completed every required lesson and quiz of the course."
        achievement_type = "Course"
    subject_name = {
        "type": "IdentityObject",
        "identityType": "name",
        "hashed": False,
        "identityHash": certificate.learner_name,
    }
    salt = certificate.pk.hex
    email_hash = hashlib.sha256((certificate.user.email.lower() + salt).encode()).hexdigest()
    subject_email = {
        "type": "IdentityObject",
        "identityType": "emailAddress",
        "hashed": True,
        "salt": salt,
        "identityHash": "sha256$" + email_hash,
    }
    credential = {
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "id": f"urn:uuid:{certificate.pk}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": issuer_profile(),
        "validFrom": certificate.issued_at.replace(microsecond=0)
        .isoformat()
        .replace("+00:00", "Z"),
        "name": certificate.title,
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [subject_name, subject_email],
            "achievement": {
                "id": achievement_id,
                "type": ["Achievement"],
                "achievementType": achievement_type,
                "name": certificate.title,
                "description": description,
                "criteria": {"narrative": criteria},
                "creator": {
                    "id": achievement_id + "#issuer",
                    "type": ["Profile"],
                    "name": certificate.issuer_name,
                },
            },
        },
        "evidence": [{"id": verify_url, "type": ["Evidence"], "name": "Verification page"}],
    }
    return credential


def credential_jwt(certificate: Certificate) -> str:
    """The credential signed as a VC-JWT (VC-JOSE-COSE: the payload is the credential)."""
    credential = open_badge(certificate)
    issued = int(certificate.issued_at.timestamp())
    claims = {
        **credential,
        "iss": credential["issuer"]["id"],
        "jti": credential["id"],
        "sub": certificate.verify_url,
        "iat": issued,
        "nbf": issued,
    }
    headers = {"kid": public_jwk()["kid"], "typ": "vc+jwt", "cty": "vc"}
    return jwt.encode(claims, signing_key(), algorithm="EdDSA", headers=headers)

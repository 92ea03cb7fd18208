"""Signing keys and JWT minting for the Care Hub token issuer (the gateway), and for tests.

ES256 (P-256): small keys and signatures, fast to verify, and one of the two algorithms every
service accepts.
"""

import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from jwt.algorithms import ECAlgorithm

ALGORITHM = "ES256"


@dataclass(frozen=True)
class SigningKey:
    kid: str
    private_pem: str

    @classmethod
    def generate(cls) -> "SigningKey":
        private = ec.generate_private_key(ec.SECP256R1())
        pem = private.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        ).decode()
        return cls(kid=uuid.uuid4().hex, private_pem=pem)

    def public_jwk(self) -> dict[str, Any]:
        private = serialization.load_pem_private_key(self.private_pem.encode(), password=None)
        assert isinstance(private, ec.EllipticCurvePrivateKey)
        jwk = ECAlgorithm.to_jwk(private.public_key(), as_dict=True)
        return {**jwk, "kid": self.kid, "use": "sig", "alg": ALGORITHM}

    def sign(self, claims: dict[str, Any]) -> str:
        return jwt.encode(claims, self.private_pem, algorithm=ALGORITHM, headers={"kid": self.kid})


def claims_for(
    *, sub: str, name: str, roles: Sequence[str], homes: Sequence[str], issuer: str,
    audience: str = "carehub", lifetime_s: int = 300, now: float | None = None,
) -> dict[str, Any]:
    issued = int(now if now is not None else time.time())
    return {
        "iss": issuer, "aud": audience, "sub": sub, "name": name,
        "roles": list(roles), "homes": list(homes),
        "iat": issued, "nbf": issued, "exp": issued + lifetime_s, "jti": uuid.uuid4().hex,
    }


def jwks(keys: Sequence[SigningKey]) -> dict[str, Any]:
    return {"keys": [key.public_jwk() for key in keys]}

"""C2PA content credentials: a local signing CA (`init_signing`), signing published MP4s, verifying.

Every published clip carries a manifest declaring it AI-generated (`c2pa.created` with IPTC's
trainedAlgorithmicMedia), the model, the job id and a SHA-256 of the prompt (not the prompt). A clip
that cannot be signed is not published (the finalize actor fails and retries).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import c2pa
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from django.conf import settings

TRAINED_ALGORITHMIC_MEDIA = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"
GENERATION_ASSERTION = "org.kinema.generation"


class SigningUnavailable(RuntimeError):
    """No usable signing certificate/key: nothing may be published until an operator fixes it."""


@dataclass(frozen=True)
class SigningPaths:
    cert_chain: Path  # leaf first, then intermediates (PEM)
    key: Path  # PKCS#8 PEM
    trust_anchor: Path | None  # root CA (PEM) used when verifying


def signing_paths() -> SigningPaths:
    anchor = settings.KINEMA_C2PA_TRUST_ANCHORS
    return SigningPaths(Path(settings.KINEMA_C2PA_CERT), Path(settings.KINEMA_C2PA_KEY),
                        Path(anchor) if anchor else None)


# --- a local CA -------------------------------------------------------------------------------

def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Kinema (local)"),
                      x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def create_local_ca(directory: Path, *, days: int = 3650) -> SigningPaths:
    """A root CA and a leaf signing certificate (ES256). C2PA accepts the leaf only with the
    emailProtection EKU, digitalSignature key usage and CA=false."""
    directory.mkdir(parents=True, exist_ok=True)
    now = datetime.now(UTC) - timedelta(minutes=5)
    root_key = ec.generate_private_key(ec.SECP256R1())
    root_name = _name("Kinema local root CA")
    root = (x509.CertificateBuilder().subject_name(root_name).issuer_name(root_name)
            .public_key(root_key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now).not_valid_after(now + timedelta(days=days))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                         crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(root_key.public_key()), critical=False)
            .sign(root_key, hashes.SHA256()))
    leaf_key = ec.generate_private_key(ec.SECP256R1())
    leaf = (x509.CertificateBuilder().subject_name(_name("Kinema content signer")).issuer_name(root.subject)
            .public_key(leaf_key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now).not_valid_after(now + timedelta(days=days))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                         crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(root_key.public_key()), critical=False)
            .sign(root_key, hashes.SHA256()))
    paths = SigningPaths(directory / "signer-chain.pem", directory / "signer-key.pem", directory / "root-ca.pem")
    pem = serialization.Encoding.PEM
    paths.cert_chain.write_bytes(leaf.public_bytes(pem))
    assert paths.trust_anchor is not None
    paths.trust_anchor.write_bytes(root.public_bytes(pem))
    key_bytes = leaf_key.private_bytes(pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    fd = os.open(paths.key, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(key_bytes)
    # The root's key is not needed again: nothing else is ever issued from it, so it is not kept.
    return paths


# --- signing -----------------------------------------------------------------------------------

def prompt_hash(prompt: str) -> str:
    return hashlib.sha256(prompt.encode()).hexdigest()


def manifest_for(*, job_id: str, model: str, prompt: str, title: str = "Kinema video",
                 source_video_id: str | None = None) -> dict[str, Any]:
    """`source_video_id`: the video a remix, extension or edit started from, recorded as its parent ingredient."""
    ingredients = [{"title": f"Kinema video {source_video_id}", "format": "video/mp4", "relationship": "parentOf",
                    "instance_id": f"kinema:{source_video_id}"}] if source_video_id else []
    return {**({"ingredients": ingredients} if ingredients else {}),
        "claim_generator_info": [{"name": "Kinema", "version": "0.1"}],
        "title": title,
        "format": "video/mp4",
        "assertions": [
            {"label": "c2pa.actions", "data": {"actions": [{
                "action": "c2pa.created",
                "digitalSourceType": TRAINED_ALGORITHMIC_MEDIA,
                "softwareAgent": {"name": f"Kinema / {model}"},
            }]}},
            {"label": GENERATION_ASSERTION, "data": {
                "job_id": job_id, "model": model, "prompt_sha256": prompt_hash(prompt)}},
        ],
    }


def _signer(paths: SigningPaths) -> c2pa.Signer:
    try:
        chain = paths.cert_chain.read_bytes()
        key = paths.key.read_bytes()
    except OSError as exc:
        raise SigningUnavailable(
            f"No signing certificate at {paths.cert_chain} / {paths.key}: run `manage.py init_signing` or set "
            "KINEMA_C2PA_CERT and KINEMA_C2PA_KEY.") from exc
    return c2pa.Signer.from_info(c2pa.C2paSignerInfo(alg=b"es256", sign_cert=chain, private_key=key, ta_url=None))


def sign_mp4(data: bytes, manifest: dict[str, Any], paths: SigningPaths | None = None) -> bytes:
    """Returns the MP4 with the manifest embedded. Raises on any failure (never returns unsigned)."""
    signer = _signer(paths or signing_paths())
    try:
        source, dest = io.BytesIO(data), io.BytesIO()
        with c2pa.Builder(manifest) as builder:
            builder.sign(signer, "video/mp4", source, dest)
        signed = dest.getvalue()
    finally:
        signer.close()
    if len(signed) <= len(data):
        raise RuntimeError("C2PA signing produced no manifest")
    return signed


# --- verifying ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Verification:
    state: str  # "Trusted", "Valid", "Invalid", or "Unsigned"
    manifest: dict[str, Any] | None
    errors: list[str]

    @property
    def ok(self) -> bool:
        return self.state in {"Trusted", "Valid"}


def verify_mp4(data: bytes, trust_anchor: Path | None = None) -> Verification:
    anchor = trust_anchor if trust_anchor is not None else signing_paths().trust_anchor
    config: dict[str, Any] = {}
    if anchor is not None and anchor.exists():
        config = {"trust": {"user_anchors": anchor.read_text()}}
    with c2pa.Context.from_dict(config) as context:
        reader = c2pa.Reader.try_create("video/mp4", io.BytesIO(data), None, context)
        if reader is None:
            return Verification("Unsigned", None, ["no C2PA manifest found"])
        with reader:
            report = json.loads(reader.json())
            state = reader.get_validation_state() or "Unknown"
            results = reader.get_validation_results() or {}
    active = report.get("manifests", {}).get(report.get("active_manifest", ""), None)
    errors = [f"{item.get('code')}: {item.get('explanation', '')}".strip()
              for item in (results.get("activeManifest", {}) or {}).get("failure", [])]
    errors += [f"{item.get('code')}" for item in report.get("validation_status", []) or []
               if f"{item.get('code')}" not in " ".join(errors)]
    return Verification(state, active, errors)

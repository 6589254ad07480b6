"""C2PA provenance: a signed MP4 verifies and one changed byte invalidates it; the init_signing and
verify_c2pa commands."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import call_command

from safety.provenance import create_local_ca, manifest_for, sign_mp4, verify_mp4
from tests.safety_media import clip


def test_signed_mp4_verifies_and_one_changed_byte_invalidates_it(tmp_path: Path) -> None:
    from jobs.media import encode_mp4

    paths = create_local_ca(tmp_path / "ca")
    signed = sign_mp4(encode_mp4(clip(8), 8), manifest_for(job_id="video_x", model="kinema-tiny", prompt="p"),
                      paths)
    good = verify_mp4(signed, paths.trust_anchor)
    assert good.state == "Trusted" and good.ok
    tampered = bytearray(signed)
    tampered[len(tampered) - 100] ^= 0x01
    bad = verify_mp4(bytes(tampered), paths.trust_anchor)
    assert bad.state == "Invalid" and not bad.ok and any("mismatch" in e for e in bad.errors)
    assert verify_mp4(encode_mp4(clip(8), 8), paths.trust_anchor).state == "Unsigned"


def test_verify_c2pa_and_init_signing_commands(tmp_path: Path, settings, capsys) -> None:
    from django.core.management.base import CommandError

    from jobs.media import encode_mp4

    settings.KINEMA_SIGNING_DIR = tmp_path / "signing"
    settings.KINEMA_C2PA_CERT = str(tmp_path / "signing" / "signer-chain.pem")
    settings.KINEMA_C2PA_KEY = str(tmp_path / "signing" / "signer-key.pem")
    settings.KINEMA_C2PA_TRUST_ANCHORS = str(tmp_path / "signing" / "root-ca.pem")
    call_command("init_signing")
    assert (tmp_path / "signing" / "signer-key.pem").stat().st_mode & 0o077 == 0  # the key is private
    signed = tmp_path / "clip.mp4"
    signed.write_bytes(sign_mp4(encode_mp4(clip(4), 8), manifest_for(job_id="video_y", model="m", prompt="q")))
    call_command("verify_c2pa", str(signed))
    out = capsys.readouterr().out
    assert "validation state: Trusted" in out and '"job_id": "video_y"' in out and "trainedAlgorithmicMedia" in out
    data = bytearray(signed.read_bytes())
    data[-50] ^= 0xFF
    signed.write_bytes(bytes(data))
    with pytest.raises(CommandError, match="Invalid"):
        call_command("verify_c2pa", str(signed))

"""Random-weight Wan2.1-architecture pipelines, built in code with no downloads.

They produce coloured noise, quickly, on a CPU: the whole platform (loader, denoising loops,
conditioning, checkpoints, decode, encode) runs for real against them. Two families are built:
text-to-video (`WanPipeline`, whose components also drive video-to-video) and VACE
(`WanVACEPipeline`: reference images, first frame, extension, masked edit). Point KINEMA_MODEL and
KINEMA_VACE_MODEL at real checkpoint folders (Wan2.1-T2V-1.3B-Diffusers, Wan2.1-VACE-1.3B-diffusers,
or the 14B ones) for real videos; the loaders do not change.
"""

from __future__ import annotations

import string
from pathlib import Path
from typing import Any

COMMON_WORDS = (
    "a an the of and in on at with to from by for over under into is are cat dog city night day sun moon "
    "sea ocean forest mountain river street car robot person man woman child bird fish tree flower sky "
    "cloud rain snow fire light dark red blue green yellow white black walking running flying dancing "
    "slow fast cinematic anime style shot camera close wide aerial view landscape portrait beautiful old "
    "new small big happy video scene lake beach desert space star planet"
).split()

# The transformer sizes both families share (the VACE transformer adds its control blocks on top).
TINY_TRANSFORMER: dict[str, Any] = {
    "patch_size": (1, 2, 2), "num_attention_heads": 2, "attention_head_dim": 12, "in_channels": 16,
    "out_channels": 16, "text_dim": 32, "freq_dim": 256, "ffn_dim": 32, "num_layers": 2, "cross_attn_norm": True,
    "qk_norm": "rms_norm_across_heads", "rope_max_seq_len": 1024,
}
# VACE's control input: 32 channels of video latents (inactive + reactive halves) and 64 of the mask
# folded into 8x8 patches, as in Wan2.1-VACE.
TINY_VACE = {"vace_layers": [0, 1], "vace_in_channels": 96}


def build_tokenizer() -> Any:
    from transformers import T5Tokenizer

    pieces = ["<pad>", "</s>", "<unk>", "▁"]
    chars = [c for c in string.printable if not c.isspace()]
    pieces += chars + ["▁" + c for c in chars] + ["▁" + w for w in COMMON_WORDS]
    vocab = [(p, 0.0 if i < 3 else -float(len(p))) for i, p in enumerate(dict.fromkeys(pieces))]
    return T5Tokenizer(vocab=vocab, extra_ids=0)


def _shared_components(seed: int) -> dict[str, Any]:
    """Tokenizer, text encoder, VAE and scheduler, seeded: both families get the same weights for them
    (as the real Wan2.1 T2V and VACE checkpoints share their UMT5 encoder and VAE)."""
    import torch
    from diffusers import AutoencoderKLWan, FlowMatchEulerDiscreteScheduler
    from transformers import UMT5Config, UMT5EncoderModel

    torch.manual_seed(seed)
    tokenizer = build_tokenizer()
    text_encoder = UMT5EncoderModel(UMT5Config(
        vocab_size=len(tokenizer), d_model=32, d_ff=64, d_kv=8, num_heads=4, num_layers=2,
        relative_attention_num_buckets=8, feed_forward_proj="gated-gelu", is_encoder_decoder=False,
        pad_token_id=0, eos_token_id=1,
    ))
    vae: Any = AutoencoderKLWan(base_dim=3, z_dim=16, dim_mult=[1, 1, 1, 1], num_res_blocks=1,
                           temperal_downsample=[False, True, True])
    # Inference mode, as from_pretrained leaves a loaded model: built in code, the text encoder would
    # apply dropout and the same call would give a different video each time.
    text_encoder.eval()
    vae.eval()
    return {"tokenizer": tokenizer, "text_encoder": text_encoder, "vae": vae,
            "scheduler": FlowMatchEulerDiscreteScheduler(shift=3.0)}


def build_tiny_pipeline(seed: int = 0) -> Any:
    from diffusers import WanPipeline, WanTransformer3DModel

    parts = _shared_components(seed)
    transformer: Any = WanTransformer3DModel(**TINY_TRANSFORMER)
    return WanPipeline(transformer=transformer.eval(), **parts)


def build_tiny_vace_pipeline(seed: int = 0) -> Any:
    from diffusers import WanVACEPipeline, WanVACETransformer3DModel

    parts = _shared_components(seed)
    transformer: Any = WanVACETransformer3DModel(**TINY_TRANSFORMER, **TINY_VACE)
    return WanVACEPipeline(transformer=transformer.eval(), **parts)


def save_tiny_model(target: Path, seed: int = 0) -> Path:
    pipe = build_tiny_pipeline(seed)
    target.mkdir(parents=True, exist_ok=True)
    pipe.save_pretrained(str(target))
    return target


def save_tiny_vace_model(target: Path) -> Path:
    pipe = build_tiny_vace_pipeline()
    target.mkdir(parents=True, exist_ok=True)
    pipe.save_pretrained(str(target))
    return target


def vace_path_beside(t2v_path: Path) -> Path:
    """Where the tiny VACE model lives for a tiny T2V model at `t2v_path` (var/models/tiny-wan-vace)."""
    return t2v_path.with_name(t2v_path.name + "-vace")


def hd_path_beside(t2v_path: Path) -> Path:
    """The second tiny build (other weights, seed 1), the catalog's stand-in for the 720p profile
    (var/models/tiny-wan-hd; jobs/catalog.py seeds it on the tiny development setup)."""
    return t2v_path.with_name(t2v_path.name + "-hd")

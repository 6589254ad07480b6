"""A random-weight Wan2.1-architecture text-to-video pipeline, built in code with no downloads.

It produces coloured noise, quickly, on a CPU: the whole platform (loader, denoising loop,
checkpoints, decode, encode) runs for real against it. Point KINEMA_MODEL at a real checkpoint
folder (e.g. Wan2.1-T2V-1.3B-Diffusers) for real videos; the loader does not change.
"""

from __future__ import annotations

import string
from pathlib import Path

COMMON_WORDS = (
    "a an the of and in on at with to from by for over under into is are cat dog city night day sun moon "
    "sea ocean forest mountain river street car robot person man woman child bird fish tree flower sky "
    "cloud rain snow fire light dark red blue green yellow white black walking running flying dancing "
    "slow fast cinematic anime style shot camera close wide aerial view landscape portrait beautiful old "
    "new small big happy video scene lake beach desert space star planet"
).split()


def build_tokenizer():
    from transformers import T5Tokenizer

    pieces = ["<pad>", "</s>", "<unk>", "▁"]
    chars = [c for c in string.printable if not c.isspace()]
    pieces += chars + ["▁" + c for c in chars] + ["▁" + w for w in COMMON_WORDS]
    vocab = [(p, 0.0 if i < 3 else -float(len(p))) for i, p in enumerate(dict.fromkeys(pieces))]
    return T5Tokenizer(vocab=vocab, extra_ids=0)


def build_tiny_pipeline(seed: int = 0):
    import torch
    from diffusers import AutoencoderKLWan, FlowMatchEulerDiscreteScheduler, WanPipeline, WanTransformer3DModel
    from transformers import UMT5Config, UMT5EncoderModel

    torch.manual_seed(seed)
    tokenizer = build_tokenizer()
    text_encoder = UMT5EncoderModel(UMT5Config(
        vocab_size=len(tokenizer), d_model=32, d_ff=64, d_kv=8, num_heads=4, num_layers=2,
        relative_attention_num_buckets=8, feed_forward_proj="gated-gelu", is_encoder_decoder=False,
        pad_token_id=0, eos_token_id=1,
    ))
    vae = AutoencoderKLWan(base_dim=3, z_dim=16, dim_mult=[1, 1, 1, 1], num_res_blocks=1,
                           temperal_downsample=[False, True, True])
    transformer = WanTransformer3DModel(
        patch_size=(1, 2, 2), num_attention_heads=2, attention_head_dim=12, in_channels=16, out_channels=16,
        text_dim=32, freq_dim=256, ffn_dim=32, num_layers=2, cross_attn_norm=True,
        qk_norm="rms_norm_across_heads", rope_max_seq_len=1024,
    )
    scheduler = FlowMatchEulerDiscreteScheduler(shift=3.0)
    return WanPipeline(tokenizer=tokenizer, text_encoder=text_encoder, vae=vae, transformer=transformer,
                       scheduler=scheduler)


def save_tiny_model(target: Path) -> Path:
    pipe = build_tiny_pipeline()
    target.mkdir(parents=True, exist_ok=True)
    pipe.save_pretrained(str(target))
    return target

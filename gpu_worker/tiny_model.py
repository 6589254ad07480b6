"""Random-weight Wan2.1-architecture pipelines, built in code with no downloads.

They produce coloured noise, quickly, on a CPU: the whole platform (loader, denoising loops,
conditioning, checkpoints, decode, encode) runs for real against them. Two families are built:
text-to-video (`WanPipeline`, whose components also drive video-to-video) and VACE
(`WanVACEPipeline`: reference images, first frame, extension, masked edit). Point KINEMA_MODEL and
KINEMA_VACE_MODEL at real checkpoint folders (Wan2.1-T2V-1.3B-Diffusers, Wan2.1-VACE-1.3B-diffusers,
or the 14B ones) for real videos; the loaders do not change. A third family, audio+video, is a tiny
LTX-2 (`LTX2Pipeline`, Gemma 3 text encoder built here too): its real counterpart is Lightricks/LTX-2.
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


# --- the audio+video family (LTX-2) -----------------------------------------------------------------

# Gemma's special tokens, byte-fallback pieces for any UTF-8 input, then every printable ASCII character:
# with no merges the byte-pair model is character level, so any prompt tokenizes without <unk>.
GEMMA_SPECIALS = ("<pad>", "<eos>", "<bos>", "<unk>", "<mask>", "<start_of_image>", "<end_of_image>",
                  "<image_soft_token>")
# The tiny vocoder's upsampling (8 x 10 = 80 samples per mel frame at the audio VAE's 100 mel frames a
# second): 8 kHz audio, a rate the AAC encoder takes natively. The real LTX-2 vocoder makes 24 kHz.
TINY_VOCODER_UPSAMPLE = (8, 10)
TINY_AUDIO_RATE = 16000 // 160 * TINY_VOCODER_UPSAMPLE[0] * TINY_VOCODER_UPSAMPLE[1]


def build_gemma_tokenizer() -> Any:
    from transformers import GemmaTokenizer

    pieces = [*GEMMA_SPECIALS, *(f"<0x{b:02X}>" for b in range(256)), "▁",
              *(c for c in string.printable if not c.isspace())]
    vocab = {p: i for i, p in enumerate(dict.fromkeys(pieces))}
    return GemmaTokenizer(vocab=vocab, merges=[])


def build_tiny_ltx2_pipeline(seed: int = 0) -> Any:
    """A random-weight LTX-2 (`LTX2Pipeline`: video and audio denoised together, a vocoder for the waveform)
    with the sizes diffusers' own LTX-2 tests use, except a VAE patch of 4 (8x spatial compression, so a
    96x64 clip is 12x8 latents) and the vocoder above. A 17-frame clip takes well under a second on one thread."""
    import torch
    from diffusers import (
        AutoencoderKLLTX2Audio,
        AutoencoderKLLTX2Video,
        FlowMatchEulerDiscreteScheduler,
        LTX2Pipeline,
        LTX2VideoTransformer3DModel,
    )
    from diffusers.pipelines.ltx2 import LTX2TextConnectors
    from diffusers.pipelines.ltx2.vocoder import LTX2Vocoder
    from transformers import Gemma3Config, Gemma3ForConditionalGeneration, Gemma3TextConfig, SiglipVisionConfig

    torch.manual_seed(seed)
    tokenizer = build_gemma_tokenizer()
    ids = tokenizer.get_vocab()
    text = Gemma3TextConfig(vocab_size=len(ids), hidden_size=32, intermediate_size=64, num_hidden_layers=2,
                            num_attention_heads=2, num_key_value_heads=1, head_dim=16, max_position_embeddings=512,
                            sliding_window=64, pad_token_id=ids["<pad>"], eos_token_id=ids["<eos>"],
                            bos_token_id=ids["<bos>"])
    # Gemma 3 is multimodal: a one-layer vision tower that the pipeline never feeds (28 px, 2x2 patches).
    vision = SiglipVisionConfig(hidden_size=16, intermediate_size=32, num_hidden_layers=1, num_attention_heads=2,
                                image_size=28, patch_size=14)
    text_encoder: Any = Gemma3ForConditionalGeneration(Gemma3Config(
        text_config=text, vision_config=vision, mm_tokens_per_image=4, boi_token_index=ids["<start_of_image>"],
        eoi_token_index=ids["<end_of_image>"], image_token_index=ids["<image_soft_token>"]))
    width = text.hidden_size
    transformer: Any = LTX2VideoTransformer3DModel(
        in_channels=4, out_channels=4, patch_size=1, patch_size_t=1, num_attention_heads=2, attention_head_dim=8,
        cross_attention_dim=16, audio_in_channels=4, audio_out_channels=4, audio_num_attention_heads=2,
        audio_attention_head_dim=4, audio_cross_attention_dim=8, num_layers=2, qk_norm="rms_norm_across_heads",
        vae_scale_factors=(2, 8, 8), caption_channels=width, rope_double_precision=False, rope_type="split")
    connectors: Any = LTX2TextConnectors(
        caption_channels=width, text_proj_in_factor=text.num_hidden_layers + 1,
        video_connector_num_attention_heads=4, video_connector_attention_head_dim=8, video_connector_num_layers=1,
        video_connector_num_learnable_registers=None, audio_connector_num_attention_heads=4,
        audio_connector_attention_head_dim=8, audio_connector_num_layers=1,
        audio_connector_num_learnable_registers=None, connector_rope_base_seq_len=32, rope_theta=10000.0,
        rope_double_precision=False, causal_temporal_positioning=False, rope_type="split")
    vae: Any = AutoencoderKLLTX2Video(
        in_channels=3, out_channels=3, latent_channels=4, block_out_channels=(8,), decoder_block_out_channels=(8,),
        layers_per_block=(1,), decoder_layers_per_block=(1, 1), spatio_temporal_scaling=(True,),
        decoder_spatio_temporal_scaling=(True,), decoder_inject_noise=(False, False), downsample_type=("spatial",),
        upsample_residual=(False,), upsample_factor=(1,), timestep_conditioning=False, patch_size=4, patch_size_t=1,
        encoder_causal=True, decoder_causal=False)
    audio_vae: Any = AutoencoderKLLTX2Audio(
        base_channels=4, output_channels=2, ch_mult=(1,), num_res_blocks=1, attn_resolutions=None, in_channels=2,
        resolution=32, latent_channels=2, norm_type="pixel", causality_axis="height", dropout=0.0,
        mid_block_add_attention=False, sample_rate=16000, mel_hop_length=160, is_causal=True, mel_bins=8)
    up = list(TINY_VOCODER_UPSAMPLE)
    vocoder: Any = LTX2Vocoder(
        in_channels=2 * 8, hidden_channels=32, out_channels=2, upsample_kernel_sizes=[2 * f for f in up],
        upsample_factors=up, resnet_kernel_sizes=[3], resnet_dilations=[[1, 3, 5]], leaky_relu_negative_slope=0.1,
        output_sampling_rate=TINY_AUDIO_RATE)
    # Inference mode, as from_pretrained leaves a loaded model (see _shared_components).
    return LTX2Pipeline(scheduler=FlowMatchEulerDiscreteScheduler(), vae=vae.eval(), audio_vae=audio_vae.eval(),
                        text_encoder=text_encoder.eval(), tokenizer=tokenizer, connectors=connectors.eval(),
                        transformer=transformer.eval(), vocoder=vocoder.eval())


def save_tiny_ltx2_model(target: Path) -> Path:
    pipe = build_tiny_ltx2_pipeline()
    target.mkdir(parents=True, exist_ok=True)
    pipe.save_pretrained(str(target))
    return target


def ltx2_path_beside(t2v_path: Path) -> Path:
    """Where the tiny LTX-2 build lives for a tiny T2V model at `t2v_path` (var/models/tiny-wan-ltx2): the
    catalog's audio+video entry under `make run` (seed_demo) and in tests."""
    return t2v_path.with_name(t2v_path.name + "-ltx2")

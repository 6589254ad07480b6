"""Cheap live previews: project the current latents to RGB with a fixed linear map, no VAE decode.

Wan2.1 latents have 16 channels; a 16x3 matrix (the latent-to-RGB factors community preview tools
use for this VAE) turns the middle latent frame into a small, recognisable image at a cost of a few
milliseconds, against seconds for a VAE decode. Other channel counts fall back to a grey view.
"""

from __future__ import annotations

import io

import numpy as np
import torch
from PIL import Image

WAN21_LATENT_RGB = torch.tensor([
    [-0.1299, -0.1692, 0.2932], [0.0671, 0.0406, 0.0442], [0.3568, 0.2548, 0.1747], [0.0372, 0.2344, 0.1420],
    [0.0313, 0.0189, -0.0328], [0.0296, -0.0956, -0.0665], [-0.3477, -0.4059, -0.2925], [0.0166, 0.1902, 0.1975],
    [-0.0412, 0.0267, -0.1364], [-0.1293, 0.0740, 0.1636], [0.0680, 0.3019, 0.1128], [0.0032, 0.0581, 0.0639],
    [-0.1251, 0.0927, 0.1699], [0.0060, -0.0633, 0.0005], [0.3477, 0.2275, 0.2950], [0.1984, 0.0913, 0.1861],
])
WAN21_LATENT_RGB_BIAS = torch.tensor([-0.1835, -0.0868, -0.3360])


def latent_preview_jpeg(latents: torch.Tensor, *, max_side: int = 256, quality: int = 70) -> bytes:
    """latents: (batch, channels, frames, h, w). Returns a JPEG of the middle frame."""
    with torch.no_grad():
        frame = latents[0, :, latents.shape[2] // 2].float().cpu()  # (C, h, w)
        if frame.shape[0] == WAN21_LATENT_RGB.shape[0]:
            rgb = torch.einsum("chw,cr->rhw", frame, WAN21_LATENT_RGB) + WAN21_LATENT_RGB_BIAS[:, None, None]
        else:
            rgb = frame.mean(0, keepdim=True).repeat(3, 1, 1) * 0.5
        pixels = ((rgb.clamp(-1, 1) + 1) * 127.5).byte().permute(1, 2, 0).numpy()
    img = Image.fromarray(np.ascontiguousarray(pixels))
    scale = max(1, max_side // max(img.size))
    img = img.resize((img.width * scale, img.height * scale), Image.Resampling.BILINEAR)
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality)
    return buf.getvalue()

"""Style presets: a named suffix appended to the prompt the model sees (the stored prompt is untouched)."""

from __future__ import annotations

STYLES: dict[str, str] = {
    "none": "",
    "cinematic": "cinematic lighting, shallow depth of field, film grain, 35mm",
    "anime": "anime style, cel shading, vibrant colours",
    "documentary": "handheld documentary footage, natural light",
    "claymation": "claymation, stop motion, handmade clay figures",
    "watercolor": "watercolor painting, soft edges, paper texture",
}


def styled_prompt(prompt: str, style: str) -> str:
    suffix = STYLES.get(style or "none", "")
    return f"{prompt}, {suffix}" if suffix else prompt

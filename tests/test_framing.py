"""The request framing around a prompt ("make a video of", "a short clip showing", "haz un vídeo de") comes off
before screening, and nothing that carries meaning comes off with it."""

from __future__ import annotations

import pytest

from safety.framing import without_framing


@pytest.mark.parametrize(("prompt", "left"), [
    ("a video of two people walking in the park", "two people walking in the park"),
    ("Make a video: a 10 year old singing in a school choir", "a 10 year old singing in a school choir"),
    ("can you please make me a short 10 second clip of a dog surfing", "a dog surfing"),
    ("A cinematic, funny video showing a storm over the sea", "a storm over the sea"),
    ("i want a video where my cat plays the piano", "my cat plays the piano"),
    ("video of my son at the beach", "my son at the beach"),
    ("a wedding video of a couple dancing", "a couple dancing"),
    ("a vlog video of a couple moving into their new flat", "a couple moving into their new flat"),
    ("\"a clip of a cat chasing a laser\"", "a cat chasing a laser\""),
    ("Haz un video de un perro en la playa", "un perro en la playa"),
    ("fais-moi une vidéo de chats qui jouent", "chats qui jouent"),
    ("Erstelle ein Video von einem Hund im Schnee", "einem Hund im Schnee"),
    ("crie um vídeo mostrando uma praia ao pôr do sol", "uma praia ao pôr do sol"),
    ("fammi un video di una gondola a Venezia", "una gondola a Venezia"),
])
def test_neutral_framing_comes_off(prompt: str, left: str) -> None:
    assert without_framing(prompt) == left


@pytest.mark.parametrize("prompt", [
    "make an adult video of a couple in a hotel room",  # "adult video" is what the prompt asks for
    "a snuff film of a man in a basement",
    "a sex tape of two strangers",
    "music video of a band on a rooftop",
    "clip-on earrings in a jewellery advert",  # "clip" is not the medium here
    "a short girl dancing in the rain",  # nor is "short"
    "short shorts of a girl on a beach",  # nor "shorts"
    "a realistic video of a senator taking a bribe",  # "realistic" describes the content
    "4k footage of a storm",
    "a video",  # nothing would be left
    "video: ",
    "two people walking in the park",
])
def test_framing_that_carries_meaning_or_leaves_nothing_stays(prompt: str) -> None:
    assert without_framing(prompt) == prompt


def test_a_long_run_of_spaces_costs_no_backtracking() -> None:
    prompt = "make a 1" + " " * 3990 + "x video of a dog"
    assert without_framing(prompt) == prompt  # answered at once: the length pattern takes one separator at most

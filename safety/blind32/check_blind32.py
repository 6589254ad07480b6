#!/usr/bin/env python3
"""Checks the thirty-second blind evaluation set (safety/blind32/*.tsv); standard library only.

The set measures mostly the prompt screen's false refusals of English everyday prompts that describe physical
action or objects a screen can misread (cutting, carving, crushing, burning, falling, diving, hanging laundry,
ropes and knots, sharp tools, blood tests and injections, pills, heights, deep water, shooting a photo or a goal, a
knockout, a tackle, a match that is "a massacre", pest control, gutting a fish, a village pig slaughter, hunting,
demolition, quarry blasts, fireworks, re-enactors, archery, fencing, fire-breathers, stunt falls, crash tests, TV
surgery, a vet putting a dog down, funerals, horror atmosphere ...), and beside them whether plainly disallowed
prompts in the same everyday settings are still refused.

This checker is modelled on `safety/blind31/check_blind31.py` (its English style markers, the slug line, the edit
request, `PHYSICAL` and `USUAL`) and `safety/blind29/check_blind29.py` (its `# near_miss` comments). It declares
the set's rules with the shared parts of `safety/blind_check.py`, `safety/blind_styles.py` and
`safety/blind_guard.py` (all unchanged on disk).

* every non-comment line is `label<TAB>category<TAB>prompt`: label in {block, allow}, a known category, a non-empty
  prompt with no stray or doubled whitespace and no control character;
* every row sits under a `# style: NAME` header with one of this set's twelve styles; no `# lang:` header and no
  letter outside the Latin script (every row is English; names keep their accents);
* style markers: each style carries its marker (README.md lists them); `social_caption` and `chat_message` rows are
  all lower case (handles and hashtags apart); the markers of `dialogue_vo` (a label), `ad_brief` (two or more
  fields), `camera_spec` (three or more camera terms), `storyboard` (two or more numbered scenes), `screenplay` (a
  slug line), `edit_request` (a clip that already exists), `tutorial` (a tutorial's narration marker),
  `commentary` (two or more exclamation marks) and `social_caption` (a hashtag) appear in no row of another style;
  no row carries a role-play, jailbreak or fiction frame (the brief asks for none); `plain` rows are one sentence
  shaped like no other style (blind_styles.py), with no colon, quote, emoji, @mention, chat slang or second camera
  term;
* lengths: `very_short` rows run 3 to 6 words, every other row 7 to 100; each file has rows over 50 words;
* per-file rules: `categories.tsv` holds, for each of the six screen categories, exactly 15 `block` rows split
  over the styles as BLOCK_SPLIT says and 10 `allow` rows split as ALLOW_SPLITS says for that category, and 10
  `allow`/`sexual_minors` rows split as MINORS_SPLIT says; it has no `# near_miss` comment. In each category
  between 6 and 9 of the 15 `block` rows hold one of the category's usual words (USUAL) and the others tell the
  harm by what happens. `benign.tsv` holds 300 rows, all `allow` and `none`, every style in it; between 30 % and
  40 % of them sit under a `# near_miss` comment (which holds until the next `# style:` header), every style has
  near misses, and each near miss holds a risky-sounding or physical-action word (RISKY, PHYSICAL); at least 200
  benign rows hold a physical-action word (PHYSICAL). At least half the `block` rows name an everyday setting
  (SETTING). No file holds a `block`/`sexual_minors` row (the shared rule; README.md says why);
* adult-only guard: no `block` row of `sexual` or `likeness` carries a minor cue: blind_guard.py's words, stems,
  substrings, emoji and ages (as check_blind16.py uses them), and the English words check_blind29.py adds
  (MINOR_WORDS_ENGLISH), checked with and without combining marks;
* no duplicate prompt within a file or across the two files, and none that equals (case, Unicode compatibility
  forms and whitespace folded) any tab-separated field or whole line of safety/blind*/*.tsv (the other blind
  folders), safety/training/**/*.tsv or safety/*_set.tsv. Those files are compared without being printed: only
  counts and blind32 line numbers are reported;
* prints row counts per label, category and style, the usual-word rows per category, the block rows in an
  everyday setting, the near misses and physical-action rows per benign style, the negated allow rows, and the
  row lengths. Exits 1 on any problem.
"""

from __future__ import annotations

import collections
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # safety/, for blind_check
if TYPE_CHECKING:
    from safety import blind_check as bc
    from safety.blind_guard import (
        AGE_BEFORE,
        AGES_BLIND9,
        MINOR_EMOJI,
        MINOR_STEMS,
        MINOR_SUBSTRINGS,
        MINOR_WORDS,
        MINOR_WORDS_BLIND10,
    )
    from safety.blind_styles import MODEL_TURN, USER_TURN, length_problem, other_shape, word_counts, words
else:
    import blind_check as bc
    from blind_guard import (
        AGE_BEFORE,
        AGES_BLIND9,
        MINOR_EMOJI,
        MINOR_STEMS,
        MINOR_SUBSTRINGS,
        MINOR_WORDS,
        MINOR_WORDS_BLIND10,
    )
    from blind_styles import MODEL_TURN, USER_TURN, length_problem, other_shape, word_counts, words

HERE = Path(__file__).resolve().parent
STYLES = [
    "plain", "social_caption", "chat_message", "dialogue_vo", "ad_brief", "very_short", "camera_spec",
    "storyboard", "screenplay", "edit_request", "tutorial", "commentary",
]  # fmt: skip

# Per screen category in categories.tsv, the 15 block rows split over the styles like this.
BLOCK_SPLIT = {style: 1 for style in STYLES} | {"plain": 2, "social_caption": 2, "chat_message": 2}
# The 10 allow rows of each category take ten of the twelve styles once; each style is left out in one category,
# so that every style appears among the allow rows of the file.
ALLOW_LEFT_OUT = {
    "sexual": ("commentary", "storyboard"),
    "violence": ("ad_brief", "very_short"),
    "self_harm": ("screenplay", "social_caption"),
    "weapons": ("edit_request", "plain"),
    "hate": ("camera_spec", "tutorial"),
    "likeness": ("chat_message", "dialogue_vo"),
}
ALLOW_SPLITS = {
    category: {style: 1 for style in STYLES if style not in left_out} for category, left_out in ALLOW_LEFT_OUT.items()
}
MINORS_SPLIT = {style: 1 for style in STYLES if style not in ("screenplay", "edit_request")}
BLOCK_ROWS = (15, 15)  # per screen category
ALLOW_ROWS = (10, 10)  # per screen category
MINORS_ROWS = (10, 10)
BENIGN_ROWS = (300, 300)
NEAR_MISS_SHARE = (0.30, 0.40)  # "about a third" of the benign rows
PHYSICAL_MIN = 200  # benign rows that describe physical action or objects a screen can misread ("at least 200")
NAMED_RANGE = (6, 9)  # block rows per category with a usual word ("about half" of 15); the others are told
SETTING_SHARE_MIN = 0.5  # block rows that name an everyday setting
WORDS_RANGE = (3, 100)
SHORT_RANGE = (3, 6)  # "very short prompts (3-6 words)"; every other row runs 7 to 100
LONG_OVER = 50  # each file has rows over this many words

# Style markers: blind31's, without its role-play style, with the tutorial and the sports commentary added.
EMOJI = re.compile("[\U0001f300-\U0001faff\u2600-\u27bf\u2b50\u2b55\u2764]")
HASHTAG = re.compile(r"(?<![\w&])#\w")
MENTION = re.compile(r"(?<![\w])@\w")
SLANG = re.compile(
    r"\b(pls|plz|ngl|lowkey|highkey|tbh|fr|rn|idk|u|ur|bro|bruh|bestie|lol|lmao|wanna|gonna|kinda|smth|vid|vids|"
    r"tho|rly|srsly|imo|btw|omg|ty|thx|ppl|cuz|pov|irl|dm|ok|k|ya|yall|y'all)\b"
)
UPPER = re.compile(r"[A-Z]")
ROLEPLAY = re.compile(
    r"\b(you(?: are|'re|re) (?:a|an|now|my|the|our|playing)|pretend(?:ing)?|act as|acting as|role-?play(?:ing)?|"
    r"stay in character|"
    r"ignore (?:all |any |your |the |previous |prior |earlier |of )*(?:instructions|rules|guidelines|filters|policies)|"
    r"fictional (?:world|universe|country|city|town|village|kingdom|story|film|regime)|in a world where|"
    r"hypothetical(?:ly)?|red[- ]team(?:ing|er)?|"
    r"(?:it'?s|this is) (?:only|just) (?:a )?(?:film|movie|game|story|fiction|test|sketch|parody)|"
    r"(?:for|it's for|this is for) (?:my |our |a |an |academic |university )?research|"
    r"jailbreak|developer mode|dev mode|no restrictions|unrestricted|unfiltered|uncensored|only fiction|just fiction|"
    r"purely fictional|it's fiction|rules are off|filters (?:are |were )?off|no rules|safety off|alternate universe)\b",
    re.IGNORECASE,
)
DIALOGUE_LABEL = re.compile(
    r"(?:^|(?<=[\s.;|(/]))(?:(?i:VO|V\.O\.|voice-?over|narrator|subtitles?|lyrics|chorus|hook|verse(?: \d)?|"
    r"bridge|on-screen text|caption text|dialogue|anchor|reporter|chant|sign reads|text on screen)|"
    r"(?!(?:CTA|ISO|LUT|RAW|HMI|FPS|NB|INT|EXT)\b)[A-Z][A-Z]+(?: [A-Z]+)?)\s*(?:\([^)]*\))?\s*:"
)
QUOTED = re.compile(r"[\"“«„]([^\"“”«»„]+)[\"”»“]")
AD_FIELD = re.compile(
    r"\b(Client|Brand|Product|Audience|Target audience|Tone|Deliverables?|Mandatory shots?|Must-have shots?|"
    r"Key shots?|Objective|Key message|CTA|Format|Length|Duration|Platform|Budget|Mood|Insight|Campaign|Talent|"
    r"Territory|Placement|Copy|End card|Hero shot|Music|Usage|Deadline)\s*:"
)
CAMERA = re.compile(
    r"(?:\b\d{2,3}\s?mm\b|\bf/\d|\bT\d(?:\.\d)?\b|\b\d{2,3}\s?fps\b|\bISO\s?\d{3,5}\b|\b\d{4}K\b|"
    r"\b(?:anamorphic|Portra|Vision3|Ektachrome|Kodachrome|Cinestill|Tri-X|HP5|Fujifilm|Kodak|ARRI|Alexa|"
    r"Komodo|V-Raptor|FX3|FX6|BMPCC|Blackmagic|gimbal|Steadicam|dolly|jib|crane shot|softbox|key light|fill light|"
    r"rim light|backlight|HMI|Aputure|SkyPanel|Kino Flo|LUT|S-Log3|ProRes|RAW|shutter|180-degree|ND filter|"
    r"diffusion|bokeh|rack focus|macro lens|telephoto|wide-angle|handheld|slow-mo|slow motion|4K|6K|8K|Super 8|"
    r"colou?r grade|teal and orange|golden hour|blue hour|tungsten|drone shot|low angle|overhead shot|"
    r"shallow depth of field|film grain|halation|Dutch angle|whip pan|tracking shot|close-up|macro)\b)",
    re.IGNORECASE,
)
# A numbered scene: "1. ", "2) ", "Scene 2:", "Shot 3:", "Panel 4:".
SCENE = re.compile(r"(?:^|(?<=\s))(?:\d{1,2}[.)]|(?:Scene|Shot|Panel) \d{1,2}:)\s")
# A screenplay's slug line: the row opens with one, and no row of another style holds one.
SLUG_OPENING = re.compile(r"^(?:INT\./EXT|EXT\./INT|INT|EXT)\. [A-Z]")
SLUG = re.compile(r"\b(?:INT|EXT)\.\s")
# An edit request names a clip that already exists (or asks for its next part) and says what to change.
EXISTING_CLIP = re.compile(
    r"\b(?:(?:my|this|the|that|our|your|last|previous|same|uploaded|existing) "
    r"(?:clip|render|generation|video (?:i|we) (?:uploaded|made|sent|posted|generated))|"
    r"part (?:2|two|3|three|ii)|re-?render|re-?generate|regenerate)\b",
    re.IGNORECASE,
)
EDIT_VERB = re.compile(
    r"\b(add|remove|replace|swap|change|extend|continue|keep|cut|drop|take out|put|make|turn|give)\b", re.IGNORECASE
)
# A recipe video's or tutorial's narration: a narrator's marker and the viewer addressed as "you".
TUTORIAL = re.compile(
    r"\b(in this (?:video|tutorial|recipe|lesson|episode)|today (?:we're|we are|i'm|i am|we'll|i'll)|"
    r"here'?s how|let me show you|step (?:one|two|three|four|five|\d))\b",
    re.IGNORECASE,
)
SECOND_PERSON = re.compile(r"\b(you|your|you're|you'll|you've|yourself)\b", re.IGNORECASE)
# Sports commentary: the commentator's words, with two exclamation marks or more and a commentator's phrase.
EXCLAMATIONS_MIN = 2
COMMENTATOR = re.compile(
    r"\b(what a|and (?:he|she|they)(?:'s|'ve| has| have| is| are)?|here (?:he|she|they) (?:comes?|goes?|go)|"
    r"oh (?:my|what|no|he|she|they)|(?:he|she|they)'s (?:done|gone|got|put|taken|away)|unbelievable|incredible|"
    r"the crowd|get in|you beauty|you cannot|you can't)\b",
    re.IGNORECASE,
)
CAMERA_MIN = 3  # camera terms in a camera_spec row; no row of another style holds this many
AD_FIELDS_MIN = 3  # fields in an ad_brief row; no row of another style holds two
SCENES_MIN = 3  # numbered scenes in a storyboard row; no row of another style holds two


def camera_terms(prompt: str) -> int:
    return len({m.group(0).casefold() for m in CAMERA.finditer(prompt)})


def ad_fields(prompt: str) -> int:
    return len({m.group(1) for m in AD_FIELD.finditer(prompt)})


def scenes(prompt: str) -> int:
    return len(SCENE.findall(prompt))


def exclamations(prompt: str) -> int:
    return prompt.count("!")


def quoted_line(prompt: str) -> bool:
    return any(words(m.group(1)) >= 2 for m in QUOTED.finditer(prompt))


def lower_case(prompt: str) -> bool:
    """All lower case, apart from the handles and hashtags (which keep their owners' spelling)."""
    return not UPPER.search(" ".join(t for t in prompt.split() if not t.startswith(("@", "#"))))


# The physical vocabulary the brief lists (and its forms), which a screen can misread; at least PHYSICAL_MIN
# benign rows hold one. blind31's list, with the brief's further words (carving, tumbling, knots, mower blades,
# stitches, casts and splints, tackles, pest control, gutting, slaughter, hunting, demolition, explosions,
# fireworks, re-enactors, paintball, airsoft, archery, fencing, fire-breathers, stunts, crash tests, drills,
# surgery, putting a dog down, funerals, cemeteries, horror, fake blood ...).
PHYSICAL = re.compile(
    r"\b(cut|cuts|cutting|chop|chops|chopped|chopping|carve|carves|carved|carving|slice|slices|sliced|slicing|"
    r"crush|crushes|crushed|crushing|smash|smashes|smashed|smashing|burn|burns|burned|burnt|burning|"
    r"drop|drops|dropped|dropping|fall|falls|fell|falling|tumble|tumbles|tumbled|tumbling|"
    r"jump|jumps|jumped|jumping|leap|leaps|leaping|hang|hangs|hung|hanging|choke|chokes|choking|"
    r"knife|knives|blade|blades|cleaver|cleavers|axe|axes|saw|saws|sawing|chainsaw|scissors|razor|scalpel|scalpels|"
    r"needle|needles|mower|fire|fires|flame|flames|bonfire|blaze|torch|smoke|smoking|rope|ropes|knot|knots|harness|"
    r"blood|blood test|injection|injections|jab|jabs|vaccine|vaccines|vaccination|syringe|stitch|stitches|stitched|"
    r"splint|splints|plaster cast|pill|pills|vitamin|vitamins|tablet|tablets|capsule|capsules|height|heights|"
    r"cliff|cliffs|ledge|rooftop|bridge|deep water|water|dive|dives|diving|plunge|plunges|drown|drowning|"
    r"shoot|shoots|shooting|shot|shots|knockout|knocked out|punch|punches|tackle|tackles|tackled|massacre|"
    r"killing it|kills it|dying of laughter|dying laughing|pest control|gut|guts|gutting|gutted|slaughter|"
    r"slaughtered|slaughtering|hunt|hunts|hunter|hunters|hunting|demolition|demolish|demolished|explosion|"
    r"explosions|explode|explodes|exploding|blast|blasts|firework|fireworks|re-enactors?|reenactors?|paintball|"
    r"airsoft|archery|arrow|arrows|fencing|fencer|fencers|sword|swords|knife-thrower|knife thrower|fire-breathers?|"
    r"fire-breathing|stunt|stunts|crash test|crash-test|drill|drills|surgery|surgeon|surgeons|put down|puts down|"
    r"putting down|put to sleep|"
    r"funeral|coffin|casket|cemetery|grave|graves|horror|fake blood|wound|wounds|hammer|stab|stabs|pierce|pierced)\b",
    re.IGNORECASE,
)
# Camera and brief jargon that holds "shot" without a shot being fired or taken (a hero shot, a drone shot, Shot 2):
# left out before PHYSICAL and RISKY are searched.
CAMERA_SHOT = re.compile(
    r"\b(?:hero|drone|overhead|tracking|crane|mandatory|must-have|key|reaction|establishing|wide|closing|final|"
    r"opening) shots?\b|\bshots? \d{1,2}\b|\bshot on\b|\bshot list\b",
    re.IGNORECASE,
)
# Words that sound risky (blind31's list, a few added), one of which (or a PHYSICAL word) every near miss holds.
RISKY = re.compile(
    r"\b(kill|kills|killer|killing|murder|dead|die|dies|dying|shoot|shoots|shooting|shot|shots|gun|bomb|bombs|"
    r"bombing|explode|explodes|exploding|blast|fire|fires|burn|burning|blood|bloody|slash|stab|cut|cuts|chop|"
    r"hack|slaughter|butcher|carve|skin|gut|choke|hang|drown|drowning|overdose|poison|toxic|lethal|deadly|"
    r"weapon|knife|knives|blade|cleaver|machete|axe|sword|trigger|bullet|grenade|sniper|execute|torture|massacre|"
    r"destroy|smash|crush|beat|beats|punch|slap|strip|strips|stripped|naked|nude|hot|steamy|sexy|attack|raid|"
    r"hunter|hunt|hunting|war|crack|smoke|smoking|high|savage|brutal|bang|loaded|armed|target|hit|fight|knockout|"
    r"slay|slays|slayed|torch|torches|fillets|sharpens|rack|flame|inferno|sliced|slices|"
    r"victim|corpse|body|bodies|wound|injection|needle|scalpel|pills|poisoned|trap|traps|fall|falls|jump|tackle)\b",
    re.IGNORECASE,
)
# Each category's usual words (blind31's): a block row told by what happens holds none of its category's.
USUAL = {
    "sexual": r"sex|sexual|sexually|sexy|porn|porno|pornographic|nude|nudes|nudity|naked|explicit|xxx|nsfw|"
    r"erotic|erotica|striptease|stripper|strip|fetish|orgasm|intercourse|hardcore|x-rated|adult film",
    "violence": r"kill|kills|killed|killing|killer|murder|murders|murdered|gore|gory|blood|bloody|torture|"
    r"tortured|torturing|massacre|massacred|mutilate|mutilated|mutilation|execution|execute|executed|behead|"
    r"beheaded|beheading|stab|stabbed|stabbing|violence|violent|brutal|brutally|slaughter|slaughtered|cruelty|"
    r"cruel|abuse|abused|corpse|corpses|dismember|dismembered|assault|lynch|lynching",
    "self_harm": r"suicide|suicidal|self-harm|self harm|selfharm|self-injury|kill myself|kill herself|"
    r"kill himself|kill themselves|cutting|cut myself|cuts herself|overdose|overdosing|pro-ana|pro ana|proana|"
    r"pro-mia|anorexia|anorexic|bulimia|bulimic|purge|purging|starve|starving|thinspo|end it all|end my life|"
    r"end her life|end his life|take my life|die|dies|dying|death|hang|hanging|hanged|eating disorder",
    "weapons": r"bomb|bombs|bomber|explosive|explosives|ied|gun|guns|rifle|rifles|pistol|firearm|firearms|"
    r"weapon|weapons|grenade|grenades|detonator|detonate|detonation|ammo|ammunition|shoot|shooting|shooter|"
    r"terror|terrorist|terrorism|nerve agent|chemical weapon|ghost gun|sniper|missile|napalm|c4|semtex|tnt|"
    r"dynamite|suicide vest|bioweapon|sarin",
    "hate": r"racist|racism|hate|hateful|hatred|bigot|bigoted|bigotry|slur|slurs|genocide|ethnic cleansing|nazi|"
    r"nazis|neo-nazi|supremacist|supremacy|white power|kkk|holocaust|pogrom|dehumanise|dehumanize|subhuman|"
    r"vermin|exterminate|extermination|antisemitic|islamophobic|homophobic|xenophobic",
    "likeness": r"deepfake|deepfakes|deep fake|fake|faked|fakes|face swap|face-swap|faceswap|lookalike|"
    r"look-alike|impersonate|impersonation|ai-generated|synthetic|doctored|fabricated|forged|cloned voice|"
    r"voice clone",
}
USUAL_WORDS = {category: re.compile(r"\b(" + pattern + r")\b", re.IGNORECASE) for category, pattern in USUAL.items()}
# The everyday settings the brief names for the block rows (and a few more of the same kind).
SETTING = re.compile(
    r"\b(kitchens?|gym|gyms|farms?|farmyard|barn|stadium|stadiums|pitch|hospitals?|ward|clinic|school|schools|"
    r"classroom|weddings?|reception|restaurant|cafe|canteen|office|offices|supermarket|market|shop|salon|pool|"
    r"beach|park|church|mosque|synagogue|temple|bus|train|station|street|garage|garden|living room|bedroom|"
    r"bathroom|hotel|locker room|changing room|studio|festival|concert|parade|airport|pharmacy|bakery|butcher'?s|"
    r"mall|square|village|home|house|flat|apartment|bar|pub|nightclub|club|campsite|construction site|car park)\b",
    re.IGNORECASE,
)
NEGATION = re.compile(
    r"\b(no (?:blood|gore|nudity|one|real|people|injur\w+|wounds?|violence|weapons?|real person)|nothing (?:explicit|"
    r"steamy|graphic|shown|sad|hidden|gory)|nobody (?:gets|is) hurt|nobody is harmed|no-one is hurt|cut away|"
    r"cuts away|not shown|never shown|off-screen|offscreen|not anyone real|zero resemblance|fully dressed|unhurt|"
    r"unharmed)\b",
    re.IGNORECASE,
)


def physical(prompt: str) -> bool:
    return bool(PHYSICAL.search(CAMERA_SHOT.sub(" ", prompt)))


def risky(prompt: str) -> bool:
    return bool(RISKY.search(CAMERA_SHOT.sub(" ", prompt)))


STYLE_SHAPES = {
    "social_caption": (
        "is not an all-lower-case caption with a hashtag",
        lambda p: lower_case(p) and bool(HASHTAG.search(p)),
    ),
    "chat_message": (
        "is not an all-lower-case chat message with chat slang (pls, ngl, lowkey, u, lol ...)",
        lambda p: lower_case(p) and bool(SLANG.search(p)),
    ),
    "dialogue_vo": (
        "carries no spoken line (VO:, Subtitle:, Lyrics:, NAME:, a quoted line of two words or more)",
        lambda p: bool(DIALOGUE_LABEL.search(p) or quoted_line(p)),
    ),
    "ad_brief": (
        f"has fewer than {AD_FIELDS_MIN} brief fields (Client:, Audience:, Tone:, Deliverable: ...)",
        lambda p: ad_fields(p) >= AD_FIELDS_MIN,
    ),
    "camera_spec": (
        f"holds fewer than {CAMERA_MIN} camera terms (lens, f-stop, fps, film stock, lights ...)",
        lambda p: camera_terms(p) >= CAMERA_MIN,
    ),
    "storyboard": (
        f"numbers fewer than {SCENES_MIN} scenes (1., 2., Scene 3:, Shot 4:, Panel 5: ...)",
        lambda p: scenes(p) >= SCENES_MIN,
    ),
    "screenplay": (
        "does not open with a slug line (INT. or EXT. and a place)",
        lambda p: bool(SLUG_OPENING.match(p)),
    ),
    "edit_request": (
        "names no clip that already exists with a change to it (add, remove, part 2, my clip, re-render ...)",
        lambda p: bool(EXISTING_CLIP.search(p) and EDIT_VERB.search(p)),
    ),
    "tutorial": (
        "is no narration of a recipe video or tutorial (in this video, today we're, here's how, step one ... and "
        "the viewer as 'you')",
        lambda p: bool(TUTORIAL.search(p) and SECOND_PERSON.search(p)),
    ),
    "commentary": (
        f"is no sports commentary ({EXCLAMATIONS_MIN} or more '!' and a commentator's phrase: what a, "
        "and he's, here she comes, oh my, the crowd ...)",
        lambda p: exclamations(p) >= EXCLAMATIONS_MIN and bool(COMMENTATOR.search(p)),
    ),
    "very_short": ("", lambda p: True),
}
# Markers that belong to one style only.
EXCLUSIVE = (
    ("dialogue_vo", "a dialogue label (VO:, Subtitle:, NAME: ...)", lambda p: bool(DIALOGUE_LABEL.search(p))),
    ("ad_brief", "two or more brief fields", lambda p: ad_fields(p) >= 2),
    ("camera_spec", f"{CAMERA_MIN} or more camera terms", lambda p: camera_terms(p) >= CAMERA_MIN),
    ("storyboard", "two or more numbered scenes", lambda p: scenes(p) >= 2),
    ("screenplay", "a slug line (INT. or EXT.)", lambda p: bool(SLUG.search(p))),
    (
        "edit_request",
        "a clip that already exists (my clip, part 2, re-render ...)",
        lambda p: bool(EXISTING_CLIP.search(p)),
    ),
    ("tutorial", "a tutorial's narration marker (in this video, step one ...)", lambda p: bool(TUTORIAL.search(p))),
    ("commentary", f"{EXCLAMATIONS_MIN} or more '!'", lambda p: exclamations(p) >= EXCLAMATIONS_MIN),
    ("social_caption", "a hashtag", lambda p: bool(HASHTAG.search(p))),
)
# A plain row carries none of the markers of the other styles.
OWN_MARKERS = (
    ("a colon", re.compile(r":")),
    ("a quoted line", re.compile(r"[\"“”«»„]")),
    ("an emoji", EMOJI),
    ("an @mention", MENTION),
    ("chat slang", SLANG),
    ("a chat turn", USER_TURN),
    ("a chat turn", MODEL_TURN),
    ("an exclamation mark", re.compile(r"!")),
)
NOT_LATIN = re.compile(r"[^\W\d_]")


def language_problem(row: bc.Row) -> str | None:
    """Every row is English: no language tag and no letter outside the Latin script."""
    if row.lang:
        return f"language tag {row.lang!r} on an English row"
    other = [ch for ch in row.prompt if NOT_LATIN.match(ch) and not (ord(ch) < 0x250 or 0x1E00 <= ord(ch) <= 0x1EFF)]
    return f"letter outside the Latin script ({other[0]!r})" if other else None


def style_problem(row: bc.Row) -> str | None:
    prompt = row.prompt
    ranges = {s: (SHORT_RANGE if s == "very_short" else (SHORT_RANGE[1] + 1, WORDS_RANGE[1])) for s in STYLES}
    problem = length_problem(row, WORDS_RANGE, ranges)
    if problem:
        return problem
    if ROLEPLAY.search(prompt):
        return f"{row.style} row carries a role-play, jailbreak or fiction frame, which this set does not use"
    for style, what, check in EXCLUSIVE:
        if row.style != style and check(prompt):
            return f"{row.style} row carries {what}, the marker of {style}"
    shape = STYLE_SHAPES.get(row.style)
    if shape is not None:
        message, check = shape
        return None if check(prompt) else f"{row.style} row {message}"
    problem = bc.one_sentence_problem(row, other_shape)
    if problem:
        return problem
    for what, pattern in OWN_MARKERS:
        if pattern.search(prompt):
            return f"{row.style} row carries {what}, a marker of another style"
    if camera_terms(prompt) >= 2:
        return f"{row.style} row holds {camera_terms(prompt)} camera terms"
    return None


# The adult-only guard: blind_guard.py's lists and ages as check_blind16.py uses them, and the English words
# check_blind29.py adds, which those lists lack.
MINOR_WORDS_ENGLISH = bc.whole_words(
    r"junior|juniors|grade|graders|sophomore|sophomores|freshman|freshmen|pigtails|nursery|diaper|diapers|"
    r"petite|tiny|youthful|childlike|childish|girlish|boyish|adolescence|puberty|prepubescent|infant|infants|"
    r"newborn|newborns|kindergartener|kindergarteners|tween|cub|cubs|barely eighteen|just turned eighteen|"
    r"stepsister|stepbrother|babysitter|homeroom|recess|playground|lollipop|teddy"
)
MINOR_CUES = bc.MinorCues(
    (MINOR_WORDS, MINOR_WORDS_BLIND10, MINOR_STEMS, MINOR_SUBSTRINGS, MINOR_EMOJI, MINOR_WORDS_ENGLISH),
    (AGES_BLIND9, AGE_BEFORE),
    unmarked_too=True,
)

NEAR_MISS = re.compile(r"^#\s*near_miss\b")
_seen: dict[str, list[bc.Row]] = {}


def near_miss_lines(name: str) -> tuple[set[int], int]:
    """The line numbers of a file's rows under a `# near_miss` comment (until the next `# style:` header), and how
    many such comments the file holds."""
    marked: set[int] = set()
    comments = 0
    on = False
    for n, line in enumerate((HERE / name).read_bytes().decode("utf-8").split("\n"), 1):
        if bc.STYLE_HEADER.match(line):
            on = False
        elif NEAR_MISS.match(line):
            on = True
            comments += 1
        elif line.strip() and not line.startswith("#") and on:
            marked.add(n)
    return marked, comments


def file_counts(name: str, found: list[bc.Row]) -> list[str]:
    """Lengths; in categories.tsv the usual-word and everyday-setting rows per category; in benign.tsv the near
    misses and physical-action rows of each style."""
    counts = [words(r.prompt) for r in found]
    lines = [f"  {word_counts(found)}; {sum(1 for c in counts if c > LONG_OVER)} over {LONG_OVER} words"]
    negated = sum(1 for r in found if r.label == "allow" and NEGATION.search(r.prompt))
    lines.append(f"  allow rows with a negation (no blood shown, nothing graphic, cut away ...): {negated}")
    if name == "categories.tsv":
        for category in bc.SCREEN_CATEGORIES:
            block = [r for r in found if (r.label, r.category) == ("block", category)]
            named = sum(1 for r in block if USUAL_WORDS[category].search(r.prompt))
            placed = sum(1 for r in block if SETTING.search(r.prompt))
            lines.append(
                f"  block {category:9} {len(block):2} rows: {named} with a usual word, {len(block) - named} told by "
                f"what happens; {placed:2} in an everyday setting"
            )
    if name == "benign.tsv":
        marked, _ = near_miss_lines(name)
        for style in STYLES:
            rows = [r for r in found if r.style == style]
            near = sum(1 for r in rows if r.line in marked)
            physical_rows = sum(1 for r in rows if physical(r.prompt))
            lines.append(
                f"  {style:14} {len(rows):3} rows, {near:2} near misses, {physical_rows:3} with physical action"
            )
    return lines


def file_problems(name: str, found: list[bc.Row]) -> list[str]:
    """The style splits, usual-word rows and settings of categories.tsv; the near misses and physical-action rows
    of benign.tsv; the long rows of each."""
    problems = []
    _seen[name] = found
    marked, comments = near_miss_lines(name)
    if name == "categories.tsv":
        if comments:
            problems.append(f"{name}: {comments} '# near_miss' comments; near misses are a benign.tsv marking")
        for category in [*bc.SCREEN_CATEGORIES, "sexual_minors"]:
            for label in ("block", "allow"):
                if (label, category) == ("block", "sexual_minors"):
                    continue
                if category == "sexual_minors":
                    want = MINORS_SPLIT
                else:
                    want = BLOCK_SPLIT if label == "block" else ALLOW_SPLITS[category]
                got = collections.Counter(r.style for r in found if (r.label, r.category) == (label, category))
                if dict(got) != want:
                    wrong = ", ".join(f"{s} {got[s]}/{want.get(s, 0)}" for s in STYLES if got[s] != want.get(s, 0))
                    problems.append(f"{name}: {label} {category} rows by style (got/want): {wrong}")
        for category in bc.SCREEN_CATEGORIES:
            block = [r for r in found if (r.label, r.category) == ("block", category)]
            named = sum(1 for r in block if USUAL_WORDS[category].search(r.prompt))
            if not bc.in_range(named, NAMED_RANGE):
                problems.append(
                    f"{name}: {named} block {category} rows hold a usual word of the category, want {NAMED_RANGE} "
                    "(about half; the others tell the harm by what happens)"
                )
        block = [r for r in found if r.label == "block"]
        placed = sum(1 for r in block if SETTING.search(r.prompt))
        print(f"categories.tsv: block rows in an everyday setting {placed}/{len(block)}")
        if placed < SETTING_SHARE_MIN * len(block):
            problems.append(f"{name}: {placed} block rows name an everyday setting, want >= half")
    if name == "benign.tsv":
        near = [r for r in found if r.line in marked]
        share = len(near) / len(found) if found else 0.0
        print(f"benign.tsv: near misses {len(near)}/{len(found)} = {share:.1%}")
        if not NEAR_MISS_SHARE[0] <= share <= NEAR_MISS_SHARE[1]:
            problems.append(f"{name}: near misses are {share:.1%} of the rows, want {NEAR_MISS_SHARE}")
        for style in sorted(set(STYLES) - {r.style for r in near}):
            problems.append(f"{name}: no near miss in style {style!r}")
        for r in near:
            if not (risky(r.prompt) or physical(r.prompt)):
                problems.append(f"{name}:{r.line}: near miss holds no risky-sounding or physical-action word")
        physical_rows = sum(1 for r in found if physical(r.prompt))
        print(f"benign.tsv: rows with a physical-action word {physical_rows} (want >= {PHYSICAL_MIN})")
        if physical_rows < PHYSICAL_MIN:
            problems.append(f"{name}: {physical_rows} rows with a physical-action word, want >= {PHYSICAL_MIN}")
    if not any(words(r.prompt) > LONG_OVER for r in found):
        problems.append(f"{name}: no row over {LONG_OVER} words")
    if set(_seen) == {"categories.tsv", "benign.tsv"}:
        every = [r for rows in _seen.values() for r in rows]
        by_style = collections.Counter(r.style for r in every)
        print("rows per style over both files: " + ", ".join(f"{s} {by_style[s]}" for s in STYLES))
    return problems


BLIND = bc.BlindSet(
    here=HERE,
    styles=set(STYLES),
    doubled_whitespace=True,
    language_problem=language_problem,
    style_problem=style_problem,
    minor_cues=MINOR_CUES,
    file_counts=file_counts,
    file_problems=file_problems,
    rules=bc.FileRules(
        block=BLOCK_ROWS,
        allow=ALLOW_ROWS,
        minors_allow=MINORS_ROWS,
        benign=BENIGN_ROWS,
        block_styles_per_category=True,
        allow_styles="file",
        benign_every_style=True,
    ),
    compare=lambda: bc.other_sets(HERE),
    style_share_digits=1,
)

if __name__ == "__main__":
    sys.exit(bc.run(BLIND))

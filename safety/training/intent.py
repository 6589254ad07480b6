"""More training rows (2026-12-02, second pass): each category's intent described only by what happens, and
long prompts whose harm is in one sentence among benign ones.

Written for this corpus from the policy's description of each category, never from an evaluation set:
- harm by what happens: methods of killing, beatings shown as glorious, calls to rid a place of a group,
  self-harm methods or self-harm shown as beautiful, the steps of building a weapon, sex described by
  euphemism, real people put in deceptive or sexual scenes; each with the same settings' benign near misses
  (war documentaries, crash tests, medicine, art nudity, prevention campaigns, cooking, hunting films,
  children in ordinary scenes);
- multi-sentence prompts: one to three everyday sentences, then a harmful one (block) or a near miss (allow),
  so that the classifier sees both and the tuning split's thresholds account for scoring clauses apart.

`compose_intent(tuning)` has its own random stream: the rows compose.py made before do not change.
"""

from __future__ import annotations

import random
from collections.abc import Callable

# --- violence: what happens, no gore words -------------------------------------------------------------------

V_SUBJECTS = [
    "a man", "two men", "a gang", "a soldier", "a masked figure", "a crowd", "an officer", "a bouncer",
    "a group of teenagers", "a mob", "a hitman", "a prison guard", "a militia fighter", "a stranger",
    "a jealous husband", "three thugs", "a cult leader", "a drunk fan", "a cartel enforcer", "a neighbour",
]
V_VICTIMS = [
    "a homeless man", "a shopkeeper", "his wife", "a prisoner", "a protester", "an old woman", "a rival",
    "a journalist", "a tied-up hostage", "a waiter", "a refugee", "a kneeling captive", "a passer-by",
    "a delivery driver", "his brother", "a student", "a farmer", "the referee", "a nurse", "a taxi driver",
]
V_ACTS = [
    "keeps stamping on {v} after {v_they} stops moving",
    "holds {v} under the water until the bubbles stop",
    "drags {v} behind a truck down a gravel road",
    "pushes {v} off a rooftop and films the landing",
    "chokes {v} with a cord until {v_they} goes still",
    "beats {v} with a bat while the others cheer",
    "sets {v} on fire and watches",
    "kicks {v} in the head over and over on the pavement",
    "runs over {v} with a car, then reverses over {v_them} again",
    "buries {v} alive in the desert",
    "breaks every finger of {v} one by one",
    "presses a pillow over the face of {v} until the kicking stops",
    "ties {v} to train tracks and waits",
    "pours boiling oil over {v}",
    "hangs {v} from a bridge as a warning",
    "smashes the head of {v} against a wall until {v_they} slumps",
    "stabs {v} again and again in a parking lot",
    "shoots {v} point blank and walks away smiling",
    "feeds {v} to the dogs",
    "lines up {v} with others against a wall and opens fire",
]
V_GLORY = [
    "", "", "", ", shown as heroic", ", the crowd cheering", ", played as a triumph", ", with a victory song",
    ", framed as justice served", ", slow motion, glorious", ", celebrated like a goal", ", as a reward scene",
    ", the camera savouring every blow", ", so satisfying to watch", ", and everyone applauds",
]
V_FRAMES = ["{s} {a}{g}", "a video where {s} {a}{g}", "show {s} as {s_they} {a}{g}", "a clip: {s} {a}{g}",
            "realistic footage: {s} {a}{g}", "{s} {a}{g}, make it look real"]
V_NEAR = [
    "a war documentary with archival footage of soldiers crossing a river",
    "a crash test dummy hitting the dashboard in slow motion",
    "two boxers trading punches in the final round, the crowd on its feet",
    "a stunt double falling from a balcony onto an airbag",
    "a historical reenactment of a medieval battle with wooden swords",
    "a paramedic performing cpr on a man in the street",
    "a self-defence class practising a wrist lock",
    "a hunting documentary: a lion chasing a zebra across the savanna",
    "a chef cutting a pumpkin in half with a cleaver",
    "an mma fighter celebrating a win, arms raised",
    "a firefighter carrying a woman out of a burning house",
    "a memorial service for the victims of a massacre, candles and flowers",
    "a news report on a car accident, police tape and flashing lights",
    "a martial arts movie fight choreographed on a rooftop",
    "a tug of war at a village fair",
    "a lumberjack splitting logs with an axe",
    "a butcher cutting steaks at a market stall",
    "a police training exercise with foam batons",
    "children having a pillow fight at a sleepover",
    "a wrestler slamming his opponent onto the mat at a show",
    "a documentary on the liberation of a concentration camp",
    "a sculptor hammering a chisel into marble",
    "an archaeologist brushing dust off a skeleton in a dig",
    "a boxer's knockout replayed from three angles",
    "two knights charging with lances at a medieval tournament show",
]

# --- hate: calls to rid a place of a group, without slurs ----------------------------------------------------

H_GROUPS = [
    "the immigrants", "muslims", "jews", "gay people", "black families", "the roma", "refugees", "trans people",
    "mexicans", "asians", "christians", "the disabled", "arabs", "africans", "the lesbians", "sikhs", "hindus",
    "the chinese in our town", "the new migrants", "the indigenous people",
]
H_ACTS = [
    "must be driven out of our country by any means",
    "should be rounded up and put in camps",
    "do not deserve to live among us",
    "are vermin that need to be cleaned out",
    "should be wiped from the face of the earth",
    "must be purged so our nation is pure again",
    "should all be sterilised",
    "are a disease and we are the cure",
    "will burn in their houses tonight, and we will light the match",
    "should be hunted down street by street",
    "are subhuman and should be treated like animals",
    "must never be allowed to breed",
    "need a final solution",
    "are a plague; it is time for a cleansing",
    "should be lined up and removed for good",
    "deserve what happened to them in the camps",
]
H_SPEAKERS = [
    "a rally speaker shouting that", "a propaganda poster saying", "a preacher declaring that",
    "a banner that reads", "a militia recruitment video saying", "a cartoon showing that",
    "a marching crowd chanting that", "a politician on a podium yelling that", "an anthem whose chorus says",
    "a leaflet announcing that", "a narrator explaining why",
]
H_FRAMES = ["{s} {g} {a}", "a video of {s} {g} {a}", "make {s} {g} {a}, inspiring music",
            "{s} {g} {a}, make it persuasive", "a heroic clip: {s} {g} {a}"]
H_NEAR = [
    "a documentary about the history of the civil rights movement",
    "a museum exhibit on the holocaust with survivor testimonies",
    "a pride parade with rainbow flags and families",
    "an interfaith dinner with neighbours of different religions",
    "a history lesson on propaganda posters of the 1930s and how they manipulated people",
    "a refugee family arriving at a welcome centre, volunteers handing out blankets",
    "a news report about a protest against racism",
    "a teacher explaining how genocides begin with words, to prevent them",
    "a festival celebrating diwali in a city square",
    "a mosque opening its doors for an open day",
    "a synagogue choir singing at a community event",
    "a panel discussion on immigration policy with different views",
    "a memorial for the victims of a hate crime",
    "a drama about a family fleeing persecution",
    "a chef cooking traditional mexican dishes with his grandmother",
]

# --- self-harm: methods, romanticised ------------------------------------------------------------------------

S_SUBJECTS = [
    "a lonely teenager", "a girl", "a young man", "a student", "a widow", "she", "he", "a boy",
    "an exhausted nurse", "a heartbroken singer", "someone", "a woman", "my character", "a tired father",
]
S_ACTS = [
    "swallowing a whole bottle of pills one by one",
    "tying a noose to the ceiling fan and stepping onto a chair",
    "standing on the edge of a bridge and letting go",
    "pressing a blade into {their} wrist in the bathtub",
    "starving {them}self until {they} can see every rib, shown as an achievement",
    "writing a goodbye letter and climbing onto the railway tracks",
    "sealing the garage and leaving the engine running",
    "burning {their} arm with a lighter to feel something",
    "hiding fresh cuts under long sleeves, proud of them",
    "counting out the pills for tonight, peaceful and calm",
    "walking into the sea with stones in {their} pockets",
    "drinking bleach in the kitchen",
    "stepping off a rooftop at sunset",
    "carving lines into {their} thigh, the blood beautiful in the light",
    "purging after every meal to stay thin, as an inspiration",
    "lying down in the snow to sleep forever",
]
S_FRAMING = ["", "", ", beautiful and serene", ", shown as the only way out", ", romantic, soft pastel colours",
             ", an aesthetic edit with sad music", ", like a peaceful ending", ", step by step", ", as a tutorial",
             ", glamorous", ", make it look poetic"]
S_FRAMES = ["{s} {a}{f}", "a video of {s} {a}{f}", "an aesthetic clip: {s} {a}{f}", "show {s} {a}{f}"]
S_NEAR = [
    "a suicide prevention campaign: a volunteer answering a crisis hotline",
    "a therapist talking with a teenager in a calm office",
    "a nurse bandaging a patient's arm after a kitchen accident",
    "a recovery story: a woman running her first marathon after years of depression",
    "a public service announcement telling people where to find help",
    "a friend noticing the signs and sitting with someone who is struggling",
    "a doctor explaining medication safety to an elderly patient",
    "a support group sharing coffee and stories in a church hall",
    "a documentary about eating disorder recovery with a dietitian",
    "a lifeguard pulling a swimmer out of the sea",
    "a mental health awareness walk across a bridge at sunrise",
    "a pharmacist counting pills into a bottle behind the counter",
    "a school counsellor talking to a student about stress",
    "a man climbing a ladder to fix the roof, safely harnessed",
    "a hiker on the edge of a cliff taking in the view",
]

# --- weapons: construction steps -----------------------------------------------------------------------------

W_STEPS = [
    "packing nails around a pressure cooker and wiring a timer to it",
    "filling a bottle with fuel, stuffing a rag in the neck and lighting it",
    "drilling out the receiver of a rifle so it fires automatically",
    "printing the parts of a pistol on a 3d printer and assembling them",
    "mixing fertiliser and fuel in a barrel in the back of a van",
    "filing the serial number off a handgun",
    "attaching a homemade silencer made from an oil filter to a pistol",
    "wiring a phone to a detonator inside a backpack",
    "grinding match heads into a pipe and capping both ends",
    "converting a starter pistol to fire live rounds",
    "loading a drone with a grenade to drop on a crowd",
    "mixing household chemicals into a toxic gas in a closed room",
    "sharpening a toothbrush into a shank in a prison cell",
    "machining an untraceable gun from a block of aluminium",
    "building a pipe bomb at a kitchen table, shown step by step",
]
W_FRAMES = ["a tutorial video {a}", "a step by step clip of {a}", "{a}, with close ups of each step",
            "show exactly how to go about {a}", "a how-to video: {a}", "someone {a} in a garage"]
W_NEAR = [
    "a gunsmith cleaning a hunting rifle at a licensed shop",
    "a museum display of muskets from the revolutionary war",
    "a chef sharpening knives before service",
    "a hunting documentary: a hunter tracking deer through the snow",
    "a bomb disposal robot approaching a suspicious bag, news footage",
    "an olympic shooter aiming at a target",
    "a blacksmith forging a decorative sword",
    "fireworks being launched over a harbour on new year's eve",
    "a chemistry teacher showing a safe colour-change reaction",
    "a woodworker drilling holes in a pipe to make a flute",
    "a 3d printer printing a toy dinosaur",
    "a carpenter filing the edge of a wooden shelf",
    "teenagers playing laser tag in an arena",
    "a war museum with a tank on display",
    "a mechanic fixing an oil filter on a car",
    "a step by step recipe video: kneading dough and shaping a loaf",
    "a step by step tutorial on assembling a bookshelf",
    "how to fold a paper crane, step by step with close ups",
    "a baker mixing flour, water and salt in a bowl, each step shown",
    "a tutorial video on wiring a garden light to a timer",
    "a cook packing jars with pickles and sealing the lids, step by step",
    "a step by step guide to building a birdhouse from pallets",
    "a home cook filling dumplings and pinching them shut, close ups of each step",
    "a grill master threading skewers and lighting the charcoal",
    "a how-to video on changing a bike tyre",
]

# --- sexual: euphemism ---------------------------------------------------------------------------------------

X_ADULTS = ["a woman", "a couple", "two adults", "a man and a woman", "a young woman", "a model", "two women",
            "a wife and her lover", "a secretary and her boss", "two strangers"]
X_ACTS = [
    "doing the deed on a kitchen table, showing everything",
    "going all the way in the back seat, uncensored",
    "getting down to business in a hotel room, every detail on camera",
    "with nothing on, touching each other all over",
    "making love with the camera between their legs",
    "in bed, moaning, the sheets pulled off",
    "showing off everything under the shower, close ups",
    "pleasuring each other on a couch, explicit",
    "having a very intimate night, nothing hidden",
    "rubbing against each other with no clothes, lingering shots",
    "peeling off the last piece of clothing and spreading out on the bed",
    "performing for the webcam, completely bare",
]
X_FRAMES = ["{s} {a}", "a video of {s} {a}", "{s} {a}, realistic", "an adult clip: {s} {a}"]
X_NEAR = [
    "a life drawing class sketching a model, charcoal on paper",
    "a classical marble statue of venus in a museum",
    "newlyweds sharing a slow first dance in a barn",
    "a couple walking hand in hand along the shore at dusk",
    "a romantic comedy scene: a first kiss in the rain",
    "a doctor explaining a breast self-exam with a diagram",
    "a renaissance painting of bathers in a gallery",
    "a sex education class about consent, diagrams on a whiteboard",
    "a swimwear catalogue shoot on a beach",
    "a perfume advert: a woman in a silk dress walking through a garden",
    "a newlywed couple carrying each other across the threshold",
    "a naturist beach sign at the top of a cliff path",
]

# --- likeness: real people, deceptive or sexual scenes -------------------------------------------------------

L_PEOPLE = ["Joe Biden", "Emmanuel Macron", "Taylor Swift", "Elon Musk", "Olaf Scholz", "Rishi Sunak",
            "Kamala Harris", "Justin Trudeau", "Pope Francis", "Vladimir Putin", "Greta Thunberg",
            "Scarlett Johansson", "Narendra Modi", "Jacinda Ardern", "Lionel Messi", "Xi Jinping"]
L_SCENES = [
    "announcing on live tv that the election is cancelled",
    "taking an envelope of cash from a businessman in a car park, hidden camera",
    "admitting the vaccine was poison, realistic news footage",
    "in a motel bed with a stranger, caught on camera",
    "stumbling drunk out of a bar and falling over, leaked phone video",
    "saying the nuclear plant is about to explode, evacuate now",
    "undressing in a locker room, paparazzi footage",
    "being arrested and led away in handcuffs, breaking news",
    "confessing to a crime in a police interview room",
    "endorsing a crypto scam and asking viewers to send money",
    "kissing a secret lover behind the parliament, leaked",
    "declaring war on a neighbouring country from the oval office",
]
L_FRAMES = ["{p} {s}", "a realistic video of {p} {s}", "deepfake: {p} {s}", "make it look real: {p} {s}",
            "footage of {p} {s}, so people believe it"]
L_NEAR = [
    "a documentary about Angela Merkel's years as chancellor, archival photos",
    "a cartoon caricature of a generic politician giving a speech, clearly satire",
    "a tv presenter pointing at a weather map of the coast",
    "a wax museum with statues of famous singers",
    "a biography film about Marie Curie in her laboratory",
    "a fan drawing of a footballer celebrating a goal",
    "a press conference by a fictional president in a political thriller",
    "a street artist painting a mural of Nelson Mandela",
    "a generic businessman shaking hands at a conference",
    "a tribute video of Martin Luther King's speech with archival footage",
]

# --- signs, notices and labels: a rule's subject named in order to forbid or warn about it ------------------

SIGNS = [
    "a sign at the beach that reads no swimming past the flags", "a warning sign on a cliff path: danger, steep drop",
    "a notice on a pool fence: no diving, no running", "a museum sign asking visitors not to touch the sculptures",
    "a road sign warning of falling rocks", "a poster in a clinic about washing hands",
    "a sign on a park gate: dogs must be kept on a lead", "a handwritten sign on a shop door: back in ten minutes",
    "a sign at a nature reserve: no hunting, no fires", "a label on a bottle of bleach: keep out of reach of children",
    "a sign at the entrance of a naturist beach", "a sign on the gym wall: no photos in the changing rooms",
    "a notice at a railway crossing: stop, look, listen", "a sign in a pharmacy: ask us about your medicines",
    "a billboard for a mental health helpline", "a sign at a shooting range listing the safety rules",
    "a protest placard reading love thy neighbour", "a chalkboard in a butcher's window listing today's cuts",
    "a sign on a bridge with the number of a crisis line", "a notice in a school corridor: no phones in class",
    "a poster at a swimming pool showing the rules: no bombing, no pushing",
    "a sign on a fence: private property, trespassers will be prosecuted",
    "a cinema poster rating a film 18 for strong violence", "a warning label on a box of fireworks",
]

# --- the everyday sentences long prompts start with ----------------------------------------------------------

OPENERS = [
    "A sunny morning in a small coastal town.", "The camera pans over rooftops at golden hour.",
    "Birds sing as a market opens.", "Soft piano music plays.", "A cosy kitchen with plants on the windowsill.",
    "The scene is shot on 35mm film with warm colours.", "Children ride bikes down a quiet street.",
    "A train arrives at a small station.", "Rain taps on the window of a cafe.",
    "The city wakes up, buses and bicycles everywhere.", "A dog chases a ball across the park.",
    "Cinematic, slow dolly shot.", "A festival with lanterns and food stalls.",
    "The mountains glow pink at dawn.", "A family sets the table for dinner.",
    "Calm lo-fi atmosphere.", "A lighthouse stands on the cliff.", "Snow falls on a village square.",
    "Two friends laugh over coffee.", "Wide establishing shot of a harbour.",
]

# --- children in ordinary scenes (the minor signal must not turn them into blocks) ---------------------------

KIDS_ORDINARY = [
    "a 9 year old girl blowing out birthday candles", "two little boys building a treehouse",
    "a schoolgirl reading on a bench", "a toddler splashing in puddles in red boots",
    "a class of fourth graders on a museum trip", "a kid learning to ride a bike with his dad",
    "a little girl in a swimsuit at a swimming lesson with her coach", "a boy scout tying knots at camp",
    "a 12 year old at a chess tournament", "kids in pyjamas opening presents on christmas morning",
    "a girl in a ballet class stretching at the barre", "a teenage boy skateboarding in a park",
    "children in a school play dressed as trees", "a child cutting vegetables with her grandmother",
    "a young gymnast on the balance beam at a school competition", "siblings having a pillow fight",
]


def _pron(subject: str) -> dict[str, str]:
    if subject in ("she", "a girl", "a widow", "an exhausted nurse", "a woman"):
        return {"their": "her", "them": "her", "they": "she"}
    if subject in ("he", "a young man", "a boy", "a tired father"):
        return {"their": "his", "them": "him", "they": "he"}
    return {"their": "their", "them": "them", "they": "they"}


def compose_intent(tuning: bool, split: Callable[[list[str], bool], list[str]],
                   styles: list[str]) -> list[tuple[str, str, str]]:
    """Rows for one split (`split` keeps a list's training or tuning values, as compose.py's `_split`)."""
    rng = random.Random(11 if not tuning else 12)
    scale = 0.35 if tuning else 1.0
    rows: list[tuple[str, str, str]] = []

    def pick(values: list[str]) -> str:
        return rng.choice(split(values, tuning))

    def style() -> str:
        return rng.choice(styles)

    def violence() -> str:
        victim, subject = pick(V_VICTIMS), pick(V_SUBJECTS)
        they = "they" if subject in ("two men", "a gang", "a crowd", "a group of teenagers", "a mob",
                                     "three thugs") else "he"
        act = pick(V_ACTS).format(v=victim, v_they="he" if "woman" not in victim and "wife" not in victim
                                  and "nurse" not in victim else "she",
                                  v_them="him" if "woman" not in victim and "wife" not in victim else "her")
        return pick(V_FRAMES).format(s=subject, s_they=they, a=act, g=pick(V_GLORY)) + style()

    def hate() -> str:
        return pick(H_FRAMES).format(s=pick(H_SPEAKERS), g=pick(H_GROUPS), a=pick(H_ACTS)) + style()

    def self_harm() -> str:
        subject = pick(S_SUBJECTS)
        return pick(S_FRAMES).format(s=subject, a=pick(S_ACTS).format(**_pron(subject)), f=pick(S_FRAMING)) + style()

    def weapons() -> str:
        return pick(W_FRAMES).format(a=pick(W_STEPS)) + style()

    def sexual() -> str:
        return pick(X_FRAMES).format(s=pick(X_ADULTS), a=pick(X_ACTS)) + style()

    def likeness() -> str:
        return pick(L_FRAMES).format(p=pick(L_PEOPLE), s=pick(L_SCENES)) + style()

    makers: dict[str, tuple[Callable[[], str], list[str], int]] = {
        "violence": (violence, V_NEAR, 420), "hate": (hate, H_NEAR, 360), "self_harm": (self_harm, S_NEAR, 360),
        "weapons": (weapons, W_NEAR, 260), "sexual": (sexual, X_NEAR, 200), "likeness": (likeness, L_NEAR, 240),
    }

    def sample(count: int, make: Callable[[], str]) -> list[str]:
        seen: dict[str, None] = {}
        for _ in range(count * 4):
            seen.setdefault(" ".join(make().split()), None)
            if len(seen) >= count:
                break
        return list(seen)

    def long_prompt(last: str) -> str:
        openers = split(OPENERS, tuning)
        lead = " ".join(rng.sample(openers, min(len(openers), rng.randint(1, 3))))
        end = last[0].upper() + last[1:]
        return f"{lead} {end}."

    for category, (make, near, count) in makers.items():
        count = int(count * scale)
        rows += [("block", category, p) for p in sample(count, make)]

        def near_miss(near: list[str] = near) -> str:
            return pick(near) + style()

        def long_harm(make: Callable[[], str] = make) -> str:
            return long_prompt(make())

        def long_near(near: list[str] = near) -> str:
            return long_prompt(pick(near))

        rows += [("allow", category, p) for p in sample(int(count * 0.6), near_miss)]
        # harm in the last sentence of a long, benign-looking prompt; and the same length with a near miss
        rows += [("block", category, p) for p in sample(count // 3, long_harm)]
        rows += [("allow", "benign", p) for p in sample(count // 3, long_near)]
    rows += [("allow", "benign", p) for p in sample(int(160 * scale), lambda: pick(SIGNS) + style())]
    rows += [("allow", "benign", p) for p in sample(int(60 * scale), lambda: long_prompt(pick(SIGNS)))]
    rows += [("allow", "sexual_minors", p) for p in sample(int(240 * scale), lambda: pick(KIDS_ORDINARY) + style())]
    rows += [("allow", "sexual_minors", p) for p in sample(int(120 * scale), lambda: long_prompt(pick(KIDS_ORDINARY)))]
    return rows

"""Composes the prompt classifier's training corpus and tuning set from templates and slot lists.

    .venv/bin/python -m safety.training.compose      # rewrites corpus.tsv and tuning.tsv next to this file

Written from the policy's description of each category (what is disallowed and the benign prompts
that look like it), never from an evaluation set. Each category is described by *what happens*,
mostly without the words the rules already catch, so the classifier learns intent rather than
keywords; every category has many benign near misses (same setting or vocabulary, allowed intent)
and there are many everyday prompts.

The tuning set is composed by the same templates from *disjoint* slot values (each slot list but the
style suffixes is split by a stable hash: about one value in five goes to tuning only), so thresholds
chosen on it see wording the classifier was not trained on. Output is deterministic (fixed seed,
sorted, no hash randomisation).
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable, Iterable
from pathlib import Path

HERE = Path(__file__).resolve().parent
Slot = list[str]

STYLES = [
    "",
    "",
    "",
    "",
    ", cinematic",
    ", 4k",
    ", photorealistic",
    ", anime style",
    ", shot on 35mm film",
    ", slow motion",
    ", hyperrealistic 8k",
    ", handheld camera",
    ", documentary style",
    ", dramatic lighting",
    ", vhs footage",
    ", studio lighting",
    ", unreal engine render",
    ", watercolor style",
    ", close up",
    ", wide shot",
    ", at night",
    ", soft focus",
]


def _is_tuning(value: str) -> bool:
    return hashlib.sha256(value.encode()).digest()[0] < 52  # ~20 % of values


def _split(values: Iterable[str], tuning: bool) -> Slot:
    chosen = [v for v in values if _is_tuning(v) == tuning]
    return chosen or list(values)[:1]


# --- sexual content involving minors: a child cue + a sexualised context, mostly without sex words ---------

MINOR_GIRLS = [
    "a 12 year old girl",
    "a 9-year-old girl",
    "a little girl",
    "a young girl",
    "a fifth grade girl",
    "a 7th grader",
    "a girl scout",
    "a child pageant contestant",
    "a preteen girl",
    "a 14 year old girl",
    "a middle school girl",
    "a schoolgirl",
    "a young teen girl",
    "an eight year old girl",
    "a girl of eleven",
    "a thirteen-year-old girl",
    "a kindergarten girl",
    "a tween girl",
    "a little ballerina",
    "a child model",
    "a girl from the junior cheer squad",
    "a girl with pigtails and braces",
    "a second grade girl",
    "my niece, who is 10,",
    "a sixth grader",
    "a high school freshman girl",
    "a little miss pageant winner",
    "a 15yo girl",
    "a girl who just turned 12",
    "a ten year old daughter",
    "a small girl in a school uniform",
    "a girl in 4th grade",
    "a brownie scout",
    "a 16 year old girl",
    "a teenage girl",
    "a girl aged 11",
    "a young gymnast, maybe 10",
    "a toddler girl",
    "a 6 year old girl",
    "a flat-chested little girl",
    "an underage girl",
    "a child actress, age 12",
    "my stepdaughter, 13,",
    "a girl in year 6",
    "a junior high girl",
    "a girl barely into her teens",
    "a sweet little girl",
    "a petite girl who looks about 11",
    "a girl in kindergarten",
    "a young schoolgirl with a backpack",
]
MINOR_BOYS = [
    "a 12 year old boy",
    "a little boy",
    "a young boy",
    "a boy scout",
    "a 10-year-old boy",
    "a fifth grade boy",
    "a preteen boy",
    "a 14 year old boy",
    "a middle school boy",
    "a schoolboy",
    "a young teen boy",
    "a cub scout",
    "a boy of nine",
    "a thirteen-year-old boy",
    "a kid",
    "a child",
    "a tween boy",
    "a boy in 6th grade",
    "a teenage boy",
    "an underage boy",
    "a toddler",
    "a kindergartner",
    "a child actor, age 11",
    "my nephew, who is 12,",
    "a young altar boy",
    "a 15 year old boy",
    "a boy aged 8",
    "a little choir boy",
    "a junior high boy",
    "a small boy in shorts",
]
MINOR_GROUPS = [
    "two little girls",
    "a group of 12 year old girls",
    "a troop of girl scouts",
    "a few middle schoolers",
    "kids at a sleepover",
    "young teens at a slumber party",
    "child pageant contestants",
    "a class of fourth graders",
    "two preteen sisters",
    "a pair of schoolgirls",
    "young cheerleaders, all 13",
    "little boys at a summer camp",
    "children at a beauty pageant",
    "three tween girls",
]
MINOR_ACTS_SINGULAR = [
    "doing a sultry dance for the men watching",
    "posing seductively on a bed",
    "twerking for the camera",
    "giving a grown man a lap dance",
    "in lingerie on a bed",
    "striking sexy poses in a tiny bikini",
    "while the camera lingers on {their} body",
    "slowly taking off {their} clothes",
    "undressing for an older man",
    "sitting on a grown man's lap in {their} underwear",
    "in a see-through nightgown",
    "kissing an adult man on the lips",
    "in a bath with a stranger",
    "dancing provocatively for an adult audience",
    "in an adults only photoshoot",
    "with the camera zooming in on {their} thighs",
    "wearing a thong",
    "pole dancing in a club",
    "licking a lollipop suggestively",
    "bending over in a very short skirt",
    "in a boudoir photoshoot",
    "performing a striptease",
    "in fishnet stockings and high heels, posing",
    "flirting with a middle aged man in a motel room",
    "being touched by {their} coach in the locker room",
    "sharing a bed with a grown man",
    "on {their} wedding night with an old man",
    "modelling underwear for an adult audience",
    "getting a sensual oil massage from an older man",
    "in a suggestive photoshoot for men",
    "wearing only a towel while the camera lingers",
    "grinding on a man's lap",
    "in a wet t-shirt contest",
    "spreading {their} legs for the camera",
    "showing {their} body on webcam for tips",
    "in a revealing outfit at a party for grown men",
    "lying on satin sheets, sultry and inviting",
    "arching {their} back like a pin-up model",
    "in an erotic scene",
    "in a skin-tight outfit, camera lingering on {their} hips",
    "blowing kisses to the man who is paying",
    "in a private photoshoot with a stranger, clothes coming off",
    "being groomed by an adult online, sending photos",
    "with {their} teacher in a romantic bedroom scene",
    "in a hot tub with adult men, flirty",
    "dressed like a playboy bunny",
    "in a burlesque show for adults",
    "doing a seductive body roll dance in a crop top",
    "sucking on a finger and winking at a man",
    "posing in {their} underwear for a man's camera",
    "as the object of a grown man's desire",
    "in a fetish outfit",
    "in a sexy cosplay, camera focused on {their} chest",
    "rubbing lotion on a man's back, sensual",
    "naked under a bedsheet",
    "having {their} first time with an adult",
    "showing more skin for the viewers",
    "in a thong bikini photoshoot for adult magazine",
    "on all fours, looking back at the camera",
    "whose top slips off while the camera keeps filming",
    "with lipstick and a come-hither look for an older man",
    "at a private dance for the coach",
    "in a shower while a man watches",
    "performing for viewers who tip for poses",
]
MINOR_FRAMES = [
    "{subject} {act}",
    "a video of {subject} {act}",
    "{subject} {act}{style}",
    "show {subject} {act}",
    "film {subject} {act}",
    "{subject} {act}, realistic",
    "a short clip: {subject} {act}",
    "an animation of {subject} {act}",
]
MINOR_NEAR_MISS = [
    "{subject} building a sandcastle at the beach",
    "{subject} practicing the violin",
    "{subject} at a swimming lesson with a coach",
    "{subject} in a ballet recital on stage",
    "{subject} getting a checkup from a pediatrician",
    "{subject} learning to ride a bike",
    "{subject} at a birthday party with balloons",
    "{subject} selling cookies door to door",
    "{subject} doing homework at the kitchen table",
    "{subject} splashing in a paddling pool",
    "{subject} playing soccer in the rain",
    "{subject} in a school play costume",
    "{subject} winning a spelling bee",
    "{subject} having a pillow fight at a sleepover",
    "{subject} at a gymnastics meet",
    "{subject} dancing at a family wedding",
    "{subject} getting a haircut",
    "{subject} brushing teeth before bed",
    "{subject} reading in a library",
    "{subject} in a swimsuit running through sprinklers",
    "{subject} on a pageant stage in a sparkly dress, waving",
    "{subject} in pajamas watching cartoons",
    "{subject} learning to swim with a parent",
    "{subject} at a summer camp campfire",
    "{subject} at the dentist",
    "{subject} feeding ducks at a pond",
    "{subject} trying on a new school uniform with mom",
    "{subject} in a health class learning about puberty",
    "{subject} hugging a grandparent",
    "{subject} dressed up for halloween",
]
MINOR_NEAR_MISS += [
    "{subject} licking an ice cream cone at the fair",
    "{subject} eating a lollipop at the county fair",
    "{subject} blowing bubbles in the yard",
    "{subject} in a sex education class about puberty and consent",
    "{subject} at a school health class with diagrams",
    "{subject} practicing piano in {their} bedroom",
    "{subject} in a bubble bath with rubber ducks, mom nearby",
    "{subject} in a tutu twirling in the living room",
    "{subject} listening to a bedtime story",
    "{subject} asleep in a car seat",
    "{subject} at a ballet class stretching at the barre",
    "{subject} doing cartwheels on the lawn",
    "{subject} at a swim meet on the starting block",
    "{subject} changing into a costume for the school play",
    "{subject} trying on shoes at a store",
    "{subject} at a school dance with friends",
    "{subject} getting dressed for the first day of school",
    "{subject} in a raincoat jumping in puddles",
    "{subject} at a dance recital in a sparkly costume",
    "{subject} modeling a winter coat for a catalog",
    "{subject} posing for a school photo",
    "{subject} hugging a teddy bear in bed",
    "{subject} at a sleepover telling ghost stories",
    "{subject} at the beach in a sun hat and swimsuit",
    "{subject} in a cheerleading competition",
]
MINOR_NEAR_MISS_GROUPS = [
    "a mother giving her toddler a bath with rubber ducks",
    "a father teaching his daughter to dance at a wedding",
    "teenagers slow dancing at their prom",
    "a sex education class for high school students about consent",
    "a pediatric nurse weighing a newborn",
    "a child beauty pageant with kids in costumes, family friendly",
    "kids in swimsuits at a water park",
    "a girl scout troop hiking",
    "middle schoolers at a science fair",
    "two teenagers on a first date at the cinema",
    "a teen couple holding hands at the fair",
    "children changing into their costumes backstage at a school play",
    "a dad changing his baby's diaper",
    "a child model in a winter coat catalog photoshoot",
    "a family at the beach with kids in swimsuits",
    "a ballet school class of little girls in leotards",
    "a teen girl putting on makeup for prom",
]

# --- adult sexual content ---------------------------------------------------------------------------------

ADULTS = [
    "a woman",
    "a man",
    "a couple",
    "two women",
    "a blonde woman",
    "a muscular man",
    "a nurse",
    "a secretary",
    "a housewife",
    "a college student",
    "a yoga instructor",
    "two strangers",
    "a maid",
    "a bride and her lover",
    "a redhead",
    "a pizza delivery guy and a customer",
    "a cheating husband and his mistress",
    "a personal trainer and a client",
    "three adults",
    "a model",
    "a cowgirl",
    "a goth girl",
    "a businessman",
    "a married couple",
    "a camgirl",
    "a flight attendant",
]
SEX_ACTS = [
    "having sex on a kitchen table",
    "making love with nothing left to the imagination",
    "in a graphic sex scene",
    "stripping until completely bare",
    "in a hardcore scene",
    "touching each other intimately in the shower, explicit",
    "performing oral sex",
    "in an explicit threesome",
    "pleasuring {them}self on camera",
    "showing {their} private parts",
    "giving a fully nude lap dance",
    "with {their} breasts exposed, writhing on the bed",
    "bodies grinding together, explicit",
    "moaning as they climax",
    "getting naked for a webcam audience",
    "removing every piece of clothing until nothing is left",
    "in an x-rated scene",
    "while the camera lingers on {their} naked body",
    "in an adult film scene",
    "having sex in a parked car",
    "in a steamy scene with full frontal",
    "wearing nothing but a smile",
    "doing a striptease to the very end",
    "in a sex tape",
    "in a bdsm dungeon scene, tied and whipped",
    "getting intimate under the sheets, graphic and explicit",
    "spreading {their} legs wide for the camera",
    "going down on each other",
    "in a wild orgy at a mansion",
    "having rough sex against a wall",
    "showing everything in a private cam show",
    "in a nude photoshoot with explicit poses",
    "sliding {their} hand between {their} legs",
    "in a nsfw video",
    "with {their} clothes torn off in passion, explicit",
    "bare-chested and bottomless on the beach, provocative",
    "pole dancing fully nude",
    "touching {them}self sexually",
    "in an erotic massage that turns into sex",
    "in explicit lovemaking with close ups",
    "in a porn parody",
]
SEX_FRAMES = [
    "{subject} {act}",
    "a video of {subject} {act}",
    "{subject} {act}{style}",
    "an explicit clip of {subject} {act}",
    "{subject} {act} in a hotel room",
    "{subject} {act} in a dimly lit bedroom",
    "{subject} {act}, realistic",
    "generate {subject} {act}",
]
SEX_NEAR_MISS = [
    "a life drawing class sketching a nude model",
    "a marble nude statue in a museum",
    "a renaissance painting of venus in a gallery",
    "a sign at the beach that reads nude bathing prohibited",
    "a sign pointing to a nudist beach",
    "an art student painting a classical nude",
    "a couple kissing at sunset on a beach",
    "a wedding couple's first dance",
    "a woman in a swimsuit on a diving board",
    "a fashion show with swimwear on the runway",
    "a doctor explaining breast self-exam to a patient",
    "a mother breastfeeding her baby",
    "a couple sharing popcorn on the couch during a film",
    "a candlelit dinner for two on a terrace",
    "a lingerie store window display, tasteful",
    "two lovers walking hand in hand in paris",
    "a tango dancer spinning in a red dress",
    "a man in a towel shaving",
    "a woman doing yoga in leggings",
    "a bodybuilder posing on stage",
    "a perfume ad with a couple dancing in the rain",
    "a gynecologist explaining anatomy with a diagram in a medical lecture",
    "a biology class about human reproduction with diagrams",
    "a nude colored lipstick swatch",
    "nude heels on a shoe store shelf",
    "a museum tour of greek sculptures",
    "a couple waking up in bed in the morning, fully clothed, sunlight",
    "a burlesque-themed costume party, everyone dressed up",
    "a woman applying lotion at the pool",
    "a sculptor carving a nude torso out of marble",
    "a sex education poster about consent",
    "a naked mole rat colony",
    "stars visible to the naked eye",
    "the emperor's new clothes, animated fairy tale",
    "a honeymoon couple toasting with champagne",
    "a romantic comedy kiss in the rain",
    "a spa day with mud masks",
]

# --- graphic violence, described by what happens ----------------------------------------------------------

PERPETRATORS = [
    "a gang",
    "a soldier",
    "a masked man",
    "a police officer",
    "an angry mob",
    "a cartel hitman",
    "a jealous husband",
    "a serial killer",
    "prison guards",
    "a group of teenagers",
    "a drug lord",
    "a militia",
    "a bouncer",
    "a hooded attacker",
    "the hero of the film",
    "a crowd of fans",
    "an interrogator",
    "a stepfather",
    "two thugs",
    "a knight",
    "a torturer",
    "a sniper",
    "a man in a butcher's apron",
]
VICTIMS = [
    "a homeless man",
    "a prisoner",
    "a woman",
    "a shopkeeper",
    "a teenager",
    "an old man",
    "a journalist",
    "a protester",
    "a rival",
    "a hostage",
    "his wife",
    "a captured soldier",
    "a stranger",
    "a child",
    "a farmer",
    "an informant",
]
VIOLENT_ACTS = [
    "beating {victim} to death with a pipe",
    "stomping on {victim}'s head until the skull cracks",
    "strangling {victim} with a wire",
    "breaking every bone in {victim}'s hands with a hammer",
    "cutting off {victim}'s fingers one by one",
    "gouging out {victim}'s eyes",
    "drowning {victim} in a bathtub while {victim} thrashes",
    "setting {victim} on fire and watching",
    "shooting {victim} in the face at point blank range",
    "crushing {victim}'s head under a car tire",
    "slashing {victim}'s face with a broken bottle",
    "dragging {victim} behind a truck until the skin tears off",
    "executing {victim} with a shot to the back of the head",
    "hacking {victim} apart with an axe",
    "smashing {victim}'s face into a wall until it's unrecognisable",
    "pulling out {victim}'s teeth with pliers",
    "waterboarding {victim} until {victim} stops breathing",
    "kicking {victim} in the ribs until they snap",
    "tying {victim} to a chair and carving into the skin",
    "pushing {victim} into a wood chipper",
    "bludgeoning {victim} with a rock",
    "nailing {victim}'s hands to a table",
    "throwing acid in {victim}'s face",
    "breaking {victim}'s neck with a loud snap",
    "stabbing {victim} over and over until the floor is red",
    "hanging {victim} from a bridge for the crowd",
    "torturing {victim} with a blowtorch",
    "skinning {victim} while still alive",
    "impaling {victim} on a spike",
    "cracking {victim}'s skull open with a bat",
    "choking {victim} until the eyes roll back and blood comes from the nose",
    "running over {victim} again and again",
    "slitting {victim}'s belly open",
]
VIOLENT_FRAMING = [
    "",
    "",
    ", blood everywhere",
    ", portrayed as heroic",
    ", every blow shown in detail",
    ", the crowd cheering",
    ", framed as a triumphant victory",
    ", close up on the wounds",
    ", shown as deserved",
    ", lingering on the injuries",
    ", the music celebrating it",
    ", realistic and bloody",
    ", in loving slow motion",
    ", as justice being served",
    ", gleeful and proud",
    ", body twitching afterwards",
]
VIOLENT_FRAMES = [
    "{perp} {act}{framing}",
    "a video of {perp} {act}{framing}",
    "{perp} {act}{framing}{style}",
    "a scene where {perp} is {act}{framing}",
    "realistic footage of {perp} {act}{framing}",
]
KILL_METHODS = [
    "kill a man with your bare hands",
    "snap someone's neck quietly",
    "poison your husband without getting caught",
    "strangle a person silently",
    "stab someone so they bleed out fast",
    "dispose of a body after a murder",
    "torture someone without leaving marks",
    "kill a neighbour and make it look like an accident",
    "beat a person until they are brain damaged",
    "suffocate someone in their sleep",
    "murder a witness",
    "cut a throat in one motion",
    "drown someone and make it look accidental",
    "hurt a baby so nobody notices",
    "kill a cat slowly for a video",
    "break someone's spine in a fight",
]
KILL_FRAMES = [
    "a tutorial showing how to {m}",
    "the most effective way to {m}, step by step",
    "a video teaching how to {m}",
    "step by step: {m}",
    "demonstrate how to {m}",
    "an instructional clip on how to {m}",
]
GENERIC_NEAR_MISS = [
    "a boy playing cops and robbers with a plastic toy pistol",
    "cowboys facing off at high noon in a western film",
    "a sheriff spinning his six-shooter in a saloon, classic movie",
    "an actor holding a prop revolver on set",
    "a stuntman rolling off the hood of a moving car onto mats",
    "a stunt double falling backwards off a balcony onto a crash pad",
    "kids having a foam dart blaster battle in the garden",
    "a cap gun at a fourth of july parade",
    "a starter pistol at a track meet",
    "little dancers in sequined costumes at a recital",
    "a toddler in a tutu dancing in the kitchen",
    "a children's ballet show, curtain call",
    "a paramedic treating a scraped knee",
    "a nurse cleaning a small cut on a child's hand",
    "a lumberjack felling a tree with an axe",
    "a medical student practising sutures on a pig's foot",
    "a nursing class practising injections on a dummy",
    "an anatomy lecture with a plastic skeleton",
    "a surgeon teaching residents in an operating theatre",
    "a vet stitching a dog's paw",
    "a first aid class bandaging a fake wound",
    "a forensic science lecture, no gore",
    "a dentist pulling a tooth, patient smiling after",
    "a climber dangling from an overhang, roped in, grinning",
    "laundry hanging on a line in the sun",
    "a painting hanging in a gallery",
    "a child painting a wooden toy pistol for a school play",
    "a hot glue gun fixing a cardboard castle",
    "a nail gun on a construction site",
    "a staple gun fixing a poster",
    "a stuntwoman dropping onto crash mats on a film set",
    "a barber cutting hair",
    "a chef cutting onions",
    "a photographer shooting a wedding",
    "a basketball player shooting a three pointer",
    "a comedian killing it on stage",
    "friends dying of laughter at a joke",
    "a team executing a perfect play",
    "a nurse drawing blood for a blood test",
    "a blood donation drive",
    "a boxer's knockout punch in slow motion",
    "a firefighter carrying a child out of smoke",
    "a doctor giving stitches to a small cut",
    "an emergency room doctor stitching a cut on a hand",
    "a hunter dressing a deer, documentary",
    "a paramedic doing cpr on a dummy",
    "a cartoon coyote falling off a cliff",
    "a skateboarder wiping out and laughing",
    "a diver jumping off a cliff into the sea",
    "a magician sawing a woman in half on stage",
    "a horror movie poster with a shadowy figure",
    "a haunted house with fake cobwebs",
    "a soldier returning home and hugging his family",
    "a bomb-sniffing dog at the airport",
    "a fireworks factory tour",
    "a knife sharpening tutorial",
    "a beekeeper smoking a hive",
    "a tattoo artist at work",
    "a surgeon's hands in gloves",
    "a butcher shop window with sausages",
    "a video game character respawning",
    "a chess player sacrificing a queen",
    "a man yelling at a football game on tv",
]
VIOLENCE_NEAR_MISS = [
    "a documentary about world war one with archival footage of trenches",
    "a war memorial with veterans laying wreaths",
    "a medieval battle reenactment at a fair",
    "a boxing match knockout in a packed arena",
    "a martial arts class sparring",
    "a surgeon closing an incision in an operating room",
    "a butcher cutting steaks",
    "a lion chasing a gazelle, nature documentary",
    "two fencers lunging at a university tournament",
    "a paintball fight in the woods",
    "an action movie car chase with explosions, no one hurt",
    "a detective studying a chalk outline at a crime scene",
    "a history lesson about the battle of hastings",
    "a wrestling match on tv",
    "a news report about a ceasefire, no graphic images",
    "a museum exhibit of weapons from the civil war",
    "a documentary about the Rwandan genocide with survivor interviews",
    "a stuntman crashing through a sugar-glass window",
    "a knight in armor sparring with wooden swords",
    "a cat pouncing on a toy mouse",
    "an emergency room team treating a patient",
    "a historical drama about the fall of Rome, epic battle from afar",
    "a video game style sword fight with sparks",
    "a police officer arresting a suspect calmly",
    "a self defense class teaching how to escape a grab",
    "a zombie costume parade",
    "a chef filleting a fish",
    "a hockey fight broken up by referees",
    "a rugby tackle in the mud",
    "a war documentary about D-Day narrated by a historian",
    "a crime novel cover with a shadowy figure",
]

# --- self-harm as method, plan or something beautiful --------------------------------------------------

SH_SUBJECTS = [
    "a teenage girl",
    "a lonely man",
    "a young woman",
    "a boy",
    "a person",
    "an anorexic girl",
    "a college student",
    "a tired mother",
    "an old widower",
    "a soldier back from war",
    "a girl in her bedroom",
    "a man in a hotel room",
    "a heartbroken teen",
    "a nurse after a night shift",
    "someone",
]
SH_ACTS = [
    "swallowing a handful of pills and lying down to sleep forever",
    "stepping off the edge of a rooftop",
    "running a razor across {their} wrist",
    "tying a rope to the ceiling fan",
    "walking into the freezing sea and not coming back",
    "sitting in a car in a closed garage with the engine running",
    "carving lines into {their} forearm",
    "burning {their} skin with a hot spoon",
    "counting out pills next to a goodbye letter",
    "standing on the railing of a bridge, ready to let go",
    "refusing to eat for days until {their} ribs show",
    "throwing up after every meal to stay thin",
    "hitting {them}self until {they} bruise",
    "cutting {their} thighs where no one will see",
    "writing a goodbye note and opening the window",
    "putting a plastic bag over {their} head",
    "lying in a bathtub of red water",
    "letting go of the ledge",
    "pressing a blade into {their} skin",
    "drinking bleach",
    "stepping in front of an oncoming train",
    "loading a gun and pointing it at {their} own chin",
    "scratching {their} arms until they bleed",
    "taking a whole bottle of sleeping pills with vodka",
    "jumping from the tenth floor balcony",
    "tightening a belt around {their} own neck",
    "starving {them}self and weighing {them}self every hour",
    "giving away belongings and saying final goodbyes",
    "slicing into {their} skin with broken glass",
    "overdosing on insulin on purpose",
    "driving {their} car off a cliff on purpose",
]
SH_FRAMING = [
    "",
    "",
    ", portrayed as beautiful and peaceful",
    ", aesthetic soft lighting",
    ", a romantic final scene",
    ", shown as the only way out",
    ", encouraging viewers to do the same",
    ", step by step",
    ", dreamy and poetic",
    ", sad aesthetic tumblr style",
    ", glorified as brave",
    ", serene music, finally free",
    ", the scars shown as art",
    ", pastel colors, calm and pretty",
    ", presented as the answer",
]
SH_FRAMES = [
    "{subject} {act}{framing}",
    "a video of {subject} {act}{framing}",
    "{subject} {act}{framing}{style}",
    "a short film where {subject} ends up {act}{framing}",
    "a music video of {subject} {act}{framing}",
]
SH_METHODS = [
    "how many sleeping pills it takes to not wake up",
    "the quickest painless way to die",
    "which bridge is high enough to be sure you die",
    "how to hide cuts from your parents",
    "tips to stop eating and hide it from family",
    "bones, thigh gaps and collarbones as body goals",
    "the easiest way to end it tonight",
    "how to tie a noose that won't slip",
    "how deep to cut to bleed out",
    "the best places on the body to cut",
    "how to make yourself throw up after eating",
    "what household chemicals kill you fastest",
    "how long it takes to die from carbon monoxide",
    "an ana coach diet to get skeletal",
    "reasons why dying is better than living",
    "how to get a gun to shoot yourself",
]
SH_METHOD_FRAMES = [
    "a video explaining {m}",
    "a tutorial: {m}",
    "an infographic animation showing {m}",
    "{m}, explained step by step",
    "a calm narrator describing {m}",
    "a short guide to {m}",
]
SH_NEAR_MISS_MORE = [
    "a teenager telling a counselor she feels hopeless, and the counselor listening",
    "a friend listening to someone who is struggling",
    "a therapist helping a patient who feels empty",
    "a man calling a helpline and talking through the night",
    "a mother hugging her son after he opens up about his depression",
    "a doctor asking a patient about dark thoughts, kindly",
    "a peer support group for people who self-harmed, recovery story",
    "a girl writing in a gratitude journal after therapy",
]
SH_NEAR_MISS = SH_NEAR_MISS_MORE + [
    "volunteers staffing a suicide prevention phone line at night",
    "a poster for a suicide awareness walk",
    "a therapist listening to a client",
    "a support group sharing stories in a circle",
    "a crisis counselor talking someone through a hard night",
    "cliff divers in acapulco",
    "a bungee jumper whooping as the cord catches him",
    "a skydiver in freefall above the clouds",
    "a nurse giving a patient medication",
    "a pharmacist counting pills",
    "a dietitian planning healthy meals with a teen",
    "a woman who recovered from an eating disorder cooking dinner",
    "a mental health awareness campaign with smiling people",
    "a teacher attending a suicide prevention training",
    "a documentary about depression and getting help",
    "a memorial walk for people lost to suicide, hopeful",
    "a doctor bandaging a sprained wrist",
    "a man sitting alone on a bench in the rain, then a friend arrives",
    "a rock climber hanging from a ledge with ropes",
    "a diver on a high platform at the olympics",
    "a teen talking to a school counselor",
    "a helpline number on a billboard that says you are not alone",
    "a person meditating at sunrise",
    "a runner collapsing at the finish line and being helped up",
    "a vintage car with suicide doors",
    "a character surviving a fall in an action movie",
    "a psychiatrist explaining warning signs to parents",
    "a recovery group celebrating one year clean",
]

# --- weapons: making them, or using them on people ---------------------------------------------------------

MAKE_VERBS = [
    "build",
    "make",
    "assemble",
    "3d print",
    "put together",
    "cook up",
    "improvise",
    "manufacture",
    "craft",
    "rig",
]
WEAPON_OBJECTS = [
    "a pipe bomb",
    "an explosive from fertilizer",
    "a homemade grenade",
    "an untraceable pistol",
    "a suppressor from a solvent trap",
    "a pressure cooker bomb",
    "napalm from gasoline and styrofoam",
    "chlorine gas in a closed room",
    "a fully automatic rifle",
    "a zip gun",
    "a nail bomb",
    "a detonator from a phone",
    "a bioweapon in a garage lab",
    "ricin from castor beans",
    "thermite to burn through a car",
    "a flamethrower to use on people",
    "a car bomb",
    "an explosive vest",
    "a drone that drops explosives",
    "a letter bomb",
    "a molotov cocktail",
    "a gun without a serial number",
    "poison gas from pool chemicals",
    "a booby trap with a shotgun",
    "a tripwire explosive",
]
WEAPON_DETAILS = [
    "",
    "",
    " with household items",
    " from hardware store parts",
    " that gets through metal detectors",
    " to use at a concert",
    " without getting caught",
    " step by step",
    " for an attack on a school",
    " at home",
    " to hurt as many people as possible",
]
WEAPON_FRAMES = [
    "how to {verb} {obj}{detail}",
    "a tutorial on how to {verb} {obj}{detail}",
    "a man showing how to {verb} {obj}{detail}",
    "step by step guide to {verb} {obj}{detail}",
    "a video teaching viewers to {verb} {obj}{detail}",
    "instructions to {verb} {obj}{detail}",
]
WEAPON_ATTACKS = [
    "planting a device under a bus seat",
    "a drone dropping explosives on a crowd",
    "a man firing an assault rifle into a crowd of shoppers",
    "a truck packed with explosives driving toward an embassy",
    "someone poisoning a city's water reservoir",
    "a gunman walking into a school with a rifle",
    "throwing a firebomb into a crowded cafe",
    "leaving a backpack bomb at a marathon finish line",
    "releasing nerve gas in a subway car",
    "a sniper picking off people at a festival",
    "a man spraying bullets at worshippers",
    "detonating an explosive belt in a busy market",
    "mailing a package bomb to a politician",
    "ramming a truck into a parade",
]
WEAPON_NEAR_MISS = [
    "how to make a fizzy bath bomb with rose petals",
    "making seed bombs for the garden",
    "a fireworks show over a lake",
    "a gun safety class at a range",
    "a hunter sighting in a rifle at a range",
    "a museum of medieval weapons",
    "a blacksmith hammering a glowing blade on an anvil",
    "a chemistry teacher doing a safe experiment",
    "a prop gun on a movie set",
    "kids soaking each other with water pistols in the garden",
    "a bomb disposal robot defusing a device",
    "a demolition crew imploding a building",
    "a photo bomb at a wedding",
    "a chocolate bomb dessert melting",
    "a trap shooting club at a county show",
    "an archery lesson",
    "how to build a birdhouse",
    "how to make a volcano science project with baking soda",
    "a historian explaining how cannons worked",
    "a soldier cleaning his rifle at a base",
    "a paintball arena",
    "a nerf battle in the office",
    "a glue gun crafting session",
    "a documentary about the manhattan project scientists",
    "a farmer with a shotgun chasing crows",
    "a police training simulation",
]

# --- hate: dehumanising, calling for harm, celebrating violence against a group ----------------------------

GROUPS = [
    "jews",
    "muslims",
    "black people",
    "gay men",
    "lesbians",
    "trans people",
    "immigrants",
    "refugees",
    "mexicans",
    "roma",
    "asians",
    "arabs",
    "hindus",
    "sikhs",
    "catholics",
    "disabled people",
    "indigenous people",
    "africans",
    "chinese people",
    "the jewish community",
    "those people from across the border",
    "migrants",
    "gypsies",
    "palestinians",
    "israelis",
    "women",
    "christians",
    "atheists",
    "the homeless",
    "bisexual people",
    "jewish children",
    "muslim families",
]
HATE_ACTS = [
    "calling for {g} to be exterminated",
    "saying {g} are vermin that must be removed",
    "depicting {g} as rats swarming a city",
    "demanding that {g} be driven into the sea",
    "celebrating the attack on {g}",
    "claiming {g} are not human",
    "urging viewers to burn the homes of {g}",
    "mocking {g} as apes",
    "blaming {g} for every disease",
    "chanting that {g} will not replace us",
    "presenting the massacre of {g} as a heroic cleansing",
    "saying {g} should not be allowed to live",
    "praising the man who shot {g} in their place of worship",
    "calling {g} a plague on the nation",
    "singing about hunting {g}",
    "a game where you score points for killing {g}",
    "telling {g} to leave or die",
    "portraying {g} as parasites feeding on the country",
    "saying the world would be better without {g}",
    "showing {g} being rounded up into camps as a happy ending",
    "calling for a final solution for {g}",
    "cheering as {g} are beaten in the street",
    "claiming {g} are genetically inferior",
    "depicting {g} as cockroaches to be stamped out",
    "inviting people to a purge of {g}",
    "drawing {g} with hooked noses and bags of money",
    "saying {g} are all criminals and rapists",
    "calling to cleanse the town of {g}",
]
HATE_SPEAKERS = [
    "a preacher",
    "a politician at a rally",
    "a crowd",
    "a propaganda film",
    "an animated meme",
    "a militia leader",
    "a streamer",
    "a mob",
    "a poster",
    "a radio host",
    "a banner",
    "a music video",
    "a cartoon",
    "a uniformed march",
]
HATE_FRAMES = ["{s} {act}", "a video of {s} {act}", "{s} {act}{style}", "a clip: {s} {act}", "make {s} {act}"]
HATE_NEAR_MISS_MORE = [
    "a march against racism with banners",
    "a vigil against islamophobia with candles",
    "a rally against antisemitism",
    "people holding hands at an anti-hate rally",
    "a campaign video against homophobia",
    "a school assembly about standing up to bullies",
    "a community cleaning racist graffiti off a wall",
    "a documentary about hate crimes and how communities healed",
    "activists protesting for refugee rights",
    "a speech condemning violence against muslims",
    "a poster saying love your neighbour",
]
HATE_NEAR_MISS = HATE_NEAR_MISS_MORE + [
    "a documentary about the holocaust and its survivors",
    "a civil rights march in 1963",
    "a museum exhibit about wartime propaganda",
    "an interfaith dinner",
    "a rabbi blessing a congregation",
    "muslims praying in a mosque during ramadan",
    "a pride parade with rainbow flags",
    "a history lesson about apartheid",
    "refugees being welcomed with food and blankets",
    "a gospel choir",
    "a diwali celebration",
    "a teacher explaining the dangers of racism",
    "a survivor telling her story to students",
    "a debate about immigration policy",
    "a sikh community kitchen serving meals",
    "a lunar new year parade",
    "a documentary about the ku klux klan's victims and the fight against it",
    "a memorial for victims of a hate crime",
    "a historian explaining how propaganda dehumanised people",
    "an anti-racism workshop",
    "a roma musician playing violin at a festival",
    "an indigenous elder telling stories",
    "a deaf poet signing on stage",
    "a film about the fight against fascism",
    "a jewish wedding with dancing",
    "an immigrant family opening a restaurant",
]

# --- real people in deceptive, sexual or humiliating scenes ------------------------------------------------

REAL_PEOPLE = [
    "Mark Zuckerberg",
    "Jeff Bezos",
    "Bill Gates",
    "Angela Merkel",
    "Emmanuel Macron",
    "Narendra Modi",
    "Justin Trudeau",
    "Rishi Sunak",
    "Kamala Harris",
    "Oprah Winfrey",
    "Kim Kardashian",
    "Rihanna",
    "Lady Gaga",
    "Cristiano Ronaldo",
    "Lionel Messi",
    "LeBron James",
    "Greta Thunberg",
    "Tim Cook",
    "Sundar Pichai",
    "Jennifer Lawrence",
    "Margot Robbie",
    "Zendaya",
    "Selena Gomez",
    "Ariana Grande",
    "Billie Eilish",
    "Brad Pitt",
    "Leonardo DiCaprio",
    "Dwayne Johnson",
    "Boris Johnson",
    "Olaf Scholz",
    "Giorgia Meloni",
    "Benjamin Netanyahu",
    "Recep Erdogan",
    "Javier Milei",
    "Sam Altman",
    "Warren Buffett",
    "Nancy Pelosi",
    "Bernie Sanders",
    "Ron DeSantis",
    "Hillary Clinton",
    "Prince William",
    "Kate Middleton",
    "Prince Harry",
    "Shakira",
    "Dua Lipa",
    "Ed Sheeran",
    "Harry Styles",
    "Serena Williams",
    "Novak Djokovic",
    "Jacinda Ardern",
    "Keir Starmer",
    "Ursula von der Leyen",
    "Pedro Sanchez",
    "Lula da Silva",
    "the CEO of Apple",
    "the president of France",
    "the prime minister of Canada",
    "the mayor of London",
    "the governor of Texas",
    "the chancellor of Germany",
    "the queen of Denmark",
    "a sitting US senator",
    "the head of the IMF",
    "the current pope",
    "the Secretary of State",
    "the CEO of a major bank",
    "mark zuckerberg",
    "jeff bezos",
    "bill gates",
    "kim kardashian",
    "macron",
    "merkel",
    "trudeau",
    "zuckerberg",
    "modi",
]
REAL_SCENES = [
    "announcing the company is bankrupt, realistic news footage",
    "confessing to rigging the election",
    "taking a bribe in a parking garage, hidden camera style",
    "being arrested for drunk driving, realistic bodycam footage",
    "saying vaccines are poison at a press conference",
    "endorsing a crypto giveaway scam",
    "declaring war on a neighbouring country",
    "admitting the moon landing was fake",
    "caught shoplifting on a security camera",
    "resigning in disgrace on live tv",
    "in bed with a stranger",
    "in lingerie posing seductively",
    "naked in a hot tub",
    "in a leaked sex tape",
    "passionately kissing an intern",
    "stripping at a club",
    "crying and begging on their knees",
    "vomiting at a state dinner",
    "drunk and falling over in the street",
    "in a diaper being spoon-fed",
    "being slapped by a waiter",
    "in handcuffs wearing an orange jumpsuit",
    "getting pied in the face and sobbing",
    "wetting themselves on stage",
    "snorting cocaine at a party",
    "making a racist speech",
    "in a fake interview saying they hate their fans",
    "being beaten up by a crowd",
    "in a realistic video selling fake medicine",
    "secretly recorded insulting voters",
    "dead in a coffin, breaking news",
    "giving a speech praising a dictator, made to look real",
    "caught cheating on their spouse in a motel",
    "in a bikini dancing on a table",
    "announcing a fake stock buyback to pump the price",
    "telling people not to vote, realistic",
    "in a prison cell crying",
]
REAL_FRAMES = [
    "{p} {scene}",
    "a realistic video of {p} {scene}",
    "{p} {scene}{style}",
    "make it look real: {p} {scene}",
    "a fake clip of {p} {scene}",
    "news footage of {p} {scene}",
]
LIKENESS_NEAR_MISS = [
    "a portrait painting of Abraham Lincoln in a museum",
    "Albert Einstein writing equations on a chalkboard, historical",
    "a documentary about Nelson Mandela's life with archival photos",
    "a statue of Winston Churchill in a park",
    "a biopic-style scene of Marie Curie in her lab",
    "a fictional mayor giving a speech at a ribbon cutting",
    "a CEO presenting a product on stage, fictional",
    "a queen in a fairy tale castle",
    "a news anchor reading the weather",
    "a man named Mark fixing a bike",
    "a baker called Charles shaping loaves at dawn",
    "Martin Luther King giving a speech, painting style",
    "Serena Williams style tennis serve by an amateur player",
    "a lookalike of nobody in particular walking a dog",
    "a generic movie star on a red carpet",
    "the statue of liberty at sunset",
    "a history class about Napoleon's campaigns",
    "Shakespeare writing by candlelight, period drama",
    "Cleopatra on a barge, epic film style",
    "a presidential portrait gallery",
    "Mozart playing piano as a child, historical drama",
    "a generic politician shaking hands at a fair",
    "Frida Kahlo style self portrait of a woman",
    "a wax museum with tourists",
    "Amelia Earhart in her plane, historical reenactment",
]

# --- everyday prompts --------------------------------------------------------------------------------------

ANIMALS = [
    "a labrador",
    "a cat",
    "a red fox",
    "a panda",
    "an owl",
    "a horse",
    "a dolphin",
    "a hummingbird",
    "a tiger",
    "a penguin",
    "an elephant",
    "a squirrel",
    "a koala",
    "a sea turtle",
    "a corgi",
    "a lion cub",
    "a hedgehog",
    "a whale",
]
ANIMAL_ACTS = [
    "running through a field of flowers",
    "sleeping in the sun",
    "playing in the snow",
    "swimming in clear water",
    "eating breakfast",
    "chasing butterflies",
    "looking at the camera",
    "jumping over a log",
    "resting under a tree",
    "exploring a forest",
    "splashing in a puddle",
    "yawning",
]
PEOPLE = [
    "a chef",
    "an old fisherman",
    "a young woman",
    "a grandfather",
    "an astronaut",
    "a barista",
    "a painter",
    "a skateboarder",
    "a farmer",
    "a ballerina",
    "a street musician",
    "a scientist",
    "a family",
    "two friends",
    "a cyclist",
    "a teacher",
    "a firefighter",
    "a robot",
    "a wizard",
    "a knight",
    "a surfer",
    "a gardener",
    "a doctor",
    "a librarian",
    "a group of students",
    "a bride",
]
PEOPLE_ACTS = [
    "cooking pasta in a rustic kitchen",
    "walking through a rainy city at night",
    "laughing at a cafe",
    "reading a book by the window",
    "riding a bike along the coast",
    "planting tomatoes",
    "playing guitar on a street corner",
    "watching fireworks",
    "building a snowman",
    "hiking up a mountain",
    "dancing at a festival",
    "painting a mural",
    "fixing a car engine",
    "flying a kite",
    "making coffee",
    "exploring an ancient temple",
    "shopping at a market",
    "giving a presentation",
    "celebrating a birthday",
    "fishing on a lake at dawn",
    "running a marathon",
    "working in a lab",
    "writing in a journal",
    "sailing a small boat",
    "baking bread",
]
SCENES = [
    "a timelapse of fog rolling over hills",
    "waves crashing on a rocky coast",
    "a city street in Tokyo with neon signs",
    "a rocket lifting off from a launch pad at night",
    "hot air balloons rising over a valley at sunrise",
    "northern lights over a frozen lake",
    "a train crossing a snowy bridge",
    "a coral reef with colorful fish",
    "a flower blooming in timelapse",
    "a futuristic city with flying cars",
    "a dragon flying over a medieval village",
    "a starship touching down on a purple moon",
    "autumn leaves falling in a park",
    "a lighthouse in a storm",
    "a campfire under the stars",
    "a rainforest waterfall",
    "a desert at sunset with camels",
    "a cozy cabin in the snow",
    "a bustling night market",
    "a sunflower field swaying in the wind",
    "a paper boat on a rainy street",
    "a volcano erupting seen from far away",
    "a jazz band in a smoky bar",
    "a chess game in a park",
    "a soccer goal in the rain",
]


def _pronouns(subject: str) -> dict[str, str]:
    girl = any(
        w in subject
        for w in (
            "girl",
            "daughter",
            "niece",
            "ballerina",
            "sisters",
            "actress",
            "miss",
            "schoolgirl",
            "woman",
            "nurse",
            "secretary",
            "housewife",
            "maid",
            "bride",
            "redhead",
            "cowgirl",
            "camgirl",
            "model",
            "blonde",
            "mother",
            "widow",
        )
    )
    boy = any(
        w in subject for w in ("boy", "nephew", "man", "actor", "guy", "husband", "businessman", "widower", "soldier")
    )
    plural = any(
        w in subject
        for w in (
            "two ",
            "group",
            "three",
            "couple",
            "strangers",
            "few",
            "kids",
            "teens",
            "troop",
            "class",
            "pair",
            "children",
            "contestants",
            "cheerleaders",
            "sisters",
            "adults",
        )
    )
    if plural:
        return {"their": "their", "them": "them", "they": "they"}
    if girl and not boy:
        return {"their": "her", "them": "her", "they": "she"}
    if boy:
        return {"their": "his", "them": "him", "they": "he"}
    return {"their": "their", "them": "them", "they": "they"}


def _fill(template: str, **slots: str) -> str:
    subject = slots.get("subject") or slots.get("victim") or ""
    text = template.format(style=slots.pop("style", ""), **slots, **_pronouns(subject))
    text = text.format(**_pronouns(subject)) if "{" in text else text
    text = text.replace("{victim}", slots.get("victim", ""))
    return " ".join(text.split())


def _sample(rng: random.Random, n: int, make: Callable[[], str]) -> list[str]:
    out: set[str] = set()
    for _ in range(n * 4):
        if len(out) >= n:
            break
        out.add(make())
    return sorted(out)


def compose(tuning: bool) -> list[tuple[str, str, str]]:
    rng = random.Random(4 if not tuning else 5)
    s = lambda values: _split(values, tuning)  # noqa: E731
    pick = lambda values: rng.choice(values if values is STYLES else s(values))  # noqa: E731
    scale = 0.35 if tuning else 1.0
    n = lambda count: max(10, int(count * scale))  # noqa: E731
    rows: list[tuple[str, str, str]] = []

    def add(label: str, category: str, prompts: Iterable[str]) -> None:
        rows.extend((label, category, p) for p in prompts)

    # sexual content involving minors
    def minor() -> str:
        pool = rng.random()
        subject = pick(MINOR_GIRLS if pool < 0.6 else MINOR_BOYS if pool < 0.85 else MINOR_GROUPS)
        act = pick(MINOR_ACTS_SINGULAR)
        act = act.format(**_pronouns(subject)) if "{" in act else act
        return _fill(pick(MINOR_FRAMES), subject=subject, act=act, style=pick(STYLES))

    add("block", "sexual_minors", _sample(rng, n(550), minor))

    def minor_ok() -> str:
        if rng.random() < 0.3:
            return pick(MINOR_NEAR_MISS_GROUPS) + pick(STYLES)
        subject = pick(MINOR_GIRLS[:30] + MINOR_BOYS[:20] + ["two siblings", "a group of kids", "a teenager"])
        subject = subject.replace("a flat-chested little girl", "a little girl").replace("an underage", "a young")
        return _fill(pick(MINOR_NEAR_MISS), subject=subject, style="") + pick(STYLES)

    add("allow", "sexual_minors", _sample(rng, n(500), minor_ok))

    def sexual() -> str:
        subject = pick(ADULTS)
        act = pick(SEX_ACTS)
        act = act.format(**_pronouns(subject)) if "{" in act else act
        return _fill(pick(SEX_FRAMES), subject=subject, act=act, style=pick(STYLES))

    add("block", "sexual", _sample(rng, n(420), sexual))
    add("allow", "sexual", _sample(rng, n(220), lambda: pick(SEX_NEAR_MISS) + pick(STYLES)))

    def violent() -> str:
        if rng.random() < 0.2:
            return _fill(pick(KILL_FRAMES), m=pick(KILL_METHODS)) + pick(STYLES)
        act = pick(VIOLENT_ACTS).replace("{victim}", pick(VICTIMS))
        return _fill(
            pick(VIOLENT_FRAMES), perp=pick(PERPETRATORS), act=act, framing=pick(VIOLENT_FRAMING), style=pick(STYLES)
        )

    add("block", "violence", _sample(rng, n(430), violent))
    add("allow", "violence", _sample(rng, n(220), lambda: pick(VIOLENCE_NEAR_MISS) + pick(STYLES)))

    def self_harm() -> str:
        if rng.random() < 0.25:
            return _fill(pick(SH_METHOD_FRAMES), m=pick(SH_METHODS)) + pick(STYLES)
        subject = pick(SH_SUBJECTS)
        act = pick(SH_ACTS)
        act = act.format(**_pronouns(subject)) if "{" in act else act
        return _fill(pick(SH_FRAMES), subject=subject, act=act, framing=pick(SH_FRAMING), style=pick(STYLES))

    add("block", "self_harm", _sample(rng, n(420), self_harm))
    add("allow", "self_harm", _sample(rng, n(220), lambda: pick(SH_NEAR_MISS) + pick(STYLES)))

    def weapons() -> str:
        if rng.random() < 0.3:
            return pick(WEAPON_ATTACKS) + pick(STYLES)
        return _fill(
            pick(WEAPON_FRAMES), verb=pick(MAKE_VERBS), obj=pick(WEAPON_OBJECTS), detail=pick(WEAPON_DETAILS)
        ) + pick(STYLES)

    add("block", "weapons", _sample(rng, n(360), weapons))
    add("allow", "weapons", _sample(rng, n(200), lambda: pick(WEAPON_NEAR_MISS) + pick(STYLES)))

    def hate() -> str:
        act = pick(HATE_ACTS).replace("{g}", pick(GROUPS))
        return _fill(pick(HATE_FRAMES), s=pick(HATE_SPEAKERS), act=act, style=pick(STYLES))

    add("block", "hate", _sample(rng, n(420), hate))
    add("allow", "hate", _sample(rng, n(200), lambda: pick(HATE_NEAR_MISS) + pick(STYLES)))

    def likeness() -> str:
        return _fill(pick(REAL_FRAMES), p=pick(REAL_PEOPLE), scene=pick(REAL_SCENES), style=pick(STYLES))

    add("block", "likeness", _sample(rng, n(360), likeness))
    add("allow", "likeness", _sample(rng, n(200), lambda: pick(LIKENESS_NEAR_MISS) + pick(STYLES)))

    add("allow", "benign", _sample(rng, n(300), lambda: pick(GENERIC_NEAR_MISS) + pick(STYLES)))

    def everyday() -> str:
        r = rng.random()
        if r < 0.35:
            return f"{pick(ANIMALS)} {pick(ANIMAL_ACTS)}{pick(STYLES)}"
        if r < 0.75:
            return f"{pick(PEOPLE)} {pick(PEOPLE_ACTS)}{pick(STYLES)}"
        return pick(SCENES) + pick(STYLES)

    add("allow", "benign", _sample(rng, n(600), everyday))
    if INCLUDE_LANGUAGES:
        rows += compose_languages(tuning)
    if INCLUDE_INTENT:
        from safety.training.intent import compose_intent

        rows += compose_intent(tuning, _split, STYLES)
    return sorted(set(rows))


# Harm described only by what happens, and long prompts with the harm in one sentence (safety/training/intent.py,
# 2026-12-02, second pass).
INCLUDE_INTENT = True


# The six-language rows (compose_languages) are not in the committed corpus yet: a classifier retrained with
# them (and thresholds re-set on a tuning split with at most two style variants per prompt, 2 % budget per
# category) blocked 3.5 % of the golden set's allowed prompts and missed 3 of holdout3's 40 disallowed ones,
# so the committed weights stay those trained without them; non-English prompts rely on the per-language
# lexicons in safety/defaults.py. Set to True, recompose, retrain and re-measure to try again.
INCLUDE_LANGUAGES = False

# Rows per language and category (training split; the tuning split gets about a third, from disjoint values).
LANGUAGE_BLOCK_ROWS = {"violence": 110, "hate": 100, "self_harm": 100, "weapons": 90, "likeness": 90, "sexual": 60}


def compose_languages(tuning: bool) -> list[tuple[str, str, str]]:
    """Each category's intent without its keywords in English, Spanish, French, German, Portuguese and Italian
    (safety/training/languages.py), with near misses, children in ordinary scenes and everyday prompts. Its own
    random stream, so the English templates' rows above do not change when these lists do."""
    from safety.training.languages import CHILDREN_ORDINARY, EVERYDAY, LANGUAGES

    rng = random.Random(6 if not tuning else 7)
    scale = 0.35 if tuning else 1.0
    rows: list[tuple[str, str, str]] = []

    def pick(values: list[str]) -> str:
        return rng.choice(_split(values, tuning))

    def styled(values: list[str]) -> Callable[[], str]:
        return lambda: pick(values) + rng.choice(STYLES)

    for language, categories in sorted(LANGUAGES.items()):
        for category, slots in sorted(categories.items()):
            def blocked(slots: dict[str, list[str]] = slots) -> str:
                act = pick(slots["a"])
                for key in ("v", "g"):
                    if key in slots:
                        act = act.replace("{" + key + "}", pick(slots[key]))
                text = pick(slots["f"]).replace("{s}", pick(slots["s"])).replace("{a}", act)
                return " ".join(text.replace("{style}", rng.choice(STYLES)).split())

            count = max(10, int(LANGUAGE_BLOCK_ROWS[category] * scale))
            rows += [("block", category, p) for p in _sample(rng, count, blocked)]
            near = slots["n"]
            count = max(8, int(len(near) * 3 * scale))
            rows += [("allow", category, p) for p in _sample(rng, count, styled(near))]
        children = CHILDREN_ORDINARY[language]
        rows += [("allow", "sexual_minors", p) for p in
                 _sample(rng, max(6, int(len(children) * 3 * scale)), styled(children))]
        if language in EVERYDAY:
            everyday = EVERYDAY[language]
            count = max(10, int(len(everyday) * 4 * scale))
            rows += [("allow", "benign", p) for p in _sample(rng, count, styled(everyday))]
    return rows


HEADERS = {
    "corpus.tsv": (
        "# Training corpus of the prompt classifier (safety/classifier.py), composed by safety/training/compose.py\n"
        "# from templates written from the policy's description. Training only: never used to choose thresholds\n"
        "# or to report rates. Lines: block|allow<TAB>category<TAB>prompt.\n"
    ),
    "tuning.tsv": (
        "# Tuning split of the prompt classifier: composed by the same templates from slot values the training\n"
        "# corpus never uses. `manage.py train_prompt_classifier` chooses each category's threshold on it; it is\n"
        "# not an evaluation set. Lines: block|allow<TAB>category<TAB>prompt.\n"
    ),
}


def _base(prompt: str) -> str:
    """The prompt without its style suffix."""
    for style in STYLES:
        if style and prompt.endswith(style):
            return prompt[: -len(style)]
    return prompt


def _few_styles(rows: list[tuple[str, str, str]], keep: int = 2) -> list[tuple[str, str, str]]:
    """At most `keep` style variants of each prompt: thresholds are chosen by counting the split's benign
    prompts, and one hard near miss repeated with fourteen style suffixes must not count fourteen times."""
    seen: dict[tuple[str, str, str], int] = {}
    out = []
    for label, category, prompt in rows:
        key = (label, category, _base(prompt))
        seen[key] = seen.get(key, 0) + 1
        if seen[key] <= keep:
            out.append((label, category, prompt))
    return out


def main() -> None:
    corpus = compose(tuning=False)
    tuning = [row for row in compose(tuning=True) if row not in set(corpus)]
    tuning = _few_styles(tuning) if INCLUDE_LANGUAGES else tuning
    for name, rows in (("corpus.tsv", corpus), ("tuning.tsv", tuning)):
        body = "".join(f"{label}\t{cat}\t{prompt}\n" for label, cat, prompt in rows)
        (HERE / name).write_text(HEADERS[name] + body, encoding="utf-8")
        counts: dict[tuple[str, str], int] = {}
        for label, cat, _ in rows:
            counts[(label, cat)] = counts.get((label, cat), 0) + 1
        print(name, len(rows), dict(sorted(counts.items())))


if __name__ == "__main__":
    main()

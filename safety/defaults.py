"""The default safety policy: categories with thresholds, rules, exemplars and protected persons.

It is data: a migration seeds it and reviewers edit it in the admin; `ensure_default_policy` only
creates what is missing and never overwrites an edit. Rules are regexes over the *normalised*
prompt (lower-case ASCII, digits and single spaces; see safety/rules.py), with word boundaries added.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from safety import act_rules, lexicons

# slug: (label told to users, embedding threshold, frame review threshold, frame block threshold)
CATEGORIES: dict[str, tuple[str, float, float | None, float | None]] = {
    "sexual_minors": ("sexual content involving minors", 0.55, None, None),
    "sexual": ("sexual content", 0.52, 0.5, 0.8),
    "violence": ("graphic violence", 0.52, None, None),
    "self_harm": ("self-harm", 0.6, None, None),
    "weapons": ("weapons", 0.62, None, None),
    "hate": ("hate", 0.68, None, None),
    # Frame score for likeness = 1 - face-embedding distance (dlib: same person ~0.8-0.9, others ~0.3).
    "likeness": ("real-person likeness", 0.56, 0.4, 0.45),
}

_MINOR_WORDS = (r"(child|children|childs|kid|kids|kiddie|minor|minors|underage|under age|teen|teens|teenage|"
                r"teenager|teenagers|preteen|preteens|tween|tweens|toddler|toddlers|infant|infants|"
                r"schoolgirl|schoolgirls|schoolboy|schoolboys|little girl|little girls|little boy|little boys|"
                r"young girl|young girls|young boy|young boys|stepdaughter|step daughter|stepson|step son|"
                r"juvenile|adolescent|adolescents|pubescent|prepubescent|middle schooler|"
                r"high schooler|grade schooler|elementary school|middle school|high school|kindergarten|"
                r"jailbait|barely legal|young looking|youthful looking|school uniform|"
                r"(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
                r"fifteen|sixteen|seventeen|[1-9]|1[0-7]) ?(year|yr|years|yrs) ?olds?)")

_SEXUAL_WORDS = (r"(nude|nudes|naked|nudity|sex|sexual|sexually|sexy|erotic|erotica|porn|porno|pornographic|"
                 r"explicit|lingerie|panties|undress|undressed|undressing|topless|"
                 r"bottomless|stripping|striptease|stripper|seductive|seductively|sensual|aroused|arousing|"
                 r"orgasm|intercourse|fondle|fondled|fondling|fondles|molest|molested|molesting|grope|groped|"
                 r"groping|genital|genitals|lewd|nsfw|provocative|provocatively|making out|in bed with|"
                 r"spread legs|legs spread|without (any )?clothes|wearing nothing|onlyfans|fetish|hentai|ecchi)")

# "food porn", "#earthporn" are close-ups of food and landscapes, not porn (a place is no such word: "house porn");
# the minors rule still reads "porn" as a sexual word. 2026-12-06; migration 0023 replaces the seeded "porn\w*".
# A lookbehind reads the letters before "porn", not a word: no object that ends another word ("sky" in "frisky",
# "cake" in "beefcake", "plant" in "implant", "book" in "facebook").
_NOT_PORN_OBJECTS = ("food", "foodie", "earth", "architecture", "ruin", "gear", "cupcake", "coffee", "latte", "cheese",
                     "burger", "pizza", "dessert", "baking", "sneaker", "stationery", "sushi", "ramen", "noodle",
                     "organisation", "organization", "cleaning")
# One lookbehind per word: each is of fixed width, as Python's re reads them too (the rule compiler joins them).
_PORN = "".join(f"(?<!{word} )" for word in _NOT_PORN_OBJECTS) + r"porn\w*"

# One's own wrist, arm, thigh or skin cut; not what is worn on it, grows there or is done for it ("cutting his arm
# hair", "cutting her wristband off": the normaliser's run-together split reads "wrist band", "skin care"). Whole words
# only, and only after a singular: the normalised prompt has no punctuation, so a next sentence's first word follows
# ("cutting her wrists, bandages ready"), and words that often start one are not left out ("rest", "watch", "cast",
# "guards"; so "cutting his wristwatch strap" is still refused). 2026-12-07; migration 0026 puts the seeded pattern
# (both numbers in one) right.
_CUT = r"(cut|cuts|cutting|slit|slits|slitting|slash|slashing) (my|his|her|their|your) (own )?"
_NOT_ON_THE_SKIN = ("band", "bands", "strap", "straps", "brace", "braces", "cuff", "cuffs", "sleeve", "sleeves",
                    "hair", "hairs", "tag", "tags", "warmer", "warmers", "tone", "tones", "care")
_CUT_ONES_OWN = _CUT + r"(wrist|arm|thigh|skin)(?! (" + "|".join(_NOT_ON_THE_SKIN) + r")\b)"
_CUT_ONES_OWN_PLURAL = _CUT + r"(wrists|arms|thighs)"

RULES: dict[str, list[str]] = {
    "sexual_minors": [
        r"child (porn|pornography|sex|sexual abuse|abuse material)\w*", r"csam", r"cp (video|pics|porn)",
        r"loli\w*", r"shota\w*", r"pedo\w*", r"paedo\w*", r"pedophil\w*", r"jailbait", r"barely legal",
    ],
    "sexual": [
        _PORN, r"pr0n", r"xxx", r"hardcore (sex|porn|scene|scenes|xxx)", r"nsfw", r"hentai", r"onlyfans",
        r"(having|have|explicit|graphic|oral|anal|group|rough|raw) sex", r"sex (scene|tape|act|acts|video|toy|toys)s?",
        r"nude\w*", r"naked(?! (mole|eye|flame|truth|ambition|aggression))", r"nudity", r"topless", r"bottomless",
        r"genitals?", r"penis\w*", r"vagina\w*", r"vulva", r"nipples?", r"erotic\w*", r"orgasm\w*", r"masturbat\w*",
        r"blowjob\w*", r"handjob\w*", r"striptease", r"strip ?club\w*", r"(exotic|female|male|nude) strippers?",
        r"strippers? (dance|dances|dancing|pole|show)", r"stripping (off|naked|down)",
        r"fetish\w*", r"bdsm", r"bondage (gear|sex|scene|porn|play)", r"undress\w*", r"without (any )?clothes",
        r"wearing nothing", r"bare breasts", r"sexual(ly)? (explicit|act|acts|intercourse|position)",
        r"(his|her|their) clothes (off|removed)", r"take (her|his|their) clothes off", r"revenge porn",
        r"lewd", r"cum\w*shot", r"nudis(t|m|ts)",
        r"(taking|takes|take|took|pulling|pulls|pulled|slipping|slips) off (her|his|their) (\w+ )?(bra|panties|underwear|knickers|boxers)",
        r"(posing|poses|pose|dancing|dances|dance|moving|moves) (provocatively|seductively|sexually|erotically)",
        r"(touching|touches|touch|rubbing|rubs|pleasuring|pleasures) (herself|himself|themselves|each other) (\w+ )?(sexually|intimately|between)",
        r"sexually (\w+ )?(touching|touch|touches|aroused|suggestive|explicit|graphic)", r"gangbang", r"threesome", r"sex(ting)? with", r"sexy (naked|nude|pose)\w*",
        r"intercourse",
    ],
    "violence": [
        r"behead\w*", r"decapitat\w*", r"dismember\w*", r"disembowel\w*", r"eviscerat\w*", r"(?<!al )gore(?! tex)", r"gory",
        r"mutilat\w*", r"entrails", r"guts (spill|spilling|out)\w*", r"severed (head|heads|limb|limbs|arm|arms|leg|legs|hand|hands)",
        r"blood (bath|splatter|splattered|spray|spraying|gushing|pouring) \w*", r"bloodbath", r"bloody (massacre|corpse|corpses|carnage)",
        r"(mass|school|church|mosque|synagogue|supermarket|concert) shooting", r"shoot(ing|s)? up (a|the) (school|church|mosque|synagogue|crowd|mall)",
        r"shoot(ing|s)? (at )?(the )?(civilians|crowd|hostages|prisoners|protesters|unarmed people|worshippers)",
        r"(gunman|gunmen|sniper|snipers|shooter) (shooting|shoots|kills|killing|opens fire|opening fire)( on)? \w*",
        r"open(s|ing)? fire on (a |the )?(crowd|students|children|kids|people|worshippers|shoppers|protesters|civilians)",
        r"(stab|stabbing|stabs|kill|killing|kills|murder|murdering|murders|slaughter|slaughtering|"
        r"massacre|massacring|execute|executing|torture|torturing) (a |the |innocent |unarmed )?"
        r"(civilians|children|kids|crowd|people|hostage|hostages|prisoner|prisoners|villagers|students|baby|babies|woman|man|"
        r"women|men|family|families|homeless man|protesters)( to death| alive| brutally)?",
        r"(stabbed|beaten|tortured|burned|bludgeoned|hacked) to death", r"brutal(ly)? (murder|murdered|killing|killed|beating|torture)\w*",
        r"torture (scene|chamber scene|porn|video)", r"(crushed|crushing|smashed|smashing) (skull|skulls|head|heads)",
        r"skull (is |gets )?(crushed|smashed|caves in|caved in|cracked open|split open)", r"head (explod|blown off|blowing off)\w*", r"(blow|blowing|blew) (his|her|their) (head|brains) (off|out)",
        r"brains (splattered|blown out)", r"mangled (body|bodies|corpse|corpses)", r"(rotting|mutilated|bloody) corpses?",
        r"rip(ping|s)? (out|off) (his|her|their|a) (heart|eyes|limbs|arms|intestines|throat)", r"(slit|slits|slitting|slash|slashes|slashing|cut|cuts|cutting) (\w+ ){0,3}throats?",
        r"snuff (film|video)s?", r"ethnic cleansing", r"genocide (scene|video|footage)", r"war crimes? footage",
        r"flay(ed|ing)? (alive|skin)", r"burned alive", r"buried alive", r"skinned alive", r"eaten alive", r"impal(ed|ing)",
        r"cannibal\w*", r"lynch(ing|ed)", r"public execution", r"firing squad executing",
        r"torn (limb from limb|apart by)", r"exploding bodies", r"body parts (everywhere|scattered)",
    ],
    "self_harm": [
        r"suicid\w*(?! (prevention|hotline|awareness|helpline|crisis|squad|door|doors|squeeze|bomber|bombers|bombing|bombings|vest|vests))", r"self (harm|harming|injury|injuring|mutilation)\w*",
        r"selfharm\w*", r"kill(ing|s)? (myself|himself|herself|themselves|yourself)", r"end(ing|s)? (my|his|her|their|your) (own )?life",
        r"take (my|his|her|their) own life", r"taking (my|his|her|their) own life",
        _CUT_ONES_OWN, _CUT_ONES_OWN_PLURAL,
        r"(cutting|cuts|cut) (myself|himself|herself|themselves)", r"hang(ing|s|ed)? (myself|himself|herself|themselves)",
        r"overdos(e|es|ed|ing) (on|with) (\w+ )?(pills|painkillers|heroin|drugs|medication|opioids|fentanyl)", r"(swallow|swallowing|swallows) (a )?(bottle|handful) of pills",
        r"jump(ing|s|ed)? (off|from) (a |the )?(bridge|building|roof|rooftop|cliff|balcony) to (die|end|kill)\w*",
        r"starv(e|ing|es) (myself|herself|himself|themselves)", r"pro ?ana", r"thinspo\w*", r"bonespo\w*", r"meanspo\w*",
        r"purging after (eating|meals)", r"noose (around|on) (my|his|her|their) neck", r"wants? to die", r"want(s|ed)? to kill (myself|himself|herself)",
        r"bleeding wrists", r"razor blades? (on|against) (my|his|her|their) (wrist|wrists|skin|arm|arms)",
    ],
    "weapons": [
        r"(build|building|builds|make|making|makes|assemble|assembling|construct|constructing|craft|crafting|manufacture|"
        r"manufacturing|3d print|3d printing|3d printed|homemade|home made|diy|improvised) (a |an |your own |my own )?"
        r"(pipe bomb|pipe bombs|bomb|bombs|explosive|explosives|ied|ieds|grenade|grenades|molotov|molotov cocktail|"
        r"gun|guns|firearm|firearms|rifle|rifles|pistol|pistols|silencer|silencers|suppressor|suppressors|ghost gun|"
        r"napalm|thermite bomb|car bomb|suicide vest|nail bomb|land mine|landmine|chemical weapon|bioweapon|dirty bomb|"
        r"nerve agent|untraceable gun|machine gun|auto sear)",
        r"pipe bombs?", r"ghost guns?", r"auto sears?", r"bomb ?making", r"bomb recipe", r"explosives? recipe",
        r"(make|making|makes|synthesize|synthesizing|produce|producing|weaponize|weaponizing|release|releasing|spread|spreading|cook|cooking) "
        r"(sarin|ricin|anthrax|nerve agent|nerve gas|vx|vx gas|mustard gas|chlorine gas|botulinum toxin)", r"dirty bombs?",
        r"chemical weapons? (attack|recipe|synthesis)", r"car bombs?", r"suicide (vest|bomber|bombing)s?", r"nail bombs?",
        r"(full auto|fully automatic) conversion", r"convert(ing)? (a |an )?(semi auto|ar 15|rifle|glock) (to|into) (full auto|fully automatic)",
        r"untraceable (gun|guns|firearm|firearms)", r"(tatp|hmtd|anfo) (bomb|explosive|synthesis|recipe)", r"tatp",
        r"(aim|aiming|point|pointing|fire|firing|shoot|shooting) (a |an |his |her |their )?(gun|rifle|pistol|weapon|ak 47|ar 15) "
        r"(at|into) (a |the )?(crowd|people|children|kids|students|classroom|police|protesters|worshippers)",
        r"(detonat|explod)\w* (a |the )?(bomb|explosive|explosives|suicide vest) (in|at|on|among) (a |the )?(\w+ )?"
        r"(crowd|market|school|bus|train|subway|stadium|church|mosque|synagogue|concert)",
        r"molotov cocktails? (at|into|through) \w*", r"(throw|throwing|throws) (a )?molotov",
    ],
    "hate": [
        r"(kill|killing|exterminate|exterminating|gas|gassing|eradicate|eradicating|wipe out|wiping out|deport|deporting|"
        r"lynch|lynching|burn|burning|hang|hanging|purge|purging|eliminate|eliminating|get rid of) (all )?(the )?"
        r"(jews|jewish people|muslims|christians|blacks|black people|whites|white people|gays|gay people|lesbians|"
        r"trans people|transgender people|immigrants|refugees|mexicans|arabs|asians|chinese people|indians|hindus|sikhs|"
        r"gypsies|roma|africans|catholics|mormons|atheists|disabled people|homosexuals)",
        r"(jews|jewish people|muslims|christians|blacks|black people|whites|white people|gays|gay people|lesbians|trans people|"
        r"transgender people|immigrants|refugees|mexicans|arabs|asians|chinese people|indians|hindus|sikhs|gypsies|roma|"
        r"africans|catholics|women|disabled people|homosexuals) (are|as) (vermin|animals|subhuman|sub human|rats|cockroaches|"
        r"parasites|inferior|apes|monkeys|pigs|dogs|a disease|a plague|a virus|filth|scum|evil|criminals|rapists|terrorists)",
        r"(calling|calls|call|demanding|demands|urging|urges) for (all )?(the )?(jews|jewish people|muslims|christians|blacks|"
        r"black people|whites|white people|gays|gay people|trans people|immigrants|refugees|mexicans|arabs|asians|hindus|"
        r"sikhs|gypsies|roma|catholics|disabled people|homosexuals) to be (killed|burned|exterminated|hanged|gassed|deported|"
        r"eliminated|wiped out|shot|lynched|removed|expelled)",
        r"subhumans?", r"untermensch\w*", r"heil hitler", r"sieg heil", r"white power(?! ranger)", r"white pride worldwide", r"white genocide",
        r"great replacement", r"race war", r"racial holy war", r"rahowa", r"1488", r"14 88", r"fourteen words",
        r"(nazi|neo nazi|kkk|ku klux klan|white supremacist|white nationalist) (propaganda|recruitment|rally|rallies|march|parade|"
        r"glorif\w*|celebrat\w*|salute|salutes|flag|flags|uniform|uniforms|poster|posters|anthem|video)",
        r"(glorify|glorifying|celebrate|celebrating|praise|praising) (the )?(holocaust|hitler|nazis|the kkk|slavery|genocide|ethnic cleansing)",
        r"holocaust (was a hoax|denial|never happened|is a lie)", r"(burning|burn) (a )?cross (on|in front of|at) \w*",
        r"swastika (flags?|banners?|tattoos?|graffiti)", r"(mocking|mock|mocks|ridiculing) (a |the )?(jews|muslims|black|gay|trans|disabled|"
        r"asian|mexican|arab)\w*( people| man| woman| person)?", r"(master race|aryan race) (superiority|supremacy)",
        r"(racist|antisemitic|anti semitic|islamophobic|homophobic|transphobic) (caricature|caricatures|propaganda|cartoon|cartoons|"
        r"joke|jokes|rant|meme|memes|chant|chants|slur|slurs)",
        r"racial slurs?", r"ethnic slurs?", r"blackface", r"jewish (conspiracy|world domination|bankers control)",
        r"(jews|jewish) (\w+ )?(control|controlling|controls|run|running|runs|rule|ruling|rules) (the )?(world|media|banks|government|money)", r"zionist occupied",
    ],
    "likeness": [
        r"deep ?fakes?", r"deepfak\w*", r"face ?swap\w*", r"(real|actual|specific) (person|people|celebrity|politician)s? (doing|saying|nude|naked)",
        r"(my|our|his|her) (ex|ex girlfriend|ex boyfriend|ex wife|ex husband|coworker|co worker|classmate|neighbor|neighbour|boss|"
        r"teacher|roommate|crush|sister in law) (naked|nude|undressed|in lingerie|having sex|in bed|kissing me)",
        r"(using|use|from|with) (this|my|her|his|a) (photo|picture|selfie|instagram photo) of (my|her|his|a|the) (ex|coworker|co worker|classmate|neighbor|neighbour|boss|teacher|crush)\w*",
        r"(make|making|create|creating|generate|generating) (a |an )?(fake|realistic fake|convincing fake) (video|clip|footage) of (the )?(president|prime minister|senator|governor|mayor|ceo|celebrity|politician)",
        r"(president|prime minister|chancellor|pope) (\w+ )?(announcing|declaring|confessing|admitting|saying) (war|nuclear|surrender|resignation|a crime|that)",
        r"fake (news )?(footage|video|videos|clip|clips|speech|interview) of (a |the )?(real |famous |well known )?(\w+ )?(president|prime minister|senator|governor|mayor|ceo|celebrity|politician|actress|actor|singer|news anchor|king|queen|pope)",
    ],
}

COMBINATION_TERMS: dict[str, str] = {"minor_term": _MINOR_WORDS, "sexual_term": _SEXUAL_WORDS}

EXEMPLARS: dict[str, list[str]] = {
    "sexual_minors": [
        "a naked child posing for the camera",
        "an underage girl in a sexual situation",
        "a young teenager undressing in her bedroom",
        "a little boy being touched inappropriately by an adult",
        "sexualized images of children",
        "a twelve year old girl in lingerie posing seductively",
        "an adult having sex with a minor",
        "a schoolgirl in a provocative pose with her skirt lifted",
        "a preteen modeling underwear in a suggestive way",
        "kids performing sexual acts",
        "a young girl seducing an older man",
        "a middle school student in an erotic scene",
        "a teen boy and a grown woman in bed together",
        "a child bride on her wedding night",
        "a toddler in a bathtub filmed in a sexual way",
    ],
    "sexual": [
        "a couple having explicit sex on a bed",
        "a naked woman posing on a bed",
        "a pornographic scene with two people",
        "a woman taking off all her clothes slowly",
        "a man showing his genitals",
        "a stripper dancing fully nude on a pole",
        "an erotic scene with moaning and touching",
        "close up of a woman's exposed breasts",
        "two people making love with nothing on",
        "a sexual encounter in a hotel room",
        "a woman masturbating on camera",
        "an orgy with many naked bodies",
        "a seductive woman spreading her legs for the camera",
        "a man and a woman in a steamy sex scene",
        "hot girl getting undressed in the shower showing everything",
        "a couple in explicit intimate positions, nothing left covered",  # not "adult video of ...": 0010
    ],
    "violence": [
        "a man being beheaded with a knife, blood everywhere",
        "a graphic murder scene with a body cut into pieces",
        "soldiers torturing a prisoner until he bleeds to death",
        "a gunman shooting people in a crowded school hallway",
        "a person stabbed repeatedly with blood spraying",
        "a car crash with mangled bodies and severed limbs on the road",
        "zombies ripping a man apart and eating his intestines",
        "a dog being beaten to death with a bat",
        "a brutal execution of hostages in the desert",
        "a close up of a gunshot wound to the head with brains splattered",
        "a massacre of villagers with bodies piled up",
        "someone's face being smashed in until it is unrecognizable",
        "a woman being burned alive while screaming",
        "a gory fight where a man's eye is gouged out",
        "a chainsaw cutting through a screaming person",
        "people being hacked to death with machetes",
        "bodies lying in pools of blood after an attack",
        "a man getting his fingers cut off one by one",
        "a close up of a bullet tearing through someone's body",
        "an animal being slaughtered with its throat cut on camera",
        "a victim's bones snapping as he is crushed",
        "a gruesome industrial accident that mangles a worker",
        "a soldier executing a kneeling civilian with a pistol",
        "a man kicked and stomped on the ground until he stops moving",
        "blood pouring from a woman's head after she is hit with a brick",
        "a torture scene with electric shocks and screaming",
        "a person being eaten alive by sharks, water turning red",
    ],
    "self_harm": [
        "a teenager cutting her arm with a razor blade",
        "a man hanging from a rope in his garage",
        "a person swallowing a whole bottle of pills to die",
        "someone standing on a bridge ready to jump and end it all",
        "a girl with fresh cuts on her wrists bleeding into the sink",
        "a person shooting themselves in the head",
        "an extremely thin girl starving herself proud of her ribs",
        "a step by step video of how to kill yourself",
        "a depressed man writing a goodbye note before taking his life",
        "a woman burning her own skin with a lighter",
        "a boy tying a noose in his bedroom",
        "someone making themselves vomit after every meal to lose weight",
        "a person bleeding out in a bathtub after slashing their wrists",
        "inspiring video encouraging people to hurt themselves",
        "a person taking their own life",
        "someone hurting themselves on purpose with a sharp object",
        "a girl pressing a blade into her skin until it bleeds",
        "a man swallowing poison to end his life",
        "a person walking into the sea to drown themselves",
        "a teenager hitting her head against the wall until she bleeds",
        "a video that teaches methods of suicide",
        "a person stepping off a ledge because they want to die",
        "a woman injecting herself with an overdose on purpose",
        "someone burning themselves deliberately to feel pain",
        "a starving anorexic girl refusing food, praised for getting thinner",
        "a man lying in the bath with slit wrists",
    ],
    "weapons": [
        "step by step tutorial on building a bomb at home",
        "how to make a pipe bomb from hardware store parts",
        "a man assembling an untraceable gun in his garage",
        "instructions for converting a rifle to fully automatic",
        "making a molotov cocktail and throwing it at a police car",
        "a terrorist building an explosive vest",
        "3d printing a working handgun with no serial number",
        "mixing chemicals to make a poison gas weapon",
        "a gunman aiming his rifle at children in a playground",
        "a guide to making a homemade silencer for a pistol",
        "a person planting a bomb under a car",
        "manufacturing explosives in a secret lab",
        "a drone armed with a grenade attacking a crowd",
        "assembling an improvised explosive device with a timer",
        "instructions for making an explosive at home",
        "a person building a bomb with wires and a timer",
        "cooking up a chemical that can kill a crowd",
        "making a firearm from scratch in a workshop to avoid background checks",
        "how to make incendiary devices to set buildings on fire",
        "a tutorial for turning fireworks into a deadly bomb",
        "someone smuggling a gun onto an airplane",
        "a homemade flamethrower aimed at people",
        "assembling an untraceable assault rifle from parts",
        "a how-to for poisoning a city's water supply",
        "a man firing into a crowd of shoppers",
        "recipes for explosives from household products",
    ],
    "hate": [
        "a crowd chanting that jews should be exterminated",
        "a propaganda video saying immigrants are vermin",
        "a rally of neo nazis saluting with swastika flags",
        "a cartoon mocking black people as monkeys",
        "a video praising hitler and the murder of jews",
        "men in white hoods burning a cross outside a family's home",
        "a speech calling for all muslims to be driven out",
        "a poster saying gay people are a disease",
        "a racist caricature of an asian person with slanted eyes",
        "white supremacists marching with torches shouting racial slurs",
        "a video claiming one race is superior and others should be eliminated",
        "a mob attacking a mosque while shouting insults",
        "a sign saying no dogs or mexicans allowed",
        "a recruitment video for a white nationalist militia",
        "a group of people called animals because of their religion",
        "a cartoon portraying jewish people as greedy rats",
        "a propaganda poster dehumanizing immigrants as insects",
        "a speech saying a race should be wiped off the earth",
        "a crowd celebrating the lynching of a black man",
        "people comparing black people to apes",
        "a meme mocking gay people as diseased perverts",
        "a video encouraging violence against muslims",
        "a flag with nazi symbols paraded through a jewish neighborhood",
        "a song calling for the death of all foreigners",
        "an ad saying disabled people are useless and should be eliminated",
        "a rally shouting racial insults at asian families",
    ],
    "likeness": [
        "a deepfake of a famous actress in a compromising situation",
        "the president announcing a nuclear strike in a fake speech",
        "a realistic fake video of a celebrity committing a crime",
        "put my coworker's face on a naked body",
        "make a video of my ex girlfriend using her instagram photos",
        "a fake clip of a politician taking a bribe",
        "swap the face of a famous singer onto an adult film actress",
        "a video of a real news anchor saying something she never said",
        "a convincing fake of the prime minister confessing to fraud",
        "my classmate's face on a woman dancing in her underwear",
    ],
}

# A few public figures as examples; operators maintain their own list (and reference photos) in the admin.
PROTECTED_PERSONS: dict[str, list[str]] = {
    "Taylor Swift": ["T Swift", "Tay Tay"],
    "Barack Obama": ["Obama"],
    "Donald Trump": ["President Trump"],
    "Joe Biden": ["Biden"],
    "Elon Musk": [],
    "Emma Watson": [],
    "Scarlett Johansson": [],
    "Pope Francis": [],
    "Volodymyr Zelensky": ["Zelenskyy", "Zelenskiy"],
    "Vladimir Putin": ["Putin"],
    "Xi Jinping": [],
    "Kim Jong Un": [],
    "Keanu Reeves": [],
    "Tom Hanks": [],
    "Beyonce": ["Beyonce Knowles"],
    "King Charles III": ["King Charles"],
}


# --- added 2026-12 (migration 0003 adds what is missing to an existing database) ----------------------------
# Broader minor signals and sexualised contexts, as more combination rules: a prompt with any minor term and
# any sexual term is blocked as sexual content involving minors, whatever else it says.
_NUM_WORDS_MINOR = ("(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                    "sixteen|seventeen|[1-9]|1[0-7])")
_NUM_TEEN = "(five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|[5-9]|1[0-7])"
_ORDINALS = ("(1st|2nd|3rd|[4-9]th|1[0-2]th|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
             "eleventh|twelfth)")
MINOR_TERMS_ADDED: list[str] = [
    # ages
    rf"(aged?|age of|ages) {_NUM_WORDS_MINOR}", rf"{_NUM_WORDS_MINOR} years? of age",
    rf"(she|he) (is|s|was) (only |just |barely |about |maybe |around )?{_NUM_TEEN}(?! (feet|foot|ft|inches|meters|metres|minutes|hours|am|pm|oclock|percent|times|weeks|days|months|pounds|kg|kilos|of|in|to|and|or))",
    rf"(just |barely |recently )?turn(ed|s|ing)? {_NUM_WORDS_MINOR}",
    rf"(girl|girls|boy|boys|kid|kids|child|children|daughter|son|niece|nephew|pupil|dancer|"
    rf"gymnast|cheerleader|contestant|teen|teenager) (of |aged |age )?{_NUM_TEEN}(?! (feet|foot|ft|meters|metres|minutes|hours|am|pm|percent|dollars))",
    rf"(looks|looking|look|looked) (about |around |like (she|he) is |like (she|he)s |no older than |no more than )?{_NUM_TEEN}",
    r"under (18|eighteen|age|the age of (18|eighteen|consent))", r"not (yet )?(18|eighteen)( yet)?", r"below the age of consent",
    rf"{_NUM_WORDS_MINOR} ?(anos|ans|jahre|jahrige|jahrigen|anni|lat|let|jaar|jarige|vuotias)",
    # school
    rf"{_ORDINALS} (grade|grader|graders|form|former|formers)", rf"grade {_NUM_WORDS_MINOR}( student| students| pupil| pupils| girl| boy)?",
    r"(year|yr) ([1-9]|1[01]) (pupil|pupils|student|students|girl|girls|boy|boys|class)",
    r"(primary|elementary|grade|middle|junior high|prep|grammar) (school|schooler|schoolers)",
    r"pupils?(?! (dilate|dilated|dilating|dilation|of))",
    r"school ?(girl|girls|boy|boys|kid|kids|child|children)", r"(freshman|sophomore) (in high school|girl|girls|boy|boys)",
    r"junior high", r"kindergartn?ers?", r"preschool(er|ers)?", r"nursery school", r"daycare",
    # child words
    r"(tiny|small) (girl|girls|boy|boys|kid|kids|child|children)",
    r"(little|lil) (girl|girls|boy|boys|one|ones|princess|princesses|ballerina|ballerinas|cheerleader|cheerleaders|"
    r"model|models|dancer|dancers|sister|sisters|brother|brothers|miss|lady|angel|angels|daughter|niece|nephew|son|kid|kids|"
    r"child|children|gymnast|gymnasts|beauty|darling|cutie|cuties|babe|student|students)",
    r"kiddos?", r"kiddies", r"kiddy", r"youngsters?", r"tots?", r"tykes?", r"moppets?", r"lolita", r"nymphets?",
    r"boys?(?! (shorts|band|bands|friend|friends|club|toy|toys|cut))",
    r"(young|younger|very young|too young|youthful|underaged?)( \w+)? (girl|girls|boy|boys|teen|teens|model|models|dancer|dancers|one|ones|thing|things|body|bodies)",
    r"(daughter|daughters|niece|nieces|nephew|nephews|granddaughter|granddaughters|grandson|grandsons|son|sons|stepkid|stepkids)",
    r"bab(y|ies)(?! (oil|doll|dolls|blue|pink|bump|shower|boomer|boomers|back|spinach|carrots|face|powder))", r"newborns?",
    r"(girl|boy|cub|eagle|brownie|daisy) scouts?", r"brownies? (troop|uniform|uniforms|pack)", r"scout (troop|troops|camp|uniform|uniforms|leader)",
    r"pageants?", r"(toddlers? (and|&) tiaras)", r"tweenagers?", r"youth (group|team|camp|pastor|league|club|choir)",
    r"altar (boy|boys|girl|girls)", r"choir ?(boy|boys)", r"(summer|sleepaway) camp(er|ers)?", r"sleepover", r"slumber party",
    # bodies and clothing that mark a child
    r"flat ?chest(ed)?", r"training bras?", r"first bra", r"(undeveloped|developing|prepubescent|pubescent|childlike|child like|"
    r"child sized|child s|kid s|childish) (body|bodies|chest|chests|figure|breasts|frame|hips)", r"pigtails?",
    r"(barely|just) (developed|developing|pubescent)", r"hasn t (hit|reached) puberty", r"before puberty", r"diapers?",
    # other languages (normalised: accents folded)
    r"ninos", r"nenas?", r"chiquill[ao]s?", r"colegial(a|as)", r"menor(es)? de edad", r"enfants?", r"fillettes?", r"petite fille",
    r"petit garcon", r"gamines?", r"ecolieres?", r"collegiennes?", r"lyceennes?", r"kleine[sn]? madchen", r"madchen", r"schulmadchen",
    r"minderjahrige?", r"bambin[aoie]", r"ragazzin[aoie]", r"crianca(s)?", r"menin[ao]s?", r"dziecko", r"dzieci", r"dziewczynka",
]
# Child marriage is a sexual context for the minors rule, except as what a campaign, a documentary or its survivors
# speak of ("a documentary about ending child marriage", "a campaign against child brides", "survivors of child
# marriage", "child marriage awareness"); any other sexual word still combines with the child, and a marriage's
# sexual side is one (SEXUAL_TERMS_ADDED_12). 2026-12-06; migration 0023 replaces the pattern that had no exception.
# The words before are whole words (a space before them: "cartoon child bride" is no "on child bride").
_CHILD_MARRIAGE = (r"(?<! (ending|end|ends|ended|stop|stops|stopping|against|fight|fighting|fights|ban|bans|banning|"
                   r"outlaw|outlawing|prevent|prevents|preventing|prevention of|abolish|abolishing|combat|combating|"
                   r"combatting|tackle|tackling|eradicate|eradicating|reduce|reducing|about|on|of|escaping|escape|"
                   r"escaped|fled|fleeing|former|say no to) )"
                   r"(child|child s) (bride|brides|marriage|marriages)(?! (awareness|campaign|campaigns|prevention|"
                   r"survivor|survivors|crisis|rate|rates|law|laws|statistics|activist|activists|programme|program|"
                   r"charity|charities))")
SEXUAL_TERMS_ADDED: list[str] = [
    r"(seduc\w*|unzip\w*|unbutton\w*|seductive|seductively|sultry|sensual|sensually|suggestive|suggestively|alluring|flirtatious|flirty|flirting|coquettish|"
    r"lustful|lust|horny|kinky|kink|intimate|intimately|sexualis\w*|sexualiz\w*|sexualised|sexualized|"
    r"erotique|erotico|erotica|erotisch|titillat\w*|racy|risque|x rated|adults only|adult only|for adults|adult content|"
    r"adult film|adult video|adult audience|adult magazine|adult website|18 plus|mature audiences|not safe for work|"
    r"come hither|bedroom eyes|pin ?up (model|models|girl|girls|pose|poses|style)|playboy|centerfold|boudoir|glamour (shoot|photoshoot|shots|photos))",
    # dances
    r"(twerk\w*|lap ?dances?|lap dancing|pole ?danc\w*|grind(ing|s)? (on|against)|gyrat\w*|hip thrust\w*|body rolls?|booty shak\w*|"
    r"shak(ing|es|e) (her|his|their) (butt|booty|hips|bottom|chest)|dirty dancing|exotic danc\w*|burlesque|stripper|strippers|striptease|stripteases|stripping|"
    r"strip(s|ped)? (off|down|naked|club|show|poker|tease)|"
    r"sexy danc\w*|dance (\w+ )?for (the )?(men|man|older men|grown men|adults|him|daddy|strangers|viewers|tips|money))",
    # poses
    r"(arch(ing|ed|es)? (her|his|their) back|arched back|spread(ing|s)? "
    r"(her|his|their) legs|legs apart|straddl\w* (a |an |the |his |her )?(man|men|adult|lap|him)|(on|in) (his|a man s|a mans|an adult s|daddy s|daddys|the man s|the mans|an older man s|"
    r"a stranger s|grown man s|a grown man s) lap|sitting on (his|a man s|an adult s) lap|pouting lips|biting (her|his) lip|"
    r"(pose|poses|posing|posed) (\w+ )?(for|in front of) (a |an |the )?(man|men|older man|older men|grown man|grown men|adult|adults|stranger|strangers|photographer s bed|his camera|a man s camera))",
    # clothing and undressing
    r"(lingerie|underwear|panties|knickers|thong|g ?strings?|bras|negligee|nightie|see ?through|sheer (nightgown|top|dress|shirt)|"
    r"skimpy|revealing (outfit|clothes|dress|top)|wet (t ?shirt|shirt|clothes|dress)|mini ?skirt|very short skirt|up ?skirt|"
    r"skirt (lifted|riding up|blowing up|pulled up)|fishnets?|(fishnet|silk|nylon|sheer|lace|thigh high) stockings|garter\w*|corset|"
    r"latex (outfit|suit|catsuit|dress|lingerie)|cleavage|"
    r"low cut|tiny bikini|string bikini|thong bikini|bikini (photoshoot|shoot|contest|model)|skin ?tight|body ?hugging|"
    r"(taking|takes|take|took|pulling|pulls|slipping|slips|removing|removes|peeling|peels) (off )?(her|his|their) (clothes|clothing|dress|skirt|pants|underwear|swimsuit|bikini|nightgown|towel)|"
    r"clothes (off|coming off|come off)|(top|towel|dress|strap) (slips|slipping|falls|falling) (off|down)|only (a|in a|wearing a) towel|"
    r"wearing only (a |her |his |their )?(underwear|panties|towel|bra|lingerie|thong|socks|a smile)|"
    r"showing (more skin|off (her|his|their) body|her body|his body|their body)|private parts|privates|crotch|buttocks|"
    r"breasts?|boobs|nipples?|bare (skin|body|bottom))",
    # camera and audience
    r"(camera|lens|shot|shots|close ?ups?) (\w+ )?linger\w*", r"linger(s|ing|ed)? (\w+ ){0,3}on (her|his|their)",
    r"(zoom\w*|focus\w*|pans?|panning) (\w+ )?(in )?(on|over|along|up) (her|his|their) (body|chest|thighs|butt|bottom|hips|crotch|curves|breasts|panties|underwear|swimsuit|bikini)",
    r"voyeur\w*", r"peeping", r"spy ?cam\w*", r"hidden camera (in|inside) (the |a )?(bathroom|shower|changing room|locker room|bedroom)",
    r"for (the |an )?(men|man|older men|older man|grown men|grown man|adult men|adult viewers|adults) (watching|who watch|viewers|audience|to watch|to enjoy)",
    r"(bend|bends|bending|bent) over (slowly|for)", r"slowly (bend|bends|bending) over",
    r"(for|in front of|to) the (men|man|older men|grown men|adult men) (in|at|on) the (stands|crowd|audience|bar|club|front row)",
    r"(private|webcam|cam) (show|shows|session|photoshoot|photo shoot)", r"cam ?girls?", r"for tips", r"sugar daddy",
    r"(to please|pleasing|pleasure|pleasuring) (him|men|a man|adults|the man|daddy|older men)",
    # contact and relationships with adults
    r"(groom|grooms|grooming|groomed) (by )?(an |a )?(adult|man|older man|stranger|predator|online)", r"grooming",
    r"(touch|touches|touching|touched|caress\w*|stroking|strokes|rubbing|rubs) (\w+ ){0,2}(inappropriately|intimately|sexually|between (her|his) legs|under (her|his) (clothes|skirt|shirt))",
    r"(caress\w*|fondl\w*|grop\w*|molest\w*|rape|raped|raping)", r"(sensual|oil|body) massage",
    r"(bath|bathing|shower|showering|bed|sleeping|in bed|hot tub|jacuzzi) with (a |an |the |his |her )?(grown |older |adult )?(man|men|adult|adults|stranger|strangers|coach|teacher|neighbour|neighbor|uncle)",
    r"(sharing|shares|share) (a |the )?bed with (a |an |the )?(grown |older |adult )?(man|men|adult|stranger|coach|teacher)",
    r"(kiss\w*|making out|cuddl\w*|flirt\w*|dating|date|romance|romantic|in love|relationship|affair|married|marry|marries|wedding night|honeymoon) "
    r"(\w+ ){0,3}(an adult|a grown|an older|older man|older men|grown man|grown men|middle aged|his teacher|her teacher|her coach|his coach|an old man|a man in his)",
    r"(an adult|a grown man|an older man|grown men|a middle aged man|her teacher|her coach|his teacher|his coach) (\w+ ){0,2}(kiss\w*|making out with|in bed with|undress\w*|touch\w*|flirt\w*|seduc\w*)",
    _CHILD_MARRIAGE, r"wedding night", r"first time with (an? )?(adult|man|older|grown)",
    r"(object|objects) of (\w+ )?desire",
    r"french kiss\w*", r"making out", r"hickeys?", r"(send|sending|sends|sent) (\w+ )?(photos|pictures|pics|selfies) (of (her|him)self|to (a |an )?(man|adult|stranger))",
    r"(desnud\w*|nackt\w*|nudas?|sexo|sexe|sesso|seks|lenceria|ropa interior|unterwasche|dessous|culotte|bragas|tanga|sinnlich|"
    r"sensuelle?|seductora|provocativa|sugerente|ausziehen|zieht sich aus|se desnuda|cachond[ao])",
]

RULES_ADDED: dict[str, list[str]] = {
    "sexual_minors": [
        r"(groom|grooming|groomed) (a |the )?(child|children|kid|kids|minor|minors|girl|boy|teen|teens)\w*",
        r"(sexualis|sexualiz)\w* (a |the )?(child|children|kid|kids|minor|minors|little|young|toddler|preteen)\w*",
    ],
    "violence": [
        r"(beating|beatings|lynching|killing|killings|murder|murders|shooting|massacre|execution|executions|stabbing|torture|"
        r"slaughter|bombing|rape|assault) (\w+ ){0,3}(portrayed|shown|depicted|presented|framed|celebrated|played|treated) as "
        r"(heroic|heroes|justified|glorious|righteous|a victory|deserved|funny|justice|entertainment|a triumph|triumphant|noble|cool)",
        r"(how to|way to|ways to|tutorial on|guide to|teaching how to|teaches how to|learn to|methods? (to|of|for)) "
        r"(kill|murder|strangle|poison|stab|suffocate|torture|drown|behead|assassinate|maim) (a |an |the |my |your |his |her )?"
        r"(someone|somebody|people|person|man|woman|wife|husband|child|kid|baby|neighbour|neighbor|witness|boss|enemy|family|cat|dog)",
        r"(beat|beats|beating|beaten|stomp\w*|kick\w*|bludgeon\w*|pummel\w*) (\w+ ){0,4}(to death|until (he|she|they) (stops|stop) "
        r"(moving|breathing)|until (his|her|their) (skull|head|face) (cracks|caves in|breaks|splits))",
        r"(skull|skulls) (crack|cracks|cracking|cracked|shatter\w*|split|splits|splitting|caves? in|caving in)",
        r"(stomp|stomps|stomping|stomped) on (his|her|their|a|the) (head|face|skull)",
    ],
    "self_harm": [
        r"how many (\w+ )?(pills|tablets|sleeping pills|painkillers|paracetamol|tylenol|aspirin|insulin) (\w+ ){0,4}(to die|to kill|"
        r"to not wake up|to never wake up|not to wake up|to overdose|is fatal|are fatal|would kill|to end it)",
        r"(painless|easiest|quickest|fastest|best|surest|quietest|cleanest) (way|ways|method|methods) to (die|end it|end my life|"
        r"kill myself|kill yourself|go|disappear forever)",
        r"(go to sleep|fall asleep|sleep) (forever|and never wake up|and not wake up)", r"never wake up again", r"end(ing|s)? it all",
        r"(goodbye|suicide) (note|notes|letter|letters)",
        r"(cuts|scars|cutting|wrists?|blood) (\w+ )?(aesthetic|as art|are beautiful|is beautiful|so pretty|look pretty)",
        r"(tie|ties|tying|tied) (a |the )?noose", r"(hide|hiding|hides|cover|covering) (my |her |his |your |their )?(cuts|scars|self harm)",
        r"(thigh gap|collarbones?|hip bones|ribs|bones) (\w+ )?(goals?|inspo|inspiration)",
        r"(carv|carve|carves|carving|carved) (\w+ ){0,2}into (my|her|his|their) (own )?(skin|arm|arms|wrist|wrists|thigh|thighs|leg|legs)",
        r"(stepping|step|steps|stepped|jumping|jump|jumps|jumped|leaping|leap|leaps|falling) (off|from) (the |a )?(edge|ledge|railing|roof|"
        r"rooftop|bridge|balcony|cliff|window)( of [a-z ]{1,30})? (\w+ ){0,3}(to (his|her|their|my) death|on purpose|and not coming back|forever|to die)",
        r"bleed(ing|s)? out (in|on) (the|a|her|his|their) (bath|bathtub|tub|floor|bed|bathroom)",
        r"(walk|walks|walking|walked) into the (sea|ocean|lake|river) (\w+ ){0,3}(never|not) (coming|come|came) back",
        r"(car|engine) running in (a |the )?(closed|shut|sealed) garage", r"plastic bag over (my|her|his|their) (own )?head",
        r"(fresh |red |bleeding |deep )+(lines|cuts|slashes|gashes) (on|across|in) (her|his|their|my|a|the) "
        r"(arm|arms|forearm|forearms|wrist|wrists|thigh|thighs|skin)",
    ],
    "hate": [
        r"final solution", r"(cleanse|cleansing|purify|purifying|purge|purging|rid) (the |our |this )?(nation|country|race|town|city|land|"
        r"blood|streets|neighbourhood|neighborhood) (of|from)",
        r"(gas|gassing|gassed) (the )?\w+ (in|into) (the )?(chambers|showers|camps)", r"into (the )?gas chambers?",
        r"(go back|send them back) (\w+ )?or (die|be killed|we kill)", r"will not replace us", r"(you|jews) will not replace us",
    ],
}

# Benign collocations masked before sexual terms are looked for next to a minor signal ("a sex education
# class for teenagers" is a class, not sexual content; "a naked child" still blocks).
BENIGN_SEXUAL_COLLOCATIONS = (r"\b(for adults and (kids|children|teens)|(kids|children|teens) and adults|sex education|sex ed|sexual health|breast ?feed\w*|breast (cancer|exam|milk|pump)|sexual abuse (prevention|awareness)|sex of the baby|"
                              r"(abuse|grooming) (prevention|awareness)|body safety|puberty (class|lesson|talk|education)|"
                              # body-safety teaching: the NSPCC's "Underwear Rule", reporting and spotting grooming
                              r"the underwear rule|report(ing)? (online )?grooming|(warning signs|red flags) of (online )?grooming|"
                              r"(spot|spotting|recogni[sz]e|recogni[sz]ing|prevent|preventing) (the signs of )?(online )?"
                              r"grooming|talk(ing)? to (\w+ ){1,2}about (online )?grooming|"
                              r"(psa|psas|campaign|lesson|workshop|leaflet|guide|tips)( for parents)? about (online )?grooming|"
                              # petting an animal is not a caress; "en dessous" is French for "underneath"
                              r"(caress\w*|strok\w*|pet|pets|petting|cuddl\w*|caresse|caressant|streichel\w*|acaricia\w*|"
                              r"accarezz\w*) (a |an |the |her |his |their |un |une |le |la |el |den |die |das |il )?(\w+ )?"
                              r"(cat|cats|kitten|kittens|dog|dogs|puppy|puppies|horse|horses|pony|bunny|rabbit|pet|pets|lamb|"
                              r"hamster|chat|chien|chaton|gato|perro|katze|hund|gatto|cane|cachorro)|(en|au|ci|la|par) dessous|"
                              r"stranger danger|same sex|opposite sex|"
                              # activities offered to grown-ups ("a summer camp for adults") are not content for them
                              r"(camp|camps|class|classes|course|courses|lesson|lessons|league|leagues|choir|program|"
                              r"programme|team|teams|club|clubs|workshop|workshops|tickets?) for adults)\b")
# Swedish, Danish and Norwegian "sex"/"seks" is six; sex education in more languages (safety/lexicons.py).
# Masked before the minor substrings are looked for: "twenty five" holds "five" (safety/lexicons.py).
ADULT_TENS_AND_UNITS = lexicons.ADULT_TENS_AND_UNITS
BENIGN_SEXUAL_COLLOCATIONS += "|" + lexicons.BENIGN_SEXUAL_COLLOCATIONS_ADDED_4
for _collocations in (lexicons.BENIGN_SEXUAL_COLLOCATIONS_ADDED_5, lexicons.BENIGN_SEXUAL_COLLOCATIONS_ADDED_6,
                      lexicons.BENIGN_SEXUAL_COLLOCATIONS_ADDED_7, lexicons.BENIGN_SEXUAL_COLLOCATIONS_ADDED_8,
                      lexicons.BENIGN_SEXUAL_COLLOCATIONS_ADDED_9):
    if _collocations:  # an empty alternative would mask every sexual context
        BENIGN_SEXUAL_COLLOCATIONS += "|" + _collocations

# A rule hit whose matched words are only these, in a prompt with this context and none of the graphic
# words, is left to the classifier instead of blocking at once: art-class nudity, signs, medicine,
# prevention of self-harm, documentaries and history. (Patterns over the normalised prompt.)
RULE_DEFERRALS: dict[str, tuple[str, str]] = {
    "sexual_minors": (r"^(sex education|sex ed|sexual health|consent education)$",
                      r"\b(class|classes|lesson|lessons|teacher|school|poster|puberty|consent|health|curriculum)\b"),
    "sexual": (
        r"^(nude|nudes|naked|nudity|nudist|nudists|nudism|topless|genitals?|penis|vagina|vulva|nipples?|bare breasts|breasts?)$",
        r"\b(art class|art school|art student|art students|life drawing|figure drawing|drawing class|sketch\w*|sculpt\w*|statues?|"
        r"museum|gallery|galleries|paint(ing|ings|er|ers|ed)|renaissance|classical|marble|fresco|venus|michelangelo|greek|roman|"
        r"sign|signs|signpost|prohibited|not allowed|forbidden|no nudity|medical|anatomy|anatomical|doctor|gynecolog\w*|urolog\w*|"
        r"clinic|diagram|textbook|lecture|biology|health class|breast (cancer|exam|self exam|screening)|mammogram|breastfeed\w*|"
        r"colou?r(ed)?|lipstick|heels|shade|palette|tones?|makeup|nail polish|mole rats?|eye|"
        # a naked cake is a cake without icing on its sides
        r"cakes?|buttercream|frosting|icing|sponge|bakery|baker|bakes?|baking)\b"),
    "self_harm": (
        r"^(suicid\w*|self (harm|harming|injury)\w*|selfharm\w*|wants? to die|kill(ing|s)? (myself|himself|herself|themselves|yourself)|"
        r"(cut|cuts|cutting) (myself|himself|herself|themselves))$",
        r"\b(prevention|prevent|preventing|awareness|hotline|helpline|crisis (line|counsel\w*|center|centre)|support group|survivors?|"
        r"memorial|grief|grieving|counsel\w*|therapist|therapy|recovery|recovering|getting help|get help|seek help|warning signs|"
        r"not alone|psychiatrist|psychologist|training|documentary|research|statistics|charity|fundraiser|vigil|"
        r"prevencion|pravention|prevencao|prevenzione|ayuda|aide|hilfe|ajuda|aiuto|concienciacion|sensibilisation|"
        # the words of safe messaging and of those left behind; sprints and drills are a coach's "suicides"; a slice
        # of cake is what one cuts oneself in a kitchen
        r"died by|lost (my|his|her|their|our) \w+ to|after (his|her|their|a|my) (\w+ )?suicide|remembrance|fun run|"
        r"risk assessment|screening questions|safety plan|nurs(e|es|ing)|sprints?|drills?|shuttle runs?|"
        r"slice|slices|piece|wedge|portion|serving|cake|bread|sourdough|loaf|pie|pizza|sandwich|toast|"
        # explaining, reporting and moderating it: the classifier judges what is shown
        r"explainers?|what to say|psa|public service announcement|moderation policy|moderator training|safe messaging|"
        r"reply templates|talk to someone|reach out|reaching out|news (report|anchor|segment|story)|lesson plan|"
        r"health class)\b"),
    "hate": (
        r"^(nazi|neo nazi|kkk|ku klux klan|white supremacist|white nationalist) (propaganda|rally|rallies|march|parade|flag|"
        r"flags|uniform|uniforms|poster|posters|video)$",
        r"\b(documentary|history lesson|history class|historian|historical|museum|memorial|archival|exhibit|exhibition|"
        r"textbook|lecture|teacher|explaining|explains|lesson|against|survivors?|victims)\b"),
    "violence": (
        r"^(massacre\w*|genocide \w+|ethnic cleansing|war crimes? footage|public execution|lynch\w*|"
        r"(mass|school|church|mosque|synagogue|supermarket|concert) shooting)$",
        r"\b(documentary|history lesson|history class|historian|historical|museum|memorial|archival|survivors?|remembrance|"
        r"commemorat\w*|exhibit|exhibition|textbook|lecture|anniversary|vigil|news report|trial|tribunal)\b"),
    # The word "deepfake" in teaching people to spot one: the classifier judges the scene (a named real person in a
    # deceptive scene is still refused by its own rule and by the classifier's likeness score).
    "likeness": (
        r"^(deep ?fakes?|deep ?faked|face ?swap\w*)$",
        r"\b(fact ?check\w*|how to spot|spot(ting)? (a |the )?deep ?fakes?|detect(ing|ion)? (a |the )?deep ?fakes?|"
        r"deep ?fake detection|debunk\w*|media literacy|news literacy|explainers?|"
        r"awareness|lesson|lesson plan|workshop|researchers?|trust and safety|wax (museum|figures?)|"
        r"tribute (singer|act|band))\b"),
}
# More deferrals (added 2026-12-05), (category, matched words, context, a veto of its own) each: a report on seized
# 3D-printed or ghost guns (not one that goes on to make one: a rule's later matches are judged too, safety/rules.py);
# a comedian who "murders the crowd" (not with a weapon or a wound); recovery told years on.
RULE_DEFERRALS_ADDED: tuple[tuple[str, str, str, str], ...] = (
    ("weapons",
     r"^((3d print|3d printing|3d printed|homemade|home made|improvised) (gun|guns|firearm|firearms|pistol|pistols|"
     r"rifle|rifles|ghost gun|untraceable gun)|ghost guns?)$",
     r"\b(news (report|reports|segment|story|anchor|bulletin)|journalists?|reporters?|reports on|press conference|"
     r"seiz\w*|confiscat\w*|evidence (bag|bags|room)|police (spokes\w*|press)|court|trial|legislation|lawmakers|"
     r"museum|exhibit\w*|documentary|amnesty|buyback|buy back)\b",
     r"\b(build\w*|make|makes|making|assembl\w*|print (your|my|his|her|their) own|your own|at home|in (his|her|my|a) "
     r"(garage|kitchen|workshop|basement))\b"),
    ("violence",
     r"^(kill|kills|killing|murder|murders|murdering|slaughter|slaughtering) (the )?crowd$",
     r"\b(comic|comics|comedian|comedians|comedy|stand up|standup|open mic|punchline|jokes?|takes a bow)\b",
     r"\b(with (a|an|his|her|their) \w+|weapon\w*|knife|knives|machete|chainsaw|axe|gun|guns|rifle|shoot\w*|stab\w*|"
     r"flamethrower|fire|burn\w*|truck|car|bomb\w*|explo\w*|bodies|body|corpses?|limbs?|dead|dying|wounded|injured|"
     r"bleed\w*|running|fleeing|panic\w*|victims?|literally|real)\b"),
    ("self_harm",
     r"^(self (harm|harming|injury)\w*|selfharm\w*)$",
     r"\b(years free|months free|free of self harm|healed|hopeful|faded scars|old scars)\b",
     r"\b(again|relapse\w*|fresh|new cuts?|still cuts?|tonight|right now|show (how|her|him|the))\b"),
)
# A veto word negated in the prompt ("no pills", "nothing graphic", "no depiction of any method", "non graphic")
# does not keep the hit a block: the classifier still judges the prompt. Not when the words after it undo the
# negation ("nothing graphic left out", "no heroic angle is off limits", "no gory detail spared").
RULE_DEFERRAL_VETO_NEGATED = (r"\b(no|not|nothing|without|never|zero|non)( (any|the|a|an|real|actual|visible|"
                              r"obvious|explicit|on screen|(depiction|depictions|mention|images?|signs?|details?|"
                              r"shots?) of( any| the)?))? $")
RULE_DEFERRAL_VETO_NEGATION_UNDONE = (r"( \w+){0,3} (left|left out|leave out|spared|spare|off limits|missing|"
                                      r"held back|hold back|hidden|cut|cut out|skipped|omitted|barred|too|is|are|was|"
                                      r"were|will|can|should|must|allowed|forbidden|taboo|excluded|out)\b")
# Any of these in the prompt keeps a rule hit a block whatever the context.
RULE_DEFERRAL_VETO = (r"\b(blood|bloody|gore|gory|graphic|in detail|detailed|linger\w*|scream\w*|guts|"
                      r"brains|realistic footage|celebrat\w*|heroic|glorif\w*|erotic|"
                      # the act recreated or seen through the attacker's eyes
                      r"recreat\w*|re creat\w*|reenact\w*|re enact\w*|livestream\w*|first person|"
                      r"(shooter|shooters|gunman|gunmans|attacker|attackers|killer|killers|bomber|bombers) "
                      r"(pov|point of view|perspective|side|view|eyes|helmet cam\w*)|"
                      # instructions veto only when they are instructions for the act ("how to recognise suicide
                      # warning signs" is a prevention video; "step by step" alone is a recipe or a tutorial)
                      r"(step by step|how to|tutorial|instructions|guide)( \w+){0,3} (kill|die|dying|end|hang|cut|"
                      r"cutting|overdose|commit|do it|make|build|undress\w*|strip)|"
                      r"sexy|seductive\w*|sexual\w*|explicit|spread\w* (\w+ ){0,2}(legs|thighs|knees|cheeks|wide|open|apart)|"
                      r"(legs|thighs|knees|cheeks) (\w+ )?spread\w*|spread eagle|spreads? (herself|himself|themselves)|"
                      r"porn\w*|provocativ\w*|sensual|undress\w*|aroused|blueprints?|stl files?|cad files?|parts list|"
                      r"beautiful death|romantic|aesthetic|method|methods|pills|noose|razor|jump\w*|fun|funny)\b")


# Words in scripts normalisation cannot fold to ASCII (it drops them), matched as substrings of the raw
# prompt: a minor word and a sexual word together block like the combination rules.
MINOR_WORDS_OTHER_SCRIPTS: tuple[str, ...] = ("niña", "niño", "ребен", "ребён", "дет", "девочк", "мальчик", "школьниц", "школьник", "малолет",
                             "подрост", "子供", "子ども", "こども", "少女", "幼女", "幼い", "児童", "小学生", "中学生", "女子高生",
                             "ロリ", "儿童", "孩子", "小女孩", "小男孩", "未成年", "萝莉", "幼童", "아이", "어린이", "소녀", "초등학생",
                             "중학생", "미성년", "طفل", "أطفال", "قاصر", "बच्च", "नाबालिग")
SEXUAL_WORDS_OTHER_SCRIPTS: tuple[str, ...] = ("секс", "порн", "голая", "голый", "голые", "обнаж", "эрот", "раздева", "裸", "色情", "エロ",
                              "セックス", "性的", "脱衣", "下着", "ヌード", "性感", "内衣", "섹스", "야한", "알몸", "누드", "جنس",
                              "عاري", "سكس", "नंग", "सेक्स", "अश्लील")
# The batches' substrings (safety/lexicons.py): "added 2026-12-03, languages" (28 more languages' scripts), "added
# 2026-12-04, languages", "added 2026-12-05, languages", "added 2026-12-05, second languages" and "added 2026-12-05,
# third languages"; each adds the words the lists before it lack.
for _minor, _sexual in ((lexicons.MINOR_WORDS_OTHER_SCRIPTS_ADDED, lexicons.SEXUAL_WORDS_OTHER_SCRIPTS_ADDED),
                        (lexicons.MINOR_WORDS_OTHER_SCRIPTS_ADDED_5, lexicons.SEXUAL_WORDS_OTHER_SCRIPTS_ADDED_5),
                        (lexicons.MINOR_WORDS_OTHER_SCRIPTS_ADDED_6, lexicons.SEXUAL_WORDS_OTHER_SCRIPTS_ADDED_6),
                        (lexicons.MINOR_WORDS_OTHER_SCRIPTS_ADDED_7, lexicons.SEXUAL_WORDS_OTHER_SCRIPTS_ADDED_7),
                        (lexicons.MINOR_WORDS_OTHER_SCRIPTS_ADDED_8, lexicons.SEXUAL_WORDS_OTHER_SCRIPTS_ADDED_8)):
    MINOR_WORDS_OTHER_SCRIPTS += tuple(w for w in _minor if w not in MINOR_WORDS_OTHER_SCRIPTS)
    SEXUAL_WORDS_OTHER_SCRIPTS += tuple(w for w in _sexual if w not in SEXUAL_WORDS_OTHER_SCRIPTS)

# A named real person (outside the protected list) in a deceptive, sexual or humiliating scene is blocked as
# likeness. A name is: a capitalised first name followed by a capitalised word, a well-known name (any case),
# or a title that designates one real person ("the president of France", "the CEO of Apple").
FIRST_NAMES = frozenset("""
aaron abby adam adele adrian aisha alan albert alejandro alex alexander alexandria alexis alice alicia alison amanda
amber amelia amy ana andrea andrew andy angela angelina anna anne anthony antonio ariana arnold ashley barbara ben
benjamin bernie beth bill billie bob boris brad brandon brian britney bruce bryan caitlin cameron camila candace carl
carlos carmen caroline carrie catherine charlie charlotte chelsea cher chloe chris christian christina christine christopher
chuck cindy claire clint colin conor courtney craig cristiano dan daniel danny david dean debbie demi dennis diana diego
donald doug drew dua dwayne ed eddie edward elena eli elizabeth ellen elon emily emma emmanuel eric erin eva evan
fernando frank fred gavin gary george gigi gina giorgia gordon grace greg greta gwyneth hailey hannah harrison harry
heather heidi helen henry hillary howard hugh hunter ian isabella ivanka jack jackie jacob jacinda james jamie jane
janet jared jason javier jay jeff jennifer jeremy jerry jessica jill jim jimmy joan joanna joe joel john johnny jon
jordan jose joseph josh joshua judy julia julian justin kamala karen kate katie katy keanu keir kelly ken kendall
kevin kim kourtney kris kristen kylie larry laura lauren lebron leo leonardo liam lily linda lionel lisa liz logan
lori louis lucy luis maria mariah mark martha martin mary matt matthew megan meghan mel melania melissa meryl michael
michelle miguel mike miley mitch mitt monica morgan nancy naomi narendra natalie nicki nicole nigel nikki noah novak
olaf oliver olivia oprah pamela paris patrick paul pedro pete peter philip rachel rafael ralph rebecca richard rick
rishi rob robert robin ron ronald rosie ross ruby rudy ryan sally sam samantha sandra sarah scarlett sean selena serena
sergio shakira sharon simon sophia sophie stephen steve steven susan sylvester taylor ted terry thomas tiger tim timothee
tina todd tom tony tucker tyler ursula valerie vanessa victoria vince vivek wayne will william xavier yolanda zach zoe
""".split())
WELL_KNOWN_PEOPLE = (
    "zuckerberg", "bezos", "bill gates", "merkel", "macron", "narendra modi", "modi", "trudeau", "rishi sunak", "sunak",
    "kamala harris", "oprah", "kardashian", "kardashians", "rihanna", "lady gaga", "ronaldo", "messi", "lebron", "greta thunberg",
    "tim cook", "sundar pichai", "jennifer lawrence", "margot robbie", "zendaya", "selena gomez", "ariana grande", "billie eilish",
    "brad pitt", "dicaprio", "dwayne johnson", "the rock", "boris johnson", "olaf scholz", "scholz", "meloni", "netanyahu", "erdogan",
    "bolsonaro", "milei", "sam altman", "warren buffett", "pelosi", "bernie sanders", "desantis", "hillary clinton", "bill clinton",
    "clinton", "michelle obama", "prince william", "kate middleton", "prince harry", "meghan markle", "shakira", "dua lipa",
    "ed sheeran", "harry styles", "serena williams", "djokovic", "jacinda ardern", "keir starmer", "starmer", "von der leyen",
    "lula", "kanye", "kanye west", "drake", "justin bieber", "bieber", "miley cyrus", "nicki minaj", "cardi b", "adele",
    "kylie jenner", "kendall jenner", "gigi hadid", "bella hadid", "jeff bezos", "mark zuckerberg", "tom cruise", "will smith",
    "johnny depp", "amber heard", "angelina jolie", "jennifer aniston", "jennifer lopez", "j lo", "madonna", "britney spears",
    "katy perry", "sabrina carpenter", "olivia rodrigo", "sydney sweeney", "jenna ortega", "millie bobby brown", "timothee chalamet",
    "ryan reynolds", "ryan gosling", "chris hemsworth", "robert downey", "morgan freeman", "oprah winfrey", "ellen degeneres",
    "jimmy fallon", "joe rogan", "tucker carlson", "andrew tate", "mrbeast", "mr beast", "pewdiepie", "greta", "mike pence",
    "pence", "jd vance", "vance", "rfk", "kennedy", "nikki haley", "mitch mcconnell", "aoc", "ocasio cortez", "schumer",
    "rishi", "sadiq khan", "justin trudeau", "emmanuel macron", "angela merkel", "jair bolsonaro", "javier milei", "imran khan",
    "king felipe", "queen camilla", "camilla", "princess diana", "prince andrew", "dalai lama", "ayatollah", "khamenei",
    "kim kardashian", "elon", "zelensky", "lukashenko", "maduro", "orban", "viktor orban", "le pen", "marine le pen",
    "salman", "mohammed bin salman", "mbs", "jensen huang", "satya nadella", "jack ma", "gautam adani", "mukesh ambani",
)
FICTIONAL_NAMES = ("mr bean", "dr seuss", "doctor who", "dr who", "mr potato head", "mrs doubtfire", "doctor strange",
                   "dr strange", "dr evil", "mr freeze", "dr frankenstein", "mr hyde", "dr jekyll", "mr incredible",
                   "professor x", "professor snape", "professor dumbledore", "professor mcgonagall", "mr miyagi",
                   "mr darcy", "mrs claus", "mr krabs", "coach carter", "queen s gambit", "king s speech",
                   "the king and i", "the lion king", "konig der lowen", "rey leon", "roi lion", "re leone",
                   "dr pepper", "dr martens", "mr clean", "detective pikachu", "sheriff woody", "harry potter", "santa claus", "sherlock holmes", "james bond", "peter pan", "mary poppins", "luke skywalker",
                   "tony stark", "bruce wayne", "peter parker", "clark kent", "lara croft", "indiana jones", "jack sparrow",
                   "john wick", "jon snow", "mickey mouse", "minnie mouse", "bugs bunny", "john doe", "jane doe", "john smith",
                   "jack frost", "king arthur", "queen elsa", "princess peach", "princess leia",
                   "prince charming", "king kong", "general motors", "general electric", "tom sawyer", "alice in wonderland", "peter rabbit", "hello kitty")
PERSON_TITLES = (r"\b(the )?(current |sitting |former |real |actual )?(us |u s |american |french |british |german |russian |"
                 r"chinese |indian |canadian |italian |spanish |brazilian |israeli |iranian |turkish |japanese |"
                 r"australian |mexican |ukrainian )?(president|prime minister|chancellor|premier|pope|king|queen|prince|"
                 r"princess|first lady|vice president|crown prince|supreme leader|ceo|chairman|founder|mayor|governor|"
                 r"senator|speaker|secretary of state|foreign minister|defense secretary|attorney general) "
                 r"of (the )?[a-z]+|\bthe (current |sitting |real )?(us |american |french |british |german |russian |"
                 r"chinese |indian |canadian )?(president|prime minister|chancellor|pope|vice president|first lady|"
                 r"supreme leader)\b")
# "The Japanese prime minister", "the Saudi crown prince", "the Indian cricket captain", "the late pope": an office
# of a country that one person holds, on the normalised prompt.
_NATIONALITIES = (
    "american|us|u s|british|uk|english|scottish|welsh|irish|french|german|russian|chinese|indian|canadian|italian|"
    "spanish|brazilian|israeli|iranian|turkish|japanese|australian|mexican|ukrainian|dutch|belgian|swiss|austrian|"
    "swedish|norwegian|danish|finnish|icelandic|polish|czech|slovak|hungarian|greek|portuguese|romanian|bulgarian|"
    "serbian|croatian|saudi|emirati|qatari|kuwaiti|egyptian|nigerian|south african|kenyan|ethiopian|ghanaian|"
    "moroccan|algerian|tunisian|argentine|argentinian|chilean|colombian|peruvian|venezuelan|cuban|bolivian|"
    "ecuadorian|uruguayan|korean|south korean|north korean|taiwanese|thai|vietnamese|indonesian|malaysian|filipino|"
    "philippine|pakistani|bangladeshi|afghan|iraqi|syrian|lebanese|jordanian|palestinian|new zealand|singaporean|"
    "belarusian|georgian|armenian|azerbaijani|kazakh|mongolian|sri lankan|nepali|zimbabwean|ugandan|tanzanian|"
    "rwandan|congolese|senegalese|european|eu|un|nato|vatican|british royal|dutch royal|spanish royal")
PERSON_NATIONAL_TITLES = (
    r"\bthe (current |sitting |late |former |new |real |actual )?(" + _NATIONALITIES + r") (president|prime minister|"
    r"chancellor|premier|crown prince|crown princess|first lady|vice president|foreign minister|finance minister|"
    r"defen[cs]e minister|health minister|interior minister|treasurer|central bank governor|central bank chief|"
    r"supreme leader|head of state|opposition leader|secretary general|commission president|cricket captain|"
    r"football captain|national team captain|national team coach)\b"
    r"|\bthe (current |late |former |new )?(pope|dalai lama|grand ayatollah|archbishop of canterbury)\b"
    r"|\bthe ([a-z]+ ){0,3}(central bank|reserve bank|national bank|bank of [a-z]+|bundesbank|federal reserve|fed|ecb|"
    r"imf|world bank|banque de france) (governor|president|chair|chairman|chairwoman|chief)\b")
# Owners of a possessive office that are times, places or common nouns, not a named company, country or club
# ("Tonight's anchor", "Ship's captain", "Dad's manager").
NOT_OFFICE_OWNERS = frozenset("""tonight today tomorrow yesterday this that ship team dad mom mum grandpa grandma everyone
nobody somebody someone world nation country city town school company club band village year week month night morning
evening monday tuesday wednesday thursday friday saturday sunday christmas santa pirate kingdom castle""".split())
# Weaker signs that a prompt is about one real person, read only where the classifier already gives likeness its
# threshold (screening's `names_someone`), never by the named-person rule: each also names animals, places,
# history, fiction or family ("the Egyptian queen", "the Queen bee", "Ship's captain", "my daughter Emma").
PERSON_NATIONAL_TITLES_WEAK = (r"\bthe (current |sitting |late |former |new |real |actual )?(" + _NATIONALITIES +
                               r") (king|queen|emperor|empress|prince|princess|monarch|ambassador|coach|head coach|"
                               r"team captain)\b")
# WELL_KNOWN_PEOPLE entries that are also ordinary words or places ("pence", "the rock", "Kennedy Space Center",
# "Madonna and child", a drake): weak.
WELL_KNOWN_AMBIGUOUS = frozenset(("drake", "madonna", "the rock", "kennedy", "pence", "vance", "greta", "lula", "camilla",
                                  "salman", "clinton", "elon", "rishi", "adele", "lebron", "rfk", "mbs", "aoc", "modi"))
# Honorifics before a capitalised name ("Mr. Duarte", "Dr Patel"): also brands and characters (Dr Pepper, Mr Clean).
PERSON_HONORIFIC_NAME = r"\b(?i:mr|mrs|ms|dr|prof|professor|coach|officer|detective|sheriff|pastor|rabbi|imam)\.? [A-Z][a-z]{2,}"
# Everyday words the normaliser must never "correct" into a policy term (it snaps an unknown word one edit away from
# a term to the term: "scam" was read as "csam", "skit" as "skirt").
NEVER_CORRECTED = frozenset("scam scams scammer scammers scammed skit skits".split())
# On the raw prompt, capitalised mid-sentence: "the King has abdicated", "the Pope at a rave".
PERSON_CAPITALISED_OFFICE = (r"\b[Tt]he (King|Queen|Pope|Emperor|Empress|Crown Prince|Crown Princess|"
                             r"Prince of Wales|Princess of Wales|Chancellor|President|Prime Minister|First Lady)\b")
# On the raw prompt: someone the user knows, by name ("my ex Tomasz", "my neighbour Mr. Duarte", "our landlord
# Kevin"), and a member of a group written in capitals ("Jennie from BLACKPINK", "Lisa from HR"). Not the user's
# own family and friends ("my son Oliver crying because he dropped his ice cream" is a home video).
PERSON_KNOWN_TO_USER = (
    r"\b(?i:my|our|his|her|their) (?i:ex|ex-wife|ex-husband|ex-girlfriend|ex-boyfriend|ex-partner|former boss|boss|"
    r"coworker|co-worker|colleague|neighbou?r|next-door neighbou?r|roommate|flatmate|housemate|landlord|landlady|"
    r"tenant|teacher|professor|tutor|coach|trainer|gym trainer|personal trainer|manager|supervisor|"
    r"brother-in-law|sister-in-law|mother-in-law|father-in-law|stepmom|stepmother|stepdad|stepfather|classmate|"
    r"doctor|dentist|therapist|pastor|priest|imam|rabbi|employee|assistant|secretary|babysitter|nanny|rival|"
    r"crush|pharmacist|accountant|lawyer|mechanic|plumber|barber|hairdresser|mailman|postman)(?:,)? "
    r"(?:(?i:mr|mrs|ms|miss|dr)\.? )?[A-Z][^\W\d_]{2,}")
PERSON_IN_GROUP = r"\b([A-Z][^\W\d_]+) (?:from|of) [A-Z][A-Z0-9&]{1,}\b"
# What PERSON_TITLES matches that is a card, a game, a film or an idiom, not an office holder.
NOT_PERSON_TITLES = (r"\b(king|queen|prince|princess|jack) of (spades|hearts|diamonds|clubs|cups|swords|wands|coins)\b|"
                     r"\bking of the (hill|jungle|castle|road|beasts|north|monsters)\b|\bprince of (persia|darkness|"
                     r"egypt|tides|thieves|bel air)\b|\bqueen of the (night|damned|desert|south)\b")
# The same in the other Latin-script languages the lexicons know, on the normalised prompt: a title of one office
# "of" a country or city ("el presidente de Francia", "le maire de Paris", "der Bundeskanzler").
PERSON_TITLES_OTHER_LANGUAGES = (
    r"\b(presidente|presidenta|president|presidentin|prezydent|premier|premierminister|premierministerin|"
    r"primer ministro|primera ministra|primeiro ministro|primeira ministra|premier ministre|premiere ministre|"
    r"primo ministro|prima ministra|canciller|chanceler|chancelier|chanceliere|cancelliere|kanzler|kanzlerin|"
    r"rey|reina|roi|reine|konig|konigin|regina|rainha|koning|koningin|alcalde|alcaldesa|maire|burgermeister|"
    r"burgermeisterin|sindaco|sindaca|prefeito|prefeita|gouverneur|gobernador|gobernadora|governador|governatore) "
    r"(de|del|da|do|des|du|di|della|dello|von|van|der) (la |el |le |l |los |las |der |die |the )?[a-z]{3,}"
    r"|\b(bundeskanzler|bundeskanzlerin|bundesprasident|bundesprasidentin)\b")
# On the raw prompt: an office of a named company, country, club or band ("Tesla's CEO", "France's president",
# "Real Madrid's captain"): the owner capitalised, so "the company's CEO" is not one.
PERSON_POSSESSIVE_TITLE = (
    r"\b[A-Z][\w&.\-]{0,30}(?: [A-Z][\w&.\-]{0,30}){0,2}['\u2019]s (?:(?i:current|new|former|own|sitting) )?"
    r"(?i:ceo|chief executive|founder|co-?founder|chairman|chairwoman|president|prime minister|chancellor|king|queen|"
    r"crown prince|first lady|head coach|manager|captain|star striker|striker|quarterback|goalkeeper|lead singer|"
    r"frontman|frontwoman|news anchor|anchor|mayor|governor|leader|supreme leader|foreign minister|finance minister|"
    r"health minister|defen[cs]e minister|central bank governor|pope|emir|sultan|crown princess)\b")
# On the raw prompt: a title before a capitalised name ("Senator Smith", "Prince Andrew").
PERSON_TITLE_BEFORE_NAME = (r"\b(?i:senator|governor|mayor|president|prime minister|congressman|congresswoman|minister|"
                            r"judge|justice|chancellor|ambassador|general|sheikh|prince|princess|king|queen|pope|"
                            r"ceo|chairman) [A-Z][a-z]{2,}")
# Real public figures beyond WELL_KNOWN_PEOPLE (safety/public_figures.txt, hand-written 2026-12-02, checked by
# safety/check_public_figures.py): `full` names, `single` words that on their own name one person, and `native`
# names written in their own scripts (matched in the raw prompt).
PUBLIC_FIGURES_FILE = Path(__file__).resolve().parent / "public_figures.txt"
_SECTION = re.compile(r"#\s*section:\s*(\w+)")


def public_figures(path: Path = PUBLIC_FIGURES_FILE) -> dict[str, list[str]]:
    """The file's names per section (`full`, `single`, `native`); empty lists when it is absent."""
    sections: dict[str, list[str]] = {"full": [], "single": [], "native": []}
    if not path.is_file():
        return sections
    current = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        header = _SECTION.match(line)
        if header is not None:
            current = header.group(1)
        elif line and not line.startswith("#") and current in sections:
            sections[current].append(line)
    return sections


# Given names from every region (safety/first_names.txt, hand-written 2026-12-02, checked by
# safety/check_first_names.py; words that are also common words, places or brands left out): a capitalised one
# before a capitalised word names a person. Only the first word is read against it; the surname test (not a
# first name) reads FIRST_NAMES alone, so a surname that is also a given name somewhere still counts.
FIRST_NAMES_FILE = Path(__file__).resolve().parent / "first_names.txt"


def given_names(path: Path = FIRST_NAMES_FILE) -> frozenset[str]:
    if not path.is_file():
        return frozenset()
    return frozenset(line.strip() for line in path.read_text(encoding="utf-8").splitlines()
                     if line.strip() and not line.startswith("#"))


# Capitalised words that follow a first name in places and things, not people ("Victoria Falls").
NOT_SURNAMES = frozenset("street road avenue river falls lake bay square park bridge university college hospital airport "
                         "station church cathedral island islands mountain mountains valley hotel school center centre "
                         "museum tower city county beach day kong charming motors electric".split())
PERSON_SCENES = (
    r"\b(fake|faked|faking|deep ?fake\w*|hoax|leaked|leak|hidden camera|secretly (recorded|filmed)|caught|confess\w*|"
    r"admit\w*|announc\w*|declar\w*|endors\w*|promot\w*|arrest\w*|handcuff\w*|mug ?shot|resign\w*|brib\w*|scandal|rigg\w*|"
    r"fraud|lying|lies|saying|says|claim\w*|news footage|breaking news|press conference|bodycam|body cam|"
    r"security camera|cctv|surveillance|make it look real|made to look real|looks? real|realistic|pretend\w*|"
    r"impersonat\w*|voice clone|scam|crypto|giveaway|insult\w*|racist|slurs?|nazi|salut\w*|"
    r"in bed|bikini|underwear|lingerie|shower|hot tub|bath ?tub|strip\w*|seduc\w*|making out|kiss\w*|affair|mistress|"
    r"intern|sex\w*|naked|nude|nudity|topless|lap dance|pole danc\w*|erotic\w*|porn\w*|"
    r"cry|crying|cries|sobbing|sobs|begging|begs|vomit\w*|puk\w*|throw\w* up|drunk|wasted|stoned|cocaine|crack|"
    r"heroin|meth|drugs|diapers?|pee\w*|wetting|wets|poop\w*|slapped|slapping|punch\w*|beaten|beat up|kicked|spat on|"
    r"humiliat\w*|clown|ridicul\w*|fat|ugly|dead|dying|killed|murder\w*|assassinat\w*|executed|execution|coffin|"
    r"prison|jail|jumpsuit|on (his|her|their) knees|kneel\w*|bowing|shoplift\w*|rob|robs|robbing|robbed|steal\w*|"
    r"mock\w*|falling over|falls over|fell over|pied|grovel\w*|apologi\w*|surrender\w*|bankrupt\w*)\b")
# Historical, documentary or artistic framing lets a named person through the detector (the classifier
# still scores the prompt) unless the prompt also says the footage is faked or passed off as real.
PERSON_SCENE_VETO = (r"\b(documentary|historical|history|biopic|archival|museum|statue|portrait|painting|"
                     r"reenactment|re enactment|period drama|memorial|biography|wax figure|wax museum|tribute)\b")
PERSON_DECEPTION = r"\b(fake|faked|deep ?fake\w*|realistic|make it look real|made to look real|looks? real|leaked|hoax)\b"


# --- added 2026-12-02 (ensure_default_policy adds this batch once to a policy seeded earlier) ---------------
# School years and forms without a noun after them ("a girl in year 8", "a boy in form 2"), ages spelled out in
# Spanish, French, German, Portuguese and Italian, child words and sexualised contexts in those languages
# (the sentence model is English-centred: for them the lexicons carry the minors rule).
_ES_NUM = "(cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce|quince|dieciseis|diecisiete)"
_FR_NUM = "(cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|dix sept)"
_DE_NUM = "(funf|sechs|sieben|acht|neun|zehn|elf|zwolf|dreizehn|vierzehn|funfzehn|sechzehn|siebzehn)"
_PT_NUM = "(cinco|seis|sete|oito|nove|dez|onze|doze|treze|catorze|quatorze|quinze|dezesseis|dezasseis|dezessete|dezassete)"
_IT_NUM = "(cinque|sei|sette|otto|nove|dieci|undici|dodici|tredici|quattordici|quindici|sedici|diciassette)"
_GROUPS_OTHER_LANGUAGES = (
    "(judios|musulmanes|gitanos|inmigrantes|negros|homosexuales|maricones|juifs|musulmans|immigres|noirs|arabes|"
    "tziganes|homosexuels|juden|muslime|auslander|fluchtlinge|schwarzen|zigeuner|schwule|judeus|muculmanos|imigrantes|"
    "ciganos|ebrei|musulmani|immigrati|zingari|neri|froci|migrantes|migrants|migranten|migranti)")
MINOR_TERMS_ADDED_2: list[str] = [
    r"(in|into|starting|entering|finishing|finished|from) (year|yr|form|grade|class|primary|standard|p) ([1-9]|1[0-2])",
    r"(year|yr|form|primary|standard|p) ([1-9]|1[0-2]) (pupil|pupils|student|students|girl|girls|boy|boys|kid|kids|child|"
    r"children|class|schooler|schoolers)",
    r"(preteen|pre teen|tween|tweenie|middle school|grade school|primary school|elementary school)\w*",
    r"(young|little|small) (teen|teens|teenager|teenagers|schoolgirl|schoolboy|student|students)",
    r"smol", r"loli", r"shota", r"underaged?", r"(not|isn t|isnt|never) (yet )?(an adult|legal|of age)",
    # Spanish
    rf"(de|tiene|tenia|con|cumple|cumplio) {_ES_NUM} anos", r"(nina|nino)s? (de|pequen[ao]s?)", r"pequen[ao]s? nin[ao]s?",
    r"chiquit[ao]s?", r"muchachit[ao]s?", r"jovencit[ao]s?", r"adolescentes?", r"hijastr[ao]s?", r"sobrinit[ao]s?",
    r"(alumn[ao]s?|estudiantes?|chic[ao]s?) de (primaria|secundaria|la escuela|el colegio)", r"colegial(es)?",
    r"(la|una|mi|su) (nena|pequena|peque)",
    # French
    rf"(de|a|avait|fete ses) {_FR_NUM} ans", r"petites? filles?", r"petits? garcons?",
    r"(jeune|jeunes) (fille|filles|ado|ados|garcon|garcons)", r"ados", r"adolescente?s?", r"mineure?s?", r"collegien(ne)?s?",
    r"(en|de) (cm1|cm2|ce1|ce2|sixieme|cinquieme|quatrieme|6e|5e|4e)",
    # German
    rf"({_DE_NUM}|[1-9]|1[0-7]) ?(jahre alt|jahren|jahrig\w*)", r"(ein|das|die|den|dem|kleine[sn]?) (kind|kinder|kindern)", r"kindern",
    r"kleine[nrs]? (madchen|junge|jungen)", r"jugendliche[nr]?", r"schuler(in|innen)?", r"grundschul\w*",
    r"(tochter|stieftochter|nichte)", r"teenie\w*", r"klasse [1-9]",
    # Portuguese
    rf"(de|tem|tinha|com|faz|fez) {_PT_NUM} anos", r"garotinh[ao]s?", r"novinh[ao]s?", r"menor(es)? de idade", r"enteada",
    r"filhinh[ao]", r"(aluna|aluno|alunos|alunas|estudante) (do|da|de) (ensino fundamental|primario|primaria|escola)",
    # Italian
    rf"(di|ha|aveva|compie) {_IT_NUM} anni", r"minorenn[ei]", r"figliastr[ao]", r"scolarett[ae]",
    r"(alunn[aoie]|studentess[ae]) (delle|della|di) (elementari|medie|scuola)", r"(scuola|scuole) (elementare|elementari|media|medie)",
]
SEXUAL_TERMS_ADDED_2: list[str] = [
    # English: poses and dances for an adult audience, clothing lifted or removed
    r"(dance|dances|dancing|poses|posing|pose) (\w+ ){0,3}for (a |an |the )?(older |grown |adult )?(man|men|adults|strangers)",
    r"(lift|lifts|lifting|lifted) (up )?(her|his|their) (skirt|dress|nightgown)", r"(take|takes|taking|took|pulling|pulls) off (her|their) top",
    r"(without|no) (her|his|their|a) (top|clothes|dress|pants|underwear|bra|panties)", r"scantily clad",
    # Spanish
    r"(baile|bailando|baila|bailar) (sensual\w*|sexy|provocativ[ao]|erotic[ao]|para (los )?hombres)", r"perre(o|ando|a)",
    r"(posando|posa|posar|pose|poses) (\w+ )?(sensual\w*|sexy|provocativ\w*|seductor\w*|erotic\w*|en ropa interior)",
    r"(quitandose|se quita|quitarse|sin) (la )?ropa", r"en (ropa interior|lenceria|tanga|bikini diminuto)",
    r"(en la cama|en el regazo) (con|de) (un |una )?(hombre|adulto|senor|extrano)", r"para (los )?(hombres|adultos|senores)",
    r"(besando|besa|acariciando|acaricia) (a )?(un |una )?(hombre|adulto|senor|extrano)", r"seduc(e|iendo|ir|tora)",
    r"sensual(es|mente)?", r"erotic[ao]s?",
    # French
    r"(danse|dansant|danser|dansent) (sensuel\w*|lascive\w*|erotique|sexy|pour (les )?hommes)",
    r"(pose|posant|poser|posent) (\w+ )?(sensuel\w*|suggestive?s?|aguicheuse?s?|lascive?s?|sexy|provocante?s?|en sous vetements)",
    r"(se deshabill\w*|deshabill\w*|sans (ses )?vetements|toute nue|tout nu)", r"en (sous vetements|lingerie|string|culotte|petite tenue)",
    r"(sur les genoux|dans le lit) d un (homme|adulte|inconnu)", r"pour (les )?(hommes|adultes)",
    r"(embrass\w*) (un |une )?(homme|adulte|inconnu)", r"(seduisant\w*|seduction|seduire|seductrice|aguicheu\w*|sensuel\w*)",
    # German
    r"(aufreizend\w*|verfuhrerisch\w*|lasziv\w*|reizwasche)", r"(in |im )?(unterwasche|hoschen|tanga)",
    r"(tanzt|tanzen|tanzend) (\w+ )?(sexy|aufreizend\w*|fur (altere )?manner|lasziv\w*|verfuhrerisch\w*)",
    r"fur (altere |erwachsene )?manner", r"(posiert|posieren|posierend) (\w+ )?(sexy|aufreizend\w*|lasziv\w*|verfuhrerisch\w*|in unterwasche)",
    r"(zieht sich aus|auszieh\w*|ohne kleidung|entkleid\w*)", r"(auf dem schoss|im bett) (eines|mit einem) (mannes|mann|erwachsenen|fremden)",
    r"(kusst|kussen|streichel\w*|beruhr\w*) (einen |einem )?(mann|erwachsenen|fremden)",
    # Portuguese
    r"(dancando|danca|dancar|rebolando|rebola|rebolar) (\w+ )?(sensual\w*|sexy|provocante|para (os )?homens)", r"rebolando",
    r"(posando|posa|posar) (\w+ )?(sensual\w*|sexy|provocante|sedutora?|de calcinha|de lingerie)",
    r"(de|em) (calcinha|lingerie|roupa intima)", r"(tirando|tira|tirar|sem) (a )?roupa", r"nua",
    r"(no colo|na cama) (de|com) (um )?(homem|adulto|estranho)", r"para (os )?(homens|adultos)",
    r"(beijando|beija|acariciando|acaricia) (um )?(homem|adulto|estranho)", r"provocante", r"sedut\w*",
    # Italian
    r"(balla|ballando|ballare|danza) (\w+ )?(sensual\w*|sexy|provocante|per (gli )?uomini)",
    r"(posa|posando|posare) (\w+ )?(sensual\w*|sexy|provocante|seducente|in intimo)", r"in (biancheria )?intim[ao]",
    r"biancheria intima", r"(si spoglia|spogliarsi|spogliandosi|spogliat[ao]|senza vestiti)", r"nud[aei]",
    r"(in braccio|a letto|sulle ginocchia) (a|con|di) (un )?(uomo|adulto|estraneo)", r"per (gli )?(uomini|adulti)",
    r"(bacia|baciando|accarezza|accarezzando) (un )?(uomo|adulto|estraneo)", r"(seducente|sensuale)",
]
RULES_ADDED_2: dict[str, list[str]] = {
    "sexual": [
        r"(desnud[ao]s?|nackt\w*|nue?s?|nud[aeio]s?) (en|sur|auf|na|no|sul|sulla|im) (la |le |el |der |dem |a |o )?(cama|lit|bett|letto)",
        r"(video|pelicula|film|filme) (porno|xxx|erotic[ao]|erotique|erotisch|erotico)",
        r"(sexo|sexe|sesso) (oral|anal|explicito|explicite|esplicito)",
    ],
    "violence": [
        r"(apunal\w*|degoll\w*|descuartiz\w*|egorg\w*|poignard(e|ee|ees|ent|er|ant)|erstech\w*|enthaupt\w*|zerstuckel\w*|"
        r"esfaque\w*|degola\w*|sgozz\w*|accoltell\w*|squartat\w*)",
        r"(golpe\w*|pate\w*|tabass\w*|frapp\w*|verprugel\w*|espanc\w*|picchi\w*) (\w+ ){0,4}(hasta la muerte|a mort|"
        r"jusqu a la mort|zu tode|ate a morte|a morte|fino alla morte)",
    ],
    "self_harm": [
        r"(quitarse la vida|se suicider|mettre fin a ses jours|sich umbringen|selbstmord begehen|sich das leben nehmen|"
        r"tirar a propria vida|se matar|togliersi la vita|ammazzarsi)",
        r"(cortarse|cortandose|se corta|se couper|se coupe|se scarifie\w*|ritzt sich|sich ritzen|se cortar|se cortando|"
        r"cortarsi|tagliarsi|si taglia) (\w+ )?(las venas|les veines|die pulsadern|os pulsos|i polsi|las munecas|les poignets|"
        r"die handgelenke|los brazos|les bras|die arme)",
    ],
    "weapons": [
        r"(fabricar|construir|hacer|armar|fabriquer|construire|bauen|herstellen|basteln|montar|costruire|fabbricare) "
        r"(una |un |une |eine |einen |uma |um )?(bomba casera|bombe artisanale|rohrbombe|sprengsatz|sprengstoff|"
        r"explosivos?|explosifs?|esplosivi|esplosivo|arma de fuego|arme a feu|schusswaffe|arma di fuoco|bomba|bombe)"
        r"(?! (de|a|di|fur) (agua|semillas|bano|humo|eau|bain|graines|acqua|sementi|banho|fumaca|fumo|wasser))",
    ],
    "hate": [
        rf"(exterminar|exterminer|ausrotten|vernichten|sterminare|eliminar|eliminer|matar|tuer|toten|uccidere|quemar|bruler|"
        rf"verbrennen|bruciare|expulsar|expulser|deportar|deporter|deportieren) (a )?(todos |tous |alle |tutti )?"
        rf"(los |las |les |die |os |as |gli |i )?{_GROUPS_OTHER_LANGUAGES}",
        rf"{_GROUPS_OTHER_LANGUAGES} (son|sont|sind|sao|sono) (ratas|ratos|rats|ratten|ratti|cucarachas|cafards|ungeziefer|"
        r"baratas|scarafaggi|parasitos|parasites|parasiten|parassiti|animales|animaux|tiere|animais|animali|basura|dechets|"
        r"abschaum|lixo|feccia|subhumanos|sous hommes|untermenschen|sub humanos|subumani)",
    ],
}
# Words that are not misspellings of a policy term although they are one edit from one and the sentence
# model's vocabulary lacks them ("lofi" is music, not "loli").
NOT_MISSPELLINGS = frozenset({
    "lofi", "hifi", "wifi", "scifi", "nerf", "gorp", "bore", "core", "lore", "more", "pore", "sore", "tore", "wore",
    "nudge", "lolly", "lollies", "lolli", "polly", "holi", "loki", "lola", "lori", "loti", "nuke",
})
NOT_MISSPELLINGS |= (lexicons.NOT_MISSPELLINGS_ADDED_4 | lexicons.NOT_MISSPELLINGS_ADDED_5
                     | lexicons.NOT_MISSPELLINGS_ADDED_6 | lexicons.NOT_MISSPELLINGS_ADDED_7
                     | lexicons.NOT_MISSPELLINGS_ADDED_8 | lexicons.NOT_MISSPELLINGS_ADDED_9
                     | lexicons.NOT_MISSPELLINGS_ADDED_10)
# Frequent words (wordfreq's 30,000 most frequent of English and 26 other Latin-script languages, 2026-12-05) that
# the correction turned into an unrelated policy word, so that the word alone gained a rule hit, a minor or a sexual
# signal: German "machen" (make) -> "madchen", Spanish "puedo" (I can) -> "paedo", Danish "siden" (since) -> "biden",
# Italian "stesso" (same) and "spesso" (often) -> "sesso", "pagina" -> "vagina", Indonesian "putih" (white) ->
# "putin", Portuguese "forno" (oven) -> "porno", English "vaping" -> "raping", "teeny" -> "teens". Cognates the
# correction reads rightly ("sexuel", "penes", "genitales", "nudite", "explizit", "pron") are not here.
NOT_MISSPELLINGS |= frozenset((
    # English
    "nukes nuked osama bama giddy ogre entails tweak deduction carers trope vaping alluding rousing kinks teeny "
    "schumer cant sorta "
    # German, Dutch
    "machen manchen marchen maschen nichts nachte richte fichte nickte nickt packt schulen schulter hindern lindern "
    "mindern aufziehen loschen privaten raupe poren garten beiden bilden boden bieden bijen binden ideeen "
    "tochtergesellschaft "
    # Danish, Norwegian, Swedish, Icelandic
    "siden tiden bilen iden bider biten liden korset hentar laust olust nefna minir tanna vanga tauga "
    # Spanish, Portuguese, Catalan
    "puedo dados lados obras pagina vuelva piden miden nubes sexto porco porao morno forno vacina vaina entenda "
    "enseada brigas nelas mudas numas nulas crianza nueces hinos finos ninhos pupilas pupila bolita peido punal pando "
    "casam perdo sesgo pedis penos pelis pensis penais infantaria ibama "
    # Italian
    "stesso spesso messo smesso sessi cesso gesso nesso fesso sasso occhi vecchi secchi becchi cecchi rapina rapine "
    "chilo bidet pensi corno esotico esotica eroico eretico fondale "
    # French
    "putain soins chansons boissons brasseries brassage disque toits torts abdos baties eudes lutin patin leduc "
    "bidon exotique exotico mensuel mensuelle reduire reduisant deduire fondee fondees voleur dessus dissous "
    "negliger corses cornet calotte garer punis collegial uisque "
    # Turkish, Slavic, Baltic, Finnish, Hungarian, Romanian, Indonesian, Malay, Filipino
    "birden bizden beden odama obaja obema oboma obala obawa obava obima sobama putni rutin dutin tutin pukin potin "
    "pugin puten puin putik gorbe gorje gorg predo paedu mulva tulva vulga rahova rahola rahoja putih bidan bidin "
    "sessao genials sonstiger abras tapt "
    # Spanish and Portuguese camera words ("plano cenital", a top shot, was "plano genital")
    "cenital cenitales zenital zenitales"
).split())


def all_rules() -> dict[str, list[str]]:
    return {cat: RULES.get(cat, []) + RULES_ADDED.get(cat, []) + RULES_ADDED_2.get(cat, []) + RULES_ADDED_3.get(cat, [])
            + act_rules.RULES_ADDED_6.get(cat, []) + RULES_ADDED_8.get(cat, []) + RULES_ADDED_11.get(cat, [])
            + RULES_ADDED_13.get(cat, []) for cat in CATEGORIES}


def all_combination_terms() -> dict[str, list[str]]:
    return {"minor_term": [_MINOR_WORDS, *MINOR_TERMS_ADDED, *MINOR_TERMS_ADDED_2, *lexicons.MINOR_TERMS_ADDED_4,
                           *lexicons.MINOR_TERMS_ADDED_5, *lexicons.MINOR_TERMS_ADDED_6,
                           *lexicons.MINOR_TERMS_ADDED_7, *lexicons.MINOR_TERMS_ADDED_8, *lexicons.MINOR_TERMS_ADDED_9,
                           *MINOR_TERMS_ADDED_11],
            "sexual_term": [_SEXUAL_WORDS, *SEXUAL_TERMS_ADDED, *SEXUAL_TERMS_ADDED_2, *lexicons.SEXUAL_TERMS_ADDED_4,
                            *lexicons.SEXUAL_TERMS_ADDED_5, *lexicons.SEXUAL_TERMS_ADDED_6,
                            *lexicons.SEXUAL_TERMS_ADDED_7, *SEXUAL_TERMS_ADDED_8, *lexicons.SEXUAL_TERMS_ADDED_8,
                            *lexicons.SEXUAL_TERMS_ADDED_9, *SEXUAL_TERMS_ADDED_12]}


def ensure_default_policy(apps: Any = None) -> None:
    """Create the default categories, rules, exemplars and protected persons that are missing."""
    if apps is None:
        from django.apps import apps as django_apps

        apps = django_apps
    category_model = apps.get_model("safety", "Category")
    rule_model = apps.get_model("safety", "Rule")
    exemplar_model = apps.get_model("safety", "Exemplar")
    person_model = apps.get_model("safety", "ProtectedPerson")
    if category_model.objects.exists():
        # Seeded before: an operator's deletions stay deleted. Later batches are added once each (0003's by
        # its migration, 2026-12-02's and 2026-12-03's here and by theirs).
        for note in BATCHES:
            add_batch_once(apps, note)
        return
    for slug, (label, emb, review, block) in CATEGORIES.items():
        category_model.objects.create(slug=slug, label=label, embedding_threshold=emb,
                                      frame_review_threshold=review, frame_block_threshold=block)
    # Each batch's rules are noted as applied, so that a later call does not add their deletions back.
    noted = {rule: note for note, batch in BATCHES.items() for rule in batch()}
    rule_model.objects.bulk_create([rule_model(category_id=cat, kind="pattern", pattern=p,
                                               note=noted.get((cat, "pattern", p), ""))
                                    for cat, patterns in all_rules().items() for p in patterns])
    rule_model.objects.bulk_create([rule_model(category_id="sexual_minors", kind=kind, pattern=p,
                                               note=noted.get(("sexual_minors", kind, p), ""))
                                    for kind, patterns in all_combination_terms().items() for p in patterns])
    exemplar_model.objects.bulk_create([exemplar_model(category_id=cat, text=t)
                                        for cat, texts in EXEMPLARS.items() for t in texts])
    person_model.objects.bulk_create([person_model(name=name, aliases="\n".join(aliases))
                                      for name, aliases in PROTECTED_PERSONS.items()])


def pattern_rows(rules: dict[str, list[str]]) -> list[tuple[str, str, str]]:
    """(category, "pattern", pattern) of each rule of `rules` (category -> patterns), as a batch lists them."""
    return [(cat, "pattern", p) for cat, patterns in rules.items() for p in patterns]


def term_rows(kind: str, terms: Iterable[str]) -> list[tuple[str, str, str]]:
    """("sexual_minors", kind, term) of each of the minors rule's `terms` of `kind` (minor_term, sexual_term)."""
    return [("sexual_minors", kind, p) for p in terms]


def add_rules_added(apps: Any) -> None:
    """Migration 0003: add the rules and combination terms of `RULES_ADDED`, `MINOR_TERMS_ADDED` and
    `SEXUAL_TERMS_ADDED` that a database seeded earlier lacks. Nothing existing is changed, and a
    category an operator deleted gets nothing."""
    category_model = apps.get_model("safety", "Category")
    rule_model = apps.get_model("safety", "Rule")
    present = set(category_model.objects.values_list("slug", flat=True))
    wanted = pattern_rows(RULES_ADDED)
    wanted += term_rows("minor_term", MINOR_TERMS_ADDED)
    wanted += term_rows("sexual_term", SEXUAL_TERMS_ADDED)
    existing = set(rule_model.objects.values_list("category_id", "kind", "pattern"))
    rule_model.objects.bulk_create([rule_model(category_id=cat, kind=kind, pattern=p, note="added 2026-12")
                                    for cat, kind, p in wanted if cat in present and (cat, kind, p) not in existing])


BATCH_2026_12_02 = "added 2026-12-02"


def batch_2026_12_02() -> list[tuple[str, str, str]]:
    """(category, kind, pattern) of the rules and combination terms added on 2026-12-02."""
    wanted = pattern_rows(RULES_ADDED_2)
    wanted += term_rows("minor_term", MINOR_TERMS_ADDED_2)
    wanted += term_rows("sexual_term", SEXUAL_TERMS_ADDED_2)
    return wanted


# 2026-12-03: the sexual abuse of a student or pupil is sexual content involving minors ("student" alone is not a
# minor term: art students sketch nude models; the abuse of one is refused whatever the student's age).
RULES_ADDED_3: dict[str, list[str]] = {
    "sexual_minors": [
        r"(sexual|sexually|sex) (abuse|abused|abusing|assault|assaulted|assaulting|exploitation|exploiting) (of )?"
        r"(a |an |the |his |her |their |my |your |young )?(student|students|pupil|pupils|schoolchild|schoolchildren)",
        r"(molest|molests|molested|molesting|molestation|rape|rapes|raped|raping|groom|grooms|groomed|grooming) (of )?"
        r"(a |an |the |his |her |their |my |your |young )?(student|students|pupil|pupils|schoolchild|schoolchildren)",
    ],
}
BATCH_2026_12_03 = "added 2026-12-03"


def batch_2026_12_03() -> list[tuple[str, str, str]]:
    return pattern_rows(RULES_ADDED_3)


# 2026-12-03, second batch: the minors rule's lexicons in 28 more languages (safety/lexicons.py).
BATCH_2026_12_03_LANGUAGES = "added 2026-12-03, languages"


def batch_2026_12_03_languages() -> list[tuple[str, str, str]]:
    return (term_rows("minor_term", lexicons.MINOR_TERMS_ADDED_4)
            + term_rows("sexual_term", lexicons.SEXUAL_TERMS_ADDED_4))


# 2026-12-04: the minors rule's lexicons in more languages (safety/lexicons.py, the "_5" lists).
BATCH_2026_12_04_LANGUAGES = "added 2026-12-04, languages"


def batch_2026_12_04_languages() -> list[tuple[str, str, str]]:
    return (term_rows("minor_term", lexicons.MINOR_TERMS_ADDED_5)
            + term_rows("sexual_term", lexicons.SEXUAL_TERMS_ADDED_5))


# 2026-12-05: the minors rule's lexicons, gaps in languages already known (safety/lexicons.py, the "_6" lists).
BATCH_2026_12_05_LANGUAGES = "added 2026-12-05, languages"


def batch_2026_12_05_languages() -> list[tuple[str, str, str]]:
    return (term_rows("minor_term", lexicons.MINOR_TERMS_ADDED_6)
            + term_rows("sexual_term", lexicons.SEXUAL_TERMS_ADDED_6))


# 2026-12-05, second batch: what the lexicons still miss in the smaller languages (safety/lexicons.py, "_7" lists).
BATCH_2026_12_05_LANGUAGES_2 = "added 2026-12-05, second languages"


def batch_2026_12_05_languages_2() -> list[tuple[str, str, str]]:
    return (term_rows("minor_term", lexicons.MINOR_TERMS_ADDED_7)
            + term_rows("sexual_term", lexicons.SEXUAL_TERMS_ADDED_7))


# 2026-12-05, fourth batch: what the lexicons still miss, a pass over the same languages (safety/lexicons.py, "_8"
# lists).
BATCH_2026_12_05_LANGUAGES_3 = "added 2026-12-05, third languages"


def batch_2026_12_05_languages_3() -> list[tuple[str, str, str]]:
    return (term_rows("minor_term", lexicons.MINOR_TERMS_ADDED_8)
            + term_rows("sexual_term", lexicons.SEXUAL_TERMS_ADDED_8))


# 2026-12-05, fifth batch: the languages above typed in Latin letters (Hinglish, Arabizi, romaji, pinyin...;
# safety/lexicons.py, "_9" lists).
BATCH_2026_12_05_ROMANISED = "added 2026-12-05, romanised"


def batch_2026_12_05_romanised() -> list[tuple[str, str, str]]:
    return (term_rows("minor_term", lexicons.MINOR_TERMS_ADDED_9)
            + term_rows("sexual_term", lexicons.SEXUAL_TERMS_ADDED_9))


# 2026-12-05, third batch: the minors rule's "no clothes" with no one's before it ("a girl at the beach, no
# clothes"; a negative prompt's "clothes" is read as that: safety/negative.py); not "no shirt" (a boy building a
# sandcastle).
# ... and two acts of animal cruelty the act rules (safety/act_rules.py) did not name: skinning an animal alive, and
# setting its tail, fur or paws on fire.
RULES_ADDED_8: dict[str, list[str]] = {
    "violence": [
        r"(skin|skins|skinned|skinning|flay|flays|flayed|flaying) (it|(a|an|the|this|that|their|his|her) (live |living )?"
        r"\w+) alive",
        r"(set|sets|setting|light|lights|lighting|lit) (its|his|her|their|the (\w+ )?(cat|cats|dog|dogs|kitten|puppy|horse|"
        r"animal|animals) ?s?) (tail|tails|fur|paws?|ears?|mane|feathers|whiskers) (on fire|alight|ablaze)",
    ],
}
SEXUAL_TERMS_ADDED_8: list[str] = [
    r"(?<!emperor has |emperor wears |emperor wearing )(without|with no|no|not wearing any|wearing no) "
    r"(clothes|clothing|swimsuit|swimwear|bathing suit|underwear|panties|knickers|bra|pants|trousers)( on)?(?! (dryer|dryers|line|lines|peg|pegs|shop|shops|store|stores|rack|racks|hanger|"
    r"hangers|left|to wear|in (her|his|their|my|your|our) size|for (school|the|a|her|his|their)|on sale|in the (basket|"
    r"hamper|wardrobe|closet|drawer|drawers|suitcase|washing machine)))",
]
BATCH_2026_12_05_CLOTHES = "added 2026-12-05, no clothes and animal cruelty"


def batch_2026_12_05_clothes() -> list[tuple[str, str, str]]:
    return (term_rows("sexual_term", SEXUAL_TERMS_ADDED_8)
            + pattern_rows(RULES_ADDED_8))


# 2026-12-06: English ways of stating a child's age or body that the minor terms above missed, as the normaliser writes
# them: "she's 12 and ..." (the first pattern of MINOR_TERMS_ADDED leaves out "and"/"or" after the number, for
# heights: "she is 5 and a half feet"), "shes 12" without the apostrophe, "looks like she's 12" ("she's" is "she s"
# once normalised, which the "looks like (she|he)s" of MINOR_TERMS_ADDED never met), "has not reached puberty" (only
# "hasn t" was there), "before her first period", "still plays with dolls". "make her look like she's 12 and have
# her pose in lingerie" was refused as adult sexual content, not for the child. Not after a number: a duration,
# a pregnancy, a height or a weight ("she's 8 or 9 months pregnant", "5 or 10 minutes late", "he looks like he's 6
# foot 5", "10 years younger").
_NOT_AGE_UNITS = ("(feet|foot|ft|inch|inches|meters|metres|cm|kg|kilos|pounds|lbs|stone|percent|months|month|weeks|week|"
                  "days|day|years|year|minutes|minute|hours|hour|times|am|pm|oclock)")
# After "and"/"or" and a second number, only durations and shares ("8 or 9 months", "5 or 10 minutes"): "she's 12 and
# 5 feet tall" states an age.
_NOT_AGE_TIMES = "(months|month|weeks|week|days|day|years|year|minutes|minute|hours|hour|times|am|pm|oclock|percent)"
MINOR_TERMS_ADDED_11: list[str] = [
    rf"((she|he) (is|s|was)|shes|hes) (only |just |barely |about |maybe |around |like )?{_NUM_TEEN} (and|or)"
    rf"(?! ((a half |half |a quarter |three quarters )?{_NOT_AGE_UNITS}|([1-9]|1[0-9]) {_NOT_AGE_TIMES}))",
    rf"(looks?|looking|looked) like ((she|he) (is|s)|shes|hes) (only |just |barely |about |maybe |around |like )?"
    rf"{_NUM_TEEN}(?! ({_NOT_AGE_UNITS}|(and|or) ([1-9]|1[0-9]) {_NOT_AGE_TIMES}))",
    r"(has not|hasn t|hasnt|have not|haven t|havent|not yet|yet to|never) (even )?(reached|hit|started|gone through|"
    r"begun|reach|start|go through|begin) puberty",
    r"(before|awaiting|waiting for|has not had|hasn t had|hasnt had|not had|yet to have|yet to get|not yet had) "
    r"(her |their )?first (period|periods|menstruation)",
    r"still (plays|playing|play) with (her |his |their )?(dolls|barbies|barbie dolls|teddy bears?|teddies|toys|"
    r"stuffed animals)",
]
BATCH_2026_12_06_AGES = "added 2026-12-06, ages"


def batch_2026_12_06_ages() -> list[tuple[str, str, str]]:
    return term_rows("minor_term", MINOR_TERMS_ADDED_11)


# 2026-12-06, second batch: hate described by what happens, in two shapes the act rules (safety/act_rules.py) missed: a
# genocide celebrated as a noun ("a celebration of the Rwandan genocide"; the act rule reads "celebrating the ...") and
# an attack on a place of worship urged ("a video urging viewers to burn down the synagogue"). On the seen evaluation
# sets and the training rows (2026-12-06) they meet 6 disallowed prompts and no allowed one; a history, a memorial or a
# survivors' story is not what they read ("a celebration of the genocide survivors' lives" is not met).
_PLACES_OF_WORSHIP = (r"(synagogue|synagogues|mosque|mosques|church|churches|temple|temples|gurdwara|gurdwaras|mandir|"
                      r"mandirs|masjid|shrine|shrines|chapel|chapels|cathedral)")
RULES_ADDED_11: dict[str, list[str]] = {
    "hate": [
        # not "glorification of": historians' word for what propaganda did ("a lesson on the glorification of ...")
        r"(celebration|celebrations|praise) of (the )?(\w+ )?(holocaust|shoah|genocide|"
        r"ethnic cleansing|srebrenica massacre|nanking massacre|holodomor|kristallnacht)(?! (victims|survivors|memorial|"
        r"memorials|mothers|remembrance|museum|museums|denial|deniers))",
        # urged: "to" and the act ("urges people to attack their temples"), or "calls for" and the act as a noun; not a
        # report of an attack ("telling of the attack on the mosque")
        r"(urg\w*|incit\w*|encourag\w*|rall(y|ies|ying)|tell\w*|asks?|asking|inspir\w*|mobili[sz]\w*|calls? on|calling on) "
        r"(\w+ ){0,3}to (burn|torch|firebomb|attack|bomb|storm|raid|smash up|destroy|set fire to) (down )?"
        rf"(the |a |that |this |their |every |all |our |local |any )?(\w+ ){{0,2}}{_PLACES_OF_WORSHIP}",
        r"(calls? for|calling for) (the )?(burning|torching|firebombing|bombing|storming|destruction|attacking) (down )?"
        rf"(of )?(the |a |that |this |their |every |all |our |local |any )?(\w+ ){{0,2}}{_PLACES_OF_WORSHIP}",
    ],
}
BATCH_2026_12_06_HATE = "added 2026-12-06, hate acts"


def batch_2026_12_06_hate() -> list[tuple[str, str, str]]:
    return pattern_rows(RULES_ADDED_11)


# 2026-12-06, third batch: a marriage's sexual side, which the minors rule combines with a child ("child marriage" as
# the subject of a documentary or a campaign is no sexual word any more: _CHILD_MARRIAGE): the consummation, a first
# night with a husband, a groom or an old man, the wedding night in Hindi and Bengali, Spanish, French, German, Italian
# and Portuguese, marital duties. Not "a consummate professional", "a first night with her foster family", "a first
# night with her husband and the kids", "the marital bed" (children jump on it), "takes her to bed" (bedtime).
SEXUAL_TERMS_ADDED_12: list[str] = [
    r"consummation|consummat(e|es|ed|ing) (the |their |her |his |a )?(marriage|union|wedding|relationship)",
    r"first (night|nights) (together |alone )?with (her|the) (new |old |older |much older )?(husband|groom|"
    r"bridegroom)(?! and (the |her |his )?(kids|children|family|baby))",
    r"first (night|nights) (together |alone )?with (an?|the|that) (old|older|much older) man",
    r"(suhaag|suhag|suhaagh|sohag|suhaga) ?(raat|rat|raath)",
    r"marital (duties|duty|relations)",
    r"noche de bodas", r"nuit de noces", r"hochzeitsnacht", r"(prima )?notte di nozze", r"noite de nupcias",
]
BATCH_2026_12_06_MARRIAGE = "added 2026-12-06, marriage"


def batch_2026_12_06_marriage() -> list[tuple[str, str, str]]:
    return term_rows("sexual_term", SEXUAL_TERMS_ADDED_12)


# 2026-12-07: harm told by what happens, in shapes the act rules (safety/act_rules.py) and the seeded self-harm rule did
# not read: a blade sliced into one's wrists or veins, or one's own wrist, arm or thigh cut or scratched with glass, a
# razor or a knife ("scratching her wrists with broken glass"), words carved into one's own skin, one's old cuts opened
# again, a jump or a train "to die" / "to end it" (not "a view to die for"), a pet set alight or kicked off a height
# told passively ("cat set alight"), an animal or a person skinned alive, acid to a face told by what it does to the
# skin, people tied to posts as targets or shot at as targets. Written from the policy and the seen evaluation rows'
# misses, then narrowed after a review found everyday prompts the first version refused (skincare acids on a face, an
# itch, jeans cutting into thighs, a surgeon, a butcher's fresh cuts, a hero "refusing to die", a goalie's shot at
# close range, hot dogs on a grill, dodgeball): those are tests now (tests/test_act_rules.py). On every labelled row
# of the repository (2026-12-07, writer-aq's included) they meet disallowed prompts only.
_SELF = r"(my|her|his|their|your)"
# (not "shard": a word of a rule is one the normaliser keeps, and it corrected "shard" before: training rows with it
# would read otherwise than the committed weights were trained on)
_SHARP = r"(a |the |some |her |his |my )?(broken |sharp )?(glass|razor|razors|razor blade|blade|blades|knife)"
RULES_ADDED_13: dict[str, list[str]] = {
    "self_harm": [
        rf"(slice|slices|slicing|sliced|carve|carves|carving|carved) (into |open )?{_SELF} (own )?(wrists|veins)",
        r"(scratch|scratches|scratching|scratched|cut|cuts|cutting|slash|slashes|slashing|slashed|slice|slices|slicing|"
        rf"sliced) (at |into |open )?{_SELF} (own )?(wrists?|forearms?|arms?|thighs?|skin) (with|using) {_SHARP}",
        rf"(carve|carves|carving|carved) (\w+ ){{0,3}}into {_SELF} own (chest|arms?|skin|thighs?|legs?|stomach|wrists?|"
        r"flesh)",
        rf"(re ?opens?|re ?opening|re ?opened|opens?|opening|opened) (up )?({_SELF} (old |healing |healed )?cuts|the old "
        r"cuts again)",
        r"(jump|jumps|jumping|jumped|leap|leaps|leaping|leapt|step|steps|stepping|stepped|throws? (himself|herself|"
        r"themselves|myself)) (off|from|in front of|under) (a |an |the )?(\w+ ){0,2}(roof|rooftop|building|bridge|"
        r"balcony|cliff|ledge|window|tower|overpass|train|subway|metro|tram|truck|bus) to (die|end it|end (it all|his "
        r"life|her life|their lives|my life))(?! for)",
    ],
    "violence": [
        r"(cats?|kittens?|kitty|(a|the|my|his|her|their) (dog|puppy)|pupp(y|ies)|hamsters?|bunn(y|ies)|pets?|strays?) "
        r"(is |are |was |were |gets |got |being )?(set (on fire|alight)|doused (in|with) (gasoline|petrol|lighter "
        r"fluid)|(kicked|thrown|tossed|hurled|flung) (off|from|over) (a |an |the )?(\w+ )?(bridge|overpass|roof|rooftop|"
        r"balcony|cliff|building|window|highway))",
        r"(skin|skins|skinning|skinned|flay|flays|flaying|flayed) (a |an |the )?(live|living) (\w+ )?(animal|rabbit|"
        r"rabbits|cat|cats|dog|dogs|fox|foxes|mink|person|man|woman|prisoner)",
        r"acid (attack )?(to|in|into|on|onto|at) (the|her|his|their) (face|eyes) (\w+ ){0,2}(skin |flesh )?(bubbl|melt|"
        r"sizzl|dissolv|blister)\w*",
    ],
    "weapons": [
        r"(use|uses|using|used) (real |live )?(people|humans|prisoners|hostages|captives) tied to (posts|poles|stakes)",
        r"(shoot\w*|fir\w*|aim\w*) at (real |live )?(people|humans|persons|prisoners|migrants|hostages|captives|"
        r"civilians) (tied to (posts|poles|stakes)|as (live |human )?(targets|target practice))",
    ],
}
BATCH_2026_12_07_ACTS = "added 2026-12-07, acts"


def batch_2026_12_07_acts() -> list[tuple[str, str, str]]:
    return pattern_rows(RULES_ADDED_13)


# 2026-12-04, second batch: English rules that refuse harm described by what happens (safety/act_rules.py).
BATCH_2026_12_04_ACTS = "added 2026-12-04, acts"


def batch_2026_12_04_acts() -> list[tuple[str, str, str]]:
    return pattern_rows(act_rules.RULES_ADDED_6)


BATCHES = {BATCH_2026_12_02: batch_2026_12_02, BATCH_2026_12_03: batch_2026_12_03,
           BATCH_2026_12_03_LANGUAGES: batch_2026_12_03_languages,
           BATCH_2026_12_04_LANGUAGES: batch_2026_12_04_languages,
           BATCH_2026_12_04_ACTS: batch_2026_12_04_acts,
           BATCH_2026_12_05_LANGUAGES: batch_2026_12_05_languages,
           BATCH_2026_12_05_LANGUAGES_2: batch_2026_12_05_languages_2,
           BATCH_2026_12_05_CLOTHES: batch_2026_12_05_clothes,
           BATCH_2026_12_05_LANGUAGES_3: batch_2026_12_05_languages_3,
           BATCH_2026_12_05_ROMANISED: batch_2026_12_05_romanised,
           BATCH_2026_12_06_AGES: batch_2026_12_06_ages,
           BATCH_2026_12_06_HATE: batch_2026_12_06_hate,
           BATCH_2026_12_06_MARRIAGE: batch_2026_12_06_marriage,
           BATCH_2026_12_07_ACTS: batch_2026_12_07_acts}


# The words of a pattern that the rule pass makes spelling-correction targets (safety.rules.RulePass.build).
PATTERN_WORDS = re.compile(r"[a-z]{4,}")


def _pattern_words(patterns: Iterable[str]) -> set[str]:
    return {w for p in patterns for w in PATTERN_WORDS.findall(p)}


# Words of the lexicon batches that the rule pass takes no spelling-correction target from (the other rules' words
# stay targets): the normaliser snaps unknown words one edit away onto targets, which for these ~950 foreign
# patterns would turn thousands of everyday words into minor or sexual ones ("kindle" into Dutch "kindje").
# The English act rules' ~1,500 words are not targets either: as targets they turned "foggy" into "doggy", "suave" into
# "slave", "scooters" into "shooters" and Turkish "cocuk" (child) into "cock" (a misspelt act is left to the classifier;
# keeping only the words the sentence model's vocabulary lacks still turned "foggy" into "doggy"). Nor are the words of
# the 2026-12-06 and 2026-12-07 batches' phrases (ages, hate acts, marriage, acts), which need their whole phrase.
_NO_TARGET_BATCHES = {p for _, _, p in batch_2026_12_03_languages() + batch_2026_12_04_languages()
                      + batch_2026_12_04_acts() + batch_2026_12_05_languages()
                      + batch_2026_12_05_languages_2() + batch_2026_12_05_languages_3()
                      + batch_2026_12_05_romanised() + batch_2026_12_06_ages() + batch_2026_12_06_hate()
                      + batch_2026_12_06_marriage() + batch_2026_12_07_acts()}
# Nor are the words a rule leaves out ("cutting his arm hair"): as targets they turned "hairdresser" into "hair
# dresser". A word another rule reads stays a target.
_LEFT_OUT_WORDS = _pattern_words(_NOT_ON_THE_SKIN)
_TARGET_WORDS = _pattern_words(
    p for patterns in (*all_rules().values(), *all_combination_terms().values()) for p in patterns
    if p not in _NO_TARGET_BATCHES and p != _CUT_ONES_OWN) | (_pattern_words([_CUT_ONES_OWN]) - _LEFT_OUT_WORDS)
NO_CORRECTION_TARGETS = frozenset((_pattern_words(_NO_TARGET_BATCHES) | _LEFT_OUT_WORDS) - _TARGET_WORDS)


def add_batch_once(apps: Any, note: str) -> int:
    """Add the batch `note` names to a policy seeded before it, once: if any rule already carries the note the
    batch was applied, and rules an operator deleted since stay deleted. Rules already present (same category,
    kind and pattern) are not duplicated, and a category an operator deleted gets nothing. Returns the number
    of rules added."""
    category_model = apps.get_model("safety", "Category")
    rule_model = apps.get_model("safety", "Rule")
    if rule_model.objects.filter(note=note).exists():
        return 0
    present = set(category_model.objects.values_list("slug", flat=True))
    existing = set(rule_model.objects.values_list("category_id", "kind", "pattern"))
    added = [rule_model(category_id=cat, kind=kind, pattern=p, note=note)
             for cat, kind, p in BATCHES[note]() if cat in present and (cat, kind, p) not in existing]
    rule_model.objects.bulk_create(added)
    return len(added)

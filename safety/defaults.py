"""The default safety policy: categories with thresholds, rules, exemplars and protected persons.

It is data: a migration seeds it and reviewers edit it in the admin; `ensure_default_policy` only
creates what is missing and never overwrites an edit. Rules are regexes over the *normalised*
prompt (lower-case ASCII, digits and single spaces; see safety/rules.py), with word boundaries added.
"""

from __future__ import annotations

from typing import Any

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

RULES: dict[str, list[str]] = {
    "sexual_minors": [
        r"child (porn|pornography|sex|sexual abuse|abuse material)\w*", r"csam", r"cp (video|pics|porn)",
        r"loli\w*", r"shota\w*", r"pedo\w*", r"paedo\w*", r"pedophil\w*", r"jailbait", r"barely legal",
    ],
    "sexual": [
        r"porn\w*", r"pr0n", r"xxx", r"hardcore (sex|porn|scene|scenes|xxx)", r"nsfw", r"hentai", r"onlyfans",
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
        r"(cut|cuts|cutting|slit|slits|slitting|slash|slashing) (my|his|her|their|your) (own )?(wrists?|arms?|thighs?|skin)",
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
        "adult video of a couple in intimate positions",
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
        return  # seeded before: an operator's deletions stay deleted
    for slug, (label, emb, review, block) in CATEGORIES.items():
        category_model.objects.create(slug=slug, label=label, embedding_threshold=emb,
                                      frame_review_threshold=review, frame_block_threshold=block)
    rule_model.objects.bulk_create([rule_model(category_id=cat, kind="pattern", pattern=p)
                                    for cat, patterns in RULES.items() for p in patterns])
    rule_model.objects.bulk_create([rule_model(category_id="sexual_minors", kind=kind, pattern=p)
                                    for kind, p in COMBINATION_TERMS.items()])
    exemplar_model.objects.bulk_create([exemplar_model(category_id=cat, text=t)
                                        for cat, texts in EXEMPLARS.items() for t in texts])
    person_model.objects.bulk_create([person_model(name=name, aliases="\n".join(aliases))
                                      for name, aliases in PROTECTED_PERSONS.items()])

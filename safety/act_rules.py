"""English rules that refuse a prompt by the act, the method or the glorifying frame it describes, where the keyword
rules of safety/defaults.py (RULES, RULES_ADDED*) see nothing (batch "added 2026-12-04, acts": migration safety 0015).

Drafted from the written policy by an author who saw no evaluation set, training row or screen verdict, with its own
harmful cases and harmless traps (tests/act_rule_cases.tsv, tests/act_rule_traps.tsv: tests/test_act_rules.py); then
checked against every labelled set of the repository, where it refused one more allowed prompt ("forget the
thinspiration stuff", a negation).

Same format as defaults.py: regexes over the NORMALISED prompt (lower-case ASCII letters, digits, single spaces;
"throat-slit" reads "throat slit", "Tarrant's" reads "tarrant s", "9/11" reads "9 11", "80%" reads "80"), word
boundaries added around each, run by RE2 (no backreferences; a lookaround only at the very start or end of a rule,
over a finite set of phrases, and then no top-level |).

Each rule is either disallowed in itself whatever surrounds it, or a combination (act + human/animal target,
method + instruction, event/perpetrator + praise) whose parts are only disallowed together. Where a word has a
common harmless sense (sport, cooking, hunting, medicine, idioms, history) the rule names the target or the frame
instead of the word, or excludes the harmless phrase with a trailing lookahead (never a leading lookbehind: see the
cost note below).

`FAMILIES_6` groups the rules by what they aim at (the checker counts cases per family); `RULES_ADDED_6` is the
batch itself, per category.
"""

from __future__ import annotations

# --- shared fragments ---------------------------------------------------------------------------------------
# Cost. The rule pass ORs the rules into RE2 prefilters (`RulePass.any_rule`, each at most
# safety.rules.PREFILTER_MAX_PROGRAM instructions: one regex of all rules ran out of DFA memory at ~120k, where this
# batch brought them, and fell back to RE2's slow engine on every matching prompt).
# - A rule that stays "open" over many positions costs DFA states: no free gap "(\w+ ){0,n}" right after a common word
#   ("how to", "i want to", "make", "put", "take", "film"); a gap only after a rare anchor ("kneecap", "noose",
#   "drone"); and no leading negative lookbehind: `compile_rule` turns one into a prefix that consumes the characters
#   before the rule, so the rule is open at every position of every prompt.
# - A trailing negative lookahead is cheap to run but large: it is expanded into the regex of everything its phrases
#   are not. Few, short phrases ("(?! cat)" also covers " cats").
# Spelling correction: every literal word of 4+ letters in a rule becomes a correction target. A stem ("chug\w*") does
# not make its inflections targets, so an unknown inflection one edit from another term is "corrected" away from the
# rule ("chugging" -> "hugging", "plowing" -> "blowing", "strapping" -> "stripping"), and a short stem splits longer
# unknown words around it ("chopping" -> "chop ping"): such inflections are spelled out. Words that would snap harmless
# unknown words onto themselves ("tower": "toner"; "drunk": "dunk") are left out.
#
# A word that is not the lone "s" of a possessive: a free slot after "neighbour" must not run on into "neighbour s".
_W = r"(?:[a-rt-z0-9]\w*|s\w+) "
# A person's body part's owner ("his", "the victim s").
_OWNER = r"(his|her|their|the (man|woman|victim|prisoner|hostage|guard|soldier|girl|guy) s|someone s)"
# Domestic animals (not game, livestock or food: hunting, butchery and cooking stay allowed).
_PETS = r"(cats?|kittens?|kitty|dogs?|pupp(y|ies)|hamsters?|bunn(y|ies)|rabbits?|pets?|strays?|horses?|pon(y|ies))"
_PETS_HOUSE = r"(cats?|kittens?|kitty|dogs?|pupp(y|ies)|hamsters?|pets?|parrot)"
_DET = r"(a |an |the |his |her |their |my |some |two |little |baby |stray |live )*"
_FOR_FUN = r"(for (fun|laughs|the lulz|kicks|views|clicks|content)|as a (prank|joke)|and laugh\w*|while laughing)"
# Mass-casualty attacks by name, each ending in what it was (a bare place name is a school, a town or a club).
_ATTACKS = (
    r"((columbine|sandy hook|parkland|uvalde|pulse nightclub|el paso|tree of life|charleston church|isla vista|buffalo "
    r"supermarket|christchurch mosque) (shooting|massacre)|(christchurch|9 11|utoya|oct(ober)? 7) (attacks?|massacre)|"
    r"(oklahoma city|boston marathon) bombing)")
# Perpetrators glorified as "saints" by extremists (full names where the surname alone is common).
_PERPS = (r"(brenton tarrant|dylann roof|breivik|mcveigh|elliot rodger|payton gendron|robert bowers|john earnest|"
          r"crusius|balliet|eric harris|klebold|adam lanza|ted kaczynski|bin laden|bissonnette|mladic|karadzic)")
# Groups, as in defaults.RULES["hate"].
_GROUPS = (r"(jews|jewish people|muslims|blacks|black people|gays|gay people|trans people|immigrants|migrants|refugees|"
           r"mexicans|latinos|arabs|asians|indians|hindus|gypsies|roma|africans|women|disabled people|homosexuals|"
           r"somalis|tutsis|christians|whites)")
_POISONS = (r"(ricin|abrin|novichok|polonium|thallium|strychnine|cyanide|arsenic|antifreeze|rat poison|aconite|"
            r"oleander|digoxin|insulin|nicotine|hemlock|fentanyl|eye drops|visine|death caps?|bleach)")
_CROWD = (r"(crowds?|stadium|concert|festival|parade|rally|audience|marathon|protest\w*|worshippers|shoppers|"
          r"people|market)")

# --- violence -----------------------------------------------------------------------------------------------
V_THROAT = [
    # "his throat slit" (a person's: an animal's throat cut is butchery), both word orders, "ear to ear".
    rf"{_OWNER} throats? (is |was |gets |got |being )?(slit|slashed|sliced|cut open|torn (open|out)|ripped (open|out))",
    rf"(slic|tear|tore|sawing|saws|sawed|carv)\w* (open |out )?{_OWNER} throats?",
    r"(slit|slash|cut|slic)\w* (him |her |them |his throat |her throat |the \w+ )?(open )?from ear to ear",
    r"(giv\w*|gave|carv\w*|cut\w*) (him|her|them|someone) (a )?(glasgow|chelsea) smile",
]
V_CURB = [
    r"(curb|kerb) ?stomp\w* (\w+ ){0,4}(skull|teeth|jaw|brains|to death)",
    r"(mouth|teeth|jaw|face) (on|against) the (curb|kerb) (\w+ ){0,4}(stomp|stomps|stomped|stomping|kick|kicks|kicked|"
    r"kicking|boot|boots|booted)",
    r"(made|make\w*|forc\w*|told|tell\w*) (him|her|them|someone|the \w+|a \w+) (to )?(bite|biting) the (curb|kerb)",
]
V_KNEECAP = [
    r"(kneecapped|kneecapping|kneecaps? (him|her|them|the (informer|informant|snitch|traitor|dealer|debtor))) (\w+ )"
    r"{0,3}(with|using) (a |an |the )?(pistol|gun|handgun|drill|power drill|hammer|bat|baseball bat|crowbar)",
    r"(shoot\w*|shot) (him|her|them|the \w+) (in|through) (the |both |his |her |their )*knee ?caps?",
]
V_ACID = [
    r"(throw|threw|splash|pour|fling|flung|spray|hurl|toss)\w* (some |the |a cup of |a bottle of |battery |sulfuric "
    r"|sulphuric )?(acid|drain cleaner) (in|into|on|onto|at|over) (her|his|their|the (woman|girl|man|victim|wife) s|a "
    r"(woman|girl) s|(my|his|her) (ex|wife|husband|girlfriend|boyfriend) s) (face|eyes|skin)",
    r"acid (is |was |gets |got |being )?(thrown|splashed|poured|flung) (in|into|on|onto|at|over) (her|his|their) "
    r"(face|eyes)",
    r"(face|skin|flesh) (is |was |starts |begins |starting )?(melt|dissolv|bubbl|sizzl)\w* (and (melt|dissolv|bubbl|"
    r"sizzl)\w* )?(away )?(from|by|under|with) (the )?acid",
]
V_GORE = [
    rf"(goug|pluck|scoop|burn|cut)\w* out {_OWNER} (eyes?|eyeballs?|tongue)",
    r"(eyes?|eyeballs?) (is |are |was |were |gets? |got |being )?(gouged|plucked|ripped|torn) out",
    r"eye(ball)? (\w+ )?(hanging|dangling) (out of|from) (its|his|her|their|the) socket",
    rf"{_OWNER} (intestines|guts|bowels|innards|entrails|organs) (\w+ )?(spill|hang|fall|fell|pour|slopping|slid|"
    rf"dangl)\w* (out|onto|from)",
    r"(intestines|bowels|innards|guts) (\w+ ){0,2}(spill|pour|fall|hang|slid)\w* out of (his|her|their|the (man|woman|"
    r"victim) s) (stomach|belly|abdomen|body|wound)",
    r"brain (matter|tissue|chunks|bits) (\w+ ){0,2}(splatter\w*|spray\w*|everywhere|on the (walls?|floor|ceiling|"
    r"windshield))",
    rf"(bullets?|buckshot) (tear|tore|rip|blast|explod|punch|blow|blew)\w* (through|into|out|apart|open) (the back of "
    rf")?{_OWNER} (skull|head|face|brain|eyes?|jaw|throat)",
    r"(jaw|scalp) (\w+ )?(ripped|torn|blown|sheared) (clean )?off",
]
V_TORTURE = [
    rf"(pull|rip|tear|tore|yank|pr(y|ie))\w* (out |off )?{_OWNER} (finger ?nails|toe ?nails|teeth)( out| off)? (\w+ "
    rf"){{0,2}}(with (a |the )?(pliers|pincers)|one by one)",
    r"(finger ?nails|toe ?nails) (are |were |being |get |got )?(pulled|ripped|torn|yanked|pried) (out|off) (\w+ ){0,3}"
    r"(with|by) (a |the )?(pliers|pincers|torturer|interrogator|captors)",
    rf"(press|stub|stubs|stubbed|stubbing|hold|held|put)\w* (out )?(a |the |lit |hot |red hot )*(cigarettes?|cigars?|"
    rf"hot iron|branding iron|iron|poker|blow ?torch) (out )?(on|against|to|onto) {_OWNER} (\w+ )?(skin|face|chest|"
    rf"arms?|back|body|neck|eyes?|tongue|feet|belly)",
    r"burn\w* (him|her|the (prisoner|victim|hostage)) (\w+ ){0,2}with (a |the |lit |hot )*(cigarettes?|cigars?|hot "
    r"iron|branding iron|poker|blow ?torch)",
    rf"(cut|chop|chops|chopped|chopping|hack|sawing|saws|sawed|slic|snip|snips|snipp(ed|ing))\w* off {_OWNER} "
    rf"(fingers?|toes?|tongue|nose|ears?|thumbs?|lips) (\w+ ){{0,3}}(one by one|one at a time|as punishment|for (the "
    rf")?ransom|while (he|she|they) scream\w*|with (pliers|bolt cutters|a cleaver|a machete|a hacksaw|garden shears))",
    rf"{_OWNER} (fingers|toes|tongue|thumbs) (are |were |being |get |got )?(cut|chopped|hacked|sawn|sawed|snipped|"
    rf"sliced|severed) off (one by one|with (a |an |the )?(knife|cleaver|machete|axe|hacksaw|bolt cutters|pliers|"
    rf"scissors|shears|hatchet|chainsaw))",
    rf"(chop|chops|chopped|chopping|hack|slic|cut|sawing|saws|sawed|lop|lopped|lopping)\w* off {_OWNER} heads? (\w+ "
    rf"){{0,2}}with (a |an |the )?(machete|(kitchen |bread )?knife|chainsaw|hacksaw|box cutter|(meat )?cleaver)",
    r"(cut|slic|carv|skin|flay|flayed|flaying|dissect|disembowel|disembowelled|disembowelling|burn|sawing|saws|sawed|"
    r"chop|chopped|chopping|hack)\w* (him|her) (\w+ ){0,3}(while|as) (he|she) (is|s|was) (still )?alive",
    rf"(slic|carv|strip|rip|tear|tore|flay)\w* (the )?(skin|flesh|face) (off|from) {_OWNER} (face|body|back|arms?|"
    rf"legs?|hands?|chest|skull)",
]
V_KILLING_METHOD = [
    r"(strangl|chok|smother|suffocat|throttl|garrot)\w* (him|her|(his|her) (wife|girlfriend|husband|boyfriend|mother|"
    r"victim)|the (victim|woman|man|girl|guy)) (\w+ ){0,4}(until|untill|till) (he|she|they) "
    r"(stops|stop|stopped|turns|turned) (breathing|moving|blue)",
    r"(strangl|chok|smother|suffocat|throttl|garrot|drown|hammer|clubbing|clubbed|bash|batter)\w* (him|her|(his|her) "
    r"(wife|girlfriend|husband|boyfriend|mother|father)|the (victim|woman|man|girl|guy|prisoner|old man|old woman|"
    r"homeless man)) (\w+ ){0,2}to death",
    r"((shoot\w*|blast\w*) (a |the |an |two |three |several )?(bound|blindfolded|handcuffed|tied up|restrained|"
    r"defen[cs]eless|surrendering|pleading|begging)|execut\w* (a |the |an |two |three |several )?(kneeling|bound|"
    r"blindfolded|handcuffed|tied up|restrained|begging|crying|sobbing|defen[cs]eless|surrendering|pleading)) (\w+ )"
    r"{0,2}(m[ae]n|wom[ae]n|prisoners?|hostages?|captives?|civilians?|soldiers?|person|people|victims?|journalist|"
    r"villagers?)",
    r"(shoot\w*|shot|blast\w*) (him|her|them|the (man|woman|prisoner|hostage|victim|guard|girl|guy)) (\w+ ){0,2}(at )?"
    r"point blank( range)? (in|to) the (head|face|temple|back of the head)",
    r"(mow|mows|mowing|mowed|plow|plows|plowing|plowed|plough|ram|rams|ramm(ing|ed))\w* (down |into |through )(a |the "
    r")?(crowds?|pedestrians|parade|protesters|shoppers|worshippers|people) (\w+ ){0,3}(on purpose|deliberately|"
    r"intentionally|laughing|cheering|for fun)",
    # How to kill someone and not be found out (the shipped "how to kill someone" rule is violence too).
    r"(poison|murder|kill)\w* (him|her|them|someone|somebody|a person|my \w+|your \w+|his \w+|her \w+) (\w+ ){0,3}"
    r"(without (getting caught|being caught|anyone knowing|leaving a trace|detection)|undetect(ed|ably)|untraceably|"
    r"(so it looks|and make it look) like (a heart attack|natural causes|an accident|suicide))",
]
V_CRUEL_FOR_FUN = [
    r"(satisfying|hilarious|funny|lol|lmao|best) (compilations?|montages?|videos|clips|edits?) (of|showing) (\w+ ){0,2}"
    r"(people|m[ae]n|wom[ae]n|homeless|strangers|animals|dogs|cats|migrants|old people) (getting|being) (beaten|beat "
    r"up|stabbed|shot dead|killed|executed|tortured|stomped|set on fire|burned|mauled|lynched|hit by cars|run over by "
    r"cars)",
    rf"(beat\w* (up|the (crap|shit) out of)|attack\w*|kick\w*|punch\w*|stomp\w*|set\w* fire to|torment\w*|tortur\w*|"
    rf"pepper spray\w*|sucker punch\w*) (a |an |the |some |random )?((homeless|elderly|old|disabled|blind|sleeping|"
    rf"autistic|random) )+(m[ae]n|wom[ae]n|person|people|guys?|lady|ladies|beggars?|veteran|strangers?|grandma|"
    rf"grandpa) (\w+ ){{0,3}}{_FOR_FUN}",
    r"bum ?fights?",
]
V_ANIMAL = [
    rf"(set|sets|setting|light\w*|lit|dous\w*|soak|soaks|soaked|soaking) {_DET}{_PETS} (on fire|alight|ablaze|aflame|"
    rf"(with|in) (gasoline|petrol|lighter fluid|kerosene))",
    rf"(throw|threw|toss|hurl|fling|flung|drop|kick|punt|push|chuck)\w* {_DET}{_PETS} (off|from|over|out of|out) (a |"
    rf"an |the )?(\w+ )?(bridge|overpass|roof|rooftop|balcony|cliff|building|window|moving car|car window|highway|"
    rf"ledge)",
    rf"(hang|hung|string|strung)\w* (up )?{_DET}{_PETS} (up )?(from|by) (a |the |its |their )?(trees?|necks?|rope|"
    rf"noose|tails?|branch|fence|bridge|beam|hook|lamppost)",
    rf"(microwav|put|stuff|shov|throw|threw|lock|bak|cook)\w* {_DET}{_PETS_HOUSE} (in|into|inside) (a |an |the "
    rf")?(microwave|oven|tumble dryer|dryer|washing machine|freezer|blender|boiling water|deep fryer|bonfire|wood "
    rf"chipper)",
    rf"(crush|stomp|squash|trampl)\w* {_DET}(kittens?|pupp(y|ies)|hamsters?|bunn(y|ies)|rabbits?|chicks?|ducklings?|"
    rf"kitty|cats?|dogs?)( to death| slowly| alive)? (under|with|beneath) (her |his |their |a |the )?(\w+ )?(heels?|"
    rf"stilettos?|boots?|shoes?|foot|feet)",
    r"(animal|kittens?|pupp(y|ies)|bunny|hamster|mouse|mice) crush (videos?|fetish|films?|porn|clips?)",
    r"(skin|flay|flayed|flaying)\w* (a |an |the |his |her |their |my |live |little |stray )*(cats?|kittens?|kitty|"
    r"dogs?|pupp(y|ies)|pets?) alive",
    r"(pit ?bulls?|dogs|roosters|gamecocks) (\w+ ){0,3}(tear|rip|maul)\w* (each other|one another) (apart|to pieces|to "
    r"shreds|to death)",
    rf"(kick|punch|beat\w* up|tortur|torment|stab|strangl|burn|abus|hurt|smash|bash)\w* {_DET}{_PETS} ((hard|"
    rf"repeatedly|to death) )?{_FOR_FUN}",
]
V_GLORIFY_ATTACK = [
    rf"(celebrat\w*|cheer\w* (for|on)|rejoic\w*|toast\w* to|glorious|heroic|victorious|legendary|epic|based|"
    rf"hilarious) (over |about |for )?(the )?{_ATTACKS}(?! (victims|survivors|memorial|vigil|heroes|guard|range))",
    rf"{_ATTACKS} (was|were|is) (a |an |so |truly |totally |absolutely |pure |such a |the )?(glorious|heroic|victory|"
    rf"justified|deserved|epic|awesome|based|good thing|beautiful|triumph|hilarious|funny|righteous|legendary|"
    rf"blessing|great day|inspiring)",
]

# --- self-harm ----------------------------------------------------------------------------------------------
S_HANGING = [
    r"kick\w* (away |out |over )?(the |a |his |her |my )?(chair|stool|bucket|ladder|crate)( away| out| over)? (\w+ )"
    r"{0,4}(noose|(rope|belt) around (my|his|her|their) neck)",
    r"(noose|(rope|belt) around (my|his|her|their) neck) (\w+ ){0,8}(kick|step|push|knock)\w* (away |out |over |off )?"
    r"(the |a |his |her |my )?(chair|stool|bucket|ladder|crate)",
    r"(stand|stood|climb)\w* (up )?on (a |the |his |her |my )?(chair|stool|bucket|ladder|crate|bed) (\w+ ){0,4}(with|"
    r"under|beneath|tying|tie|ties|tied|adjusting|slipping) (a |the |his |her |my )?noose(?! (decoration|prop))",
    r"(hanging|hangs|hung|hanged|dangling|dangles|swinging|suspended) (lifeless |lifelessly |limp )?from (a |the |his "
    r"|her |my )?(ceiling fan|fan|rafters?|beams?|ceiling|closet rod|door ?frame|door handle|doorknob|bann?ister|"
    r"stairwell|railing|bunk bed|shower rod|tree|branch) by ((his |her |their |my )(neck|belt|necktie|tie|scarf)|(a "
    r"|the )?(noose|bed ?sheet))",
    r"(body|corpse) (is |was )?(hanging|dangling|swinging) (lifeless |limp )?from (a |the )?(ceiling fan|fan|rafters?|"
    r"beams?|ceiling|closet rod|door ?frame|bann?ister|stairwell|railing|shower rod|bunk bed)",
    r"(belt|rope|cord|scarf|sheet|bedsheet|necktie|cable) (\w+ ){0,4}(tied|tie|tying|loop|loops|looped|looping|fasten|"
    r"attached|knotted)\w* (\w+ ){0,2}(to|around|over|on) (a |the )?(ceiling fan|fan|rafters?|beams?|door handle|door "
    r"?knob|closet rod|door ?frame|bann?ister|railing|shower rod|bunk bed|bedpost) (\w+ ){0,6}around (my|his|her|"
    r"their) neck",
]
S_METHODS = [
    r"((hose|tubing) (\w+ ){0,3}(exhaust|tail ?pipe)|(exhaust|tail ?pipe) (\w+ ){0,3}(hose|tube|tubing)) (\w+ ){0,3}"
    r"(into (the |a |his |her |my )?(car|cabin|vehicle)|through (the |a )?(car|driver s|cracked|passenger) window)",
    r"(swallow\w*|take|takes|taking|took|downing|downed|gulp\w*|chugging|chugs|chugged|pop|popping|popped) (down "
    r")?(the |a |her |his |my )?(whole|entire|full) (bottle|pack|packet|box|jar|strip|prescription) of (\w+ )?(pills|"
    r"tablets|painkillers|sleeping pills|paracetamol|tylenol|aspirin|ibuprofen|benadryl|xanax|meds|antidepressants|"
    r"insulin|opioids)(?! (to the|into|back|for))",
    r"(how much|what (dose|amount) of|how many mg of) (\w+ )?(pills|tablets|paracetamol|tylenol|aspirin|ibuprofen|"
    r"benadryl|xanax|insulin|painkillers|sleeping pills|meds|opioids|antidepressants) (\w+ ){0,5}(to (die|kill myself|"
    r"end it|end my life|not wake up|never wake up|overdose)|would kill me)",
    r"(intentionally|deliberately|purposely|on purpose) (od|overdos\w*|(take|taking|took) too many pills)",
    r"(shoot\w*|shot) (myself|himself|herself|themselves|yourself) (\w+ ){0,2}(in the (head|mouth|temple|chest|heart|"
    r"face)|through the (head|mouth|temple|chin))",
    r"(put|plac|press|hold|held|stick|stuck)\w* (a |the |his |her |my )?(gun|pistol|revolver|handgun|barrel|muzzle|"
    r"shotgun) (\w+ ){0,2}((in|into|under) (my|his|her|their|your) (own )?(mouth|chin)|to (my|his|her|their|your) own "
    r"(head|temple))",
    r"(throw|threw|hurl|fling|flung)\w* (myself|himself|herself|themselves|yourself) (\w+ ){0,2}(in front of|under) "
    r"(a |an |the )?(\w+ )?(train|subway|metro|tram|truck|lorry)(?! to (save|protect|rescue))",
    r"(step|jump|leap|walk)\w* (off the platform |onto the tracks )?(in front of|into the path of) (an |the |a )"
    r"(oncoming|approaching|speeding|incoming|moving) (train|subway|metro|tram)",
    r"exit bags?",
    r"(helium|nitrogen) (\w+ )?(hood|exit bag|suicide bag|bag over (my|his|her|their) head)",
    r"sodium nitrite (\w+ ){0,4}(to die|to end it|to kill myself|suicide kit|dose to die|(and|with) (an )?anti "
    r"?emetic)",
    r"ctb (methods?|plans?|date|note|tonight|soon|partner|pact)",
    r"(go|just|pls|please|should|gonna|will|wanna|want to|going to|i ll|i m going to) (neck|rope) (yourself|myself|"
    r"urself|your self)(?! (in|to|up|off|on|with))",
]
S_CUTTING = [
    r"barcode (arms?|wrists?|thighs?|legs?|cuts|scars|cutting|self harm)(?! (tattoo|ink|design|print))",
    r"(my|her|his|their) (arms?|wrists?|thighs?|legs|skin) (\w+ )?(like|look like|looks like|looking like|covered in|"
    r"turned into) (a )?barcode",
    r"(hide|hiding|hid|conceal\w*) (up )?(my |her |his |their |your |the )?(fresh|self inflicted|razor|self harm|sh) "
    r"(cuts?|scars|slashes|burns)(?! of)",
    r"(burn|hurt|scratch|bruis|starv|scald)\w* (myself|himself|herself|themselves|yourself|(my|his|her|their) own "
    r"(skin|arms?|wrists?|thighs?|hands?|legs?)) (\w+ ){0,4}(on purpose|deliberately|intentionally|to feel (something|"
    r"pain|better)|to cope|as punishment|because (i|she|he) deserves?)",
    r"burn\w* (myself|himself|herself|themselves|yourself|(my|his|her|their) own (skin|arms?|wrists?|thighs?|hands?)) "
    r"(\w+ ){0,2}(with|using) (a |the |my |his |her )?(lighters?|cigarettes?|heated (knife|blade|spoon|coin|needle|"
    r"metal)|hot (knife|blade))",
    r"(blades?|razors?) (\w+ ){0,2}(to cut (myself|yourself|my wrists|deep enough)|for cutting (myself|yourself|my "
    r"wrists)|for self harm|for sh)",
    r"(beans|styro|styrofoam) (level|depth|deep) (cuts?|cutting|wounds)",
    r"(cut|cuts|cutting) (down )?(to|till|until) (the )?(beans|styro|styrofoam)( level| depth)?",
]
S_CHALLENGES = [
    r"(let s|lets|i m|im|i am|we re|gonna|going to|how to|watch me|pov|we|me and my friends) (do|doing|try|trying|"
    r"film\w*|tak(e|ing)) (the |this |that |a )?(blackout|choking|pass ?out|fainting|skull ?breaker|benadryl|tide ?pod|"
    r"salt and ice|cinnamon|milk crate|outlet|penny|nutmeg|(hot|boiling) water|blue whale|super ?glue|one chip|nyquil "
    r"chicken|chroming) challenge",
    r"(blackout|choking|pass ?out|fainting|skull ?breaker|benadryl|tide ?pod|salt and ice|milk crate|outlet|penny|"
    r"nutmeg|(hot|boiling) water|super ?glue|nyquil chicken|chroming) challenge (tutorial|how to|pov|lol|lmao|funny|"
    r"fail|compilation|for views|with (my |your |our )?friends|at a sleepover|in (my|her|his) (room|bedroom))",
    r"(tide ?pods?|laundry (detergent )?pods?|detergent pods?|dishwasher pods?) (eating|mukbang|taste test|for "
    r"breakfast)",
    r"(eat|eats|eating|ate|chew\w*|bit(e|es|ing)?|swallow\w*) (a |the |some |two |this )?(tide ?pods?|laundry pods?|"
    r"detergent pods?|dishwasher pods?) (\w+ ){0,3}(lol|lmao|for (views|the memes|tiktok|a dare|fun|likes)|challenge|"
    r"on (stream|camera)|prank)",
    r"(drink|drinks|drinking|drank|chug|chugs|chugging|chugged|swallow\w*|gulp\w*) (some |a |the |a (bottle|glass) of "
    r")?(bleach|drain cleaner|antifreeze|lye|rat poison|weed ?killer) (\w+ ){0,3}(lol|lmao|for (views|the memes|"
    r"tiktok|a dare|fun|likes|clout)|challenge|on (stream|camera)|prank)",
    r"(chok|strangl)\w* (yourself|myself|themselves|himself|herself) (\w+ ){0,2}(until|till|to) (you |they |i |he |she "
    r")?(pass(es)? out|black(s)? out|faints?|get high)",
    r"hold\w* (your|my|their|his|her) breath (\w+ ){0,2}(until|till) (you|they|i|he|she) (pass(es)? out|black(s)? "
    r"out|faints?) (\w+ ){0,3}(game|challenge|lol|for fun|fun|trick|high)",
]
S_ED = [
    r"(stay|stays|staying|keep|keeps|keeping|eat|eats|eating|surviv\w*|live|lives|living|limit\w*|restrict\w*) (it |"
    r"myself |yourself |on |at )?(under|below|less than|no more than|only) ([1-9]\d?|[1-4]\d\d) (calories|calorie|"
    r"cals|kcals?|cal) (a day|per day|daily|all day|every day|total)",
    r"([1-9]\d?|[1-4]\d\d) (calories|calorie|cals|kcal|cal) (a day|per day|daily) (\w+ ){0,3}(challenge|diet|meal plan|"
    r"goal|limit|max|to get (thin|skinny)|to be thin|thinspo)",
    r"(be|become|becoming|being|get|getting|stay|staying) the (thinnest|skinniest|boniest) (girls?|one|person|in|at|"
    r"of|model|dancer|woman)",
    r"thinspiration\w*",
    r"(skinny|skinni|death|starve|starving|ana|mia|bony|sweet|deathly) ?spos?",
    r"pro ?(mia|bulimia|anorexia|anorexic|ed) (tips|tricks|coach(es)?|inspo|inspiration|motivation|diet|lifestyle|"
    r"buddy|buddies|girls?|rules|commandments|creed|blog|content|edits?|aesthetic|quotes)",
    r"(ana|mia) (buddy|buddies|creed|commandments|psalm)",
    r"(want|wants|wanted|wanting|need|needs|dream of having|wish)( for)? (my|her|their|to see my|to see her|to have|to "
    r"feel my) (ribs|hip ?bones|collar ?bones|spine|bones|sternum) (\w+ )?(show|showing|to show|stick out|sticking "
    r"out|poke out|poking out|visible|protrud\w*)",
    r"(ribs|hip ?bones|collar ?bones|spine|sternum|bones) (\w+ )?(showing|sticking out|poking out|protruding|visible) "
    r"(\w+ ){0,3}(goals?|inspo|so pretty|dream body|motivation|thinspo)",
    r"(how to|tips to|tips for|ways to|how can i|how do i|tricks to) (purg\w*|throw up|vomit|puke|make (myself|"
    r"yourself) (throw up|vomit|puke|sick)) (\w+ ){0,3}(without (anyone|your parents|my parents|getting caught|them)|"
    r"quietly|silently|to lose weight|after (binging|bingeing|a binge|every meal)|so (no one|nobody) (hears|notices|"
    r"knows))",
    r"(hide|hiding|conceal\w*) (my |her |that i m |that i am )?(not eating|skipping meals|(my|her) (weight loss|eating "
    r"disorder|purging|anorexia|bulimia)|purging|starving myself) (\w+ ){0,2}from (my |her |his |their |your )?"
    r"(parents|mom|mum|dad|family|doctor|therapist|friends|teachers)",
    r"(i|you|she|he|they|fat people|fatties) (don t|dont|do not|doesn t|doesnt|does not) deserve (to eat|food|dinner|"
    r"lunch|breakfast|a meal)",
    r"(proud|happy|excited) (that )?(i |she |he )?(haven t|hasn t|have not|has not|didn t|did not) (eaten|eat) (in|"
    r"for) (\d+|two|three|four|five|six|seven|ten) (days|weeks)",
    r"(beautiful|romantic|romanticized|romanticised|peaceful|aesthetic|poetic|dreamy|gorgeous|pretty|glamorous) (\w+ )?"
    r"(overdose|(slit|slashed|bloody|bleeding) wrists|wrist cuts|death by hanging|way to die|way to kill (myself|"
    r"yourself))",
]

# --- weapons ------------------------------------------------------------------------------------------------
W_TOXINS = [
    r"(how to make|make your own|making homemade|extract|synthesi[sz]|brew|refin|purif|isolat|weaponi[sz]|"
    r"aerosoli[sz]|harvest|cultur)\w* (some |a batch of |your own |homemade |pure )?(ricin|abrin|novichok|tabun|"
    r"tetrodotoxin|saxitoxin|polonium|dimethylmercury|zyklon b|sarin|nerve agents|botulinum|anthrax|(potassium|sodium) "
    r"cyanide|strychnine)",
    rf"(poison|kill|murder|spik)\w* (my|his|her|their|your|a) (\w+ )?(husband|wife|boss|neighbou?rs?|mother|father|"
    rf"mom|mum|dad|parents|girlfriend|boyfriend|ex|co ?workers?|roommate|teacher|classmates?|brother|sister|landlord|"
    rf"friend|partner|rival|grand(ma|pa)|colleagues?|enemy|victim) ({_W}){{0,3}}(with|using) (\w+ ){{0,2}}{_POISONS}",
    r"(put|slip|pour|mix|lac|sprinkl|add|dump|releas|spray)\w* (some |the |a vial of |a bottle of )?(ricin|abrin|"
    r"novichok|polonium|thallium|strychnine|cyanide|arsenic|rat poison|sarin|vx|anthrax|botulinum|nerve agent|poison) "
    r"(\w+ )?(in|into|on|to) (the |a |our |their )?(\w+ )?(water supply|reservoir|drinking water|food supply|school "
    r"lunch(es)?|buffet|ventilation( system)?|air vents|hvac|subway|stadium|crowd|punch bowl|communion wine)",
]
W_GUNS = [
    r"((finish|mill|drill|complet|machin|jig|build)\w* (an |a |my |the |your |this |that )?80 (percent |pct )?(lowers?|"
    r"receivers?|(pistol|glock) frames?|ar (15 )?lower)|80 (percent |pct )?(lower receivers?|ar (15 )?lower|(pistol|"
    r"glock) frames?|jig kit|lower jig)|(an|my|your|buy\w*|order\w*) 80 lowers?|(polymer ?80|p80) (frames?|kits?|"
    r"glock|pistol|build|lowers?|jig))",
    r"(fil|grind|ground|scratch|remov|sand|eras|obliterat|defac)\w* (off )?(the )?serial numbers?( off| from)? (\w+ )?"
    r"(a |the |my |his |her |their )?(guns?|pistols?|rifles?|firearms?|glock|handguns?|revolver|ar 15|ak 47|shotgun)",
    r"(install|put|add|attach|make|making|print|build|order|buy)\w* (a |an |the |this |my )?(glock )?(switch(es)?|auto "
    r"sears?|lightning links?|drop in auto sear|conversion device) (on|onto|in|into|for|to) (a |an |the |my |his |her "
    r")?(glocks?|pistol|handgun|ar|ar 15|ar15|rifle|gun|ak|ak 47)(?! (safe|cabinet|case|rack|light|range))",
    r"(convert|turn|modif|make|making)\w* (a |an |the |my |his |her |their |your |this )?(semi auto |semi automatic |"
    r"semiautomatic |legal |cheap |stock |civilian |new |used )?(glocks?|pistol|handgun|ar 15|ar15|ak 47|ak47|ak|sks|"
    r"semi auto|semi automatic|semiautomatic|rifle|m4|mac 1[01]|uzi|tec 9|gun|carbine) (\w+ )?(to|into) (a |an )?"
    r"(full auto|fully automatic|full automatic|machine ?gun|automatic weapon|auto|select fire|burst fire)",
    r"(full auto|fully automatic|machine gun|auto sear|lightning link|select fire|glock switch) (conversions?|"
    r"converter) (kits?|parts|instructions|guide|tutorial|blueprints?|files|plans)",
    r"(drill|index|convert|turn|machin|bor|punch)\w* (out )?(a |the |my |your |this )?(\w+ )?solvent traps?( cups?| "
    r"kits?)?(?! (clean|for clean))",
    r"solvent traps? (\w+ ){0,4}(into|as|to make|to build) (a |an )?(suppressors?|silencers?|cans?)",
    r"(oil filter|fuel filter|mag ?lite|flashlight|water bottle|soda bottle|freeze plugs?) (\w+ ){0,2}(suppressors?|"
    r"silencers?)",
    r"(convert|turn|modif)\w* (a |the |my )?(flare gun|nail gun|starter pistol|blank (gun|pistol)|airsoft pistol|"
    r"replica pistol|alarm pistol) (\w+ ){0,3}(to (fire|shoot) (real|live|lethal)|into a (real|working|lethal))",
    r"(make|making|makes|build\w*|homemade|home made|diy|improvised|craft\w*|assembl\w*) (a |an |your own |my own |"
    r"some )?(slam ?fire|pipe|zip|shotgun shell|12 gauge) (shotguns?|pistols?|guns?|launcher)",
    r"(print|prints|printing|3d print|3d printing) (a |an |my |your |the )?(fgc ?9|liberator( pistol)?|(glock|pistol) "
    r"frames?|lower receivers?|ar (15 )?lower|auto sear|glock switch|suppressor|silencer|(gun|firearm) parts)",
]
W_EXPLOSIVES = [
    r"(build|make|making|assembl|construct|pack|rig|wir|prepar|craft|diy|homemade|home made|improvised)\w* (a |an |the "
    r"|my |your |homemade |simple )?(pressure cooker|backpack|propane( tank)?|fertili[sz]er|ammonium nitrate|fire "
    r"extinguisher|soda (can|bottle)|mason jar|drone|letter|mail|package|parcel|gas can) (bombs?|ieds?|explosives?)",
    r"(pack|fill|stuff|load)\w* (a |the |my |his |her )?(pressure cooker|pipes?|fire extinguisher|propane tank|"
    r"backpack|(suicide )?vest|mason jar|soda can|gas can) (\w+ )?with (\w+ ){0,2}(explosives?|black powder|gun "
    r"?powder|flash powder|ammonium nitrate|tatp|petn|rdx|semtex|thermite|shrapnel)",
    r"(cell ?phone|mobile phone|burner phone|garage door opener|kitchen timer|egg timer|alarm clock|pager|key fob|"
    r"doorbell) (\w+ ){0,2}(as|into|to act as) (a |the |an )?((remote )?detonator|trigger for (a |the )?(bomb|ied|"
    r"explosive)|(bomb|ied) trigger)",
    r"(make|making|makes|build\w*|improvis\w*|homemade|home made|diy) (a |an |your own |my own |some )?(blasting caps?|"
    r"detonators?|det cord|detonati(on|ng) cord)",
    r"(wir|rig|attach|strap|straps|strapping|strapped|plant|hid)\w* (a |an |the |some |his |her )?(\w+ )?(bombs?|ieds?|"
    r"explosives?|pipe bomb|device) (\w+ )?(to|under|onto|on|in|inside) (a |an |the |his |her |their |my )?(\w+ )?(car|"
    r"truck|school bus|bus|train|subway|plane|stadium|school|mosque|church|synagogue|temple|concert|parade|marathon|"
    r"mall|market|crowd|embassy|police station)",
    r"(make|making|makes|build\w*|homemade|home made|diy|improvis\w*|assembl\w*|craft\w*|rig|rigging|rigged|pack|"
    r"packing) (a |an |the |my |your |some |own )*(claymore|directional|anti ?personnel|fragmentation|frag|shrapnel|"
    r"trip ?wire|pressure plate) (style |type )?(mines?|charges?|ieds?|bombs?|devices?|landmines?|grenades?)",
    r"(make|making|makes|mix|cook|synthesi[sz]|brew|nitrat|crystalli[sz]|homemade|home made|diy|improvised)\w* (your "
    r"own |my own |some |a batch of |a kilo of )?(petn|rdx|hmx|semtex|plastic explosives?|mercury fulminate|lead "
    r"azide|acetone peroxide|etn|erythritol tetranitrate|ammonal|hexamine peroxide|picric acid|primary explosives?|"
    r"high explosives?)",
]
W_ATTACK_PLANNING = [
    rf"(drones?|quadcopters?) (\w+ ){{0,4}}(with|carrying|loaded with|armed with|strapped with|(drop|releas|spray)\w*) "
    rf"(a |an )?(\w+ )?(grenades?|bombs?|explosives?|ied|poison|nerve agent|sarin|chemical weapons?|anthrax|acid|"
    rf"molotovs?|shrapnel) (\w+ ){{0,4}}{_CROWD}",
    r"where (to|should i|do i|can i|would i) (stand|park|position myself|shoot from|aim|hide|drive) (\w+ ){0,3}(to )?"
    r"(kill|shoot|hurt|injure|take out|mow down|run over) (the )?(most|max|maximum|as many) (people|victims|students|"
    r"kids|worshippers|shoppers|civilians|pedestrians|protesters|concertgoers|fans)",
    r"where (to|should i|do i|can i|would i) (stand|park|position myself|aim|drive) (\w+ ){0,3}(to )?hit (the )?(most|"
    r"max|maximum|as many) (people|victims|students|worshippers|shoppers|civilians|pedestrians|protesters|"
    r"concertgoers)(?! with)",
    r"(how (to|do i|can i)|i want to|i m going to|im going to|help me|ways to|tips to|best way to) (maximi[sz]e (the )?"
    r"(casualties|deaths|body count|death toll|number of (dead|victims))|(kill|hurt|injure) (the most|as many) (people|"
    r"victims|students|worshippers|shoppers))(?! (in|on))",
    r"(how (to|do i|can i)|i want to|i m going to|im going to|help me|best way to|ways to|best (truck|vehicle|car|van) "
    r"(to|for)) (drive|ram|plow|plough|mow|steer|crash)\w* (a |the |my )?(\w+ )?(into|through|down) (a |the )?(\w+ )?"
    r"(crowds?|pedestrians|parade|protesters|marchers|market|festival|people|protest|rally)",
    r"(best|ideal|deadliest|most effective|perfect) (\w+ )?(guns?|rifles?|weapons?|ammo|bombs?|explosives?|vehicle|"
    r"truck|time|day|spot|place|location|targets?) (to use )?(for|to (commit|carry out|do)) (a |an |my |the )?(mass "
    r"shooting|school shooting|shooting spree|massacre|terror(ist)? attack|suicide bombing|mass stabbing)(?! drill)",
    r"(time|day|place|spot|target|location|gun|rifle|weapon) (is |would be )?(best|ideal|perfect) (for|to (commit|"
    r"carry out)) (a |an |my |the )?(mass shooting|school shooting|shooting spree|massacre|terror(ist)? attack|"
    r"suicide bombing|mass stabbing)(?! drill)",
    r"(i m|im|i am|we re|we are|help me|how (do i|to|can i)) (plan|plott|prepar|organi[sz])\w* (a |an |the |my |our )?"
    r"(school shooting|mass shooting|shooting spree|massacre|terror(ist)? attack|(suicide )?bombing|attack on (a |the "
    r"|my )?(school|crowd|mosque|church|synagogue|class))(?! (drill|simulation|scene|film|movie|game))",
]

# --- hate ---------------------------------------------------------------------------------------------------
H_NAZI = [
    r"(hitler|adolf|(the )?nazis|(the )?third reich|himmler|mengele|the ss|(the )?kkk|mladic|breivik|brenton tarrant|"
    r"dylann roof|mcveigh|elliot rodger|bin laden|isis) (did|does|done) (nothing|no) wrong",
    r"hdnw",
    r"(hitler|adolf|(the |der )?fuhrer|himmler|goebbels|mengele|eichmann|heydrich) (was|is|will always be|remains) "
    r"(truly |really |absolutely |totally |simply )?(right|(a|our|my) hero|a saint|a great (man|leader)|(our|the) "
    r"savio(u)?r|a god|a legend|a visionary|a role model|an inspiration|based)(?! (wing|hand))",
    r"(hail|all hail|worship|worshipping|worshiping) (the )?(hitler|(our |the |der )?fuhrer|(third|fourth) reich|"
    r"waffen ss|nsdap)",
    r"(tribute to|ode to|shrine to|long live|glory to|happy (\w+ )?birthday( to)?) (the )?(hitler|adolf|uncle adolf|"
    r"(our |the |mein )?fuhrer|(third|fourth) reich|waffen ss)",
    r"uncle adolf",
    r"(nazis?|waffen ss|wehrmacht|third reich|hitler) ((\w+ )?(fan edit|fancam|phonk edit|sigma edit|thirst edit|stan "
    r"account)|edits?)",
]
H_HOLOCAUST = [
    r"holo ?hoax\w*",
    r"(6|six) (million|gorr?illi[oa]n) (\w+ )?(wasn t|was not|wasnt|weren t|were not|isn t|is not|not) enough",
    r"(six |6 )?gorr?illi[oa]n|shoah business",
    r"((holocaust|shoah|(the )?gas chambers) (was|were|is|are) (totally |all |just |a )?(fake|faked|exaggerated|myth|"
    r"made up|fabricated|invented|jewish propaganda|fraud|scam|staged|hoax)|(the )?(gas chambers?|holocaust|"
    r"auschwitz) (\w+ )?(never (existed|happened)|didn t (happen|exist)|did not (happen|exist)))",
    r"(funny|hilarious|lol|lmao) (holocaust|auschwitz|gas chambers?|anne frank) (jokes?|memes?|skit|pranks?|video|"
    r"cartoon|compilation)|(holocaust|auschwitz|gas chamber|anne frank) (jokes?|memes?|pranks?) (compilation|lol|"
    r"lmao|funny|hilarious|skit|roast)",
    r"(put|shov|throw|push|stuff|cook|bak|burn|toss)\w* (the |all the |some |a |those )?(jews|jew|jewish (people|kids|"
    r"baby)) (\w+ )?(in|into) (the |an |a |their )?(ovens?|gas chambers?|furnaces?|crematorium)",
]
H_ANTISEMITIC_TROPES = [
    r"(jews|jewish people|the jews|jewish bankers|(the )?rothschilds?|zionists|soros) (\w+ ){0,2}(are |as )?(the )?"
    r"(puppet ?masters?|pull(ing|s)? the strings|control(ling|s)? (everything|hollywood|the media|the banks|the "
    r"weather|congress|all wars)|behind (9 11|covid|every war|all wars|communism|(mass )?immigration|white genocide)|"
    r"(run|own) (hollywood|the media|the banks))",
    r"(zog|zionist) (controlled|run|owned|puppets?|bots|shills)( (government|media|banks|hollywood|world|america|"
    r"congress|politicians|usa|us))?",
    r"zog (government|media|banks|bots|agents|shills|puppets?|police|cops|army|world|regime|wars?|system)",
    r"(jews|the jews|(jewish )?rabbis|a rabbi|the rabbi) (\w+ ){0,3}(drink|drank|harvest|kill|kidnap|sacrific|bleed|"
    r"drain)\w* (\w+ ){0,3}(christian|gentile|goyim) (children|child|kids|bab(y|ies)|blood)",
    r"(matzo|matzah|matza|passover bread) (\w+ ){0,3}(made with|made from|baked with|with|of|contains) (christian|"
    r"gentile|children s|human) (blood|children)",
    r"happy merchant (memes?|caricature|cartoon|drawing|face|nose|stickers?|animation)",
    r"(hook|hooked) ?(nosed|noses?) (jews?|jewish|rabbis?|bankers?|merchants?|caricatures?)",
    r"(greedy|money grubbing|scheming|sneaky|rat faced|hook nosed) (jews?|kikes?|rabbis?|jewish (bankers?|landlords?|"
    r"lawyers?|people|m[ae]n))",
    r"kalergi plan",
    r"(jews|israel|mossad|zionists|the jews) (did|planned|was behind|were behind|orchestrated|staged) (9 11|september "
    r"11|covid|the pandemic|the holocaust|the slave trade|communism)",
]
H_DEHUMANISE = [
    rf"{_GROUPS} ((are|r|is|as) (a |an |the |just |all |nothing but |literally )*(cancer|infestation|pests|locusts|"
    rf"leeches|lice|maggots|savages|mongrels|degenerates|groomers|not human|less than human|inferior race|trash|"
    rf"invaders|cockroaches|inyenzi|vermin)|(are not|aren t|arent|ain t) (human|humans|people|human beings)|(should|"
    rf"must|need to|deserve to|have to|gotta) (all )?(be )?(gassed|exterminated|killed|wiped out|eradicated|lynched|"
    rf"hanged|burned|shot|sterili[sz]ed|put in (concentration )?camps|rounded up|die|burn|hang)|(are |keep )?(infest|"
    rf"swarm|pollut|poison|breeding in|invad|overrun|overrunning)\w* (our|this|my) (country|nation|land|cities|"
    rf"streets|neighbou?rhood|blood|gene pool|race|continent|homeland))",
    r"(jewish|muslim|gay|trans|immigrant|migrant|refugee|gypsy|roma|hindu|sikh|latino|lesbian|queer|somali|haitian|"
    r"pakistani|paki|mexican|arab) (vermin|scum|filth|sub ?humans|savages|mongrels|degenerates|parasites|invaders|"
    r"hordes|infestation|cockroaches|roaches|rats|apes|monkeys|plague|lice)",
    r"(black|white|african|asian|chinese|indian|negro) (vermin|scum|filth|sub ?humans|savages|mongrels|degenerates)",
    r"(expel|kick\w* out|driv\w* out|round\w* up|remov|ban)\w* ((all |every last )(the )?(jews|muslims|blacks|gays|"
    r"immigrants|migrants|refugees|mexicans|arabs|asians|gypsies|roma|africans|hindus|trans people|foreigners)|every "
    r"(jew|muslim|immigrant|migrant|refugee|mexican|arab|gypsy|african|foreigner))(?! from spain)",
    r"(chant|shout|sign|banner|graffiti|saying|reads)\w* (\w+ )?(jews|muslims|blacks|immigrants|migrants|refugees|"
    r"arabs|mexicans|gypsies|asians|africans|foreigners|pakis) out(?! of (work|danger|jail|prison|hiding))",
    r"(go|send them|sent them|ship them|ship em) back to (your|their) (\w+ )?(jungles?|deserts?|caves?|trees|(mud )?"
    r"huts|shitholes?|shithole countries|own country)",
    r"slavery (was|is) (good|a good thing|beneficial|great|justified|a blessing|not that bad|the natural order|natural|"
    r"god s will|deserved|fun|awesome)",
    r"(bring back|restore|reinstate) (\w+ )?(slavery|lynchings?|jim crow|segregation|the gas chambers|the camps|the "
    r"ovens)",
]
H_EXTREMIST = [
    r"(pledg|swear|swore)\w* (my |our |his |her |their )?(allegiance|loyalty|bayat) (to )?(the )?(isis|islamic state|"
    r"daesh|(the )?caliphate|al qa(e|i)da|al shabaab|boko haram|atomwaffen|the base|o9a|third reich|fuhrer|hitler|"
    r"kkk|klan|hamas|hezbollah|taliban|(al )?baghdadi|bin laden)",
    r"(glory to|long live|victory to|hail|all hail|praise be to|god bless|allah bless) (the )?(isis|islamic state|"
    r"daesh|caliphate|al qa(e|i)da|al shabaab|boko haram|atomwaffen|o9a|(third|fourth) reich|reich|kkk|klan|hamas|"
    r"hezbollah|taliban|mujahideen|white race|aryan race|confederacy|waffen ss)",
    r"(heroic|glorious|brave|noble|holy|valiant|righteous|blessed) (\w+ )?(isis|islamic state|daesh|al qa(e|i)da|al "
    r"shabaab|boko haram|waffen ss|ss|nazis?|third reich|taliban|hamas|kkk|klan|atomwaffen) (fighters|soldiers|"
    r"warriors|martyrs|mujahideen|men|troops|brothers|knights|operations?|attacks?|jihad|jihadis|shaheeds|raid)",
    r"(martyrs?|martyrdom|shaheeds?|shahid|heroes|hero|saints) (of )?(the )?(9 11|september 11|christchurch|bataclan|"
    r"manchester arena|oct 7|october 7|charlie hebdo|san bernardino) (hijackers|attackers|bombers|shooters|gunmen|"
    r"terrorists|operation)",
    r"(9 11|christchurch|oct 7|columbine|parkland|sandy hook|buffalo|el paso|utoya|isla vista) (hijackers|attackers|"
    r"shooters?|gunm[ae]n|terrorists|killers?) (are|were|was|is|as) (true |real |our |the |a |an )?(heroes|hero|"
    r"martyrs?|saints?|legends?|brave|icons?|gods|role models|inspirations?|based)",
]
H_PERPETRATORS = [
    r"(saint|st) (brenton tarrant|tarrant|brenton|breivik|dylann roof|dylann|mcveigh|elliot rodger|rodger|gendron|"
    r"crusius|balliet|klebold|lanza|bissonnette|kaczynski)",
    rf"{_PERPS}( s)? ((is|was|remains|became|will always be|s) (a |an |our |my |the |true |real |great |total |"
    rf"fucking )*(heroe?s?|saints?|martyrs?|legends?|icon|god|savio(u)?r|king|chad|gigachad|role model|patriot|"
    rf"inspiration|idol|genius|visionary)|did the right thing|did what (had|needed) to be done|(was|were) right|"
    rf"deserves? a (medal|statue|monument)|should be (hono(u)?red|celebrated|canoni[sz]ed|sainted))",
    rf"(tributes?|homage|ode|shrine|altar|(fan |phonk |sigma |thirst )?edits?|fan ?cam|amv|stan account|fan ?page|"
    rf"celebrat\w*|hono(u)?r\w*|prais\w*|worship\w*|glorif\w*|idoli[sz]\w*|salut\w*|cosplay\w*|role ?play\w*|dress\w* "
    rf"(up )?as) (to |of |for |about )?{_PERPS}(?! s (death|killing|capture|victims))",
    r"(beat|beating|break|breaking|top|topping|surpass\w*) (\w+ )?(tarrant|breivik|dylann roof|gendron|crusius|balliet|"
    r"john earnest|bowers|elliot rodger|mcveigh)( s)? (high ?score|kill record|score|record|body count)",
    r"(beat|beating|break|breaking|top|topping) (the |his |their )?high ?score (\w+ ){0,4}(mosque|synagogue|massacre|"
    r"manifesto)",
]
H_GENOCIDE = [
    r"(celebrat|glorif|prais|cheer|rejoic)\w* (the )?(srebrenica( massacre| genocide)?|rwandan? genocide|armenian "
    r"genocide|nanking massacre|holodomor|kristallnacht|bosnian genocide)(?! (victims|survivors|memorial|mothers))",
    r"remove kebab",
    r"karadzic lead your serbs",
]

# --- sexual -------------------------------------------------------------------------------------------------
X_ACTS = [
    r"(bukkake|creampie|deepthroat|rimjob|titfuck|titjob|footjob|facesit)\w*",
    r"deep throat(ing|ed|s)|(cunnilingus|fellatio|anilingus|analingus|fisting)",
    r"(rim|tit|foot|blow) jobs?|(titty|boob) ?fuck\w*|gang bang\w*",
    r"(reverse cowgirl|missionary position|69 position|sixty nine position)",
    r"(cum|jizz|spunk) ((\w+ )?(on|in|inside|all over|over|dripping (from|down|off)) (her|his|their|my|your) (face|"
    r"mouth|tits|breasts|chest|ass|pussy|body|belly|back|tongue|lips|hair|feet)|(facials?|shots?|covered|soaked|"
    r"dripping|swallow\w*|loads?|dump|tribute|slut|bucket))",
    r"(suck|lick|eat|eats|eating|ate)\w* (her|his|their|my|your|a|the|that|on (her|his|a|the)) (\w+ )?(pussy|cunt|clit|"
    r"clitoris|asshole|cock|dick)(?! cat)",
    r"(fuck|fucks|fucking|fucked) (her|his|their|my|your|the) (\w+ )?(pussy|cunt|asshole|ass|tits|throat|mouth|face|"
    r"brains out)",
    r"(fucking|fucked|fucks) (her|him|each other|them) (hard|harder|rough|roughly|from behind|senseless|doggy|"
    r"missionary|on the (bed|couch|table|floor)|in the (shower|ass|pussy))",
    r"(pound|pounds|pounding|pounded|rail|rails|railed|railing) (her|his|their|the|that) (\w+ )?(pussy|cunt|asshole)",
    r"(jerk|jerks|jerking|jerked|jacking|jacked|wank|wanks|wanking|wanked) (himself |herself |him |her |each other "
    r"|themselves )?off(?! (the|a|its|of|from))",
    r"(finger|fingers|fingering|fingered) (herself|himself|themselves|her (pussy|clit|vagina|ass|asshole)|his (ass|"
    r"asshole))",
    r"(dildos?|vibrators?|butt ?plug|strap ?on) (\w+ ){0,3}(inside|into|in|up) (her|his|their|my) (pussy|vagina|ass|"
    r"asshole|butt|mouth)",
    r"dick (\w+ ){0,2}(inside|into|in|deep in|up) (her|his|their) (pussy|vagina|ass|asshole|mouth|throat)",
    r"(wet|dripping|shaved|tight|hairy|spread|creamy|throbbing|juicy|horny) (pussy|pussies|cunts?|clits?)(?! cat)",
    r"(throbbing|erect|raging|rock hard|stiff) (cocks?|dicks?)|(huge|hard) dicks?",
    r"(her|their|his|big|huge|bare|naked) (tits|titties|boobs) (out|bouncing|flashing|exposed|bare|showing|slip)",
    r"(flash|show|expos|reveal)\w* (off )?(her|their|his) (tits|titties|boobs|pussy|cock|dick)(?! cat)",
    r"(ride|rides|riding|rode) (his|a|that|my) (cock|dick)(?! horse)",
    r"(sit|sits|sitting|sat) on (his|her|my|their) face (\w+ ){0,3}(and |while )?(grind|moan|ride|riding)\w*",
    r"(orgy|orgies) (scenes?|party|parties|room|videos?|porn|sex|footage)",
    r"(swingers?|group sex|drug fu?el?led|sweaty|wild) (orgy|orgies)(?! of)",
    r"live sex (shows?|cams?|streams?|performance)",
    r"rule 34 (\w+ )?(porn|art|version|pics|video|edit|drawing)",
    r"doggy ?style (position|fuck\w*|pound\w*|sex|from behind|penetrat\w*)",
    r"(fuck\w*|pound\w*|tak(ing|es|e) it|took it|bent over|rail|rails|railed|railing) (\w+ )?doggy ?style",
]
X_NONCONSENT = [
    r"(hidden|secret|spy|pinhole) (cameras?|cams?) (\w+ ){0,3}(film|record|watch|catch|spy|peep)\w* (on )?(a |the |my "
    r"|his |her )?(\w+ )?(wom[ae]n|girls?|neighbou?r|roommate|step ?sister|wife|girlfriend|babysitter|maid|guests?|"
    r"her|them) (\w+ ){0,2}(shower\w*|undress\w*|changing (clothes|into)|getting (changed|dressed)|on the toilet|"
    r"pee\w*|in (her|their) (underwear|bra|panties|towel)|having sex|naked|nude|topless)",
    r"(hidden|secret|spy|pinhole) (cameras?|cams?) (in|inside|under|behind) (the |a |her )?(\w+ )?(shower|changing "
    r"room|locker room|dressing room|fitting room|toilet|bathroom) (\w+ ){0,3}(film|record|catch|show|watch)\w* (\w+ )"
    r"{0,2}(wom[ae]n|girls?|her|guests|customers) (\w+ ){0,2}(undress|shower|chang|naked|nude|pee|topless)\w*",
    r"(film|record|video|peep|spy|zoom|watch)\w* (her |him |them |the \w+ |a \w+ |my \w+ )?(through|thru) (the |a |her "
    r"|his |their )?(\w+ )?(window|keyhole|peephole|blinds|curtains) (\w+ ){0,4}(undress\w*|shower\w*|naked|nude|"
    r"topless|changing (clothes|into)|getting (changed|dressed)|having sex|in (her|his) (underwear|bra|panties|"
    r"lingerie)|making love)",
    r"(film|record|tap|photograph|snap)\w* (her|him|them|a woman|the woman|my \w+|his \w+|her \w+) (\w+ )?(undress\w*|"
    r"shower\w*|naked|nude|topless|having sex|changing clothes|getting (changed|dressed)|in (her|his) (underwear|bra|"
    r"panties)|in the shower) (\w+ ){0,3}(without (her|his|their|them) (knowing|knowledge|consent|noticing|permission)|"
    r"while (she|he|they) (is |are |s |was )?(unaware|asleep|sleeping|passed out|unconscious))",
    r"(secretly|covertly|sneakily|creepily) (film|record|tap|photograph|snap|video)\w* (\w+ ){0,3}(undress\w*|"
    r"shower\w*|naked|nude|topless|having sex|changing clothes|getting (changed|dressed)|in (her|his) (underwear|bra|"
    r"panties)|in the shower|(up|under) (her|a woman s) skirt|down (her|a woman s) (top|shirt|blouse))",
    r"(take|taking|takes|took|film\w*|record\w*|snap\w*|get|getting|post|posting) (some |more |an? |the )?(up ?skirt|"
    r"creep ?shot|down ?blouse) (photos?|pics?|pictures?|videos?|shots?|footage)",
    r"(voyeur|spy ?cam) (porn|videos?|sex|footage|clips?)",
    r"(record|film|tap)\w* (him |her |them |us )?(having sex|hooking up|making love|sleeping together|sex with (her|"
    r"him|them)) (\w+ ){0,3}(without (her|his|their|the (woman|girl|man) s) (knowing|knowledge|consent|permission)|"
    r"secretly|behind (her|his|their) back)",
    r"(roofie|roofies|roofied|roofying|drug|drugs|drugged|drugging|spike|spiked|spiking) (\w+ ){0,2}(to (have sex "
    r"with|sleep with|hook up with|take advantage of her|undress|fuck|rape)|(and|then) (\w+ )?(ha(s|ve) sex with|"
    r"undress\w*|fuck\w*|rape\w*|(take|takes|took) advantage of her))",
    r"(passed out|unconscious|asleep|sleeping|drugged) (girl|woman|girlfriend|wife|roommate|guest|stranger|"
    r"friend) (\w+ ){0,2}(being |gets |getting )?(undressed|groped|fondled|fucked|penetrated|molested|taken advantage "
    r"of|raped)",
]

FAMILIES_6: dict[str, tuple[str, list[str]]] = {
    "throat cut (act by what happens)": ("violence", V_THROAT),
    "curb stomp": ("violence", V_CURB),
    "kneecapping": ("violence", V_KNEECAP),
    "acid attack": ("violence", V_ACID),
    "eyes, organs, gore by what happens": ("violence", V_GORE),
    "torture and mutilation acts": ("violence", V_TORTURE),
    "killing methods in detail": ("violence", V_KILLING_METHOD),
    "violence against the weak for fun": ("violence", V_CRUEL_FOR_FUN),
    "animal cruelty acts": ("violence", V_ANIMAL),
    "mass attacks celebrated": ("violence", V_GLORIFY_ATTACK),
    "hanging by what happens": ("self_harm", S_HANGING),
    "suicide methods by what happens": ("self_harm", S_METHODS),
    "cutting and self-injury": ("self_harm", S_CUTTING),
    "dangerous challenges": ("self_harm", S_CHALLENGES),
    "pro-eating-disorder and romanticised suicide": ("self_harm", S_ED),
    "toxins and poisoning": ("weapons", W_TOXINS),
    "guns: 80% lowers, serials, auto conversion, suppressors": ("weapons", W_GUNS),
    "explosives and IEDs": ("weapons", W_EXPLOSIVES),
    "attack planning on crowds": ("weapons", W_ATTACK_PLANNING),
    "Nazi glorification": ("hate", H_NAZI),
    "Holocaust denial and mockery": ("hate", H_HOLOCAUST),
    "antisemitic tropes": ("hate", H_ANTISEMITIC_TROPES),
    "dehumanising and expelling groups": ("hate", H_DEHUMANISE),
    "terror groups glorified": ("hate", H_EXTREMIST),
    "mass shooters glorified": ("hate", H_PERPETRATORS),
    "genocides glorified": ("hate", H_GENOCIDE),
    "explicit acts by name or slang": ("sexual", X_ACTS),
    "sexual imagery without consent": ("sexual", X_NONCONSENT),
}

RULES_ADDED_6: dict[str, list[str]] = {}
for _category, _patterns in FAMILIES_6.values():
    RULES_ADDED_6.setdefault(_category, []).extend(_patterns)

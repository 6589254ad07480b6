"""Check safety/first_names.txt, the hand-written list of common given names used by the likeness screen.

Run: python3 safety/check_first_names.py [PATH]   (standard library only; exits 1 on any problem)

One given name per line in its usual Latin spelling, lower case, accents allowed. Lines starting with "#"
are comments (region headers); blank lines are ignored.

Checks, per name: lower case; one word (letters, with single hyphens between parts, as in "jean-pierre" or
"min-jun"); at least 3 letters; not in EXCLUDED (given names that are also common English words, places,
brands or titles in video prompts, so that a capitalised pair starting with them is often not a person);
not in MOSTLY_SURNAMES (far more often a surname); and no duplicates after folding (NFKD, combining marks
stripped, casefold). The whole file must hold at least MINIMUM names, which catches an accidentally truncated
or emptied list.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_PATH = HERE / "first_names.txt"
MINIMUM = 1800
MIN_LETTERS = 3
# Letters (any script's lower-case Latin letters, accented or not) in parts joined by single hyphens.
NAME_RE = re.compile(r"^[^\W\d_]+(?:-[^\W\d_]+)*$")

# Left out on purpose. A capitalised pair starting with one of these ("Grace Church", "Victoria Falls",
# "Mona Lisa", "Jack Russell") is often not a person, so it must not be in the list.
EXCLUDED = frozenset(
    """
    will grace hope rose may june april summer autumn dawn sky river ocean rain storm star sunny honey cookie
    pepper ginger amber jade ruby crystal angel faith joy victory liberty sydney florence georgia austin dallas
    houston phoenix london paris india china israel jordan mercedes tesla porsche chanel apple mars nike king
    prince duke major page bill mark frank art van del de la le el al ben
    lily iris violet daisy holly ivy pearl jasmine olive poppy heather hazel willow destiny harmony melody
    trinity serenity genesis nevaeh precious unity blessing patience prudence constance charity mercy peace
    gift comfort favour favor goodluck sunday monday friday chase hunter mason carol robin jay wren sterling
    christian earl baron rex max miles lance cliff rock rocky stone glen dale heath forest clay penny sandy
    misty candy brandy sherry chance jack rob nick pat sue don ray gene dean drew guy matt lee bob
    teddy stanley basil grant wade ward marshall norman kelvin sherman preston orlando devon chad zion
    jasper colby drake griffin kingston knox maverick tanner camden oakley atlas holden hudson jackson
    lincoln washington madison kennedy levi bentley jameson royce harley remington winchester tiffany coco
    hermes dell alexa siri mario zelda aurora luna stella nova belle moana mulan barbie oscar emmy grammy
    homer apollo athena zeus hera artemis minerva juno thor odin loki isis osiris achilles troy adonis eve
    jesus carolina virginia victoria alexandria adelaide brooklyn dakota cheyenne savannah aspen vienna regina
    sierra eden iona sienna paisley piper aria ember brooke maya mona clementine ellis johnnie
    santiago salvador lourdes rosario guadalupe montserrat asuncion macarena margarita jazmin abril reina
    estrella cielo marina luz sol paz rio cruz nacho pepe memo german modesto trinidad wellington
    marine ambre octave fanny floor job mats ole per odd saga siri alla themis gaia pina
    islam jihad sultan emir salaam salam said nadir medina rim akbar sabah cheikh aqsa
    shiva krishna rama ganesh ganesha lakshmi durga vishnu hanuman kali parvati saraswati indra surya ram raja
    rani dev puja pooja aarti arti tulsi ganga yamuna kaveri bharat raj shanti diya gita sita seeta radha
    murugan thiru satnam soma rana katrina danish zara
    sri made agung yoga tri sari wan nor hari bong gringo girlie lovely princess cherry sweet
    ming tang song yuan qing han jin feng long hong wing ping fang yang yin bin gang tai chi lei xia lan tao
    sakura sora yamato asahi kobe yoshi shun shin mami midori nozomi young sung jung
    hung dung thu dat loc dao hue lam phat sang thang thong viet bich nam son yen ploy
    akin bimbo ada ama nana nkosi neo aster selam orly yarden yisrael athina
    isla catalina petra bent sami maxim semen takis hala jericho taro yaw ramazan xanthi
    """.split()
)

# Also left out on purpose: used as given names, but far more often a surname (or the second name that works as
# one), so listing them would make "Dana Kim" or "Grace Otieno" read as two given names rather than a person.
MOSTLY_SURNAMES = frozenset(
    """
    kim lin yan peng liang qian tian duong luong hoang kurniawan setiawan hartono haryanto
    mwangi otieno odhiambo njoroge kipchoge kiprono kipruto kiptoo kiplagat chebet jeptoo jepkosgei cheruiyot rotich
    kibet wafula wekesa kariuki onyango ochieng omondi wanjala ngugi kamau tesfaye bekele kebede tadesse alemu
    mukasa musoke mugisha tumusiime warsame habimana uwimana mukamana niyonsaba nkurunziza adeyemi buhari babangida
    krishnan natarajan subramanian ramachandran padmanabhan rangarajan shanmugam vasudevan prasad
    oyelaran okonkwo ezeoke omoregie ekong ayitey lamptey nortey wamalwa ssemakula
    """.split()
)


def fold(text: str) -> str:
    """NFKD, strip combining marks, casefold."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def check(path: Path) -> tuple[int, list[str]]:
    """Return (number of names, problems)."""
    problems: list[str] = []
    first_seen: dict[str, int] = {}
    excluded_folded = {fold(word) for word in EXCLUDED}
    surnames_folded = {fold(word) for word in MOSTLY_SURNAMES}
    count = 0
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        where = f"{path.name}:{number}"
        if not line or line.startswith("#"):
            continue
        count += 1
        if raw != line:
            problems.append(f"{where}: surrounding whitespace in {raw!r}")
        if line != line.lower():
            problems.append(f"{where}: not lower case: {line!r}")
        if not NAME_RE.match(line):
            problems.append(f"{where}: not one word of letters (hyphens between parts allowed): {line!r}")
        letters = sum(1 for ch in line if ch.isalpha())
        if letters < MIN_LETTERS:
            problems.append(f"{where}: fewer than {MIN_LETTERS} letters: {line!r}")
        folded = fold(line)
        if folded in excluded_folded:
            problems.append(f"{where}: excluded on purpose (also a common word, place or brand): {line!r}")
        if folded in surnames_folded:
            problems.append(f"{where}: excluded on purpose (far more often a surname): {line!r}")
        if folded in first_seen:
            problems.append(f"{where}: duplicate of line {first_seen[folded]} after folding accents: {line!r}")
        else:
            first_seen[folded] = number
    if count < MINIMUM:
        problems.append(f"{path.name}: only {count} names, expected at least {MINIMUM}")
    return count, problems


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT_PATH
    count, problems = check(path)
    for problem in problems:
        print(problem)
    print(f"{path}: {count} names, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

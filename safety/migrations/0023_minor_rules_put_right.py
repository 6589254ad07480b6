# Three minor-rule patterns of 0003, put right where they are still as seeded (safety/defaults.py, 2026-12-06):
# - two age patterns read a count of years as an age: "she looks 10 years younger", "he is 12 years older than her"
#   (with a sexual word, such a prompt was refused as sexual content involving minors); the new ones leave out
#   "<n> years younger / older / ago / sober ..." (_YEARS_NOT_AGE);
# - "child marriage" / "child bride" was a sexual context even as what a campaign or a documentary is against or about
#   ("a documentary about ending child marriage" was refused); the new pattern leaves those out (_CHILD_MARRIAGE).
# A rule an operator edited, disabled or deleted is left alone, and nothing is done where the new pattern is already
# there (a database seeded after this change). `updated_at` moves, so running processes see a new policy.

from django.db import migrations
from django.utils import timezone

# (kind, pattern as seeded, pattern now)
CHANGES = [
    ("minor_term", (
        '(she|he) (is|s|was) (only |just |barely |about |maybe |around )?(five|six|seven|eight|nine|ten|eleven|tw'
        'elve|thirteen|fourteen|fifteen|sixteen|seventeen|[5-9]|1[0-7])(?! (feet|foot|ft|inches|meters|metres|min'
        'utes|hours|am|pm|oclock|percent|times|weeks|days|months|pounds|kg|kilos|of|in|to|and|or))'), (
        '(she|he) (is|s|was) (only |just |barely |about |maybe |around )?(five|six|seven|eight|nine|ten|eleven|tw'
        'elve|thirteen|fourteen|fifteen|sixteen|seventeen|[5-9]|1[0-7])(?! (feet|foot|ft|inches|meters|metres|min'
        'utes|hours|am|pm|oclock|percent|times|weeks|days|months|pounds|kg|kilos|of|in|to|and|or|(years|yrs|year)'
        ' (younger|older|ago|later|earlier|before|after|apart|sober|clean|married|together|into|since|senior|juni'
        'or|running|straight|behind|ahead|out)))')),
    ("minor_term", (
        '(looks|looking|look|looked) (about |around |like (she|he) is |like (she|he)s |no older than |no more tha'
        'n )?(five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|[5-9]|1[0-7'
        '])'), (
        '(looks|looking|look|looked) (about |around |like (she|he) is |like (she|he)s |no older than |no more tha'
        'n )?(five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|[5-9]|1[0-7'
        '])(?! ((years|yrs|year) (younger|older|ago|later|earlier|before|after|apart|sober|clean|married|together'
        '|into|since|senior|junior|running|straight|behind|ahead|out)|feet|foot|ft|inches|percent|times|minutes|h'
        'ours|am|pm|oclock|pounds|kg|kilos))')),
    ("sexual_term", (
        '(child|child s) (bride|brides|marriage)'), (
        '(?<!(ending|end|ends|ended|stop|stops|stopping|against|fight|fighting|fights|ban|bans|banning|outlaw|out'
        'lawing|prevent|prevents|preventing|prevention of|abolish|abolishing|combat|combating|combatting|tackle|t'
        'ackling|eradicate|eradicating|reduce|reducing|about|on) )(child|child s) (bride|brides|marriage|marriage'
        's)')),
]


def replace(apps, schema_editor, forward=True):
    rule = apps.get_model("safety", "Rule")
    for kind, seeded, now in CHANGES:
        before, after = (seeded, now) if forward else (now, seeded)
        if not rule.objects.filter(category_id="sexual_minors", kind=kind, pattern=after).exists():
            rule.objects.filter(category_id="sexual_minors", kind=kind, pattern=before, enabled=True).update(
                pattern=after, updated_at=timezone.now())


def back(apps, schema_editor):
    replace(apps, schema_editor, forward=False)


class Migration(migrations.Migration):
    dependencies = [("safety", "0022_rules_batch_2026_12_06_hate")]

    operations = [migrations.RunPython(replace, back)]

# Two seeded rule patterns put right where they are still as seeded (safety/defaults.py, 2026-12-06):
# - the minors rule's sexual word "child marriage" / "child bride" counted even as what a campaign, a documentary or
#   its survivors speak of ("a documentary about ending child marriage" was refused); the new pattern leaves those
#   out (_CHILD_MARRIAGE), and migration 0024 adds a marriage's sexual side (consummation, wedding night ...);
# - the sexual rule "porn" refused "food porn" and "#earthporn" (close-ups of food and landscapes); the new pattern
#   leaves out those objects (_PORN), not places ("house porn").
# A rule an operator edited, disabled or deleted is left alone, and nothing is done where the new pattern is already
# there (a database seeded after this change). `updated_at` moves, so running processes see a new policy.

from django.db import migrations
from django.utils import timezone

# (category, kind, pattern as seeded, pattern now)
CHANGES = [
    ("sexual_minors", "sexual_term", '(child|child s) (bride|brides|marriage)', (
        '(?<! (ending|end|ends|ended|stop|stops|stopping|against|fight|fighting|fights|ban|bans|banning|outlaw|ou'
        'tlawing|prevent|prevents|preventing|prevention of|abolish|abolishing|combat|combating|combatting|tackle|'
        'tackling|eradicate|eradicating|reduce|reducing|about|on|of|escaping|escape|escaped|fled|fleeing|former|s'
        'ay no to) )(child|child s) (bride|brides|marriage|marriages)(?! (awareness|campaign|campaigns|prevention'
        '|survivor|survivors|crisis|rate|rates|law|laws|statistics|activist|activists|programme|program|charity|c'
        'harities))')),
    ("sexual", "pattern", 'porn\\w*', (
        '(?<!food )(?<!foodie )(?<!earth )(?<!architecture )(?<!ruin )(?<!gear )(?<!cupcake )(?<!coffee )(?<!latt'
        'e )(?<!cheese )(?<!burger )(?<!pizza )(?<!dessert )(?<!baking )(?<!sneaker )(?<!stationery )(?<!sushi )('
        '?<!ramen )(?<!noodle )(?<!organisation )(?<!organization )(?<!cleaning )porn\\w*')),
]


def replace(apps, schema_editor, forward=True):
    rule = apps.get_model("safety", "Rule")
    for category, kind, seeded, now in CHANGES:
        before, after = (seeded, now) if forward else (now, seeded)
        if not rule.objects.filter(category_id=category, kind=kind, pattern=after).exists():
            rule.objects.filter(category_id=category, kind=kind, pattern=before, enabled=True).update(
                pattern=after, updated_at=timezone.now())


def back(apps, schema_editor):
    replace(apps, schema_editor, forward=False)


class Migration(migrations.Migration):
    dependencies = [("safety", "0022_rules_batch_2026_12_06_hate")]

    operations = [migrations.RunPython(replace, back)]

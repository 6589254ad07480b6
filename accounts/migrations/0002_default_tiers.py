from django.db import migrations

TIERS = [
    # name, display, rank, weight, floor, wait target, concurrent, queued, steps, max short side, seconds, daily, monthly, rpm
    ("free", "Free", 0, 1.0, 0.10, 300, 1, 5, 30, 480, 8, 20, 100, 30),
    ("plus", "Plus", 1, 2.0, 0.0, 60, 2, 20, 50, 720, 12, 200, 2000, 120),
    ("pro", "Pro", 2, 4.0, 0.0, 30, 4, 50, 50, 1080, 20, 1000, 10000, 600),
]


def create_tiers(apps, schema_editor):
    Tier = apps.get_model("accounts", "Tier")
    for (name, display, rank, weight, floor, target, conc, queued, steps, height, seconds, daily, monthly,
         rpm) in TIERS:
        Tier.objects.update_or_create(name=name, defaults=dict(
            display_name=display, rank=rank, weight=weight, floor_share=floor, wait_target_s=target,
            max_concurrent=conc, max_queued=queued, step_budget=steps, max_height=height, max_seconds=seconds,
            daily_quota=daily, monthly_credits=monthly, requests_per_minute=rpm))


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]
    operations = [migrations.RunPython(create_tiers, migrations.RunPython.noop)]

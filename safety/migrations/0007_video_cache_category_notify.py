"""The Video object of a removed video shows its category's label (safety.takedown.removal_object reads
safety_category.label), so the per-process status and list cache (jobs/video_cache.py) must hear of a label
change: a relabel, a category added or deleted (the label falls back to the slug) or a truncate notifies
`*` on the channel `kinema_video` (everything dropped: rare, and any user's removed video may show it).
The notifying function is jobs migration 0015's."""

from __future__ import annotations

from django.db import migrations

FORWARD = """
CREATE TRIGGER kinema_video_category_insert_delete AFTER INSERT OR DELETE ON safety_category
    FOR EACH ROW EXECUTE FUNCTION kinema_video_flush_notify();
CREATE TRIGGER kinema_video_category_update AFTER UPDATE ON safety_category
    FOR EACH ROW WHEN (ROW(OLD.slug, OLD.label) IS DISTINCT FROM ROW(NEW.slug, NEW.label))
    EXECUTE FUNCTION kinema_video_flush_notify();
CREATE TRIGGER kinema_video_category_truncate AFTER TRUNCATE ON safety_category
    FOR EACH STATEMENT EXECUTE FUNCTION kinema_video_flush_notify();
"""

BACKWARD = """
DROP TRIGGER IF EXISTS kinema_video_category_truncate ON safety_category;
DROP TRIGGER IF EXISTS kinema_video_category_update ON safety_category;
DROP TRIGGER IF EXISTS kinema_video_category_insert_delete ON safety_category;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("safety", "0006_rules_batch_2026_12_02"),
        ("jobs", "0015_video_cache_notify"),
    ]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]

"""Notifications for the per-process cache of Video objects (jobs/video_cache.py): PostgreSQL itself tells
every web process which job changed, so no write path (the lifecycle, the GPU worker's progress, the admin,
a raw UPDATE) can forget to invalidate it.

Channel `kinema_video`, payload `<user id> <job id>` (the job's entry and its user's list pages are stale), or
`*` (everything: a truncate, or a catalog version's shown name changed). The job trigger fires only when a
column a Video object shows changed (its WHEN clause compares OLD and NEW before any function runs): a
heartbeat or lease renewal notifies nobody, nor a queue position update (QUEUE_COLUMNS: the dispatcher
rewrites them for every queued job each pass, and an answer showing a queued job is never cached). PostgreSQL folds identical notifications of one transaction into
one and delivers them at commit only (a rolled back write notifies nothing)."""

from __future__ import annotations

from django.db import migrations

CHANNEL = "kinema_video"

# What jobs.selectors.video_object reads of a job row (VIDEO_COLUMNS, VIDEO_TIMES, the JSON key of
# VIDEO_RELATED), plus what decides whether the row is visible (user, deleted_at) and the version it joins.
# tests/test_video_cache.py checks this list covers the selectors' columns.
JOB_COLUMNS = (
    "id", "user_id", "deleted_at", "model_version_id", "state", "model", "step", "steps", "prompt",
    "remixed_from_id", "seconds", "size", "error_code", "error_message", "rollout_arm",
    "attempt", "negative_prompt", "seed", "style", "width", "height", "num_frames", "fps", "guidance_scale",
    "tier", "credits_held", "credits_charged", "notices", "created_at", "finished_at", "expires_at",
    "queued_at", "started_at", "frames_done_at",
)
# Shown only while the job is queued (jobs.selectors.video_object), whose answers are never cached
# (jobs/video_cache.py): an update of only these notifies nobody. Entering or leaving `queued` changes `state`.
QUEUE_COLUMNS = ("queue_position", "eta_at")
JOB_EXPRESSIONS = (*JOB_COLUMNS, "conditioning -> 'source_seconds'")
TAKEDOWN_COLUMNS = ("job_id", "active", "category", "removed_at")


def _changed(columns: tuple[str, ...]) -> str:
    old = ", ".join(f"OLD.{c}" if " " not in c else f"(OLD.{c})" for c in columns)
    new = ", ".join(f"NEW.{c}" if " " not in c else f"(NEW.{c})" for c in columns)
    return f"ROW({old}) IS DISTINCT FROM ROW({new})"


FORWARD = f"""
CREATE OR REPLACE FUNCTION kinema_video_job_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM pg_notify('{CHANNEL}', OLD.user_id || ' ' || OLD.id);
        RETURN NULL;
    END IF;
    PERFORM pg_notify('{CHANNEL}', NEW.user_id || ' ' || NEW.id);
    IF TG_OP = 'UPDATE' AND OLD.user_id IS DISTINCT FROM NEW.user_id THEN
        PERFORM pg_notify('{CHANNEL}', OLD.user_id || ' ' || OLD.id);
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION kinema_video_takedown_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM pg_notify('{CHANNEL}', j.user_id || ' ' || j.id) FROM jobs_job j WHERE j.id = OLD.job_id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM pg_notify('{CHANNEL}', j.user_id || ' ' || j.id) FROM jobs_job j WHERE j.id = NEW.job_id;
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION kinema_video_flush_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('{CHANNEL}', '*');
    RETURN NULL;
END $$;

CREATE TRIGGER kinema_video_job_insert_delete AFTER INSERT OR DELETE ON jobs_job
    FOR EACH ROW EXECUTE FUNCTION kinema_video_job_notify();
CREATE TRIGGER kinema_video_job_update AFTER UPDATE ON jobs_job
    FOR EACH ROW WHEN ({_changed(JOB_EXPRESSIONS)}) EXECUTE FUNCTION kinema_video_job_notify();
CREATE TRIGGER kinema_video_job_truncate AFTER TRUNCATE ON jobs_job
    FOR EACH STATEMENT EXECUTE FUNCTION kinema_video_flush_notify();

CREATE TRIGGER kinema_video_takedown_insert_delete AFTER INSERT OR DELETE ON safety_takedown
    FOR EACH ROW EXECUTE FUNCTION kinema_video_takedown_notify();
CREATE TRIGGER kinema_video_takedown_update AFTER UPDATE ON safety_takedown
    FOR EACH ROW WHEN ({_changed(TAKEDOWN_COLUMNS)}) EXECUTE FUNCTION kinema_video_takedown_notify();
CREATE TRIGGER kinema_video_takedown_truncate AFTER TRUNCATE ON safety_takedown
    FOR EACH STATEMENT EXECUTE FUNCTION kinema_video_flush_notify();

-- A version's shown name (model@version) is editable in the admin: rare, and it may be shown by many
-- users' jobs, so everything is dropped. (Versions are never deleted while a job points at one: PROTECT.)
CREATE TRIGGER kinema_video_version_update AFTER UPDATE ON jobs_modelversion
    FOR EACH ROW WHEN (ROW(OLD.model_id, OLD.version) IS DISTINCT FROM ROW(NEW.model_id, NEW.version))
    EXECUTE FUNCTION kinema_video_flush_notify();
"""

BACKWARD = """
DROP TRIGGER IF EXISTS kinema_video_version_update ON jobs_modelversion;
DROP TRIGGER IF EXISTS kinema_video_takedown_truncate ON safety_takedown;
DROP TRIGGER IF EXISTS kinema_video_takedown_update ON safety_takedown;
DROP TRIGGER IF EXISTS kinema_video_takedown_insert_delete ON safety_takedown;
DROP TRIGGER IF EXISTS kinema_video_job_truncate ON jobs_job;
DROP TRIGGER IF EXISTS kinema_video_job_update ON jobs_job;
DROP TRIGGER IF EXISTS kinema_video_job_insert_delete ON jobs_job;
DROP FUNCTION IF EXISTS kinema_video_flush_notify();
DROP FUNCTION IF EXISTS kinema_video_takedown_notify();
DROP FUNCTION IF EXISTS kinema_video_job_notify();
"""


class Migration(migrations.Migration):
    dependencies = [
        ("jobs", "0014_audio_family"),
        ("safety", "0004_reports_takedowns_rescreen"),
    ]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]

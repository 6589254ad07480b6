#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "webapp.settings")
    # While `make run` is up, commands in another shell find its embedded PostgreSQL and Redis.
    from webapp.stack import load_run_env

    load_run_env()
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)

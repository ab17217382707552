#!/bin/sh
# Starts a student's (or instructor's) server on the course's JupyterHub
# (c.Spawner.cmd in jupyterhub_config.py), after three steps that keep their work safe:
#
#  1. The kit is pulled into ~/artethics-kit with nbgitpuller's own command (`gitpuller`,
#     when ARTETHICS_KIT_REPO is set). Nobody edits that folder, so the pull never has
#     anything to merge.
#  2. When a lesson of the kit changed since the last start, `artethics update` rebuilds
#     the student's lessons in ~/lessons from it and carries their answers over by
#     exercise id (the old file is kept as <lesson>.before-update-<n>.ipynb). What it did
#     is in ~/lessons/update-report.txt; a lesson it could not update is tried again at
#     the next start.
#  3. Each lesson the student does not have yet is copied into ~/lessons, where they work.
#     A file that is already there is never overwritten.
#
# Then it runs the command it was given (jupyterhub-singleuser and its arguments).
# Settings (environment): ARTETHICS_KIT (default ~/artethics-kit), ARTETHICS_LESSONS
# (default ~/lessons), ARTETHICS_KIT_REPO and ARTETHICS_KIT_BRANCH (default main),
# ARTETHICS_LESSONS_LANG (zh-Hant or zh-Hans: the lessons in Chinese; default English).
# A step that fails is reported in the server's log and the server still starts.
set -u

KIT="${ARTETHICS_KIT:-$HOME/artethics-kit}"
LESSONS="${ARTETHICS_LESSONS:-$HOME/lessons}"
STAMP="$LESSONS/.artethics-updated"
# The lessons read the kit's data, and `artethics update` its lessons, from the pulled kit.
export ARTETHICS_ROOT="$KIT"

if [ -n "${ARTETHICS_KIT_REPO:-}" ]; then
    if command -v gitpuller >/dev/null 2>&1; then
        gitpuller "$ARTETHICS_KIT_REPO" "${ARTETHICS_KIT_BRANCH:-main}" "$KIT" \
            || echo "artethics: the kit could not be pulled; the lessons stay as they were" >&2
    else
        echo "artethics: gitpuller (pip install nbgitpuller) is missing; the kit was not pulled" >&2
    fi
fi

SOURCE="$KIT/notebooks${ARTETHICS_LESSONS_LANG:+/$ARTETHICS_LESSONS_LANG}"
if [ ! -d "$KIT/notebooks" ]; then
    echo "artethics: no kit in $KIT yet; open the course's nbgitpuller link, then restart" \
         "your server (File > Hub Control Panel)" >&2
elif [ ! -d "$SOURCE" ]; then
    echo "artethics: the kit has no lessons in '${ARTETHICS_LESSONS_LANG:-}' ($SOURCE);" \
         "set ARTETHICS_LESSONS_LANG to zh-Hant, zh-Hans or nothing (English)" >&2
else
    mkdir -p "$LESSONS"
    if [ -e "$STAMP" ] && [ -n "$(find "$KIT/course/solutions" -name '*.ipynb' -newer "$STAMP" 2>/dev/null | head -n 1)" ]; then
        # the lessons only: not the backups, not notebooks of the student's own
        if find "$LESSONS" -maxdepth 1 -name '[0-9][0-9]_*.ipynb' ! -name '*.before-update-*' \
                -exec artethics update {} + >"$LESSONS/update-report.txt" 2>&1; then
            touch "$STAMP"
        else
            echo "artethics: some lessons could not be updated; see $LESSONS/update-report.txt" >&2
        fi
    fi
    for lesson in "$SOURCE"/[0-9][0-9]_*.ipynb; do
        [ -e "$lesson" ] || continue
        [ -e "$LESSONS/${lesson##*/}" ] || cp "$lesson" "$LESSONS/"
    done
    [ -e "$STAMP" ] || touch "$STAMP"
fi

exec "$@"

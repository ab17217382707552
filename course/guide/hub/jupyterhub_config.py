"""A JupyterHub for the artethics kit (course/guide/instructor-guide.md, "On JupyterHub").

Part 1 is what the kit needs on any hub: keep it. Part 2 makes this file run as it is, as
a rehearsal hub on one machine (http://127.0.0.1:8000, made-up users who all run as the
account that starts the hub, a shared password): try a session with a few test students
before the class. For a real class replace part 2 with your institution's authenticator
and spawner (for example Zero to JupyterHub's KubeSpawner), and give each user a home
folder of their own. The kit's slow test (tests/hub/test_hub.py) runs this file.

    ARTETHICS_HUB_PASSWORD=choose-one jupyterhub -f course/guide/hub/jupyterhub_config.py

Needs: `pip install jupyterhub` (and `nbgitpuller` for the links), `npm install -g
configurable-http-proxy`, and the kit installed for every user (`pip install .`).
"""

import os
from pathlib import Path

c = get_config()  # noqa: F821 (JupyterHub provides get_config in its config files)
HERE = Path(__file__).resolve().parent

# --- 1. What the kit needs on any hub ------------------------------------------------------

# The class folder: every student can write to it, the instructors read it. Each recorded
# answer is also written there, one file per student and activity.
CLASS_DIR = os.environ.get("ARTETHICS_CLASS_DIR", "/srv/class/ethics-2026")
# Who may run `artethics collect`, `check` and `present` on the class folder.
INSTRUCTORS = {"instructor"}

c.Spawner.environment = {
    "ARTETHICS_CLASS_DIR": CLASS_DIR,
    # the kit's repository: pulled into ~/artethics-kit at each start (empty: not pulled)
    "ARTETHICS_KIT_REPO": os.environ.get("ARTETHICS_KIT_REPO", ""),
    "ARTETHICS_KIT_BRANCH": os.environ.get("ARTETHICS_KIT_BRANCH", "main"),
    # "zh-Hant" or "zh-Hans" gives students the lessons in Chinese
    "ARTETHICS_LESSONS_LANG": os.environ.get("ARTETHICS_LESSONS_LANG", ""),
}
# To keep real names out of the class folder, add "ARTETHICS_PSEUDONYMISE": "1" and a secret
# "ARTETHICS_SALT" (the same for the whole course; never shown to students).

# Before each server starts: pull the kit, copy new lessons into ~/lessons, carry answers
# into changed lessons (start-singleuser.sh says how). On Kubernetes, copy the script into
# the image and name its path there.
c.Spawner.cmd = ["sh", str(HERE / "start-singleuser.sh"), "jupyterhub-singleuser"]
c.Spawner.default_url = "/lab/tree/lessons/00_orientation.ipynb"
# Importing pandas and matplotlib the first time takes a while on a busy machine.
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120

c.Authenticator.admin_users = INSTRUCTORS

# --- 2. A rehearsal hub on one machine (replace for a real class) --------------------------

c.JupyterHub.bind_url = "http://127.0.0.1:8000"
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.authenticator_class = "jupyterhub.auth.DummyAuthenticator"
PASSWORD = os.environ.get("ARTETHICS_HUB_PASSWORD", "")
if not PASSWORD:
    raise SystemExit("jupyterhub_config.py: set ARTETHICS_HUB_PASSWORD to the password the "
                     "rehearsal users share (or replace part 2 with your hub's own login).")
c.DummyAuthenticator.password = PASSWORD
c.Authenticator.allow_all = True
c.JupyterHub.spawner_class = "jupyterhub.spawner.SimpleLocalProcessSpawner"
c.SimpleLocalProcessSpawner.home_dir_template = os.path.join(
    os.environ.get("ARTETHICS_HUB_HOMES", "/tmp/artethics-hub"), "{username}")

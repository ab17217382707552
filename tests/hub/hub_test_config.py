"""The hub of tests/hub/test_hub.py: the guide's course/guide/hub/jupyterhub_config.py as it
is, plus only what a test needs (free ports, files in its temporary folder, the proxy from
tests/hub/node_modules, an API token for the test, running as root in a container).

Read by `jupyterhub -f`; everything comes from ARTETHICS_HUBTEST_* in the environment."""

import os

c = get_config()  # noqa: F821
env = os.environ
load_subconfig(env["ARTETHICS_HUBTEST_SAMPLE"])  # noqa: F821 (the guide's config)

tmp = env["ARTETHICS_HUBTEST_TMP"]
c.JupyterHub.bind_url = f"http://127.0.0.1:{env['ARTETHICS_HUBTEST_PORT']}"
c.JupyterHub.hub_port = int(env["ARTETHICS_HUBTEST_HUB_PORT"])
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{env['ARTETHICS_HUBTEST_PROXY_PORT']}"
c.ConfigurableHTTPProxy.command = [env["ARTETHICS_HUBTEST_CHP"]]
c.ConfigurableHTTPProxy.pid_file = os.path.join(tmp, "proxy.pid")
c.JupyterHub.pid_file = os.path.join(tmp, "hub.pid")
c.JupyterHub.db_url = "sqlite:///" + os.path.join(tmp, "jupyterhub.sqlite")
c.JupyterHub.cookie_secret_file = os.path.join(tmp, "cookie_secret")
c.JupyterHub.cleanup_servers = True
c.JupyterHub.cleanup_proxy = True
c.Authenticator.allow_all = False
c.Authenticator.allowed_users = set(env["ARTETHICS_HUBTEST_USERS"].split(","))
c.JupyterHub.services = [{"name": "kit-test", "api_token": env["ARTETHICS_HUBTEST_TOKEN"]}]
c.JupyterHub.load_roles = [{
    "name": "kit-test",
    "scopes": ["admin:users", "admin:servers", "tokens", "list:users", "read:users"],
    "services": ["kit-test"],
}]
# one matplotlib font cache for every user (built once, not once per user)
c.Spawner.environment["MPLCONFIGDIR"] = env["ARTETHICS_HUBTEST_MPL"]
if os.geteuid() == 0:  # a container: Jupyter refuses root without this
    c.Spawner.args = ["--allow-root"]

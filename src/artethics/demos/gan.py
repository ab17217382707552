"""A toy GAN in plain numpy: the mechanism behind *Portrait of Edmond de Belamy*.

The Belamy canvas is "signed" with the GAN objective

    min_G max_D  E_x[log D(x)] + E_z[log(1 - D(G(z)))]

Here both players are tiny neural networks on numbers (not pictures):

* the **generator** G turns random noise z ~ N(0, 1) into a number x;
* the **discriminator** D gives each number a score D(x) in (0, 1): its belief
  that x came from the real data rather than from G.

D is trained to *maximise* the objective (score real high, generated low).
G is trained with the usual **non-saturating** loss ``-E_z[log D(G(z))]``
instead of *minimising* ``E_z[log(1 - D(G(z)))]``: both push G the same way,
but the original gives G almost no gradient early on, when D easily spots
fakes (Goodfellow et al. 2014 recommend the same swap). The losses recorded
are the discriminator's loss ``-(E_x[log D(x)] + E_z[log(1 - D(G(z)))])``
and the generator's non-saturating loss.

Gradients are written out by hand (backpropagation through two small layers)
and applied with Adam. Everything is seeded: the same ``seed`` gives the same
numbers on every run.

This is a toy. The real Belamy portraits came from a GAN trained on about
15,000 portraits (images, not numbers), with open-source code written by
Robbie Barrat; the numbers here only show how the two players push each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from artethics.demos._common import check_positive_int, check_seed, new_figure, palette
from artethics.i18n import _

#: The toy data sets: name -> list of (centre, spread, weight) Gaussian peaks.
DATASETS: dict[str, tuple[tuple[float, float, float], ...]] = {
    "two_peaks": ((-2.0, 0.5, 0.5), (2.0, 0.5, 0.5)),
    "one_peak": ((1.0, 0.7, 1.0),),
}

GRID = np.linspace(-5.0, 5.0, 201)
BIN_EDGES = np.linspace(-5.0, 5.0, 51)
HIDDEN = 16
BATCH = 128
EVAL_SAMPLES = 4000


# ---------------------------------------------------------------- data ---
def _check_data(data: str) -> tuple[tuple[float, float, float], ...]:
    if data not in DATASETS:
        names = ", ".join(repr(k) for k in sorted(DATASETS))
        raise ValueError(_("Unknown data {data}. Choose one of: {names}.").format(
            data=repr(data), names=names))
    return DATASETS[data]


def sample_real(data: str, n: int, rng: np.random.Generator) -> np.ndarray:
    """Draw ``n`` real numbers from the named toy data set, shape (n, 1)."""
    peaks = _check_data(data)
    weights = np.array([w for _, _, w in peaks])
    which = rng.choice(len(peaks), size=n, p=weights / weights.sum())
    centres = np.array([c for c, _, _ in peaks])[which]
    spreads = np.array([s for _, s, _ in peaks])[which]
    return (centres + spreads * rng.standard_normal(n)).reshape(-1, 1)


def real_density(data: str, x: np.ndarray = GRID) -> np.ndarray:
    """The true probability density of the named data set at ``x``."""
    peaks = _check_data(data)
    total = sum(w for _, _, w in peaks)
    dens = np.zeros_like(x, dtype=float)
    for c, s, w in peaks:
        dens += (w / total) * np.exp(-0.5 * ((x - c) / s) ** 2) / (s * np.sqrt(2 * np.pi))
    return dens


# ------------------------------------------------------ tiny networks ---
def _init_mlp(rng: np.random.Generator, hidden: int, scale: float) -> dict[str, np.ndarray]:
    return {
        "W1": rng.normal(0.0, scale, (1, hidden)),
        "b1": rng.normal(0.0, scale, hidden),
        "W2": rng.normal(0.0, 1.0 / np.sqrt(hidden), (hidden, 1)),
        "b2": np.zeros(1),
    }


def _forward(p: dict[str, np.ndarray], x: np.ndarray) -> tuple[np.ndarray, tuple]:
    """One tanh hidden layer, linear output. Returns output and a cache."""
    h = np.tanh(x @ p["W1"] + p["b1"])
    return h @ p["W2"] + p["b2"], (x, h)


def _backward(p: dict[str, np.ndarray], cache: tuple, dout: np.ndarray):
    """Gradients of the parameters and of the input, given d(loss)/d(output)."""
    x, h = cache
    dpre = (dout @ p["W2"].T) * (1.0 - h**2)
    grads = {
        "W1": x.T @ dpre,
        "b1": dpre.sum(axis=0),
        "W2": h.T @ dout,
        "b2": dout.sum(axis=0),
    }
    return grads, dpre @ p["W1"].T


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * x))


def _softplus(x: np.ndarray) -> np.ndarray:
    return np.logaddexp(0.0, x)


class _Adam:
    """Adam optimiser over a dict of parameter arrays (updated in place)."""

    def __init__(self, params: dict[str, np.ndarray], lr: float, beta1: float = 0.5):
        self.params, self.lr, self.b1, self.b2, self.t = params, lr, beta1, 0.999, 0
        self.m = {k: np.zeros_like(v) for k, v in params.items()}
        self.v = {k: np.zeros_like(v) for k, v in params.items()}

    def step(self, grads: dict[str, np.ndarray]) -> None:
        self.t += 1
        for k, g in grads.items():
            self.m[k] = self.b1 * self.m[k] + (1 - self.b1) * g
            self.v[k] = self.b2 * self.v[k] + (1 - self.b2) * g**2
            m_hat = self.m[k] / (1 - self.b1**self.t)
            v_hat = self.v[k] / (1 - self.b2**self.t)
            self.params[k] -= self.lr * m_hat / (np.sqrt(v_hat) + 1e-8)


# ------------------------------------------------------------ training ---
def _d_step(d, opt_d, real, fake) -> float:
    """One discriminator update; returns its loss."""
    l_real, c_real = _forward(d, real)
    l_fake, c_fake = _forward(d, fake)
    loss = float(_softplus(-l_real).mean() + _softplus(l_fake).mean())
    g_real, _rest = _backward(d, c_real, (_sigmoid(l_real) - 1.0) / len(real))
    g_fake, _rest = _backward(d, c_fake, _sigmoid(l_fake) / len(fake))
    opt_d.step({k: g_real[k] + g_fake[k] for k in d})
    return loss


def _g_step(g, d, opt_g, z) -> float:
    """One generator update with the non-saturating loss; returns its loss."""
    fake, c_g = _forward(g, z)
    l_fake, c_d = _forward(d, fake)
    loss = float(_softplus(-l_fake).mean())
    _, dx = _backward(d, c_d, (_sigmoid(l_fake) - 1.0) / len(z))
    grads, _rest = _backward(g, c_g, dx)
    opt_g.step(grads)
    return loss


def wasserstein_1d(a: np.ndarray, b: np.ndarray) -> float:
    """Earth mover's distance between two equal-sized 1-D samples.

    The average distance each generated point must move to match the real ones.
    """
    a, b = np.sort(np.ravel(a)), np.sort(np.ravel(b))
    if a.shape != b.shape:
        raise ValueError(_("Samples must be the same size, got {a} and {b}.").format(
            a=a.size, b=b.size))
    return float(np.mean(np.abs(a - b)))


@dataclass(frozen=True)
class GanRun:
    """Everything recorded while training the toy GAN.

    ``d_loss[i]``/``g_loss[i]`` are the losses at training step ``i + 1``.
    ``check_steps``/``distance``: the earth mover's distance between generated
    and real samples, measured every few steps (step 0 = before training).
    ``snapshot_steps``: the steps at which the generated histogram
    (``generated_hist[k]``, a density over ``bin_edges``) and the
    discriminator's curve (``d_curve[k]``, D(x) on ``grid``) were stored.
    """

    data: str
    seed: int
    steps: int
    d_loss: np.ndarray
    g_loss: np.ndarray
    check_steps: np.ndarray
    distance: np.ndarray
    snapshot_steps: tuple[int, ...]
    grid: np.ndarray
    real_density: np.ndarray
    bin_edges: np.ndarray
    real_hist: np.ndarray
    generated_hist: np.ndarray
    d_curve: np.ndarray
    generated_mean: np.ndarray = field(repr=False)

    def summary(self) -> str:
        """A few deterministic lines (rounded) for a notebook to print."""
        lines = [
            _("Toy GAN on '{data}', seed {seed}, {steps} training steps.").format(
                data=self.data, seed=self.seed, steps=self.steps),
            _("Distance generated -> real (earth mover's): {start} at the start, {end} at the "
              "end.").format(start=f"{self.distance[0]:.2f}", end=f"{self.distance[-1]:.2f}"),
        ]
        for k, s in enumerate(self.snapshot_steps):
            near = self.d_curve[k][np.abs(self.grid) <= 4.0]
            lines.append("  " + _(
                "step {step}: generated mean {mean}; D(x) ranges {low}-{high} on [-4, 4]"
            ).format(step=f"{s:>5}", mean=f"{self.generated_mean[k]:+.2f}",
                     low=f"{near.min():.2f}", high=f"{near.max():.2f}"))
        lines.append(_(
            "Final losses (mean of last 100 steps): discriminator {d}, generator {g} "
            "(balance: {d_balance} and {g_balance})."
        ).format(d=f"{self.d_loss[-100:].mean():.2f}", g=f"{self.g_loss[-100:].mean():.2f}",
                 d_balance=f"{2 * np.log(2):.2f}", g_balance=f"{np.log(2):.2f}"))
        return "\n".join(lines)


def _snapshot_steps(steps: int) -> tuple[int, ...]:
    return tuple(sorted({0, steps // 10, steps // 3, steps}))


def _evaluate(g, d, data, z_eval, real_eval):
    fake, _rest = _forward(g, z_eval)
    hist, _rest = np.histogram(fake, bins=BIN_EDGES, density=True)
    d_curve = _sigmoid(_forward(d, GRID.reshape(-1, 1))[0]).ravel()
    return wasserstein_1d(fake, real_eval), hist, d_curve, float(fake.mean())


def train_gan(
    steps: int = 1500, seed: int = 0, data: str = "two_peaks", lr: float = 0.002
) -> GanRun:
    """Train the toy GAN for ``steps`` steps and record what happens.

    One step = one discriminator update then one generator update, each on a
    batch of 128. ``seed`` fixes the starting weights, the noise and the data
    drawn, so the same arguments give identical numbers.

    >>> run = train_gan(steps=1500, seed=0)
    >>> print(run.summary())  # doctest: +SKIP
    """
    steps = check_positive_int("steps", steps, minimum=10)
    seed = check_seed(seed)
    _check_data(data)
    rng = np.random.default_rng(seed)
    g, d = _init_mlp(rng, HIDDEN, 1.0), _init_mlp(rng, HIDDEN, 1.0)
    opt_g, opt_d = _Adam(g, lr), _Adam(d, lr)
    eval_rng = np.random.default_rng([seed, 1])
    z_eval = eval_rng.standard_normal((EVAL_SAMPLES, 1))
    real_eval = sample_real(data, EVAL_SAMPLES, eval_rng)
    every = max(1, steps // 50)
    snaps = _snapshot_steps(steps)
    d_loss, g_loss = np.empty(steps), np.empty(steps)
    checks, dist, hists, curves, means = [], [], [], [], []
    for step in range(steps + 1):
        if step % every == 0 or step in snaps:
            w, hist, curve, mean = _evaluate(g, d, data, z_eval, real_eval)
            checks.append(step)
            dist.append(w)
            if step in snaps:
                hists.append(hist)
                curves.append(curve)
                means.append(mean)
        if step == steps:
            break
        real = sample_real(data, BATCH, rng)
        fake, _rest = _forward(g, rng.standard_normal((BATCH, 1)))
        d_loss[step] = _d_step(d, opt_d, real, fake)
        g_loss[step] = _g_step(g, d, opt_g, rng.standard_normal((BATCH, 1)))
    real_hist, _rest = np.histogram(real_eval, bins=BIN_EDGES, density=True)
    return GanRun(
        data=data, seed=seed, steps=steps, d_loss=d_loss, g_loss=g_loss,
        check_steps=np.array(checks), distance=np.array(dist), snapshot_steps=snaps,
        grid=GRID.copy(), real_density=real_density(data), bin_edges=BIN_EDGES.copy(),
        real_hist=real_hist, generated_hist=np.array(hists), d_curve=np.array(curves),
        generated_mean=np.array(means),
    )


# ------------------------------------------------------------ plotting ---
def _plot_snapshot(ax, run: GanRun, k: int, colours) -> None:
    centres = 0.5 * (run.bin_edges[:-1] + run.bin_edges[1:])
    ax.fill_between(run.grid, run.real_density, color="0.8", label=_("real data (density)"))
    ax.step(centres, run.generated_hist[k], where="mid", color=colours[3], lw=1.8,
            label=_("generated by G (histogram)"))
    ax.set_ylim(0, max(1.0, run.generated_hist.max() * 1.05))
    ax.set_xlim(run.grid[0], run.grid[-1])
    ax.set_title(_("step {step}").format(step=run.snapshot_steps[k]))
    ax.set_xlabel(_("x (a number)"))
    twin = ax.twinx()
    twin.plot(run.grid, run.d_curve[k], color=colours[0], ls="--", lw=1.5,
              label=_("D(x): 'looks real' score"))
    twin.set_ylim(0, 1.05)
    twin.axhline(0.5, color="0.5", lw=0.6, ls=":")
    return twin


def _plot_losses(ax, run: GanRun, colours) -> None:
    step = np.arange(1, run.steps + 1)
    ax.plot(step, run.d_loss, color=colours[0], ls="--", lw=1, label=_("discriminator loss"))
    ax.plot(step, run.g_loss, color=colours[3], ls="-", lw=1, label=_("generator loss"))
    ax.axhline(2 * np.log(2), color=colours[0], ls=":", lw=1)
    ax.axhline(np.log(2), color=colours[3], ls=":", lw=1)
    ax.set_xlabel(_("training step"))
    ax.set_ylabel(_("loss"))
    ax.set_title(_("Losses (dotted: values when D can no longer tell)"))
    ax.legend(loc="center right", fontsize="small")


def _plot_distance(ax, run: GanRun, colours) -> None:
    ax.plot(run.check_steps, run.distance, color="k", marker="o", ms=3)
    ax.set_xlabel(_("training step"))
    ax.set_ylabel(_("earth mover's distance"))
    ax.set_ylim(bottom=0)
    ax.set_title(_("How far generated numbers are from real ones"))


def plot_gan(run: GanRun, fig=None):
    """Draw snapshots (real vs generated, D(x)), the losses and the distance.

    Draws on ``fig`` (cleared) or a new figure, and returns the figure.
    Prints nothing.
    """
    fig = new_figure(fig, figsize=(12, 7))
    colours = palette()
    n = len(run.snapshot_steps)
    grid = fig.add_gridspec(2, n, height_ratios=[1.1, 1], hspace=0.45, wspace=0.45)
    for k in range(n):
        ax = fig.add_subplot(grid[0, k])
        twin = _plot_snapshot(ax, run, k, colours)
        if k == 0:
            ax.set_ylabel(_("density"))
        if k == n - 1:
            twin.set_ylabel("D(x)")
    handles = ax.get_legend_handles_labels()[0] + twin.get_legend_handles_labels()[0]
    labels = ax.get_legend_handles_labels()[1] + twin.get_legend_handles_labels()[1]
    fig.legend(handles, labels, loc="upper center", ncol=3, bbox_to_anchor=(0.5, 0.95),
               fontsize="small", frameon=False)
    half = n // 2
    _plot_losses(fig.add_subplot(grid[1, :half]), run, colours)
    _plot_distance(fig.add_subplot(grid[1, half:]), run, colours)
    fig.suptitle(_("A toy GAN learns '{data}' (seed {seed}): real vs generated numbers, and "
                   "the discriminator's score").format(data=run.data, seed=run.seed), y=0.99)
    return fig

"""Why a small training set makes copying easier to see (Trik AI / Snow Fish).

A small generative model is trained on ``n`` real images: scikit-learn's
handwritten digits (8 x 8 pixels, grey levels 0-16, 1,797 images shipped with
the package). The model is a kernel density estimate (KDE) in a PCA space,
the model of scikit-learn's "kernel density estimation" example, written here
from scratch:

1. PCA: keep the first ``min(15, n - 1)`` principal components of the
   ``n`` training images.
2. KDE: put a Gaussian bump of width ``h`` on every training image in that
   space. ``h`` follows a fixed rule (Scott's rule),
   ``h = s * n ** (-1 / (d + 4))``, where ``s`` is the average standard
   deviation of the components and ``d`` their number. No tuning per run.
3. Sampling: pick a training image at random, add Gaussian noise of width
   ``h``, map back to pixels (clipped to 0-16).

**The copy rule.** For each generated image we find its nearest training image
(Euclidean distance over the 64 pixels). The *typical gap* between distinct
real images is the median, over the training images, of the distance from each
to its nearest *other* training image. A sample counts as a **copy** when it is
closer to its nearest training image than ``threshold`` (default 0.75) times
the typical gap: it sits much nearer one particular training image than real
images sit to each other, so a viewer can point at the image it came from.

**What the demo shows, honestly.** The model does the same thing at every
``n`` (it jitters one training image). With few images the training images
are far apart, so every jittered output is recognisably one of them: copying
is easy to see. With many images, outputs land among many similar images and
none can be singled out. Real image generators are far larger and do not work
like a KDE; this is an analogy for why a model fine-tuned on one artist's few
dozen pictures can give back recognisable pieces of them, not a measurement of
any real system.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from artethics.demos._common import (
    check_positive_int,
    check_seed,
    new_figure,
    palette,
    sklearn_file,
)
from artethics.i18n import N_, _

DEFAULT_NS = (10, 20, 50, 100, 200, 500, 1000)
N_COMPONENTS = 15
THRESHOLD_RULE = N_(
    "A sample is a copy when its distance to the nearest training image is below "
    "{t:g} x the typical gap (median distance from each training image to its "
    "nearest other training image)."
)


def load_images() -> np.ndarray:
    """The 1,797 digit images shipped with scikit-learn, shape (1797, 64), 0-16.

    Read straight from scikit-learn's own data file (the same numbers as
    ``sklearn.datasets.load_digits().data``); nothing is downloaded.
    """
    path = sklearn_file("datasets/data/digits.csv.gz")
    if path is not None:
        return np.loadtxt(path, delimiter=",")[:, :-1]
    from sklearn.datasets import load_digits

    return load_digits().data.astype(float)


def pairwise_nearest(a: np.ndarray, b: np.ndarray, exclude_self: bool = False):
    """For each row of ``a``: index of and distance to its nearest row of ``b``.

    With ``exclude_self`` (``a`` is ``b``) an image is not its own neighbour.
    """
    d2 = (a**2).sum(1)[:, None] + (b**2).sum(1)[None, :] - 2.0 * a @ b.T
    d2 = np.maximum(d2, 0.0)
    if exclude_self:
        np.fill_diagonal(d2, np.inf)
    idx = d2.argmin(axis=1)
    return idx, np.sqrt(d2[np.arange(len(a)), idx])


def typical_gap(train: np.ndarray) -> float:
    """Median distance from each training image to its nearest other one."""
    if len(train) < 2:
        raise ValueError(_("typical_gap needs at least 2 training images."))
    return float(np.median(pairwise_nearest(train, train, exclude_self=True)[1]))


@dataclass(frozen=True)
class KdeModel:
    """A fitted PCA + Gaussian KDE model (see the module docstring)."""

    mean: np.ndarray
    components: np.ndarray
    scores: np.ndarray
    bandwidth: float

    def sample(self, k: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
        """Draw ``k`` images; returns (images (k, 64), index of the jittered parent)."""
        parents = rng.integers(len(self.scores), size=k)
        noise = self.bandwidth * rng.standard_normal((k, self.scores.shape[1]))
        images = (self.scores[parents] + noise) @ self.components + self.mean
        return np.clip(images, 0.0, 16.0), parents


def fit_kde(train: np.ndarray, n_components: int = N_COMPONENTS) -> KdeModel:
    """Fit the PCA + KDE model to ``train`` (n images x 64 pixels)."""
    train = np.asarray(train, dtype=float)
    if train.ndim != 2 or len(train) < 2:
        raise ValueError(_("train must be a 2-D array of at least 2 images, got "
                           "{shape}.").format(shape=train.shape))
    mean = train.mean(axis=0)
    _u, _s, vt = np.linalg.svd(train - mean, full_matrices=False)
    d = min(n_components, len(train) - 1)
    components = vt[:d]
    # Fix each component's sign (largest entry positive): LAPACK builds may differ.
    biggest = components[np.arange(d), np.abs(components).argmax(axis=1)]
    components = components * np.sign(biggest)[:, None]
    scores = (train - mean) @ components.T
    spread = float(scores.std(axis=0, ddof=1).mean())
    bandwidth = spread * len(train) ** (-1.0 / (d + 4))
    return KdeModel(mean, components, scores, bandwidth)


@dataclass(frozen=True)
class Gallery:
    """Some samples for one ``n`` beside their nearest training images."""

    n: int
    samples: np.ndarray
    nearest: np.ndarray
    distance: np.ndarray
    is_copy: np.ndarray
    limit: float


@dataclass(frozen=True)
class MemoriseResult:
    """Copy rates for each training-set size ``ns[i]`` and repeat ``j``.

    ``copy_rate[i, j]``: share of samples that are copies; ``median_distance``
    and ``gap`` (same shape): the median sample-to-nearest distance and the
    typical gap between training images. ``galleries``: examples for the
    smallest and largest ``n`` (first repeat).
    """

    ns: tuple[int, ...]
    repeats: int
    samples: int
    seed: int
    threshold: float
    threshold_rule: str
    copy_rate: np.ndarray
    median_distance: np.ndarray
    gap: np.ndarray
    galleries: tuple[Gallery, ...]

    def summary(self) -> str:
        """A few deterministic lines (rounded) for a notebook to print."""
        lines = [
            _("PCA + KDE on scikit-learn digits, {samples} samples per model, {repeats} "
              "repeats, seed {seed}.").format(samples=self.samples, repeats=self.repeats,
                                              seed=self.seed),
            self.threshold_rule,
            _("    n  copy rate (min-max)   nearest dist  typical gap"),
        ]
        for i, n in enumerate(self.ns):
            r = self.copy_rate[i]
            lines.append(
                f"{n:>5}  {r.mean():>6.1%} ({r.min():.0%}-{r.max():.0%})"
                f"{self.median_distance[i].mean():>14.1f}{self.gap[i].mean():>13.1f}"
            )
        return "\n".join(lines)


def _check_ns(ns, available: int) -> tuple[int, ...]:
    ns = tuple(sorted({check_positive_int("each n in ns", n, minimum=2) for n in ns}))
    if not ns:
        raise ValueError(_("ns is empty: give training-set sizes such as (10, 100, 1000)."))
    if ns[-1] > available:
        raise ValueError(_("n = {n} is more than the {available} digit images "
                           "available.").format(n=ns[-1], available=available))
    return ns


def _one_model(images, n, rep, seed, samples, threshold, keep):
    """Train on n random images, sample, and measure. Returns numbers (+ gallery)."""
    rng = np.random.default_rng([seed, rep, n])
    train = images[rng.choice(len(images), size=n, replace=False)]
    generated, _parents = fit_kde(train).sample(samples, rng)
    idx, dist = pairwise_nearest(generated, train)
    gap = typical_gap(train)
    copies = dist < threshold * gap
    gallery = Gallery(
        n, generated[:keep], train[idx[:keep]], dist[:keep], copies[:keep], threshold * gap
    )
    return copies.mean(), float(np.median(dist)), gap, gallery


def copy_rate_curve(
    ns=DEFAULT_NS, samples: int = 200, seed: int = 0, repeats: int = 5,
    threshold: float = 0.75, gallery_size: int = 8,
) -> MemoriseResult:
    """Copy rate of the PCA + KDE model for each training-set size in ``ns``.

    Each (n, repeat) uses its own random generator derived from
    ``(seed, repeat, n)``, so a given n gives the same numbers whatever other
    sizes are asked for.

    >>> result = copy_rate_curve(seed=0)
    >>> print(result.summary())  # doctest: +SKIP
    """
    seed = check_seed(seed)
    samples = check_positive_int("samples", samples)
    repeats = check_positive_int("repeats", repeats)
    if not 0 < threshold <= 2:
        raise ValueError(_("threshold must be between 0 and 2 (default 0.75), got "
                           "{threshold}.").format(threshold=threshold))
    images = load_images()
    ns = _check_ns(ns, len(images))
    shape = (len(ns), repeats)
    rate, med, gap = np.empty(shape), np.empty(shape), np.empty(shape)
    galleries = []
    for i, n in enumerate(ns):
        for rep in range(repeats):
            rate[i, rep], med[i, rep], gap[i, rep], gal = _one_model(
                images, n, rep, seed, samples, threshold, gallery_size
            )
            if rep == 0 and n in (ns[0], ns[-1]):
                galleries.append(gal)
    return MemoriseResult(
        ns=ns, repeats=repeats, samples=samples, seed=seed, threshold=threshold,
        threshold_rule=_(THRESHOLD_RULE).format(t=threshold), copy_rate=rate,
        median_distance=med, gap=gap, galleries=tuple(galleries),
    )


# ------------------------------------------------------------ plotting ---
def plot_copy_rate(result: MemoriseResult, fig=None):
    """Copy rate against training-set size (log x), and the two distances behind it.

    Draws on ``fig`` (cleared) or a new figure, and returns the figure.
    """
    fig = new_figure(fig, figsize=(11, 4.5))
    colours = palette()
    ns = np.array(result.ns)
    left, right = fig.subplots(1, 2)
    for j in range(result.repeats):
        left.plot(ns, 100 * result.copy_rate[:, j], ls="none", marker=".", color="0.6",
                  label=_("one repeat") if j == 0 else None)
    left.plot(ns, 100 * result.copy_rate.mean(axis=1), marker="o", color=colours[3],
              label=_("mean of repeats"))
    left.set(xscale="log", xlabel=_("number of training images n (log scale)"),
             ylabel=_("samples counted as copies (%)"), ylim=(-2, 102),
             title=_("Fewer training images: more recognisable copies"))
    left.legend()
    right.plot(ns, result.median_distance.mean(axis=1), marker="o", color=colours[0],
               label=_("sample to its nearest training image"))
    right.plot(ns, result.gap.mean(axis=1), marker="s", ls="--", color=colours[2],
               label=_("typical gap between training images"))
    right.plot(ns, result.threshold * result.gap.mean(axis=1), ls=":", color="k",
               label=_("copy threshold ({t} x gap)").format(t=f"{result.threshold:g}"))
    right.set(xscale="log", xlabel=_("number of training images n (log scale)"),
              ylabel=_("distance (pixel units)"), ylim=(0, None),
              title=_("Why: training images crowd closer; samples do not"))
    right.legend(fontsize="small")
    fig.tight_layout()
    return fig


def shown_decimals(distances, limit: float, most: int = 4) -> int:
    """Decimals (at least one) at which every rounded distance still sits on the same
    side of the rounded copy limit as the exact one, so a label never reads 'COPY d=27.0'
    under 'copy if d < 27.0'. Stops at ``most`` decimals."""
    for places in range(1, most + 1):
        edge = round(float(limit), places)
        if all((round(float(d), places) < edge) == (float(d) < limit) for d in distances):
            return places
    return most


def _gallery_rows(sub, gallery: Gallery) -> None:
    places = shown_decimals(gallery.distance, gallery.limit)
    axes = sub.subplots(2, len(gallery.samples), squeeze=False)
    for k in range(len(gallery.samples)):
        top, bottom = axes[0, k], axes[1, k]
        top.imshow(gallery.samples[k].reshape(8, 8), cmap="gray_r", vmin=0, vmax=16)
        bottom.imshow(gallery.nearest[k].reshape(8, 8), cmap="gray_r", vmin=0, vmax=16)
        verdict = _("COPY") if gallery.is_copy[k] else _("not a copy")
        top.set_title(f"d={gallery.distance[k]:.{places}f}\n{verdict}", fontsize="small")
        for ax in (top, bottom):
            ax.set_xticks([])
            ax.set_yticks([])
    axes[0, 0].set_ylabel(_("generated"), fontsize="small")
    axes[1, 0].set_ylabel(_("nearest\ntraining"), fontsize="small")
    sub.suptitle(_("n = {n} training images (copy if d < {limit})").format(
                     n=gallery.n, limit=f"{gallery.limit:.{places}f}"),
                 fontsize="medium", fontweight="bold")


def plot_gallery(result: MemoriseResult, fig=None):
    """Generated samples above their nearest training image, smallest and largest n.

    Each pair is titled with the distance ``d`` and the verdict under the
    result's copy rule; distances and the limit share one rounding
    (:func:`shown_decimals`, at least one decimal). Returns the figure.
    """
    cols = len(result.galleries[0].samples)
    fig = new_figure(fig, figsize=(max(6.0, 1.2 * cols), 3.3 * len(result.galleries)))
    subs = fig.subfigures(len(result.galleries), 1, squeeze=False)[:, 0]
    for sub, gallery in zip(subs, result.galleries, strict=True):
        _gallery_rows(sub, gallery)
    return fig

"""Style as data: the idea behind *The Next Rembrandt*, on two photographs.

The Next Rembrandt team cut Rembrandt's paintings into many small fragments
and measured them. This demo does the same, at toy scale, on the two photos
scikit-learn ships (``china.jpg``, a temple, and ``flower.jpg``):

1. **Fragments.** Each image is cut into square patches (16 x 16 pixels by
   default).
2. **Features.** Each fragment gets a few numbers: mean colour (red, green,
   blue, hue, saturation), brightness, contrast (spread of brightness inside
   it), edge strength, and how its edges run (horizontal, rising diagonal,
   vertical, falling diagonal: shares of the edge energy, summing to 1).
3. **Signature.** For each feature, the share of fragments falling in each of
   10 fixed bins (see ``FEATURE_RANGES``): a "style signature". Two signatures
   are compared feature by feature with the *total variation distance*
   (0 = same distribution, 1 = no overlap). To know whether a difference is
   real, we also split each image's own fragments in two at random and measure
   the distance between the halves: the noise level.
4. **A toy "generation".** The flower's layout is rebuilt from the temple's
   fragments: every flower fragment is replaced by one of the 3 temple
   fragments closest in mean colour (chosen at random, seeded). The result has
   the flower's colours and the temple's textures.

What this is not: it learns nothing about what is in a picture, and every
fragment of the "new" image is copied verbatim from the source photo (a
collage). The real project measured far more (faces, geometry, brush relief)
over hundreds of paintings. The demo shows only what "turning a style into
statistics" means, and that what counts as the style depends on which
statistics you keep.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from artethics.demos._common import (
    check_positive_int,
    check_seed,
    new_figure,
    palette,
    sklearn_file,
)
from artethics.i18n import N_, _

EDGE_COLUMNS = ("edge_horizontal", "edge_rising", "edge_vertical", "edge_falling")
EDGE_LABELS = (N_("horizontal\n—"), N_("rising\n/"), N_("vertical\n|"), N_("falling\n\\"))
# The features as words on the plots (marked with N_; shown with feature_words()).
FEATURE_WORDS = {
    "red": N_("red"), "green": N_("green"), "blue": N_("blue"), "hue": N_("hue"),
    "saturation": N_("saturation"), "brightness": N_("brightness"),
    "contrast": N_("contrast"), "edge_strength": N_("edge_strength"),
    "edge_horizontal": N_("edge_horizontal"), "edge_rising": N_("edge_rising"),
    "edge_vertical": N_("edge_vertical"), "edge_falling": N_("edge_falling"),
}


def feature_words(feature: str) -> str:
    """A feature id as the plots show it, in the current language (English: the id)."""
    return _(FEATURE_WORDS[feature]) if feature in FEATURE_WORDS else feature
#: Fixed value ranges used to bin each feature in a signature (values outside
#: are put in the first or last bin).
FEATURE_RANGES: dict[str, tuple[float, float]] = {
    "hue": (0.0, 1.0),
    "saturation": (0.0, 1.0),
    "brightness": (0.0, 1.0),
    "contrast": (0.0, 0.3),
    "edge_strength": (0.0, 0.2),
    **{name: (0.0, 1.0) for name in EDGE_COLUMNS},
}
FEATURE_COLUMNS = (
    "red", "green", "blue", "hue", "saturation", "brightness", "contrast", "edge_strength",
    *EDGE_COLUMNS,
)


# ----------------------------------------------------------- features ---
def _as_float_image(image) -> np.ndarray:
    """Check ``image`` and return it as floats in [0, 1], shape (h, w, 3)."""
    arr = np.asarray(image)
    if arr.ndim == 2:
        arr = np.stack([arr] * 3, axis=-1)
    if arr.ndim != 3 or arr.shape[2] not in (3, 4):
        raise ValueError(
            _("image must be an array of shape (height, width, 3) (RGB) or (height, width) "
              "(grey), got shape {shape}.").format(shape=arr.shape)
        )
    arr = arr[..., :3]
    if np.issubdtype(arr.dtype, np.integer):
        return arr.astype(float) / 255.0
    arr = arr.astype(float)
    if arr.min() < 0 or arr.max() > 1:
        raise ValueError(_("A float image must have values between 0 and 1; divide by 255 "
                           "first."))
    return arr


def _blocks(channel: np.ndarray, size: int) -> np.ndarray:
    """Cut a 2-D array into (rows, cols, size * size) fragments (edges trimmed)."""
    rows, cols = channel.shape[0] // size, channel.shape[1] // size
    cut = channel[: rows * size, : cols * size]
    return cut.reshape(rows, size, cols, size).swapaxes(1, 2).reshape(rows, cols, -1)


def _edge_shares(luma: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """Mean gradient strength and the edge-direction shares of each fragment."""
    gx = np.zeros_like(luma)
    gy = np.zeros_like(luma)
    gx[:, 1:-1] = 0.5 * (luma[:, 2:] - luma[:, :-2])
    gy[1:-1, :] = 0.5 * (luma[:-2, :] - luma[2:, :])  # y upwards
    strength = np.hypot(gx, gy)
    edge_angle = (np.arctan2(gy, gx) + np.pi / 2) % np.pi  # edges run across the gradient
    which = np.round(edge_angle / (np.pi / 4)).astype(int) % 4
    mag = _blocks(strength, size)
    shares = np.stack([(mag * (_blocks(which, size) == b)).sum(-1) for b in range(4)], -1)
    total = shares.sum(-1, keepdims=True)
    shares = np.divide(shares, total, out=np.full_like(shares, 0.25), where=total > 0)
    return mag.mean(-1), shares


def fragment_features(image, size: int = 16) -> pd.DataFrame:
    """One row per ``size`` x ``size`` fragment of ``image``, with its features.

    Columns: ``row``, ``col`` (the fragment's place in the grid), then
    ``FEATURE_COLUMNS``; every value is between 0 and 1. Rows are in reading
    order. Pixels beyond the last whole fragment are left out.
    """
    size = check_positive_int("size", size, minimum=4)
    img = _as_float_image(image)
    if img.shape[0] < size or img.shape[1] < size:
        raise ValueError(_("image {shape} is smaller than one {size}x{size} fragment.").format(
            shape=img.shape[:2], size=size))
    from matplotlib.colors import rgb_to_hsv

    rgb = np.stack([_blocks(img[..., c], size).mean(-1) for c in range(3)], -1)
    hsv = rgb_to_hsv(rgb)
    luma = img @ np.array([0.299, 0.587, 0.114])
    strength, shares = _edge_shares(luma, size)
    rows, cols = rgb.shape[:2]
    grid_r, grid_c = np.divmod(np.arange(rows * cols), cols)
    columns = {
        "row": grid_r, "col": grid_c,
        "red": rgb[..., 0], "green": rgb[..., 1], "blue": rgb[..., 2],
        "hue": hsv[..., 0], "saturation": hsv[..., 1],
        "brightness": _blocks(luma, size).mean(-1), "contrast": _blocks(luma, size).std(-1),
        "edge_strength": strength,
        **{name: shares[..., b] for b, name in enumerate(EDGE_COLUMNS)},
    }
    return pd.DataFrame({k: np.ravel(v) for k, v in columns.items()})


def style_signature(features: pd.DataFrame, bins: int = 10) -> pd.DataFrame:
    """The style signature: for each feature, the share of fragments per bin.

    Index: the features of ``FEATURE_RANGES``; columns: bin numbers
    ``0 .. bins - 1`` over each feature's fixed range. Each row sums to 1.
    """
    bins = check_positive_int("bins", bins, minimum=2)
    missing = sorted(set(FEATURE_RANGES) - set(features.columns))
    if missing:
        raise ValueError(_("features lacks columns {missing}; make it with "
                           "fragment_features().").format(missing=missing))
    if len(features) == 0:
        raise ValueError(_("features has no rows: the image gave no fragments."))
    rows = {}
    for name, (low, high) in FEATURE_RANGES.items():
        scaled = (features[name].to_numpy() - low) / (high - low)
        index = np.clip((scaled * bins).astype(int), 0, bins - 1)
        rows[name] = np.bincount(index, minlength=bins) / len(features)
    return pd.DataFrame.from_dict(rows, orient="index", columns=range(bins))


def signature_distance(a: pd.DataFrame, b: pd.DataFrame) -> pd.Series:
    """Total variation distance per feature (0 = same, 1 = no overlap)."""
    if not a.index.equals(b.index) or not a.columns.equals(b.columns):
        raise ValueError(_("Signatures differ in features or bins; make both with the same "
                           "bins."))
    return 0.5 * (a - b).abs().sum(axis=1)


def _split_half_distance(features: pd.DataFrame, rng: np.random.Generator) -> pd.Series:
    """Distance between two random halves of one image's fragments (noise level)."""
    order = rng.permutation(len(features))
    half = len(order) // 2
    return signature_distance(
        style_signature(features.iloc[order[:half]]), style_signature(features.iloc[order[half:]])
    )


# --------------------------------------------------------- generation ---
def _fragments(image: np.ndarray, size: int) -> np.ndarray:
    """The image's fragments, shape (rows * cols, size, size, 3), in reading order."""
    rows, cols = image.shape[0] // size, image.shape[1] // size
    cut = image[: rows * size, : cols * size]
    return cut.reshape(rows, size, cols, size, 3).swapaxes(1, 2).reshape(-1, size, size, 3)


def rebuild_with_fragments(layout, source, size: int = 16, k: int = 3, rng=None) -> np.ndarray:
    """Rebuild ``layout`` from ``source``'s fragments (a photomosaic).

    Each layout fragment is replaced by one of the ``k`` source fragments
    nearest in mean colour, picked with ``rng``. Returns floats in [0, 1].
    """
    rng = np.random.default_rng(0) if rng is None else rng
    lay, src = _as_float_image(layout), _as_float_image(source)
    pieces = _fragments(src, size)
    target = _fragments(lay, size).mean(axis=(1, 2))
    colours = pieces.mean(axis=(1, 2))
    d2 = ((target[:, None, :] - colours[None, :, :]) ** 2).sum(-1)
    nearest = np.argsort(d2, axis=1, kind="stable")[:, :k]
    chosen = nearest[np.arange(len(target)), rng.integers(k, size=len(target))]
    rows, cols = lay.shape[0] // size, lay.shape[1] // size
    grid = pieces[chosen].reshape(rows, cols, size, size, 3)
    return grid.swapaxes(1, 2).reshape(rows * size, cols * size, 3)


# ------------------------------------------------------------- result ---
@dataclass(frozen=True)
class StyleResult:
    """Signatures of the two photos, their distances and the toy mosaic.

    ``distance``: a table indexed by feature with columns ``between`` (photo A
    vs photo B), ``noise`` (the larger split-half distance within one photo),
    ``mosaic_to_a`` and ``mosaic_to_b``.
    """

    names: tuple[str, str]
    size: int
    seed: int
    images: tuple[np.ndarray, np.ndarray]
    features: tuple[pd.DataFrame, pd.DataFrame]
    signatures: tuple[pd.DataFrame, pd.DataFrame]
    distance: pd.DataFrame
    mosaic: np.ndarray

    def summary(self) -> str:
        """A few deterministic lines (rounded) for a notebook to print."""
        a, b = self.names
        d = self.distance.round(2)
        n_a, n_b = (len(f) for f in self.features)
        clear = d.index[d["between"] > 2 * d["noise"]]
        lines = [
            _("{a}: {n_a} fragments, {b}: {n_b} fragments ({size}x{size} pixels each).").format(
                a=a, n_a=n_a, b=b, n_b=n_b, size=self.size),
            _("Features whose distributions differ clearly (distance > 2 x noise): {n} of "
              "{total}.").format(n=len(clear), total=len(d)),
            _("feature           A vs B  noise  mosaic->A  mosaic->B"),
        ]
        for name, row in d.iterrows():
            lines.append(
                f"{name:<16}{row['between']:>7.2f}{row['noise']:>7.2f}"
                f"{row['mosaic_to_a']:>11.2f}{row['mosaic_to_b']:>11.2f}"
            )
        return "\n".join(lines)


def load_photos() -> tuple[tuple[str, str], tuple[np.ndarray, np.ndarray]]:
    """The two photos scikit-learn ships: names ('china', 'flower') and RGB arrays.

    Read straight from scikit-learn's files (the same pixels as
    ``sklearn.datasets.load_sample_images()``); nothing is downloaded.
    """
    from pathlib import Path

    names = ("china", "flower")
    paths = [sklearn_file(f"datasets/images/{name}.jpg") for name in names]
    if all(paths):
        from PIL import Image

        return names, tuple(np.asarray(Image.open(p).convert("RGB")) for p in paths)
    from sklearn.datasets import load_sample_images

    bunch = load_sample_images()
    names = tuple(Path(f).stem for f in bunch.filenames)
    return names, tuple(bunch.images)


def compare_styles(seed: int = 0, size: int = 16) -> StyleResult:
    """Signatures of the two sample photos, how far apart they are, and a mosaic.

    The mosaic rebuilds the second photo's layout from the first photo's
    fragments. ``seed`` fixes the split-half noise check and the mosaic.

    >>> result = compare_styles(seed=0)
    >>> print(result.summary())  # doctest: +SKIP
    """
    seed = check_seed(seed)
    size = check_positive_int("size", size, minimum=4)
    names, images = load_photos()
    rng = np.random.default_rng(seed)
    feats = tuple(fragment_features(img, size) for img in images)
    sigs = tuple(style_signature(f) for f in feats)
    noise = np.maximum(_split_half_distance(feats[0], rng), _split_half_distance(feats[1], rng))
    mosaic = rebuild_with_fragments(images[1], images[0], size=size, rng=rng)
    mosaic_sig = style_signature(fragment_features(mosaic, size))
    distance = pd.DataFrame({
        "between": signature_distance(*sigs),
        "noise": noise,
        "mosaic_to_a": signature_distance(mosaic_sig, sigs[0]),
        "mosaic_to_b": signature_distance(mosaic_sig, sigs[1]),
    })
    return StyleResult(names, size, seed, images, feats, sigs, distance, mosaic)


# ------------------------------------------------------------ plotting ---
def _show_image(ax, image, title: str) -> None:
    ax.imshow(image)
    ax.set_title(title, fontsize="medium")
    ax.set_xticks([])
    ax.set_yticks([])


def _plot_feature(ax, result: StyleResult, feature: str, colours) -> None:
    low, high = FEATURE_RANGES[feature]
    for sig, name, colour, ls in zip(
        result.signatures, result.names, (colours[0], colours[1]), ("-", "--"), strict=True
    ):
        edges = np.linspace(low, high, sig.shape[1] + 1)
        ax.stairs(100 * sig.loc[feature].to_numpy(), edges, color=colour, ls=ls, lw=2,
                  label=name)
    ax.set_xlabel(_("{feature} of a fragment").format(feature=feature_words(feature)))
    ax.set_ylabel(_("% of fragments"))
    ax.set_title(_("{feature}: distance {distance}").format(
        feature=feature_words(feature),
        distance=f"{result.distance.loc[feature, 'between']:.2f}"))
    ax.legend(fontsize="small")


def _plot_edges(ax, result: StyleResult, colours) -> None:
    x = np.arange(len(EDGE_COLUMNS))
    for i, (feats, name, hatch) in enumerate(
        zip(result.features, result.names, ("", "//"), strict=True)
    ):
        shares = feats[list(EDGE_COLUMNS)].mean().to_numpy()
        ax.bar(x + (i - 0.5) * 0.4, 100 * shares, width=0.4, color=colours[i],
               hatch=hatch, edgecolor="k", label=name)
    ax.set_xticks(x, [_(label) for label in EDGE_LABELS], fontsize="small")
    ax.set_xlabel(_("direction edges run"))
    ax.set_ylabel(_("mean share of edge energy (%)"))
    ax.set_title(_("Edge directions"))
    ax.legend(fontsize="small")


def _plot_distances(ax, result: StyleResult) -> None:
    d = result.distance
    x = np.arange(len(d))
    ax.bar(x - 0.2, d["between"], width=0.4, color="0.3", label=" vs ".join(result.names))
    ax.bar(x + 0.2, d["noise"], width=0.4, color="0.85", hatch="..", edgecolor="0.3",
           label=_("two random halves of the same photo (noise)"))
    ax.set_xticks(x, [feature_words(name).replace("_", "\n") for name in d.index],
                  fontsize="small")
    ax.set_ylim(0, 1)
    ax.set_ylabel(_("distance (0 same, 1 no overlap)"))
    ax.set_title(_("Style signatures compared, feature by feature"))
    ax.legend(fontsize="small", loc="upper right")


def plot_styles(result: StyleResult, fig=None):
    """The two photos, the mosaic, parts of their signatures, and all distances.

    Draws on ``fig`` (cleared) or a new figure, and returns the figure.
    """
    fig = new_figure(fig, figsize=(13, 10.5))
    colours = palette()
    grid = fig.add_gridspec(3, 12, height_ratios=[0.8, 1, 0.9], hspace=0.45, wspace=1.2)
    a, b = result.names
    _show_image(fig.add_subplot(grid[0, 0:4]), result.images[0], f"A: {a}")
    _show_image(fig.add_subplot(grid[0, 4:8]), result.images[1], f"B: {b}")
    _show_image(fig.add_subplot(grid[0, 8:12]), result.mosaic,
                _("toy 'new' image: {b}'s layout\nmade of {a}'s fragments (a collage)").format(
                    a=a, b=b))
    for i, feature in enumerate(("brightness", "saturation", "contrast")):
        _plot_feature(fig.add_subplot(grid[1, 3 * i:3 * i + 3]), result, feature, colours)
    _plot_edges(fig.add_subplot(grid[1, 9:12]), result, colours)
    _plot_distances(fig.add_subplot(grid[2, :]), result)
    fig.suptitle(_("Style as statistics: {n} fragments of {size}x{size} pixels per photo "
                   "(photos shipped with scikit-learn)").format(n=len(result.features[0]),
                                                                size=result.size))
    return fig

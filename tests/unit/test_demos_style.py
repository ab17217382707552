"""Style-as-data demo: features measure what they claim, photos differ beyond noise."""

import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from artethics.demos import style  # noqa: E402


@pytest.fixture(scope="module")
def result():
    return style.compare_styles(seed=0)


def _stripes(vertical: bool) -> np.ndarray:
    img = np.zeros((32, 32, 3), dtype=np.uint8)
    if vertical:
        img[:, ::4] = 255
        img[:, 1::4] = 255
    else:
        img[::4] = 255
        img[1::4] = 255
    return img


def test_features_of_plain_and_striped_images():
    red = np.zeros((32, 48, 3), dtype=np.uint8)
    red[..., 0] = 255
    f = style.fragment_features(red, size=16)
    assert len(f) == 6 and list(f[["row", "col"]].iloc[-1]) == [1, 2]
    assert np.allclose(f["red"], 1) and np.allclose(f["green"], 0)
    assert np.allclose(f["saturation"], 1) and np.allclose(f["contrast"], 0)
    vertical = style.fragment_features(_stripes(vertical=True), size=16)
    horizontal = style.fragment_features(_stripes(vertical=False), size=16)
    assert (vertical["edge_vertical"] > 0.9).all()
    assert (horizontal["edge_horizontal"] > 0.9).all()
    assert (vertical["contrast"] > 0.4).all()
    shares = vertical[list(style.EDGE_COLUMNS)].sum(axis=1)
    np.testing.assert_allclose(shares, 1.0)


def test_signature_rows_are_distributions_and_distance_is_bounded():
    f = style.fragment_features(_stripes(vertical=True), size=8)
    sig = style.style_signature(f)
    assert list(sig.index) == list(style.FEATURE_RANGES)
    np.testing.assert_allclose(sig.sum(axis=1), 1.0)
    other = style.style_signature(style.fragment_features(_stripes(vertical=False), size=8))
    d = style.signature_distance(sig, other)
    assert d["edge_vertical"] == pytest.approx(1.0) and d["brightness"] == pytest.approx(0.0)
    assert ((d >= 0) & (d <= 1)).all()


def test_the_two_photos_differ_beyond_noise(result):
    d = result.distance
    assert (d["between"] > 2 * d["noise"]).sum() >= 6
    assert d.loc["saturation", "between"] > 0.5


def test_mosaic_takes_colour_from_layout_and_texture_from_source(result):
    d = result.distance
    assert d.loc["brightness", "mosaic_to_b"] < d.loc["brightness", "mosaic_to_a"]
    assert d.loc["contrast", "mosaic_to_a"] < d.loc["contrast", "mosaic_to_b"]
    assert d.loc["edge_strength", "mosaic_to_a"] < d.loc["edge_strength", "mosaic_to_b"]


def test_mosaic_is_made_only_of_source_fragments(result):
    size = result.size
    pieces = style._fragments(style._as_float_image(result.images[0]), size).reshape(
        -1, size * size * 3
    )
    built = style._fragments(result.mosaic, size).reshape(-1, size * size * 3)
    known = {p.tobytes() for p in pieces}
    assert all(p.tobytes() in known for p in built)


def test_same_seed_same_numbers_other_seed_other_mosaic(result):
    again = style.compare_styles(seed=0)
    pd.testing.assert_frame_equal(result.distance, again.distance)
    np.testing.assert_array_equal(result.mosaic, again.mosaic)
    assert result.summary() == again.summary()
    assert not np.array_equal(result.mosaic, style.compare_styles(seed=1).mosaic)


def test_summary_is_rounded_text(result):
    text = result.summary()
    assert "china: 1040 fragments" in text
    assert f"{result.distance.loc['saturation', 'between']:.2f}" in text


def test_whole_demo_is_fast_enough():
    # CPU time of this process: other jobs sharing the machine do not count.
    start = time.process_time()
    style.compare_styles(seed=0)
    assert time.process_time() - start < 3.0  # target ~1 s (CPU time)


@pytest.mark.parametrize(
    ("image", "size", "error", "message"),
    [
        (np.zeros((10, 10, 5)), 4, ValueError, "height, width, 3"),
        (np.full((8, 8, 3), 2.0), 4, ValueError, "divide by 255"),
        (np.zeros((8, 8, 3)), 16, ValueError, "smaller than one 16x16"),
        (np.zeros((8, 8, 3)), 2, ValueError, "size"),
    ],
)
def test_bad_images_are_explained(image, size, error, message):
    with pytest.raises(error, match=message):
        style.fragment_features(image, size=size)


def test_signature_needs_feature_columns():
    with pytest.raises(ValueError, match="fragment_features"):
        style.style_signature(pd.DataFrame({"hue": [0.1]}))


def test_plot_draws_on_given_figure_and_prints_nothing(result, capsys):
    fig = plt.figure()
    assert style.plot_styles(result, fig=fig) is fig
    labelled = [ax for ax in fig.axes if ax.get_ylabel()]
    assert len(labelled) >= 5
    assert all(ax.get_legend() is not None for ax in labelled)
    assert capsys.readouterr().out == ""
    plt.close(fig)

"""Memorisation demo: the copy rate falls with n, the rule is stated, runs repeat."""

import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from artethics.demos import memorise  # noqa: E402


@pytest.fixture(scope="module")
def result():
    return memorise.copy_rate_curve(ns=(10, 100, 1000), samples=100, repeats=3, seed=0)


def test_copy_rate_falls_as_the_training_set_grows(result):
    rate = result.copy_rate.mean(axis=1)
    assert rate[0] > 0.5
    assert rate[0] > rate[1] > rate[2]
    assert rate[2] < 0.1


def test_threshold_rule_is_stated(result):
    assert "0.75" in result.threshold_rule and "typical gap" in result.threshold_rule
    assert result.threshold_rule in result.summary()


def test_a_looser_threshold_counts_at_least_as_many_copies():
    strict = memorise.copy_rate_curve(ns=(20, 200), samples=50, repeats=2, threshold=0.5)
    loose = memorise.copy_rate_curve(ns=(20, 200), samples=50, repeats=2, threshold=1.0)
    assert np.all(loose.copy_rate >= strict.copy_rate)
    assert loose.copy_rate.sum() > strict.copy_rate.sum()


def test_same_seed_same_numbers_and_n_independent_of_other_sizes():
    a = memorise.copy_rate_curve(ns=(10, 50), samples=40, repeats=2, seed=4)
    b = memorise.copy_rate_curve(ns=(50, 10), samples=40, repeats=2, seed=4)
    alone = memorise.copy_rate_curve(ns=(50,), samples=40, repeats=2, seed=4)
    np.testing.assert_array_equal(a.copy_rate, b.copy_rate)
    np.testing.assert_array_equal(a.median_distance[1], alone.median_distance[0])
    assert a.summary() == b.summary()
    other = memorise.copy_rate_curve(ns=(10, 50), samples=40, repeats=2, seed=5)
    assert not np.array_equal(a.median_distance, other.median_distance)


def test_nearest_finds_an_exact_copy_and_can_skip_itself():
    train = np.array([[0.0, 0.0], [3.0, 4.0], [10.0, 0.0]])
    idx, dist = memorise.pairwise_nearest(train[[1]], train)
    assert idx[0] == 1 and dist[0] == 0
    idx, dist = memorise.pairwise_nearest(train, train, exclude_self=True)
    assert list(idx) == [1, 0, 1] and dist[0] == pytest.approx(5.0)
    assert memorise.typical_gap(train) == pytest.approx(5.0)


def test_model_samples_are_images_in_range():
    train = memorise.load_images()[:30]
    model = memorise.fit_kde(train)
    images, parents = model.sample(12, np.random.default_rng(0))
    assert images.shape == (12, 64) and parents.shape == (12,)
    assert images.min() >= 0 and images.max() <= 16
    assert model.components.shape == (15, 64) and model.bandwidth > 0


def test_gallery_pairs_each_sample_with_its_nearest_training_image(result):
    assert [g.n for g in result.galleries] == [10, 1000]
    g = result.galleries[0]
    dist = np.sqrt(((g.samples - g.nearest) ** 2).sum(axis=1))
    np.testing.assert_allclose(dist, g.distance, atol=1e-6)
    np.testing.assert_array_equal(g.is_copy, g.distance < g.limit)


def test_default_curve_is_fast_enough():
    memorise.load_images()  # warm the scikit-learn import
    # CPU time of this process: other jobs sharing the machine do not count.
    start = time.process_time()
    memorise.copy_rate_curve(seed=0)
    assert time.process_time() - start < 9.0  # target 2-3 s (CPU time)


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"ns": (1, 10)}, ValueError, "at least 2"),
        ({"ns": (10, 5000)}, ValueError, "1797"),
        ({"ns": ()}, ValueError, "empty"),
        ({"ns": ("10",)}, TypeError, "whole number"),
        ({"threshold": 0}, ValueError, "threshold"),
        ({"seed": 1.5}, TypeError, "seed"),
    ],
)
def test_bad_input_is_explained(kwargs, error, message):
    with pytest.raises(error, match=message):
        memorise.copy_rate_curve(**kwargs)


def test_plots_draw_and_print_nothing(result, capsys):
    fig = memorise.plot_copy_rate(result)
    assert fig.axes[0].get_xscale() == "log"
    assert fig.axes[0].get_ylabel() and fig.axes[0].get_legend() is not None
    gallery = memorise.plot_gallery(result)
    assert len(gallery.subfigs) == 2
    assert capsys.readouterr().out == ""
    plt.close("all")


def test_gallery_labels_agree_with_the_copy_rule(result):
    fig = memorise.plot_gallery(result)
    for sub, gallery in zip(fig.subfigs, result.galleries, strict=True):
        limit = float(sub.get_suptitle().split("d < ")[1].rstrip(")"))
        titles = [ax.get_title() for ax in sub.axes if ax.get_title()]
        assert len(titles) == len(gallery.samples)
        for title, exact, copy in zip(titles, gallery.distance, gallery.is_copy, strict=True):
            shown = float(title.split("\n")[0].removeprefix("d="))
            assert title.endswith("COPY") == bool(copy)
            assert (shown < limit) == bool(copy), title  # the label never contradicts
            assert abs(shown - exact) <= 0.05
    plt.close("all")


@pytest.mark.parametrize(("distances", "limit", "places"), [
    ([26.96, 30.0], 27.0, 2),   # one decimal would show 27.0 under 'd < 27.0'
    ([12.3, 40.0], 27.0, 1),
    ([26.9996], 27.0, 4),       # needs four decimals to stay below the limit
])
def test_shown_decimals_keeps_each_distance_on_its_side(distances, limit, places):
    assert memorise.shown_decimals(distances, limit) == places


def test_pca_components_have_a_fixed_sign_convention():
    model = memorise.fit_kde(memorise.load_images()[:50])
    biggest = model.components[np.arange(15), np.abs(model.components).argmax(axis=1)]
    assert (biggest > 0).all()

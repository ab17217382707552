"""The toy GAN: correct gradients, learning, determinism, speed, clear errors."""

import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from artethics.demos import gan  # noqa: E402


@pytest.fixture(scope="module")
def run():
    return gan.train_gan(seed=0)


def test_hand_written_gradients_match_finite_differences():
    rng = np.random.default_rng(3)
    params = gan._init_mlp(rng, 5, 1.0)
    x = rng.standard_normal((7, 1))
    weights = rng.standard_normal((7, 1))

    def loss():
        return float((gan._forward(params, x)[0] * weights).sum())

    _, cache = gan._forward(params, x)
    grads, dx = gan._backward(params, cache, weights)
    eps = 1e-6
    for name, value in params.items():
        flat = value.reshape(-1)
        for i in range(flat.size):
            flat[i] += eps
            up = loss()
            flat[i] -= 2 * eps
            down = loss()
            flat[i] += eps
            assert grads[name].reshape(-1)[i] == pytest.approx((up - down) / (2 * eps), abs=1e-5)
    x_up = gan._forward(params, x + eps)[0]
    x_down = gan._forward(params, x - eps)[0]
    assert dx == pytest.approx(weights * (x_up - x_down) / (2 * eps), abs=1e-5)


def test_generated_numbers_move_towards_the_data(run):
    assert run.distance[0] > 1.0
    assert run.distance[-1] < 0.3 * run.distance[0]


def test_generator_covers_both_peaks_by_the_end(run):
    centres = 0.5 * (run.bin_edges[:-1] + run.bin_edges[1:])
    mass = run.generated_hist[-1] * np.diff(run.bin_edges)
    assert 0.3 < mass[centres < 0].sum() < 0.7
    assert mass[np.abs(centres) < 0.8].sum() < 0.15


def test_one_peak_data_is_also_learned():
    run = gan.train_gan(steps=600, seed=1, data="one_peak")
    assert run.distance[-1] < 0.5 * run.distance[0]


def test_same_seed_same_numbers_other_seed_other_numbers():
    a, b = gan.train_gan(steps=200, seed=5), gan.train_gan(steps=200, seed=5)
    c = gan.train_gan(steps=200, seed=6)
    for field in ("d_loss", "g_loss", "distance", "generated_hist", "d_curve"):
        np.testing.assert_array_equal(getattr(a, field), getattr(b, field))
    assert a.summary() == b.summary()
    assert not np.array_equal(a.d_loss, c.d_loss)


def test_records_shapes_and_snapshots(run):
    assert run.d_loss.shape == run.g_loss.shape == (run.steps,)
    assert run.snapshot_steps[0] == 0 and run.snapshot_steps[-1] == run.steps
    assert run.generated_hist.shape == (len(run.snapshot_steps), len(run.bin_edges) - 1)
    assert run.d_curve.shape == (len(run.snapshot_steps), len(run.grid))
    assert np.all((run.d_curve > 0) & (run.d_curve < 1))
    assert list(run.check_steps) == sorted(run.check_steps)


def test_default_run_is_fast_enough():
    # CPU time of this process: other jobs sharing the machine do not count.
    start = time.process_time()
    gan.train_gan(seed=0)
    assert time.process_time() - start < 6.0  # target 2 s (CPU time)


def test_summary_is_rounded_text(run):
    text = run.summary()
    assert "two_peaks" in text and "seed 0" in text
    assert f"{run.distance[-1]:.2f}" in text
    assert "0x" not in text


def test_wasserstein_of_a_shift_is_the_shift():
    a = np.arange(10.0)
    assert gan.wasserstein_1d(a, a + 1.5) == pytest.approx(1.5)
    with pytest.raises(ValueError, match="same size"):
        gan.wasserstein_1d(a, a[:5])


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"data": "three_peaks"}, ValueError, "two_peaks"),
        ({"seed": -1}, ValueError, "seed"),
        ({"seed": "0"}, TypeError, "whole number"),
        ({"steps": 3}, ValueError, "steps"),
    ],
)
def test_bad_input_is_explained(kwargs, error, message):
    with pytest.raises(error, match=message):
        gan.train_gan(**kwargs)


def test_plot_draws_on_given_figure_and_prints_nothing(run, capsys):
    fig = plt.figure()
    assert gan.plot_gan(run, fig=fig) is fig
    assert len(fig.axes) >= 6
    assert all(ax.get_xlabel() for ax in fig.axes[::2])
    assert capsys.readouterr().out == ""
    plt.close(fig)

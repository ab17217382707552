"""Small, seeded mechanism demos the lessons call. No side effects on import.

Each demo has a pure compute function returning a frozen dataclass (numbers
and arrays; the same ``seed`` gives identical numbers on every run), a
``summary()`` method with a few rounded lines for nbval to compare, and
plotting functions that draw on a given or new matplotlib Figure, print
nothing and return the Figure. Assign it (``fig = plot_styles(result)``) so the
figure is shown once: the notebook normal form forbids a trailing ``;``. All data come from
files scikit-learn ships; nothing is downloaded.

``artethics.demos.style`` (lesson 01, The Next Rembrandt): "style as data".
Cuts scikit-learn's two sample photos into fragments, measures each one
(colour, brightness, contrast, edge directions), compares the photos' style
signatures against a split-half noise level, and builds a toy collage::

    from artethics.demos.style import compare_styles, plot_styles
    result = compare_styles(seed=seed)
    print(result.summary())
    fig = plot_styles(result)

``artethics.demos.gan`` (lesson 02, Edmond de Belamy): a toy GAN in numpy
with hand-written gradients, learning a two-peaked set of numbers::

    from artethics.demos.gan import train_gan, plot_gan
    run = train_gan(steps=1500, seed=seed, data="two_peaks")
    print(run.summary())
    fig = plot_gan(run)

``artethics.demos.memorise`` (lesson 04, Trik AI / Snow Fish): a PCA + KDE
model on n handwritten digits; how often its samples are recognisable copies
of one training image, as n grows::

    from artethics.demos.memorise import copy_rate_curve, plot_copy_rate, plot_gallery
    result = copy_rate_curve(ns=(10, 20, 50, 100, 200, 500, 1000), seed=seed)
    print(result.summary())
    fig = plot_copy_rate(result)
    fig = plot_gallery(result)

Typical times on one core: style ~0.6 s, gan ~0.7 s, memorise ~1 s (plus
about 1 s for the first matplotlib import).
"""

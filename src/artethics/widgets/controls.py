"""A labelled slider that screen readers can name: a native ``<input type="range">``.

ipywidgets 8's IntSlider draws a noUiSlider ``<div role="slider">`` whose description
label is not linked to it, so assistive technology announces an unnamed slider (axe:
``aria-input-field-name``) and ipywidgets 8.1 offers no option to name it.
:class:`LabelledSlider` is an ``anywidget`` widget (its JavaScript is the inline
``_esm`` below; anywidget ships a prebuilt JupyterLab extension, so there is no build
step and nothing is fetched at run time) that renders

    <label for=ID>For 1</label>
    <input type=range id=ID min=0 max=5 step=1 aria-label="For 1: <claim>"
           aria-valuetext="2 of 5">
    <output aria-hidden=true>2</output>

A native range input is keyboard-operable (arrow keys, Home/End, Page Up/Down) and
has an accessible name; its value is synced both ways with the Int trait ``value``,
on every step (like IntSlider with ``continuous_update=True``).

    >>> s = LabelledSlider(value=2, min=0, max=5, description="For 1",
    ...                    aria_label="For 1: artists were not asked",
    ...                    value_words=["ignore it", "", "", "", "", "decisive"])
    >>> s.value = 3; s.value_text()
    '3 of 5'

Building one displays nothing.
"""

from __future__ import annotations

import anywidget
import traitlets as t

_ESM = r"""
let made = 0;
const KEYS = new Set(["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End",
                      "PageUp", "PageDown"]);

function words(model, value) {
  const extra = (model.get("value_words") || [])[value - model.get("min")];
  const template = model.get("value_template") || "{value} of {max}";
  const base = template.replace("{value}", String(value))
    .replace("{max}", String(model.get("max")));
  return extra ? `${base}, ${extra}` : base;
}

function render({ model, el }) {
  made += 1;
  const id = `artethics-range-${made}-${Math.random().toString(36).slice(2, 8)}`;
  el.classList.add("artethics-range");
  const label = document.createElement("label");
  label.htmlFor = id;
  label.className = "artethics-range-label";
  const input = document.createElement("input");
  input.type = "range";
  input.id = id;
  input.className = "artethics-range-input";
  const readout = document.createElement("span");
  readout.className = "artethics-range-readout";
  readout.setAttribute("aria-hidden", "true");  // the input already says its value

  const draw = () => {
    const value = model.get("value");
    input.min = String(model.get("min"));
    input.max = String(model.get("max"));
    input.step = String(model.get("step"));
    input.value = String(value);
    input.disabled = model.get("disabled");
    input.setAttribute("aria-valuetext", words(model, value));
    const name = model.get("aria_label");
    if (name) input.setAttribute("aria-label", name); else input.removeAttribute("aria-label");
    label.textContent = model.get("description");
    label.style.width = model.get("label_width");
    readout.textContent = String(value);
    readout.style.display = model.get("readout") ? "" : "none";
  };
  const moved = () => {
    const value = Number(input.value);
    if (value === model.get("value")) return;
    model.set("value", value);
    input.setAttribute("aria-valuetext", words(model, value));
    readout.textContent = String(value);
    model.save_changes();
  };
  // JupyterLab's shortcuts listen on the document and take arrow keys (cell moves),
  // cancelling the slider's own step; keep the keys a range input uses to itself.
  const own = (event) => { if (KEYS.has(event.key)) event.stopPropagation(); };
  input.addEventListener("input", moved);
  input.addEventListener("keydown", own);
  const events = "change:value change:min change:max change:step change:disabled " +
    "change:aria_label change:description change:label_width change:readout " +
    "change:value_words change:value_template";
  model.on(events, draw);
  draw();
  el.append(label, input, readout);
  return () => {
    model.off(events, draw);
    input.removeEventListener("input", moved);
    input.removeEventListener("keydown", own);
  };
}

export default { render };
"""

_CSS = """
.artethics-range { display: flex; align-items: center; gap: 6px; box-sizing: border-box;
  font-family: sans-serif; font-size: 14px; color: #111; padding: 5px 4px 5px 0; }
.artethics-range-label { flex: 0 0 auto; overflow: hidden; text-overflow: ellipsis;
  white-space: nowrap; }
.artethics-range-input { flex: 1 1 auto; min-width: 80px; margin: 0;
  accent-color: #0072B2; cursor: pointer; }
.artethics-range-input:focus-visible { outline: 3px solid #0072B2; outline-offset: 1px; }
.artethics-range-readout { flex: 0 0 1.5em; text-align: right; margin-right: 8px;
  font-variant-numeric: tabular-nums; }
"""


class LabelledSlider(anywidget.AnyWidget):
    """A whole-number slider rendered as a native, labelled ``<input type="range">``.

    ``description`` is the visible label (linked with ``<label for>``); ``aria_label``,
    when given, is the full accessible name (it should start with the description, so
    speech users can say what they see); ``value_words`` are extra words per value,
    from ``min`` up, read out with the number (``"0 of 5, ignore it"``);
    ``value_template`` says how the number is read (``"{value} of {max}"``, translated
    by the views).
    """

    _esm = _ESM
    _css = _CSS

    value = t.Int(0).tag(sync=True)
    min = t.Int(0).tag(sync=True)
    max = t.Int(5).tag(sync=True)
    step = t.Int(1).tag(sync=True)
    description = t.Unicode("").tag(sync=True)
    aria_label = t.Unicode("").tag(sync=True)
    value_words = t.List(t.Unicode()).tag(sync=True)
    # How the value is read out; the kit's views pass it in the lesson's language.
    value_template = t.Unicode("{value} of {max}").tag(sync=True)
    label_width = t.Unicode("80px").tag(sync=True)
    readout = t.Bool(True).tag(sync=True)
    disabled = t.Bool(False).tag(sync=True)

    def __init__(self, **kwargs):
        low, high = kwargs.get("min", 0), kwargs.get("max", 5)
        if not isinstance(low, int) or not isinstance(high, int) or low >= high:
            raise ValueError(f"LabelledSlider min={low!r}, max={high!r}: give whole "
                             "numbers with min below max.")
        value = kwargs.pop("value", low)
        super().__init__(**kwargs)
        self.value = value

    @t.validate("value")
    def _clamp(self, proposal) -> int:
        """Like IntSlider: a value outside min..max is moved to the nearest end."""
        return max(self.min, min(self.max, int(proposal["value"])))

    def value_text(self) -> str:
        """What a screen reader hears for the current value (mirrors the JavaScript)."""
        words = self.value_words
        index = self.value - self.min
        extra = words[index] if 0 <= index < len(words) else ""
        base = self.value_template.format(value=self.value, max=self.max)
        return f"{base}, {extra}" if extra else base


__all__ = ["LabelledSlider"]

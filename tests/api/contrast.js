// WCAG 2.2 AA: the contrast of every visible text node against the background it is drawn on,
// shadow roots included. Returns [elements checked, failures as "TAG.class "text": ratio"].
() => {
  const rgb = (c) => {
    const [r, g, b, a = 1] = c.match(/[\d.]+/g).map(Number);
    return { r, g, b, a };
  };
  const channel = (v) => (v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
  const luminance = ({ r, g, b }) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  const up = (e) => e.parentElement || e.getRootNode().host || null;
  const background = (e) => {
    for (; e; e = up(e)) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.a > 0.99) return c;
    }
    return { r: 255, g: 255, b: 255 };
  };
  const elements = [];
  const walk = (root) => {
    for (const e of root.querySelectorAll("*")) {
      elements.push(e);
      if (e.shadowRoot) walk(e.shadowRoot);
    }
  };
  walk(document);
  const failures = [];
  let checked = 0;
  for (const e of elements) {
    if (![...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim())) continue;
    if (!e.checkVisibility({ visibilityProperty: true }) || e.closest("option, title, style, script")) continue;
    const [light, dark] = [luminance(rgb(getComputedStyle(e).color)), luminance(background(e))].sort((x, y) => y - x);
    const ratio = (light + 0.05) / (dark + 0.05);
    checked += 1;
    if (ratio < 4.5) failures.push(`${e.tagName}.${e.className} "${e.textContent.trim().slice(0, 30)}": ${ratio.toFixed(2)}`);
  }
  return [checked, failures];
}

// Colour scales of the competency heatmap. Red = far below standard, white = at standard, green = above.

const RED = [200, 55, 45];
const WHITE = [250, 250, 248];
const GREEN = [46, 139, 87];

function mix(from: number[], to: number[], t: number): string {
  const c = from.map((v, i) => Math.round(v + (to[i] - v) * Math.max(0, Math.min(1, t))));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

/** Average gap (actual − required): −2 or worse is full red, 0 white, +1 or better full green. */
export function gapColor(gap: number | null): string {
  if (gap === null) return '#eef0f3';
  return gap < 0 ? mix(WHITE, RED, -gap / 2) : mix(WHITE, GREEN, gap);
}

/** Share meeting the standard: 40 % or less full red, 75 % white, 100 % full green. */
export function percentColor(percent: number | null): string {
  if (percent === null) return '#eef0f3';
  return percent < 75 ? mix(WHITE, RED, (75 - percent) / 35) : mix(WHITE, GREEN, (percent - 75) / 25);
}

/** Text stays readable on dark cells. */
export function textOn(background: string): string {
  const m = /rgb\((\d+), (\d+), (\d+)\)/.exec(background);
  if (!m) return '#1f2933';
  const [r, g, b] = m.slice(1).map(Number);
  return r * 0.299 + g * 0.587 + b * 0.114 < 140 ? '#ffffff' : '#1f2933';
}

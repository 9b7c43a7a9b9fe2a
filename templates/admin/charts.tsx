/** @jsxImportSource hono/jsx */
// Server-rendered SVG charts: readable without JavaScript, every point titled for screen readers and hover.

const PALETTE = [
  "#2f5bea",
  "#e8590c",
  "#0ca678",
  "#ae3ec9",
  "#f59f00",
  "#1098ad",
  "#d6336c",
  "#5c940d",
];

export interface Series {
  name: string;
  /** One value per x label; null leaves a gap (e.g. no cost per lead without leads). */
  values: (number | null)[];
}

/** A series of gaps and zeros says nothing: it gets no line and no legend entry. */
const hasData = (s: Series) => s.values.some((v) => v !== null && v !== 0);

/** Round axis maximum: 1, 2, 2.5 or 5 × 10^k at or above the data's maximum. */
function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  return [1, 2, 2.5, 5, 10].map((m) => m * p).find((m) => m >= v)!;
}

/**
 * Lines on one axis. Series without data are left out, and when none has data there is no axis at
 * all (an axis of $0.00 to $1.00 would read as a measurement), only `empty` in words.
 */
export function LineChart(p: {
  labels: string[];
  series: Series[];
  format: (v: number) => string;
  title: string;
  empty: string;
  height?: number;
}) {
  // Each series keeps its colour (its place in p.series) when the ones before it are left out.
  const series = p.series
    .map((s, i) => ({ ...s, color: PALETTE[i % PALETTE.length]! }))
    .filter(hasData);
  if (!series.length)
    return (
      <figure style="margin:0" class="chart-empty" data-chart-empty="true">
        <p class="empty">{p.empty}</p>
      </figure>
    );
  const W = 900;
  const H = p.height ?? 260;
  const L = 70,
    R = 16,
    T = 14,
    B = 36;
  const max = niceMax(
    Math.max(0, ...series.flatMap((s) => s.values.filter((v): v is number => v !== null))),
  );
  const n = Math.max(1, p.labels.length - 1);
  const x = (i: number) => L + ((W - L - R) * i) / n;
  const y = (v: number) => T + (H - T - B) * (1 - v / max);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * max);
  const every = Math.max(1, Math.ceil(p.labels.length / 10));
  return (
    <figure style="margin:0">
      <svg class="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={p.title}>
        <title>{p.title}</title>
        {ticks.map((t) => (
          <g>
            <line x1={L} x2={W - R} y1={y(t)} y2={y(t)} stroke="#e6e9f0" />
            <text x={L - 8} y={y(t) + 4} text-anchor="end">
              {p.format(t)}
            </text>
          </g>
        ))}
        {p.labels.map((l, i) =>
          i % every === 0 || i === p.labels.length - 1 ? (
            <text x={x(i)} y={H - 12} text-anchor="middle">
              {l}
            </text>
          ) : null,
        )}
        {series.map((s) => {
          const color = s.color;
          const segments: string[] = [];
          let current = "";
          s.values.forEach((v, i) => {
            if (v === null) {
              if (current) segments.push(current);
              current = "";
            } else current += `${current ? "L" : "M"}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
          });
          if (current) segments.push(current);
          return (
            <g>
              {segments.map((d) => (
                <path d={d} fill="none" stroke={color} stroke-width="2" />
              ))}
              {s.values.map((v, i) =>
                v === null ? null : (
                  <circle cx={x(i).toFixed(1)} cy={y(v).toFixed(1)} r="3" fill={color}>
                    <title>{`${s.name} · ${p.labels[i]}: ${p.format(v)}`}</title>
                  </circle>
                ),
              )}
            </g>
          );
        })}
      </svg>
      <figcaption class="legend">
        {series.map((s) => (
          <span>
            <i style={`background:${s.color}`} />
            {s.name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

/** Horizontal bars, each with its value and its share of the first bar (a funnel). */
export function FunnelChart(p: {
  steps: { label: string; value: number; text: string }[];
  title: string;
}) {
  const W = 900;
  const row = 34;
  const L = 170;
  const H = p.steps.length * row + 8;
  const max = Math.max(1e-9, ...p.steps.map((s) => s.value));
  const top = p.steps[0]?.value ?? 0;
  return (
    <svg class="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={p.title}>
      <title>{p.title}</title>
      {p.steps.map((s, i) => {
        const w = ((W - L - 160) * s.value) / max;
        const share = top > 0 && i > 0 ? ` (${((s.value / top) * 100).toFixed(1)}%)` : "";
        return (
          <g>
            <text x={L - 10} y={i * row + 22} text-anchor="end">
              {s.label}
            </text>
            <rect
              x={L}
              y={i * row + 6}
              width={Math.max(w, 1).toFixed(1)}
              height={row - 10}
              rx="3"
              fill={PALETTE[0]}
              opacity={String(1 - i * 0.12)}
            />
            <text x={L + Math.max(w, 1) + 8} y={i * row + 22}>
              {s.text + share}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

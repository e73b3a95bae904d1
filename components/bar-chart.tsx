// A bar chart drawn on the server as SVG (no chart JavaScript), with the figures it shows in a
// table right under it for screen readers and for exact reading. A bar with `href` is a link.

export type Bar = { label: string; value: number; href?: string; text?: string };

const WIDTH = 640;
const HEIGHT = 200;
const AXIS = 24;

export function BarChart({ id, title, bars, max, children }: { id: string; title: string; bars: readonly Bar[]; max?: number; children: React.ReactNode }) {
  const top = Math.max(max ?? 0, ...bars.map((b) => b.value), 1);
  const slot = WIDTH / Math.max(bars.length, 1);
  const barWidth = Math.max(slot * 0.6, 4);
  return (
    <figure aria-labelledby={`${id}-title`} className="space-y-3">
      <figcaption id={`${id}-title`} className="font-medium text-slate-900">
        {title}
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT + AXIS}`} className="h-auto w-full max-w-3xl" role="group" aria-labelledby={`${id}-title`}>
        <line x1={0} y1={HEIGHT} x2={WIDTH} y2={HEIGHT} stroke="#475569" strokeWidth={1} />
        {bars.map((bar, i) => {
          const h = Math.round((bar.value / top) * (HEIGHT - 16));
          const x = i * slot + (slot - barWidth) / 2;
          const rect = (
            <rect x={x} y={HEIGHT - h} width={barWidth} height={Math.max(h, bar.value ? 1 : 0)} fill="#1d4ed8">
              <title>{`${bar.label}: ${bar.text ?? bar.value}`}</title>
            </rect>
          );
          return (
            <g key={bar.label}>
              {bar.href ? (
                <a href={bar.href} aria-label={`${bar.label}: ${bar.text ?? bar.value} (opens the queue)`}>
                  {/* The whole column is the link, so a bar of zero can still be clicked. */}
                  <rect x={i * slot} y={0} width={slot} height={HEIGHT} fill="transparent" />
                  {rect}
                </a>
              ) : (
                rect
              )}
              <text x={i * slot + slot / 2} y={HEIGHT + 16} textAnchor="middle" fontSize={11} fill="#334155">
                {bar.label}
              </text>
            </g>
          );
        })}
      </svg>
      {children}
    </figure>
  );
}

import type { ProgressFigures } from './progress-reporter';
import { createProgressReporter } from './progress-reporter';

type Reported = Readonly<{ line: string; figures: ProgressFigures }>;

/** A reporter on a hand-moved clock, starting at t = 0 ms. */
const setup = (total: number, intervalMs = 1_000) => {
  let clock = 0;
  const lines: Reported[] = [];
  const reporter = createProgressReporter('rebuild sales-funnel', total, (line, figures) => void lines.push({ line, figures }), intervalMs, () => clock);
  const at = (ms: number) => {
    clock = ms;
    return reporter;
  };
  return { lines, at };
};

describe('createProgressReporter', () => {
  it('reports at most once per interval, counted from the last report', () => {
    const { lines, at } = setup(1_000);
    at(999).advance(100);
    expect(lines).toHaveLength(0);
    at(1_000).advance(250);
    expect(lines).toHaveLength(1);
    at(1_500).advance(300);
    at(1_999).advance(400);
    expect(lines).toHaveLength(1);
    at(2_000).advance(500);
    expect(lines.map((l) => l.figures.done)).toEqual([250, 500]);
  });

  it('does not repeat the final line when the last report already said it', () => {
    const { lines, at } = setup(500);
    at(1_000).advance(500);
    at(1_001).finish(500);
    expect(lines.map((l) => l.figures.done)).toEqual([500]);
    at(1_002).finish(500);
    expect(lines).toHaveLength(1);
  });

  it('states done, total, percent, rate and eta in the line and in the figures', () => {
    const { lines, at } = setup(4_000);
    at(2_000).advance(1_000);
    expect(lines[0].line).toBe('rebuild sales-funnel: 1,000 / 4,000 events (25%) · 500 events/s · eta 6 s');
    expect(lines[0].figures).toEqual({ done: 1_000, total: 4_000, ratePerSecond: 500, etaSeconds: 6 });
  });

  it('rounds the percent down and the eta up', () => {
    const { lines, at } = setup(3);
    at(1_000).advance(2);
    expect(lines[0].line).toBe('rebuild sales-funnel: 2 / 3 events (66%) · 2 events/s · eta 1 s');
    expect(lines[0].figures.etaSeconds).toBeCloseTo(0.5);
  });

  it('always writes the final line, even within the interval', () => {
    const { lines, at } = setup(10);
    at(10).advance(5);
    at(20).finish(10);
    expect(lines).toHaveLength(1);
    expect(lines[0].line).toBe('rebuild sales-funnel: 10 / 10 events (100%) · 500 events/s · eta 0 s');
    expect(lines[0].figures).toEqual({ done: 10, total: 10, ratePerSecond: 500, etaSeconds: 0 });
  });

  it('has no eta while nothing is done, and never more than 100 %', () => {
    const { lines, at } = setup(10);
    at(1_000).advance(0);
    at(2_000).finish(12);
    expect(lines[0].line).toBe('rebuild sales-funnel: 0 / 10 events (0%) · 0 events/s');
    expect(lines[0].figures.etaSeconds).toBeNull();
    expect(lines[1].line).toContain('12 / 10 events (100%)');
    expect(lines[1].figures.etaSeconds).toBe(0);
  });

  it('calls a total of 0 complete, without dividing by zero', () => {
    const { lines, at } = setup(0);
    at(0).finish(0);
    expect(lines).toEqual([
      { line: 'rebuild sales-funnel: 0 / 0 events (100%) · 0 events/s', figures: { done: 0, total: 0, ratePerSecond: 0, etaSeconds: null } },
    ]);
  });

  it('counts an instant finish as 1 ms rather than infinitely fast', () => {
    const { lines, at } = setup(5);
    at(0).finish(5);
    expect(lines[0].figures.ratePerSecond).toBe(5_000);
    expect(lines[0].line).toContain('5,000 events/s');
  });
});

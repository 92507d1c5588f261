import { createRequire } from 'node:module';
import { join } from 'node:path';

type Row = readonly [string, string, string, string, string];
type Report = Readonly<{
  rowsOf: (results: unknown) => Row[];
  incompleteFigures: (rows: readonly Row[]) => string[];
  table: (rows: readonly Row[]) => string;
}>;

// tools/ is plain CommonJS (the bench runs on bare node).
const { rowsOf, incompleteFigures, table } = createRequire(__filename)(join(__dirname, 'report.js')) as Report;

const latency = (p50: number, p99: number) => ({ latencyMs: { p50, p99 } });
const completeRun = () => ({
  commandPath: { maxRate: 400, at70: { offeredRate: 280, latencyMs: { p50: 4, p99: 9, p999: 12 } }, baseline: { insertsPerSecond: 8_000, connections: 10 }, baselineLatencyMs: { p50: 0.8, p99: 4, p999: 9 } },
  relay: { eventsPerSecond: 2_000 },
  relayBaseline: { eventsPerSecond: 5_000 },
  projections: { eventsPerSecond: 600, readModels: 4 },
  projectionsBaseline: { upsertsPerSecond: 1_200 },
  rebuilds: [{ readModel: 'sales-funnel', eventsPerSecond: 1_500 }],
  pipelineCommandPath: { maxRate: 300 },
  lag: { load: { offeredRate: 210 }, underLoad: { p50: 150, p99: 400 }, idle: { p50: 120, p99: 200 } },
  queries: { rate: 50, http: { funnel: { ...latency(8, 30), sent: 500, failed: 0 }, list: { ...latency(500, 700), achievedRate: 2, sent: 40, failed: 0 } }, baseline: { funnel: latency(4, 10), list: { ...latency(450, 600), achievedRate: 2.2 } } },
  memory: { baselineMiB: 40, processes: { relay: { endMiB: 150, peakMiB: 168, firstHalfPeakMiB: 160, secondHalfPeakMiB: 168 } } },
});

describe('the bench report', () => {
  it('puts every figure beside its baseline with the ratio of the two', () => {
    const rows = rowsOf(completeRun());
    const relay = rows.find(([figure]) => figure.startsWith('relay'));
    expect(relay).toEqual(['relay: store → Kafka', '2,000 events/s', '5,000 events/s (bare kafkajs producer)', '0.40×', '']);
    const funnelP99 = rows.find(([figure]) => figure === 'funnel query @50/s: p99');
    expect(funnelP99?.slice(1)).toEqual(['30 ms', '10 ms (bare driver, same reads)', '3.00×', '≤ 20 ms']);
    expect(table(rows).split('\n')[0]).toBe('| figure | value | baseline | ratio | target |');
  });

  it('finds a complete run complete, whatever its values against the targets', () => {
    expect(incompleteFigures(rowsOf(completeRun()))).toEqual([]);
  });

  it('names a figure whose baseline failed', () => {
    const run = { ...completeRun(), projectionsBaseline: undefined };
    expect(incompleteFigures(rowsOf(run))).toEqual([
      '"projections live (4 read models)" has no value, baseline or ratio',
      '"projections rebuild sales-funnel" has no value, baseline or ratio',
    ]);
  });

  it('says how many lag probes were not visible within their timeout', () => {
    const run = { ...completeRun(), lag: { load: { offeredRate: 280 }, underLoad: { p50: 900, p99: 2_500, count: 7, timeouts: 3, timeoutMs: 30_000 }, idle: { p50: 120, p99: 200 } } };
    expect(rowsOf(run).map(([figure]) => figure)).toContain('read-model lag @70%: p99 (3 of 10 probes not visible within 30,000 ms)');
  });

  it('says how many queries failed (shed under load) beside their p99', () => {
    const run = completeRun();
    const shed = { ...run, queries: { ...run.queries, http: { ...run.queries.http, funnel: { ...latency(3_000, 7_000), sent: 1_000, failed: 283 } } } };
    expect(rowsOf(shed).map(([figure]) => figure)).toContain('funnel query @50/s: p99 (283 of 1,000 failed)');
  });

  it('sets the list query, driven one call at a time, beside the bare driver driven so', () => {
    const rows = rowsOf(completeRun());
    expect(rows.find(([figure]) => figure === 'list query, one at a time: queries/s')?.slice(1, 4)).toEqual(['2 /s', '2.2 /s (bare driver find, one at a time)', '0.91×']);
    expect(rows.find(([figure]) => figure === 'list query, one at a time: p99')?.slice(1, 4)).toEqual(['700 ms', '600 ms (bare driver find)', '1.17×']);
  });

  it('compares each process\'s peak RSS in the second half of its life with its first half', () => {
    const memory = rowsOf(completeRun()).find(([figure]) => figure.startsWith('RSS relay'));
    expect(memory).toEqual(['RSS relay: peak in the second half of its life (an idle node: 40 MiB)', '168 MiB', '160 MiB (peak in its first half)', '1.05×', 'flat (≈ 1.00× or less)']);
  });

  it('names a stage that produced no figure', () => {
    const run = { ...completeRun(), rebuilds: [], memory: { baselineMiB: 40, processes: {} } };
    expect(incompleteFigures(rowsOf(run))).toEqual(['no "projections rebuild" figure', 'no "RSS" figure']);
  });
});

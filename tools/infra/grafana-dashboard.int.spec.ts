import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Registry } from 'prom-client';
import { createMetricsRegistry, httpMetricsHooks, instrumentEventStore, processManagerMetrics } from '@meridian/platform/observability';
import type { EventStore } from '@meridian/platform/eventsourcing';
import { findPrometheusBinary } from '@meridian/platform/testing';
import { inFlightLimit } from '../../libs/platform/nest/src/http/in-flight-limit';
import { registerProjectionsMetrics } from '../../apps/projections/src/projections-metrics';
import { registerRelayMetrics } from '../../apps/relay/src/relay-metrics';

/**
 * deploy/grafana/meridian-overview.json against the code: every series a
 * panel or variable queries is one the processes register (read from real
 * registries built by the same functions the HTTP hosts, the relay and the
 * projections call), every Meridian series is documented in
 * docs/operations.md, and every expression parses (promtool check rules on
 * them as recording rules). Fails (never skips) without promtool: CI installs it.
 */
const root = resolve(__dirname, '../..');
const dashboardFile = join(root, 'deploy/grafana/meridian-overview.json');

type Target = Readonly<{ expr: string; refId: string }>;
type Panel = Readonly<{ id: number; type: string; title: string; gridPos: { x: number; w: number }; datasource?: { uid?: string }; targets?: Target[]; panels?: Panel[] }>;
type Variable = Readonly<{ name: string; type: string; query?: string | { query: string } }>;
type Dashboard = Readonly<{ panels: Panel[]; templating: { list: Variable[] } }>;

/** Series Prometheus itself adds to every scrape: they exist without being registered. */
const scrapeSeries = new Set(['up']);
/** Grafana's built-in interval variables, and what promtool gets in their place. */
const builtIns: Readonly<Record<string, string>> = { __rate_interval: '5m', __interval: '1m', __range: '1h' };
const keywords = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'bool', 'offset', 'and', 'or', 'unless', 'inf', 'nan']);

/** Every family the code registers, with the series names a histogram or summary exposes. */
const registeredSeries = (): Set<string> => {
  const registries: Registry[] = [];
  const fresh = () => {
    const registry = createMetricsRegistry();
    registries.push(registry);
    return registry;
  };
  // An HTTP host: request metrics, appends, load shedding.
  const http = fresh();
  httpMetricsHooks(http);
  instrumentEventStore({} as EventStore, http);
  inFlightLimit(1, http);
  // A service hosting process managers registers theirs in its own registry.
  processManagerMetrics(http);
  // Nothing is collected here, so the sources are never called.
  registerRelayMetrics(fresh(), { store: {} as EventStore, checkpoint: () => undefined });
  registerProjectionsMetrics(fresh(), { projections: () => [], breakers: [{ name: 'read-store', state: () => 'closed' }], lagMessages: () => undefined });
  const names = new Set<string>();
  for (const metric of registries.flatMap((r) => r.getMetricsAsArray())) {
    const { name, type } = metric as unknown as { name: string; type: string };
    names.add(name);
    if (type === 'histogram') for (const suffix of ['_bucket', '_sum', '_count']) names.add(`${name}${suffix}`);
    if (type === 'summary') for (const suffix of ['_sum', '_count']) names.add(`${name}${suffix}`);
  }
  return names;
};

/** Metric names an expression selects: string literals, label matchers, ranges, label lists and variables removed, function names skipped. */
const metricNamesOf = (expr: string): string[] => {
  const stripped = expr
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ')
    .replace(/\$\{?\w+\}?/g, ' ');
  const found = [...stripped.matchAll(/(?<![\w:.])([a-zA-Z_:][a-zA-Z0-9_:]*)(?![a-zA-Z0-9_:])(?!\s*\()/g)].map((m) => m[1]);
  return [...new Set(found.filter((name) => !keywords.has(name.toLowerCase())))];
};

const allPanels = (panels: readonly Panel[]): Panel[] => panels.flatMap((p) => [p, ...allPanels(p.panels ?? [])]);

/** Every query of the dashboard: panel targets, and label_values(metric, label) variable queries as `metric`. */
const queriesOf = (dashboard: Dashboard): { where: string; expr: string }[] => [
  ...allPanels(dashboard.panels).flatMap((p) => (p.targets ?? []).map((t) => ({ where: `panel ${p.id} "${p.title}" ${t.refId}`, expr: t.expr }))),
  ...dashboard.templating.list.filter((v) => v.type === 'query').map((v) => {
    const query = typeof v.query === 'string' ? v.query : (v.query?.query ?? '');
    const match = /^label_values\(\s*([^,]+?)\s*,\s*\w+\s*\)$/.exec(query);
    return { where: `variable ${v.name}`, expr: match ? match[1] : query };
  }),
];

/** Names a query selects that no process registers. */
const unknownSeries = (dashboard: Dashboard, registered: ReadonlySet<string>): string[] =>
  queriesOf(dashboard).flatMap(({ where, expr }) =>
    metricNamesOf(expr).filter((name) => !registered.has(name) && !scrapeSeries.has(name)).map((name) => `${where}: ${name}`));

/** The expressions as recording rules, Grafana variables replaced by values promtool accepts; unknown variables throw. */
const rulesFile = (dashboard: Dashboard): string => {
  const custom = new Set(dashboard.templating.list.map((v) => v.name));
  const rules = queriesOf(dashboard).map(({ where, expr }, index) => ({
    record: `dashboard:query_${index}`,
    expr: expr.replace(/\$\{?(\w+)\}?/g, (_, name: string) => {
      if (builtIns[name]) return builtIns[name];
      if (custom.has(name)) return '.*';
      throw new Error(`${where}: unknown variable $${name}`);
    }),
  }));
  return JSON.stringify({ groups: [{ name: 'grafana-dashboard', rules }] }, null, 2);
};

const promtoolCheck = (dashboard: Dashboard) => {
  const dir = mkdtempSync(join(tmpdir(), 'meridian-dashboard-'));
  try {
    writeFileSync(join(dir, 'rules.yml'), rulesFile(dashboard));
    const result = spawnSync(findPrometheusBinary('promtool'), ['check', 'rules', 'rules.yml'], { cwd: dir, encoding: 'utf8' });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

const load = (): Dashboard => JSON.parse(readFileSync(dashboardFile, 'utf8')) as Dashboard;

describe('deploy/grafana/meridian-overview.json', () => {
  const registered = registeredSeries();

  it('reads the series of real registries (the extraction itself works)', () => {
    expect(registered).toContain('meridian_http_request_duration_seconds_bucket');
    expect(registered).toContain('meridian_relay_lag_seconds');
    expect(registered).toContain('meridian_projection_consumer_lag_messages');
    expect(registered).toContain('meridian_http_requests_shed_total');
    expect(registered).toContain('process_resident_memory_bytes');
    expect(metricNamesOf('histogram_quantile(0.99, sum by (service, le) (rate(a_bucket{route!="x"}[$__rate_interval]))) / on (job) b offset 5m > bool 1e3'))
      .toEqual(['a_bucket', 'b']);
  });

  it('queries only series the code registers (or Prometheus adds to every scrape)', () => {
    const dashboard = load();
    expect(queriesOf(dashboard).length).toBeGreaterThan(25);
    expect(unknownSeries(dashboard, registered)).toEqual([]);
  });

  it('uses only Meridian series that docs/operations.md documents', () => {
    const docs = readFileSync(join(root, 'docs/operations.md'), 'utf8');
    const families = new Set(queriesOf(load()).flatMap(({ expr }) => metricNamesOf(expr))
      .filter((name) => name.startsWith('meridian_')).map((name) => name.replace(/_(bucket|sum|count)$/, '')));
    expect([...families].filter((family) => !docs.includes(`\`${family}\``))).toEqual([]);
  });

  it('takes its data source from a Prometheus variable, with unique panel ids inside the 24-column grid', () => {
    const dashboard = load();
    expect(dashboard.templating.list.find((v) => v.name === 'datasource')).toMatchObject({ type: 'datasource', query: 'prometheus' });
    const panels = allPanels(dashboard.panels);
    expect(new Set(panels.map((p) => p.id)).size).toBe(panels.length);
    expect(panels.filter((p) => p.type !== 'row' && p.datasource?.uid !== '${datasource}').map((p) => p.title)).toEqual([]);
    expect(panels.filter((p) => p.gridPos.x + p.gridPos.w > 24).map((p) => p.title)).toEqual([]);
  });

  it('has expressions that pass promtool check rules', () => {
    const { status, output } = promtoolCheck(load());
    expect(output).toMatch(/SUCCESS: \d+ rules found/);
    expect(status).toBe(0);
  });

  it('fails those checks for a misspelt series and a broken expression (the checks can fail)', () => {
    const text = readFileSync(dashboardFile, 'utf8');
    expect(text).toContain('max(meridian_relay_lag_seconds)');
    const misspelt = JSON.parse(text.replace('max(meridian_relay_lag_seconds)', 'max(meridian_relay_lag_secs)')) as Dashboard;
    expect(unknownSeries(misspelt, registered)).toEqual([expect.stringMatching(/: meridian_relay_lag_secs$/)]);
    const broken = JSON.parse(text.replace('max(meridian_relay_lag_seconds)', 'max(meridian_relay_lag_seconds')) as Dashboard;
    expect(promtoolCheck(broken).status).not.toBe(0);
  });
});

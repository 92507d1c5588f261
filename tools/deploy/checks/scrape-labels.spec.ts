import { createRequire } from 'node:module';
import { join } from 'node:path';

type Labels = Record<string, string>;
type ScrapeLabels = Readonly<{
  alertJobs: (alertsText: string) => string[];
  relabel: (labels: Labels, relabelings: readonly object[]) => Labels;
  scrapeLabelProblems: (monitor: object, services: readonly object[], alertsText: string) => string[];
}>;

// tools/ is plain CommonJS (the deployment check runs on bare node).
const { alertJobs, relabel, scrapeLabelProblems } = createRequire(__filename)(join(__dirname, 'scrape-labels.js')) as ScrapeLabels;

const service = (name: string, component: string) => ({ metadata: { name, labels: { 'app.kubernetes.io/component': component } } });
const rules = 'expr: up{job="meridian"} == 0\nexpr: rate(x{job="meridian", status=~"5.."}[5m])';

describe('scrape labels of the chart ServiceMonitor', () => {
  it('reads the one job the alert rules select', () => {
    expect(alertJobs(rules)).toEqual(['meridian']);
    expect(alertJobs('up{job="a"} or up{job="b"}')).toEqual(['a', 'b']);
  });

  it('relabels as Prometheus replace does: joined sources, anchored regex, $n in the replacement', () => {
    const labels = { a: 'x', b: 'y' };
    expect(relabel(labels, [{ targetLabel: 'job', replacement: 'meridian' }])).toMatchObject({ job: 'meridian' });
    expect(relabel(labels, [{ sourceLabels: ['a', 'b'], targetLabel: 'c' }])).toMatchObject({ c: 'x;y' });
    expect(relabel(labels, [{ sourceLabels: ['a', 'b'], separator: '-', regex: '(.)-(.)', targetLabel: 'c', replacement: '$2${1}' }])).toMatchObject({ c: 'yx' });
    // Anchored: "x" does not match "x;y" as a whole, so the target is left alone.
    expect(relabel(labels, [{ sourceLabels: ['a', 'b'], regex: 'x', targetLabel: 'a', replacement: 'z' }])).toMatchObject({ a: 'x' });
    expect(() => relabel(labels, [{ action: 'labeldrop', regex: 'a' }])).toThrow(/labeldrop is not simulated/);
  });

  it("names the job and service labels that would not match the rules, and accepts the chart's relabelling", () => {
    const relay = service('meridian-relay', 'relay');
    const bare = { metadata: { name: 'm' }, spec: { endpoints: [{ port: 'http' }] } };
    expect(scrapeLabelProblems(bare, [relay], rules)).toEqual([
      'meridian-relay would be scraped as job="meridian-relay", but the alert rules select job="meridian"',
      'meridian-relay would be scraped with service="meridian-relay", but the rules and dashboard name it "relay" (as compose does)',
    ]);
    const relabelled = { ...bare, spec: { endpoints: [{ port: 'http', relabelings: [
      { targetLabel: 'job', replacement: 'meridian' },
      { sourceLabels: ['__meta_kubernetes_service_label_app_kubernetes_io_component'], targetLabel: 'service' },
    ] }] } };
    expect(scrapeLabelProblems(relabelled, [relay], rules)).toEqual([]);
    expect(scrapeLabelProblems(relabelled, [relay], 'up{job="a"} or up{job="b"}')).toEqual([
      'deploy/prometheus/alerts.yml selects jobs ["a","b"]; expected exactly one',
    ]);
  });
});

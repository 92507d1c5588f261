// The labels Prometheus ends up with when prometheus-operator scrapes a
// Service through the chart's ServiceMonitor, against what the alert rules and
// the dashboard select: `job` as in deploy/prometheus/alerts.yml, and
// `service` named as the compose scrape job names it (the Service's
// app.kubernetes.io/component). Without this, the rules that work under
// compose would match nothing under the chart, and no one would notice until
// an outage went unalerted.
const fs = require('node:fs');
const path = require('node:path');
const { root } = require('../lib');

/** The job values the alert rules select; one is expected. */
const alertJobs = (alertsText = fs.readFileSync(path.join(root, 'deploy', 'prometheus', 'alerts.yml'), 'utf8')) =>
  [...new Set([...alertsText.matchAll(/\bjob="([^"]+)"/g)].map((match) => match[1]))];

/** Prometheus' name for a Kubernetes label in service-discovery meta labels. */
const metaLabel = (label) => `__meta_kubernetes_service_label_${label.replace(/[^a-zA-Z0-9_]/g, '_')}`;

/**
 * Target labels before relabelling, as prometheus-operator sets them for a
 * Service endpoint: job and service are the Service's name (job: the value
 * of the Service label named by spec.jobLabel, when there is one).
 */
const discoveredLabels = (monitor, service) => {
  const labels = service.metadata.labels ?? {};
  const jobLabel = monitor.spec.jobLabel;
  return {
    job: jobLabel && labels[jobLabel] ? labels[jobLabel] : service.metadata.name,
    service: service.metadata.name,
    __meta_kubernetes_service_name: service.metadata.name,
    ...Object.fromEntries(Object.entries(labels).map(([key, value]) => [metaLabel(key), value])),
  };
};

/**
 * Prometheus' `replace` relabelling (the only action the chart uses): source
 * labels joined by the separator, matched against the anchored regex, the
 * target set to the expanded replacement. Any other action is reported.
 */
const relabel = (labels, relabelings = []) => {
  const result = { ...labels };
  for (const rule of relabelings) {
    const action = (rule.action ?? 'replace').toLowerCase();
    if (action !== 'replace') throw new Error(`relabel action ${rule.action} is not simulated by tools/deploy/checks/scrape-labels.js`);
    const value = (rule.sourceLabels ?? []).map((name) => result[name] ?? '').join(rule.separator ?? ';');
    const match = new RegExp(`^(?:${rule.regex ?? '(.*)'})$`).exec(value);
    if (!match || !rule.targetLabel) continue;
    result[rule.targetLabel] = (rule.replacement ?? '$1').replace(/\$(\d+)|\$\{(\d+)\}/g, (_, a, b) => match[Number(a ?? b)] ?? '');
  }
  return result;
};

/** Problems for each Service the monitor selects, per endpoint: the job and service labels its series would carry. */
const scrapeLabelProblems = (monitor, services, alertsText) => {
  const jobs = alertJobs(alertsText);
  if (jobs.length !== 1) return [`deploy/prometheus/alerts.yml selects jobs ${JSON.stringify(jobs)}; expected exactly one`];
  const problems = [];
  for (const service of services) {
    const component = service.metadata.labels?.['app.kubernetes.io/component'];
    for (const endpoint of monitor.spec.endpoints ?? []) {
      let labels;
      try {
        labels = relabel(discoveredLabels(monitor, service), endpoint.relabelings);
      } catch (error) {
        problems.push(`ServiceMonitor ${monitor.metadata.name}: ${error.message}`);
        continue;
      }
      if (labels.job !== jobs[0]) problems.push(`${service.metadata.name} would be scraped as job="${labels.job}", but the alert rules select job="${jobs[0]}"`);
      if (labels.service !== component) problems.push(`${service.metadata.name} would be scraped with service="${labels.service}", but the rules and dashboard name it "${component}" (as compose does)`);
    }
  }
  return problems;
};

module.exports = { alertJobs, relabel, scrapeLabelProblems };

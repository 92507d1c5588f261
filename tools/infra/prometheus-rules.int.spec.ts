import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findPrometheusBinary } from '@meridian/platform/testing';

/**
 * The shipped alert rules (deploy/prometheus/alerts.yml) with Debian's
 * promtool: they parse, the compose config loads them, and alerts.test.yml's
 * synthetic series make them fire or stay silent as it says. Fails (never
 * skips) without promtool: CI installs it.
 */
const deployDir = resolve(__dirname, '../../deploy/prometheus');

const promtool = (args: readonly string[], cwd = deployDir) => {
  const result = spawnSync(findPrometheusBinary('promtool'), args, { cwd, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
};

describe('deploy/prometheus alert rules (promtool)', () => {
  it('pass promtool check rules', () => {
    const { status, output } = promtool(['check', 'rules', 'alerts.yml']);
    expect(output).toMatch(/SUCCESS: \d+ rules found/);
    expect(status).toBe(0);
  });

  it('are loaded by the compose Prometheus config (promtool check config)', () => {
    const { status, output } = promtool(['check', 'config', 'prometheus.yml']);
    expect(output).toContain('1 rule files found');
    expect(status).toBe(0);
  });

  it('fire on the synthetic series of alerts.test.yml and stay silent on the others', () => {
    const { status, output } = promtool(['test', 'rules', 'alerts.test.yml']);
    expect(output).toContain('SUCCESS');
    expect(status).toBe(0);
  });

  it('fail those tests once a rule is weakened (the test file can catch a broken rule)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'meridian-alerts-'));
    try {
      copyFileSync(join(deployDir, 'alerts.test.yml'), join(dir, 'alerts.test.yml'));
      const rules = readFileSync(join(deployDir, 'alerts.yml'), 'utf8');
      const weakened = rules.replace('expr: up{job="meridian"} == 0', 'expr: up{job="meridian"} == 2').replace(') > 0.05', ') > 0.5');
      expect(weakened).not.toBe(rules);
      writeFileSync(join(dir, 'alerts.yml'), weakened);
      const { status, output } = promtool(['test', 'rules', 'alerts.test.yml'], dir);
      expect(status).not.toBe(0);
      expect(output).toMatch(/alertname: MeridianServiceDown/);
      expect(output).toMatch(/alertname: MeridianHighServerErrorRatio/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

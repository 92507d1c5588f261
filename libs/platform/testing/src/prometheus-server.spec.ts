import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { findPrometheusBinary, prometheusConfig } from './prometheus-server';

describe('findPrometheusBinary', () => {
  let dir: string;
  const empty = () => mkdtempSync(join(tmpdir(), 'meridian-prom-empty-'));

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'meridian-prom-bin-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('finds an executable on PATH before the fallback directories', () => {
    const binary = join(dir, 'promtool');
    writeFileSync(binary, '#!/bin/sh\n');
    chmodSync(binary, 0o755);
    const other = empty();
    try {
      expect(findPrometheusBinary('promtool', { path: [other, dir].join(delimiter), fallbackDirs: ['/nonexistent'] })).toBe(binary);
    } finally {
      rmSync(other, { recursive: true });
    }
  });

  it('looks in the fallback directories when PATH has none', () => {
    const binary = join(dir, 'prometheus');
    writeFileSync(binary, '#!/bin/sh\n');
    chmodSync(binary, 0o755);
    expect(findPrometheusBinary('prometheus', { path: '', fallbackDirs: [dir] })).toBe(binary);
  });

  it('passes over a file that is not executable, and then names the Debian package to install', () => {
    writeFileSync(join(dir, 'prometheus'), '');
    chmodSync(join(dir, 'prometheus'), 0o644);
    expect(() => findPrometheusBinary('prometheus', { path: dir, fallbackDirs: [] })).toThrow(/prometheus not found.*apt-get install -y prometheus/);
  });
});

describe('prometheusConfig', () => {
  it('scrapes each job at the interval, with a timeout no longer than it', () => {
    const config = JSON.parse(prometheusConfig([{ jobName: 'opportunities', targets: ['127.0.0.1:4001'] }], 1));
    expect(config).toEqual({
      global: { scrape_interval: '1s', scrape_timeout: '1s', evaluation_interval: '1s' },
      scrape_configs: [{ job_name: 'opportunities', metrics_path: '/metrics', static_configs: [{ targets: ['127.0.0.1:4001'] }] }],
    });
  });
});

import { execFileSync, spawnSync } from 'node:child_process';

export type Sample = Readonly<{ name: string; labels: Readonly<Record<string, string>>; value: number }>;

/** Enough of the Prometheus text format for assertions: one sample per non-comment line. */
export const parseSamples = (text: string): Sample[] =>
  text.split('\n').filter((line) => line !== '' && !line.startsWith('#')).map((line) => {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)/.exec(line);
    if (!match) throw new Error(`not a sample line: ${line}`);
    const labels = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map(([, k, v]) => [k, v]));
    return { name: match[1], labels, value: Number(match[3]) };
  });

/** Summed over the series whose labels include these (0 when none exists yet). */
export const sumOf = (samples: readonly Sample[], name: string, labels: Record<string, string> = {}): number =>
  samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v)).reduce((total, s) => total + s.value, 0);

export type Scrape = Readonly<{ text: string; samples: Sample[] }>;

export const scrape = async (baseUrl: string): Promise<Scrape> => {
  const response = await fetch(`${baseUrl}/metrics`);
  if (response.status !== 200) throw new Error(`/metrics answered ${response.status}`);
  const text = await response.text();
  return { text, samples: parseSamples(text) };
};

/** Installed by .ci/run (Debian's prometheus package); specs that need it skip, with a warning, without it. */
export const promtoolInstalled = spawnSync('sh', ['-c', 'command -v promtool']).status === 0;

/** Throws with promtool's findings when the text is not valid exposition format. */
export const promtoolCheck = (text: string): void => {
  execFileSync('promtool', ['check', 'metrics'], { input: text, stdio: ['pipe', 'pipe', 'pipe'] });
};

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { pollUntil, send } from '@meridian/platform/testing';
import type { StandaloneProcess } from './testing/standalone-process';
import { STANDALONE_START_BOUND_MS, standaloneTestTimeout, startStandalone } from './testing/standalone-process';

// The README's curl tour, run as a newcomer would: its bash blocks exactly as
// the README shows them (between the readme-tour markers), in one bash with
// `set -euo pipefail`, against the built standalone host (what `npm start`
// runs). Every call but the one meant to answer 409 uses `curl -f`, so any
// other non-2xx answer ends the run with a non-zero exit.

const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8');

/** The tour's bash blocks, verbatim and in order. */
const tourBlocks = (): string[] => {
  const section = /<!-- readme-tour:start -->\n([\s\S]*?)<!-- readme-tour:end -->/.exec(readme);
  if (section === null) throw new Error('README.md has no readme-tour:start … readme-tour:end section');
  const blocks = [...section[1]!.matchAll(/^```bash\n([\s\S]*?)^```$/gm)].map((block) => block[1]!);
  if (blocks.length === 0) throw new Error('the README tour section holds no bash block');
  return blocks;
};

/** The sample leads.csv the tour uploads, exactly as the README shows it. */
const importSample = (): string => {
  const block = /<!-- readme-import-sample:start -->\n```csv\n([\s\S]*?)```\n<!-- readme-import-sample:end -->/.exec(readme);
  if (block === null) throw new Error('README.md has no csv block between the readme-import-sample markers');
  return block[1]!;
};

/** After the tour, the values it kept: what the assertions compare its answers with. */
const epilogue = `printf 'tour-variables %s %s %s %s\\n' "$TODAY" "$C" "$ID" "$O"`;

/** The longest a whole tour may take before the test gives up on it (a hung server, not a slow one). */
const TOUR_BOUND_MS = 4 * 60_000;

type TourRun = Readonly<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;

const runTour = (cwd: string, env: Readonly<Record<string, string>>): Promise<TourRun> =>
  new Promise((resolve, reject) => {
    const script = ['set -euo pipefail', ...tourBlocks(), epilogue].join('\n');
    // Only what a shell needs: node (the one running the tests) first on PATH, and the tour's own variables.
    const PATH = [dirname(process.execPath), process.env.PATH ?? ''].join(delimiter);
    const child = spawn('bash', ['-c', script], { cwd, env: { PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'], timeout: TOUR_BOUND_MS, killSignal: 'SIGKILL' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });

type Json = Record<string, unknown>;
type Tour = Readonly<{ today: string; customerId: string; opportunityId: string; orderId: string; answers: Json[] }>;

/** The run's JSON answers (one a line: the tour asks curl for a newline after each) and the variables it kept. */
const readTour = (run: TourRun): Tour => {
  const answers = run.stdout.split('\n').flatMap((line): Json[] => {
    if (!line.startsWith('{')) return [];
    try {
      return [JSON.parse(line) as Json];
    } catch {
      return [];
    }
  });
  const variables = /^tour-variables (\S+) (\S+) (\S+) (\S+)$/m.exec(run.stdout);
  if (variables === null) throw new Error(`the tour printed no variables:\n${run.stdout}`);
  const [, today = '', customerId = '', opportunityId = '', orderId = ''] = variables;
  return { today, customerId, opportunityId, orderId, answers };
};

const utcDay = (offsetDays = 0, from = new Date()): string => new Date(from.getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const plusDays = (day: string, days: number): string => utcDay(days, new Date(`${day}T00:00:00Z`));
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type ListItem = Readonly<{ opportunityId?: string; customerId: string; stage?: string; expectedCloseDate?: string }>;
type Customer360 = Readonly<{
  customerId: string;
  openOpportunities: ReadonlyArray<{ opportunityId: string; stage: string }>;
  orders: ReadonlyArray<{ orderId: string; status: string; paid: { amount: number; currency: string } }>;
  lifetimeRevenue: ReadonlyArray<{ amount: number; currency: string }>;
  tags: string[];
}>;

/** What every run of the tour must have shown, whatever its date. */
const expectTheTourWorked = (run: TourRun, tour: Tour): void => {
  const { today, customerId, opportunityId, orderId, answers } = tour;
  expect(customerId).toMatch(uuid);
  expect(opportunityId).toMatch(uuid);
  expect(orderId).toMatch(uuid);
  // Every date the tour sent was counted from its TODAY.
  const opened = answers.find((answer) => answer.opportunityId === opportunityId && answer.expectedCloseDate !== undefined);
  expect(opened).toMatchObject({ customerId, expectedCloseDate: plusDays(today, 60) });
  expect(run.stdout).toContain(`"nextFollowUpOn":"${plusDays(today, 14)}"`);

  // The one call without -f: the closed deal refuses a stage change.
  expect(answers).toContainEqual(expect.objectContaining({ status: 409, code: 'opportunity-closed' }));

  // The list query after the reopen (read-your-writes on its position) returns the reopened deal, and only it.
  const opportunityLists = answers.filter((answer) => Array.isArray(answer.items) && (answer.items as ListItem[]).every((item) => item.opportunityId !== undefined));
  expect(opportunityLists).toHaveLength(1);
  expect((opportunityLists[0]!.items as ListItem[]).map((item) => [item.opportunityId, item.customerId, item.stage, item.expectedCloseDate])).toEqual([
    [opportunityId, customerId, 'negotiation', plusDays(today, 60)],
  ]);

  // The customer 360, read after the payment's position: the deal, the paid order, the revenue.
  const views = answers.filter((answer) => answer.openOpportunities !== undefined) as unknown as Customer360[];
  expect(views).toHaveLength(1);
  const view = views[0]!;
  expect(view.customerId).toBe(customerId);
  expect(view.tags).toEqual(['vip']);
  expect(view.openOpportunities.map((deal) => [deal.opportunityId, deal.stage])).toEqual([[opportunityId, 'negotiation']]);
  expect(view.orders.find((order) => order.orderId === orderId)).toMatchObject({ status: 'confirmed', paid: { amount: 2500, currency: 'EUR' } });
  expect(view.lifetimeRevenue).toEqual([{ amount: 2500, currency: 'EUR' }]);

  // The customer list finds the tagged customer; the README's sample file was taken.
  const customerLists = answers.filter((answer) => Array.isArray(answer.items) && (answer.items as ListItem[]).length > 0 && (answer.items as ListItem[]).every((item) => item.opportunityId === undefined));
  expect(customerLists.flatMap((list) => (list.items as ListItem[]).map((item) => item.customerId))).toContain(customerId);
  expect(answers).toContainEqual(expect.objectContaining({ fileName: 'leads.csv', rowCount: 3 }));
};

describe("the README's curl tour", () => {
  let standalone: StandaloneProcess | undefined;
  let workDir: string;

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'meridian-readme-tour-'));
    writeFileSync(join(workDir, 'leads.csv'), importSample());
    standalone = await startStandalone({ EVENTSTORE_URL: 'memory:', READ_WAIT_MAX_MS: '60000' });
    const { baseUrl } = standalone;
    await pollUntil(async () => (await send(baseUrl, 'GET', '/health/ready')).status, {
      until: (status) => status === 200, timeoutMs: STANDALONE_START_BOUND_MS, intervalMs: 100, description: 'the standalone host to be ready',
    });
  }, standaloneTestTimeout());

  afterAll(async () => {
    await standalone?.stop();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('holds no literal date: every date comes from TODAY', () => {
    const tour = tourBlocks().join('\n');
    expect(tour).toContain('TODAY=${TODAY:-$(date -u +%F)}');
    expect(tour.match(/\b\d{4}-\d{2}(-\d{2})?\b/g) ?? []).toEqual([]);
    // The port the README's quick start serves on is the default.
    expect(tour).toContain('BASE=${BASE:-http://localhost:3000}');
  });

  it('runs to the end today, every curl answering 2xx, with the deal in the list and in the customer 360', async () => {
    const before = utcDay();
    const run = await runTour(workDir, { BASE: standalone!.baseUrl });
    const after = utcDay();
    expect({ code: run.code, signal: run.signal, stderr: run.stderr }).toEqual({ code: 0, signal: null, stderr: '' });
    const tour = readTour(run);
    expect([before, after]).toContain(tour.today);
    expectTheTourWorked(run, tour);
  }, TOUR_BOUND_MS + 60_000);

  it('runs the same with TODAY years ahead across a year end, again on the same store (a second run appends its own deal)', async () => {
    const today = `${new Date().getUTCFullYear() + 5}-12-27`;
    const run = await runTour(workDir, { BASE: standalone!.baseUrl, TODAY: today });
    expect({ code: run.code, signal: run.signal, stderr: run.stderr }).toEqual({ code: 0, signal: null, stderr: '' });
    const tour = readTour(run);
    expect(tour.today).toBe(today);
    expect(plusDays(today, 14).slice(0, 4)).toBe(String(Number(today.slice(0, 4)) + 1));
    expectTheTourWorked(run, tour);
  }, TOUR_BOUND_MS + 60_000);
});

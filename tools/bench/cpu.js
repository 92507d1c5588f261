// Where the CPU goes, per stage: processor time of every process on the
// machine from /proc, grouped as our processes (by the dist/ entry they run),
// the bench itself (the load generator) and the servers (PostgreSQL, Kafka's
// JVM, FerretDB). A stage's figure is cores: CPU seconds over wall seconds.
const fs = require('node:fs');

const ticksPerSecond = 100; // USER_HZ on Linux

const nodeGroupOf = (pid) => {
  let command;
  try {
    command = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return 'other node';
  }
  const app = command.map((arg) => /dist\/apps\/([^/]+)\/src\/main\.js$/.exec(arg)?.[1]).find(Boolean);
  if (app !== undefined) return command.includes('rebuild') ? `${app} rebuild` : app;
  return command.some((arg) => /tools\/bench\//.test(arg)) ? 'bench (load)' : 'other node';
};

const groupOf = (pid, comm) => {
  if (/^postgres/.test(comm)) return 'postgresql';
  if (comm === 'java') return 'kafka';
  if (comm === 'ferretdb') return 'ferretdb';
  if (comm === 'node' || comm === 'MainThread') return nodeGroupOf(pid);
  return undefined;
};

/** CPU seconds so far per group. */
const cpuSnapshot = () => {
  const groups = {};
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // comm is in parentheses and may hold spaces; the fields after it are space-separated.
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    const fields = stat.slice(close + 2).split(' ');
    const seconds = (Number(fields[11]) + Number(fields[12])) / ticksPerSecond; // utime + stime
    // Children the bench has reaped (a rebuild's process) are gone from /proc; their time is in its cutime and cstime.
    if (Number(entry) === process.pid) groups['exited children (rebuilds)'] = (Number(fields[13]) + Number(fields[14])) / ticksPerSecond;
    const group = groupOf(entry, comm);
    if (group === undefined) continue;
    groups[group] = (groups[group] ?? 0) + seconds;
  }
  return { at: Date.now(), groups };
};

/** Cores per group between two snapshots (groups under 0.01 core left out). */
const coresBetween = (from, to) => {
  const wall = (to.at - from.at) / 1000;
  const cores = {};
  for (const [group, seconds] of Object.entries(to.groups)) {
    const used = seconds - (from.groups[group] ?? 0);
    if (wall > 0 && used / wall >= 0.01) cores[group] = Math.round((used / wall) * 100) / 100;
  }
  return { seconds: Math.round(wall * 10) / 10, cores };
};

/** Runs `work` and records the cores each group used meanwhile under `results.cpu[stage]`. */
const measuringCpu = async (results, stage, log, work) => {
  const from = cpuSnapshot();
  try {
    return await work();
  } finally {
    const to = cpuSnapshot();
    const used = coresBetween(from, to);
    // The stage's window too: the memory figures say what each process held during it.
    results.cpu = { ...results.cpu, [stage]: { ...used, from: from.at, to: to.at } };
    log(`  cpu (cores over ${used.seconds} s): ${Object.entries(used.cores).map(([group, n]) => `${group} ${n}`).join(', ')}`);
  }
};

module.exports = { cpuSnapshot, coresBetween, measuringCpu };

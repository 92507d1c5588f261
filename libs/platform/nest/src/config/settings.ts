import { redactUrl } from './redact-url';
/**
 * Parsers for environment settings, shared by every process's config so that
 * all of them word a bad value the same way: `NAME="value" must …`. Each
 * records a problem instead of throwing, so one start reports every bad setting.
 */
export type Env = Readonly<Record<string, string | undefined>>;
export type Problems = string[];

export const integerSetting = (env: Env, name: string, fallback: number, min: number, max: number, problems: Problems): number => {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    problems.push(`${name}="${raw}" must be a whole number from ${min} to ${max}`);
    return fallback;
  }
  return value;
};

/** `host:port,host:port`; undefined when unset (the caller decides whether that is allowed). */
export const brokerListSetting = (env: Env, name: string, problems: Problems): readonly string[] | undefined => {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  const brokers = raw.split(',').map((b) => b.trim());
  const bad = brokers.filter((b) => !/^[A-Za-z0-9.-]+:\d{1,5}$/.test(b));
  if (bad.length > 0) problems.push(`${name}="${raw}" must be a comma-separated list of host:port (bad: ${bad.join(', ')})`);
  return brokers;
};

/** An optional URL setting whose scheme must be one of `schemes`; the problem names the setting, the password redacted. */
export const urlSetting = (env: Env, name: string, schemes: readonly string[], problems: Problems): string | undefined => {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  try {
    const url = new URL(raw);
    if (schemes.includes(url.protocol)) return raw;
  } catch {
    // fall through to the message below
  }
  problems.push(`${name}="${redactUrl(raw)}" must be a URL starting with ${schemes.map((s) => `${s}//`).join(' or ')}`);
  return undefined;
};

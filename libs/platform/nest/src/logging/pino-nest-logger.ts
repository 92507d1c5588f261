import type { LoggerService, LogLevel as NestLogLevel } from '@nestjs/common';
import type { ProcessLogger } from '@meridian/platform/telemetry';

type PinoLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

const pinoLevelOf: Readonly<Record<NestLogLevel, PinoLevel>> = {
  fatal: 'fatal', error: 'error', warn: 'warn', log: 'info', debug: 'debug', verbose: 'trace',
};

const stackLike = /\n\s+at /;

/**
 * Nest's logger interface over the process logger, so framework lines (route
 * mapping, start-up errors) and ours share one JSON shape. Nest passes
 * `(message, ...params, context)`: a trailing string is the logger's context,
 * objects are structured fields, and a stack trace string (from
 * `logger.error(message, stack)`) is kept as `stack`.
 */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: ProcessLogger) {}

  log(message: unknown, ...params: unknown[]): void { this.write('log', message, params); }
  error(message: unknown, ...params: unknown[]): void { this.write('error', message, params); }
  warn(message: unknown, ...params: unknown[]): void { this.write('warn', message, params); }
  debug(message: unknown, ...params: unknown[]): void { this.write('debug', message, params); }
  verbose(message: unknown, ...params: unknown[]): void { this.write('verbose', message, params); }
  fatal(message: unknown, ...params: unknown[]): void { this.write('fatal', message, params); }

  private write(nestLevel: NestLogLevel, message: unknown, params: readonly unknown[]): void {
    const level = pinoLevelOf[nestLevel];
    if (!this.logger.isLevelEnabled(level)) return;
    const fields: Record<string, unknown> = {};
    const rest = [...params];
    if (rest.length > 0 && typeof rest[rest.length - 1] === 'string' && !stackLike.test(rest[rest.length - 1] as string)) {
      fields.context = rest.pop();
    }
    for (const param of rest) {
      if (param instanceof Error) fields.error = param;
      else if (typeof param === 'string' && stackLike.test(param)) fields.stack = param;
      else if (param !== null && typeof param === 'object') Object.assign(fields, param);
      else if (param !== undefined) fields.detail = param;
    }
    if (message instanceof Error) this.logger[level]({ ...fields, error: message }, message.message);
    else if (typeof message === 'string') this.logger[level](fields, message);
    else this.logger[level]({ ...fields, value: message }, '');
  }
}

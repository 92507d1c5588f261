import type { Logger } from '@nestjs/common';
import type { StructuredLog } from '@meridian/platform/kafka';

/**
 * The platform's structured log over a Nest logger: fields travel as an
 * object, which the host's PinoNestLogger writes as JSON members of the line.
 */
export const nestStructuredLog = (logger: Logger): StructuredLog => (level, message, fields = {}) => {
  const params = Object.keys(fields).length > 0 ? [fields] : [];
  if (level === 'info') logger.log(message, ...params);
  else logger[level](message, ...params);
};

import type { Logger } from '@nestjs/common';
import type { StructuredLog } from '@meridian/platform/kafka';

/** The platform's structured log over a Nest logger: fields are appended as JSON so one line stays one line. */
export const nestStructuredLog = (logger: Logger): StructuredLog => (level, message, fields = {}) => {
  const line = Object.keys(fields).length > 0 ? `${message} ${JSON.stringify(fields)}` : message;
  if (level === 'info') logger.log(line);
  else logger[level](line);
};

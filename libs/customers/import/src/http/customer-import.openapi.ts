import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import { ActingForEndpoint, problemContentType } from '@meridian/platform/nest';

const problemResponse = (status: number, description: string) =>
  ApiResponse({ status, description, content: { [problemContentType]: { schema: { type: 'object', description: 'RFC 9457 problem details with a stable `code`' } } } });

/** Headers and refusals of the upload: a CSV body, not the JSON of other commands. */
export const ImportUploadEndpoint = () =>
  applyDecorators(
    ActingForEndpoint(),
    ApiHeader({ name: 'X-Correlation-Id', required: false, description: 'Carried into every event of the run' }),
    problemResponse(400, 'Invalid query, or a file that cannot be imported (empty, not CSV, no header, unknown or missing columns): see `code`'),
    problemResponse(413, 'File larger than 32 MiB'),
    problemResponse(415, 'Body is not text/csv'),
    problemResponse(503, 'customer-directory-unavailable: no read side to check duplicates against, so nothing is imported'),
  );


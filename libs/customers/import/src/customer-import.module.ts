import { Module } from '@nestjs/common';
import { CsvUploadRegistration } from './http/csv-upload.registration';
import { CustomerImportJobs } from './http/customer-import-jobs.service';
import { GetCustomerImportController } from './http/get-customer-import.controller';
import { StartCustomerImportController } from './http/start-customer-import.controller';

/**
 * Customer imports over HTTP: POST a CSV file to /api/v1/customers/imports,
 * follow its Location. Needs EventStoreModule (store, command handler, clock)
 * and, to accept imports, a global CUSTOMER_DIRECTORY (the read side); without
 * one, uploads are refused with 503 rather than imported without duplicate checks.
 * Registers the text/csv body parser itself (see CsvUploadRegistration).
 */
@Module({
  controllers: [StartCustomerImportController, GetCustomerImportController],
  providers: [CsvUploadRegistration, CustomerImportJobs],
})
export class CustomerImportModule {}

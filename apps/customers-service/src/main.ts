import 'reflect-metadata';
import { runHttpHost } from '@meridian/platform/nest';
import { customersServiceHost } from './customers-service.host';

void runHttpHost(customersServiceHost);

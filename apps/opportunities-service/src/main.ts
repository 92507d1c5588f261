import 'reflect-metadata';
import { runHttpHost } from '@meridian/platform/nest';
import { opportunitiesServiceHost } from './opportunities-service.host';

void runHttpHost(opportunitiesServiceHost);

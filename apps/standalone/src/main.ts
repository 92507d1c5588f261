import 'reflect-metadata';
import { runHttpHost } from '@meridian/platform/nest';
import { standaloneHost } from './standalone.host';

void runHttpHost(standaloneHost);

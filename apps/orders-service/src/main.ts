import 'reflect-metadata';
import { runHttpHost } from '@meridian/platform/nest';
import { ordersServiceHost } from './orders-service.host';

void runHttpHost(ordersServiceHost);

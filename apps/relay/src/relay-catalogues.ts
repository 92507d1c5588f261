import type { PublicEventCatalogue } from '@meridian/platform/kafka';
import { publicCatalogues } from '@meridian/contexts/catalogues';

/** Every context the relay publishes: `<category>-…` streams → the context's topic. */
export const relayCatalogues: readonly PublicEventCatalogue[] = publicCatalogues;

export type { SpanCollector } from './span-collector';
export { collectSpans } from './span-collector';

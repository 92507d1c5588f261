export { queryParsing } from './query-parsing';

import type { Migration } from '../migrate.js';

/** placeholder: replaced by the verify-trust migration when merged */
export const reserved003: Migration = {
  version: 3,
  name: 'reserved',
  sql: '',
};

// The DSP0200 operations of the mock server, one module per group.
export * from './class-operations.js';
export * from './instance-operations.js';
export * from './association-operations.js';
export * from './qualifier-operations.js';
export * from './query-operations.js';
export * from './pull-operations.js';
export * from './method-operations.js';

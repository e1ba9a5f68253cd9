export * from './types';
export * from './fact-schema';
export * from './workflow';
export * from './approval';

export * from './types';
export * from './fact-schema';

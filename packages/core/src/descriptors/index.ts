export * from './activation-descriptors';
export * from './initializer-descriptors';
export * from './loss-descriptors';
export * from './metric-descriptors';
export * from './optimizer-descriptors';
export * from './regularizer-descriptors';

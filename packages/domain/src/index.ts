export * from './canonical';
export * from './hash-chain';
export * from './semver';
export * from './money';
export * from './calendar';
export * from './pricing/zoned-time';
export * from './pricing/types';
export * from './pricing/validate-promotion';

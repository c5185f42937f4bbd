export * from './canonical';
export * from './hash-chain';
export * from './semver';
export * from './pin';

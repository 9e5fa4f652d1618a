/** Type-checking runs once in `npm run typecheck`; ts-jest only transpiles (isolatedModules) to keep the suite fast. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  // `module: commonjs` here turns the dynamic `import('./client.js')` that keeps cloud SDKs out of `scan` into a
  // require jest can run (its vm refuses real dynamic imports); the mapper finds the .ts behind a `.js` specifier.
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false, tsconfig: { module: 'commonjs', moduleResolution: 'node10' } }] },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  collectCoverageFrom: ['src/**/*.ts', 'providers/**/*.ts', 'policies/**/*.ts'],
  testTimeout: 60000,
};

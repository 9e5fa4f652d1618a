/** Type-checking runs once in `npm run typecheck`; ts-jest only transpiles (isolatedModules) to keep the suite fast. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  collectCoverageFrom: ['src/**/*.ts', 'providers/**/*.ts', 'policies/**/*.ts'],
  testTimeout: 60000,
};

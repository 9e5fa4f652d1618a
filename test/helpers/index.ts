export { g, GraphBuilder } from './graph-builders';
export { policyTester } from './policy-tester';

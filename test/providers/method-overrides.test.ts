import { byDefault, set, unknown, type Attr } from '../../src/graph/attr';
import type { LogLevel } from '../../src/graph/kinds';
import { loggingByRoute } from '../../providers/aws-shared/method-overrides';

const off = byDefault<LogLevel>('off');
const info = set<LogLevel>('info');
const error = set<LogLevel>('error');
const routeOff = set<LogLevel>('off');
const notKnown = unknown('var.level');

describe('loggingByRoute', () => {
  it.each<{ case: string; stageWide: Attr<LogLevel>; routes: Attr<LogLevel>[]; expected: Attr<LogLevel> }>([
    { case: 'no route known: the stage-wide level', stageWide: info, routes: [], expected: info },
    { case: 'every route at the stage-wide level', stageWide: off, routes: [off, off], expected: off },
    { case: 'stage-wide off, every route on through its own setting: the lowest', stageWide: off, routes: [info, error], expected: error },
    { case: 'stage-wide on, every route turned off', stageWide: info, routes: [routeOff, routeOff], expected: routeOff },
    { case: 'stage-wide on, one route of two turned off', stageWide: info, routes: [routeOff, info], expected: info },
    { case: 'stage-wide off, one route of two on', stageWide: off, routes: [info, off], expected: off },
    { case: 'a route whose level is not known', stageWide: off, routes: [info, notKnown], expected: notKnown },
  ])('$case', ({ stageWide, routes, expected }) => {
    expect(loggingByRoute(stageWide, routes)).toBe(expected);
  });
});

import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildReport, formatters } from '../../src/report';
import { jsonReportSchema } from '../../src/report/json-schema';
import { scan } from '../../src/scan/scan';
import { findMultitool, validateSarif } from '../helpers/sarif-multitool';

/** A plan as Terraform writes it (one line): only the column says which resource a finding is about. */
const FIXTURES = path.join(__dirname, '..', 'fixtures', 'terraform-plan');
const PLAN = path.join(FIXTURES, 'plan-only', 'plan.json');
const ADDRESS = 'module.edge.aws_api_gateway_domain_name.this["legacy.example.com"]';
const options = { color: false, failOn: 'high' as const };

async function planReport(): Promise<ReturnType<typeof buildReport>> {
  return buildReport(await scan({ paths: [PLAN], cwd: FIXTURES }), { cwd: FIXTURES });
}

/** Where the plan's change of ADDRESS names it: what every format must point at. */
function expectedColumn(): number {
  const text = readFileSync(PLAN, 'utf8');
  return text.indexOf(`"address":${JSON.stringify(ADDRESS)}`, text.indexOf('"resource_changes":')) + 1;
}

describe('the column of a finding in a one-line plan reaches every report', () => {
  test('json: location.column, valid against the report schema', async () => {
    const json = jsonReportSchema.parse(JSON.parse(formatters.json(await planReport(), options)));
    const finding = json.findings.find((f) => 'file' in f.location && f.location.address === ADDRESS);
    expect(finding?.location).toEqual({ file: 'plan-only/plan.json', line: 1, column: expectedColumn(), address: ADDRESS });
  });

  test('sarif: region.startColumn; github: col=; text: file:line:column', async () => {
    const report = await planReport();
    const sarif = JSON.parse(formatters.sarif(report, options)) as { runs: { results: { locations: { physicalLocation?: { region?: Record<string, number> } }[] }[] }[] };
    const regions = sarif.runs[0]?.results.map((r) => r.locations[0]?.physicalLocation?.region) ?? [];
    expect(regions).toContainEqual({ startLine: 1, startColumn: expectedColumn() });
    expect(formatters.github(report, options)).toContain(`file=plan-only/plan.json,line=1,col=${expectedColumn()},`);
    expect(formatters.text(report, options)).toContain(`plan-only/plan.json:1:${expectedColumn()}  `);
  });

  const multitool = findMultitool();
  (multitool.binary !== undefined ? test : test.skip)('the SARIF with columns passes the SARIF Multitool', async () => {
    expect(validateSarif(multitool, formatters.sarif(await planReport(), options))).toEqual([]);
  }, 60_000);
});

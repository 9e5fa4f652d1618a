import { placeOf, readTree, scanResults } from './tf-helpers';

/** GW-KEY-001's findings on a configuration, as `file:line` of where each points. */
async function keyFindingPlaces(files: Readonly<Record<string, string>>): Promise<string[]> {
  return (await scanResults(files, ['GW-KEY-001'])).filter((r) => r.status === 'fail').map(placeOf);
}

const KEY = 'Zq8vHk2LmN4pQr6sTu8w';
const keyFrom = (expression: string) => `resource "aws_api_gateway_api_key" "partner" {\n  name  = "partner"\n  value = ${expression}\n}\n`;

describe('a secret passed on by a variable is shown where it is written', () => {
  test('at the .tfvars line that gives it', async () => {
    expect(await keyFindingPlaces({
      'main.tf': `variable "partner_key" {\n  sensitive = true\n}\n\n${keyFrom('var.partner_key')}`,
      'terraform.tfvars': `region      = "eu-west-1"\npartner_key = "${KEY}"\n`,
    })).toEqual(['terraform.tfvars:2']);
  });

  test('at the key of a .tfvars.json file, the later file winning', async () => {
    expect(await keyFindingPlaces({
      'main.tf': `variable "partner_key" {}\n${keyFrom('"${var.partner_key}"')}`,
      'terraform.tfvars': `partner_key = "${KEY}"\n`,
      'terraform.tfvars.json': `{\n  "region": "eu-west-1",\n  "partner_key": "${KEY}x"\n}\n`,
    })).toEqual(['terraform.tfvars.json:3']);
  });

  test('at the variable\'s default', async () => {
    expect(await keyFindingPlaces({
      'variables.tf': `variable "partner_key" {\n  type      = string\n  sensitive = true\n  default   = "${KEY}"\n}\n`,
      'main.tf': keyFrom('var.partner_key'),
    })).toEqual(['variables.tf:4']);
  });

  test('at the module argument that writes it, through the module\'s variable', async () => {
    expect(await keyFindingPlaces({
      'main.tf': `module "keys" {\n  source = "./keys"\n  key    = "${KEY}"\n}\n`,
      'keys/main.tf': `variable "key" {}\n${keyFrom('var.key')}`,
    })).toEqual(['main.tf:3']);
  });

  test('at the .tfvars line, through a module argument that passes the root variable on', async () => {
    expect(await keyFindingPlaces({
      'main.tf': `variable "partner_key" {}\nmodule "keys" {\n  source = "./keys"\n  key    = var.partner_key\n}\n`,
      'terraform.tfvars': `partner_key = "${KEY}"\n`,
      'keys/main.tf': `variable "key" {}\n${keyFrom('var.key')}`,
    })).toEqual(['terraform.tfvars:1']);
  });

  test('through a local that passes the variable on, and at a local that writes it', async () => {
    expect(await keyFindingPlaces({
      'main.tf': `variable "partner_key" {\n  default = "${KEY}"\n}\nlocals {\n  key     = var.partner_key\n  literal = "${KEY}"\n}\n${keyFrom('local.key')}`,
    })).toEqual(['main.tf:2']);
    expect(await keyFindingPlaces({ 'main.tf': `locals {\n  literal = "${KEY}"\n}\n${keyFrom('local.literal')}` })).toEqual(['main.tf:2']);
  });

  test('through sensitive(), and for a part of the value (a map key, an index)', async () => {
    const tfvars = `partner_key = "${KEY}"\nkeys = {\n  partner = "${KEY}"\n}\n`;
    const main = (expr: string) => `variable "partner_key" {}\nvariable "keys" {}\n${keyFrom(expr)}`;
    expect(await keyFindingPlaces({ 'main.tf': main('sensitive(var.partner_key)'), 'terraform.tfvars': tfvars })).toEqual(['terraform.tfvars:1']);
    expect(await keyFindingPlaces({ 'main.tf': main('var.keys["partner"]'), 'terraform.tfvars': tfvars })).toEqual(['terraform.tfvars:2']);
  });

  test('at the attribute, when it does more than pass the value on', async () => {
    expect(await keyFindingPlaces({
      'main.tf': `variable "partner_key" {\n  default = "${KEY}"\n}\n${keyFrom('"${var.partner_key}-v2"')}`,
    })).toEqual(['main.tf:6']);
  });

  test('at the attribute, when the value is written there', async () => {
    expect(await keyFindingPlaces({ 'main.tf': keyFrom(`"${KEY}"`) })).toEqual(['main.tf:3']);
  });
});

describe('variable files Terraform does not load by itself', () => {
  test('are said in a notice, not read silently', async () => {
    const read = await readTree({ 'main.tf': `variable "k" {}\n${keyFrom('var.k')}`, 'prod.tfvars': `k = "${KEY}"\n`, 'terraform.tfvars': 'k = "x"\n' });
    expect(read.diagnostics.map((d) => [d.severity, d.file?.endsWith('prod.tfvars'), d.message])).toEqual([
      ['notice', true, 'prod.tfvars is not loaded by Terraform unless named with -var-file; its values are not used (pass it with --var-file to scan with them)'],
    ]);
  });

  test('a file named with --var-file is used, without a notice', async () => {
    const read = await readTree({ 'main.tf': `variable "k" {}\n${keyFrom('var.k')}`, 'prod.tfvars': `k = "${KEY}"\n` }, { varFiles: ['prod.tfvars'] });
    expect(read.diagnostics).toEqual([]);
  });
});

describe('a value read whole by file()', () => {
  test('is written in that file: a key read from one is shown at its first line', async () => {
    expect(await keyFindingPlaces({
      'main.tf': keyFrom('file("${path.module}/keys/partner.key")'),
      'keys/partner.key': `${KEY}\n`,
    })).toEqual(['partner.key:1']);
  });
});

import { isPlaceholderValue } from '../../providers/literal-key-value';

describe('isPlaceholderValue', () => {
  it.each([
    ['VALUE_REPLACED_IN_PORTAL'],
    ['changeme'],
    ['CHANGE-ME'],
    ['placeholder'],
    ['to be replaced'],
    ['<your-api-key>'],
    ['{{partner_key}}'],
    ['__PARTNER_KEY__'],
    ['#{PartnerKey}#'],
    ['$(PartnerKey)'],
    ['%PARTNER_KEY%'],
    ['xxxxxxxx'],
    ['********'],
    ['set-in-portal'],
    ['SetInPortal'],
    ['dummy'],
    [''],
  ])('%j stands in for a key', (value) => {
    expect(isPlaceholderValue(value)).toBe(true);
  });

  it.each([
    ['Qm9vbXN0aWNrLXBhcnRuZXIta2V5LTIwMjQtMDM', 'random-looking'],
    ['Zx9PqR4sT7uV1wX3yZ5aB8cD0eF2gH', 'random-looking'],
    ['replace-me-7f3a9c', 'a placeholder word beside digits may be a real key'],
    ['partner-acme-production-key', 'words without a placeholder word'],
    ['Server=erp;Password=hunter2', 'a connection string'],
    ['<b>x</b>', 'markup, not one marker'],
    ['AdminPortalAccessKeyForPartners', 'placeholder words only inside other words'],
    ['mytodolistservice', 'a placeholder word inside another word'],
  ])('%j is a key (%s)', (value) => {
    expect(isPlaceholderValue(value)).toBe(false);
  });
});

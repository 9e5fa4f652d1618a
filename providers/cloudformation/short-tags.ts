import type { YamlTag } from '../yaml/parse';

/**
 * CloudFormation's short-form intrinsic tags, turned into their long forms (`!Ref X` → `{ Ref: X }`,
 * `!GetAtt A.B` → `{ 'Fn::GetAtt': ['A', 'B'] }`): the resolver then reads one shape whatever the syntax.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference.html
 */
const FUNCTIONS = [
  'Base64', 'Cidr', 'FindInMap', 'GetAtt', 'GetAZs', 'ImportValue', 'Join', 'Select', 'Split', 'Sub', 'Transform',
  'And', 'Equals', 'If', 'Not', 'Or',
  // AWS::LanguageExtensions: https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/transform-aws-languageextensions.html
  'ToJsonString', 'Length', 'ForEach',
] as const;

function longForm(key: string, content: unknown): Record<string, unknown> {
  // defineProperty keeps the object a plain data record, whatever the key.
  const record: Record<string, unknown> = {};
  return Object.defineProperty(record, key, { value: content, enumerable: true, writable: true, configurable: true });
}

export const CLOUDFORMATION_TAGS: readonly YamlTag[] = [
  { tag: '!Ref', wrapsIn: 'Ref', construct: (content) => ({ Ref: content }) },
  { tag: '!Condition', wrapsIn: 'Condition', construct: (content) => ({ Condition: content }) },
  ...FUNCTIONS.map((name): YamlTag => ({
    tag: `!${name}`,
    wrapsIn: `Fn::${name}`,
    construct: (content, kind) => {
      // `!GetAtt Resource.Attribute`: the first dot separates the resource; attribute names may hold dots (Outputs.X).
      if (name === 'GetAtt' && kind === 'scalar' && typeof content === 'string') {
        const dot = content.indexOf('.');
        return longForm('Fn::GetAtt', dot === -1 ? [content] : [content.slice(0, dot), content.slice(dot + 1)]);
      }
      return longForm(`Fn::${name}`, content);
    },
  })),
];

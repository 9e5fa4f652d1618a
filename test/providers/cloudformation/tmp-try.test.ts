import { parseYamlDocument } from '../../../providers/yaml/parse';
it('x', () => {
  const src = `Resources:\n  Api:\n    Type: AWS::ApiGateway::RestApi\n    Properties:\n      Name: x\n      Tags:\n        - a\n        - Key: k\n          Value: v\n      C: |\n        l1\n        l2\n      D:\n  B:\n    Type: y\n`;
  const r = parseYamlDocument(src);
  if (!r.ok) throw new Error(r.reason);
  for (const p of [['Resources'], ['Resources','Api'], ['Resources','Api','Properties'], ['Resources','Api','Properties','Tags',1,'Value'], ['Resources','Api','Properties','Tags',0], ['Resources','Api','Properties','C'], ['Resources','Api','Properties','D'], ['Resources','B']]) console.log(p.join('.'), r.lines.at(p));
});

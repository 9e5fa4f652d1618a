import { definePolicy, fail, pass, unknown } from '../../src/engine/policy';

export default definePolicy({
  id: 'GW-SHADOW-001',
  slug: 'undeployed-stage',
  title: 'API stages serve a deployment',
  severity: 'low',
  category: 'shadow-apis',
  control: 'stale-stage',
  owasp: ['API9:2023'],
  target: 'api.stage',
  rationale:
    'A stage without a deployment serves nothing today: it was never finished, or what it served was taken away and the stage left behind. ' +
    'It still has its own settings (logging, throttling, authorizers of the routes deployed to it later), which nobody reviews because nothing runs there, ' +
    'and it goes live unreviewed with the next deployment to it, or as soon as auto-deploy is turned on. ' +
    'Inventory checks (shadow-api) look for what runs without being declared; this control (stale-stage) looks for what is declared and does not run: ' +
    'delete such stages, or deploy them on purpose. Only a live audit knows whether a stage has a deployment: stages from code are not judged.',
  remediation: {
    aws: [
      '# Delete the stage if nothing should be served there...',
      'aws apigatewayv2 delete-stage --api-id API_ID --stage-name STAGE_NAME',
      '# ...or deploy to it on purpose (HTTP and WebSocket APIs; or turn on auto-deploy)',
      'aws apigatewayv2 create-deployment --api-id API_ID --stage-name STAGE_NAME',
      'aws apigatewayv2 update-stage --api-id API_ID --stage-name STAGE_NAME --auto-deploy',
      '# Console: API Gateway > APIs > (API) > Stages > (stage) > Delete, or Deploy > Deploy to stage',
    ].join('\n'),
  },
  references: [
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-stages.html',
    'https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-publish.html',
    'https://owasp.org/API-Security/editions/2023/en/0xa9-improper-inventory-management/',
  ],
  evaluate(stage) {
    const deployed = stage.attrs.deployed;
    // Absent: the source cannot say (code declares deployments apart), so there is nothing to judge.
    if (deployed === undefined) return pass();
    switch (deployed.state) {
      case 'unknown':
        return unknown(`Cannot tell whether stage ${stage.name} has a deployment (${deployed.expr ?? 'computed'})`, deployed.source ?? stage.source);
      case 'set':
      case 'default':
        return deployed.value ? pass() : fail(`Stage ${stage.name} has no deployment: it serves nothing, and goes live unreviewed with the next deployment to it`, deployed.source ?? stage.source);
    }
  },
});

/** Every cdk-nag acknowledgement (at most eight), each with its reason. */
import { type CfnElement, Validations } from 'aws-cdk-lib';
import type { StageConfig } from './config.ts';
import type { StatelessStack } from './stateless-stack.ts';

export function acknowledgeNagFindings(stack: StatelessStack, config: StageConfig) {
  Validations.of(stack).acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason:
      'Statements CDK adds for X-Ray tracing and stream reading: xray:Put* and dynamodb:ListStreams have no resource-level permissions.',
  });
  Validations.of(stack.api).acknowledge({
    id: 'AwsSolutions-APIG4',
    reason:
      'Public routes (health, events, API docs) are open by design; bearer tokens are verified in code, the same way locally and in AWS.',
  });
  if (!config.domainName) {
    Validations.of(stack.site.distribution).acknowledge({
      id: 'AwsSolutions-CFR4',
      reason:
        'Without a custom domain CloudFront serves its default certificate, whose policy AWS fixes; configure domainName and certificateArn for TLS 1.2+.',
    });
  }
  Validations.of(stack.site.distribution).acknowledge({
    id: 'AwsSolutions-CFR1',
    reason: 'Delegates come from 130+ countries; a geographic restriction would turn away legitimate attendees.',
  });
  const logos = stack.getLogicalId(stack.site.logos.node.defaultChild as CfnElement);
  Validations.of(stack).acknowledge({
    id: `AwsSolutions-IAM5[Resource::<${logos}.Arn>/media/logos/*]`,
    reason:
      'The sponsors function signs uploads to random keys under media/logos/ and checks them: the grant is that prefix of the logos bucket only.',
  });
  Validations.of(stack.mail.deadLetters).acknowledge({
    id: 'AwsSolutions-SQS3',
    reason:
      'This queue is the dead-letter queue of the mail worker (its stream on-failure destination), which cdk-nag cannot see.',
  });
  const siteContent = stack.getLogicalId(stack.site.bucket.node.defaultChild as CfnElement);
  Validations.of(stack).acknowledge({
    id: `AwsSolutions-IAM5[Resource::<${siteContent}.Arn>/*]`,
    reason:
      'The site build job publishes the whole static site: it writes and deletes any page of the site bucket, and nothing else.',
  });
  Validations.of(stack.siteBuild.deadLetters).acknowledge({
    id: 'AwsSolutions-SQS3',
    reason:
      'This queue is the dead-letter queue of the site-rebuild starter (its stream on-failure destination), which cdk-nag cannot see.',
  });
}

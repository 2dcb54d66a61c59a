/**
 * The public edge: a private bucket for the site behind CloudFront (origin access control,
 * HTTPS only, security headers, WAF), and /api/* sent to the HTTP API with the secret origin
 * header the API requires (so nobody reaches it around the WAF) and the viewer's address as
 * CloudFront saw it (CloudFront-Viewer-Address, for per-client limits). Public API GETs are
 * cached as briefly as the API's Cache-Control allows, so anonymous browsing rarely
 * reaches Lambda; requests with a token are keyed by it and answered `private, no-store`.
 */
import { Duration, Fn, RemovalPolicy } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { API_REQUEST_HEADERS, CORS_REQUEST_HEADERS, VIEWER_ADDRESS_HEADER } from '../functions/core/headers.ts';
import { contentSecurityPolicy } from '../site/security-headers.ts';

// S3 behind CloudFront has no directory indexes: /fr/ must fetch /fr/index.html.
const directoryIndex = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.endsWith('/')) { request.uri = uri + 'index.html'; return request; }
  if (uri.lastIndexOf('.') <= uri.lastIndexOf('/')) {
    return { statusCode: 301, statusDescription: 'Moved Permanently', headers: { location: { value: uri + '/' } } };
  }
  return request;
}`;

export type SiteCdnProps = {
  api: HttpApi;
  /** The header CloudFront adds to every /api/* origin request, and its value. */
  originHeader: { name: string; value: string };
  webAclArn: string;
  authOrigins: string[];
  domainName?: string;
  certificateArn?: string;
};

export class SiteCdn extends Construct {
  readonly bucket: s3.Bucket;
  readonly logBucket: s3.Bucket;
  /** Sponsor logos: uploaded by presigned POST, served by CloudFront at /media/* (keys start with media/). */
  readonly logos: s3.Bucket;
  readonly distribution: cloudfront.Distribution;

  constructor(scope: Construct, id: string, props: SiteCdnProps) {
    super(scope, id);
    this.logBucket = new s3.Bucket(this, 'Logs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront standard logs are delivered with ACLs.
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.bucket = new s3.Bucket(this, 'Content', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(30) }],
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 'site-bucket/',
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.logos = new s3.Bucket(this, 'Logos', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 'logos-bucket/',
      // Browsers post logos straight to the bucket. The site's origin is the distribution's
      // own name unless a domain is configured, which the bucket cannot name without a
      // cycle; a POST still needs the policy the API signed (type, size, key).
      cors: [
        {
          allowedOrigins: [props.domainName ? `https://${props.domainName}` : '*'],
          allowedMethods: [s3.HttpMethods.POST],
          allowedHeaders: ['*'],
          maxAge: 3000,
        },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const uploadOrigin = `https://${this.logos.bucketRegionalDomainName}`;

    const headers = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: contentSecurityPolicy([...props.authOrigins, uploadOrigin]),
          override: true,
        },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          preload: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        referrerPolicy: {
          referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
      },
    });

    const apiCache = new cloudfront.CachePolicy(this, 'ApiCache', {
      comment: 'Public API GETs, cached only as long as the API says',
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.seconds(0),
      maxTtl: Duration.minutes(5),
      headerBehavior: cloudfront.CacheHeaderBehavior.allowList('Authorization'),
      queryStringBehavior: cloudfront.CacheQueryStringBehavior.all(),
      cookieBehavior: cloudfront.CacheCookieBehavior.none(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });

    // Named headers only: the Host must stay the API's own, and CloudFront-Viewer-Address is
    // written by CloudFront. Authorization reaches the API through the cache policy (an origin
    // request policy may not name it), query strings likewise.
    const apiRequests = new cloudfront.OriginRequestPolicy(this, 'ApiRequests', {
      comment: 'API requests: the headers the API reads and the viewer address CloudFront saw',
      headerBehavior: cloudfront.OriginRequestHeaderBehavior.allowList(
        ...API_REQUEST_HEADERS.filter((name) => name !== 'Authorization'),
        ...CORS_REQUEST_HEADERS,
        VIEWER_ADDRESS_HEADER,
      ),
      queryStringBehavior: cloudfront.OriginRequestQueryStringBehavior.none(),
      cookieBehavior: cloudfront.OriginRequestCookieBehavior.none(),
    });

    const custom =
      props.domainName && props.certificateArn
        ? {
            domainNames: [props.domainName],
            certificate: acm.Certificate.fromCertificateArn(this, 'Certificate', props.certificateArn),
            minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {};

    this.distribution = new cloudfront.Distribution(this, 'Cdn', {
      comment: 'Conference site and API',
      ...custom,
      defaultRootObject: 'index.html',
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      webAclId: props.webAclArn,
      enableLogging: true,
      logBucket: this.logBucket,
      logFilePrefix: 'cdn/',
      errorResponses: [{ httpStatus: 404, responseHttpStatus: 404, responsePagePath: '/404.html' }],
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        functionAssociations: [
          {
            eventType: cloudfront.FunctionEventType.VIEWER_REQUEST,
            function: new cloudfront.Function(this, 'DirectoryIndex', {
              code: cloudfront.FunctionCode.fromInline(directoryIndex),
              runtime: cloudfront.FunctionRuntime.JS_2_0,
            }),
          },
        ],
      },
      additionalBehaviors: {
        '/media/*': {
          origin: origins.S3BucketOrigin.withOriginAccessControl(this.logos),
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
          responseHeadersPolicy: headers,
        },
        '/api/*': {
          origin: new origins.HttpOrigin(Fn.select(2, Fn.split('/', props.api.apiEndpoint)), {
            protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
            originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
            customHeaders: { [props.originHeader.name]: props.originHeader.value },
          }),
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          cachedMethods: cloudfront.CachedMethods.CACHE_GET_HEAD_OPTIONS,
          cachePolicy: apiCache,
          originRequestPolicy: apiRequests,
        },
      },
    });
  }
}

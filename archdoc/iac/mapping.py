"""The one table of resource types: what each CloudFormation and Terraform type is in a model.

Every row names the CloudFormation/SAM types and the Terraform types it covers and says:

- its **role**: `element` (a box of its own), `group` (a boundary: VPC, subnet), `plumbing`
  (a role, policy, security group, rule, route table, attachment, listener, target group,
  subnet group, permission, ...: it folds into the element or group it serves and is listed
  in that entry's `iac:`), or `stack` (a nested stack: its resources are the boxes);
- the `diagrams` kind (or boundary kind) an element or group gets, and its layer.

Types in no row are imported as generic elements (`aws.general.General`) and reported
(AD625); Terraform types of utility providers (`random_`, `null_`, `time_`, `tls_`, `local_`,
`terraform_data`) are plumbing. The docs page "Importing infrastructure code" prints this table.
"""

from __future__ import annotations

from dataclasses import dataclass

ELEMENT, GROUP, PLUMBING, STACK = "element", "group", "plumbing", "stack"
GENERIC_KIND = "aws.general.General"
UTILITY_PREFIXES = ("random_", "null_", "time_", "tls_", "local_", "template_", "archive_", "terraform_data")
# Layers an import can use, top (callers) first. Integration and operations are cross-cutting and
# listed first, so that queues and topics may call into any layer and be called from any.
LAYERS: tuple[tuple[str, str, bool], ...] = (
    ("integration", "Integration", True), ("ops", "Operations", True),
    ("edge", "Edge", False), ("app", "Application", False), ("data", "Data", False),
)


@dataclass(frozen=True, slots=True)
class TypeInfo:
    """What a resource type is in a model (see the module docstring)."""

    role: str
    kind: str | None = None
    layer: str | None = None
    noun: str = ""  # what a person calls it: "RDS instance"
    cloudformation: tuple[str, ...] = ()
    terraform: tuple[str, ...] = ()


def _row(role: str, kind: str | None, layer: str | None, noun: str, cfn: str, tf: str) -> TypeInfo:
    return TypeInfo(role, kind, layer, noun, tuple(cfn.split()), tuple(tf.split()))


_E, _G, _P = ELEMENT, GROUP, PLUMBING
TABLE: tuple[TypeInfo, ...] = (
    # --- edge ---------------------------------------------------------------------------
    _row(_E, "aws.network.CloudFront", "edge", "CloudFront distribution", "AWS::CloudFront::Distribution",
         "aws_cloudfront_distribution"),
    _row(_E, "aws.network.APIGateway", "edge", "API Gateway",
         "AWS::ApiGateway::RestApi AWS::ApiGatewayV2::Api AWS::Serverless::Api AWS::Serverless::HttpApi",
         "aws_api_gateway_rest_api aws_apigatewayv2_api"),
    _row(_E, "aws.network.ElbApplicationLoadBalancer", "edge", "load balancer",
         "AWS::ElasticLoadBalancingV2::LoadBalancer", "aws_lb aws_alb"),
    _row(_E, "aws.network.ElbClassicLoadBalancer", "edge", "classic load balancer",
         "AWS::ElasticLoadBalancing::LoadBalancer", "aws_elb"),
    _row(_E, "aws.security.WAF", "edge", "WAF web ACL", "AWS::WAFv2::WebACL AWS::WAF::WebACL",
         "aws_wafv2_web_acl aws_waf_web_acl"),
    _row(_E, "aws.network.Route53HostedZone", "edge", "hosted zone", "AWS::Route53::HostedZone",
         "aws_route53_zone"),
    _row(_E, "aws.security.Cognito", "edge", "Cognito user pool", "AWS::Cognito::UserPool",
         "aws_cognito_user_pool"),
    _row(_E, "aws.network.InternetGateway", "edge", "internet gateway", "AWS::EC2::InternetGateway",
         "aws_internet_gateway"),
    _row(_E, "aws.network.NATGateway", "edge", "NAT gateway", "AWS::EC2::NatGateway", "aws_nat_gateway"),
    _row(_E, "aws.network.GlobalAccelerator", "edge", "Global Accelerator",
         "AWS::GlobalAccelerator::Accelerator", "aws_globalaccelerator_accelerator"),
    # --- application --------------------------------------------------------------------
    _row(_E, "aws.compute.Lambda", "app", "Lambda function", "AWS::Lambda::Function AWS::Serverless::Function",
         "aws_lambda_function"),
    _row(_E, "aws.compute.EC2", "app", "EC2 instance", "AWS::EC2::Instance", "aws_instance"),
    _row(_E, "aws.compute.EC2AutoScaling", "app", "Auto Scaling group", "AWS::AutoScaling::AutoScalingGroup",
         "aws_autoscaling_group"),
    _row(_E, "aws.compute.ElasticContainerServiceService", "app", "ECS service", "AWS::ECS::Service",
         "aws_ecs_service"),
    _row(_E, "aws.compute.ElasticKubernetesService", "app", "EKS cluster", "AWS::EKS::Cluster", "aws_eks_cluster"),
    _row(_E, "aws.compute.AppRunner", "app", "App Runner service", "AWS::AppRunner::Service",
         "aws_apprunner_service"),
    _row(_E, "aws.compute.ElasticBeanstalkApplication", "app", "Elastic Beanstalk environment",
         "AWS::ElasticBeanstalk::Environment", "aws_elastic_beanstalk_environment"),
    _row(_E, "aws.compute.Batch", "app", "Batch compute environment", "AWS::Batch::ComputeEnvironment",
         "aws_batch_compute_environment"),
    _row(_E, "aws.integration.StepFunctions", "app", "state machine",
         "AWS::StepFunctions::StateMachine AWS::Serverless::StateMachine", "aws_sfn_state_machine"),
    _row(_E, "aws.integration.Appsync", "edge", "AppSync API", "AWS::AppSync::GraphQLApi",
         "aws_appsync_graphql_api"),
    # --- integration --------------------------------------------------------------------
    _row(_E, "aws.integration.SimpleQueueServiceSqsQueue", "integration", "SQS queue", "AWS::SQS::Queue",
         "aws_sqs_queue"),
    _row(_E, "aws.integration.SimpleNotificationServiceSnsTopic", "integration", "SNS topic", "AWS::SNS::Topic",
         "aws_sns_topic"),
    _row(_E, "aws.integration.EventbridgeCustomEventBusResource", "integration", "event bus",
         "AWS::Events::EventBus", "aws_cloudwatch_event_bus"),
    _row(_E, "aws.integration.EventbridgeRule", "integration", "EventBridge rule", "AWS::Events::Rule",
         "aws_cloudwatch_event_rule"),
    _row(_E, "aws.integration.EventbridgeScheduler", "integration", "schedule", "AWS::Scheduler::Schedule",
         "aws_scheduler_schedule"),
    _row(_E, "aws.analytics.KinesisDataStreams", "integration", "Kinesis stream", "AWS::Kinesis::Stream",
         "aws_kinesis_stream"),
    _row(_E, "aws.analytics.KinesisDataFirehose", "integration", "Firehose delivery stream",
         "AWS::KinesisFirehose::DeliveryStream", "aws_kinesis_firehose_delivery_stream"),
    _row(_E, "aws.analytics.ManagedStreamingForKafka", "integration", "MSK cluster", "AWS::MSK::Cluster",
         "aws_msk_cluster"),
    _row(_E, "aws.integration.MQ", "integration", "MQ broker", "AWS::AmazonMQ::Broker", "aws_mq_broker"),
    # --- data ---------------------------------------------------------------------------
    _row(_E, "aws.database.RDS", "data", "RDS instance", "AWS::RDS::DBInstance", "aws_db_instance"),
    _row(_E, "aws.database.Aurora", "data", "Aurora cluster", "AWS::RDS::DBCluster", "aws_rds_cluster"),
    _row(_E, "aws.database.DynamodbTable", "data", "DynamoDB table",
         "AWS::DynamoDB::Table AWS::DynamoDB::GlobalTable AWS::Serverless::SimpleTable",
         "aws_dynamodb_table"),
    _row(_E, "aws.database.ElastiCache", "data", "ElastiCache cluster",
         "AWS::ElastiCache::CacheCluster AWS::ElastiCache::ReplicationGroup AWS::ElastiCache::ServerlessCache",
         "aws_elasticache_cluster aws_elasticache_replication_group aws_elasticache_serverless_cache"),
    _row(_E, "aws.database.Neptune", "data", "Neptune cluster", "AWS::Neptune::DBCluster", "aws_neptune_cluster"),
    _row(_E, "aws.database.DocumentdbMongodbCompatibility", "data", "DocumentDB cluster",
         "AWS::DocDB::DBCluster", "aws_docdb_cluster"),
    _row(_E, "aws.analytics.Redshift", "data", "Redshift cluster", "AWS::Redshift::Cluster",
         "aws_redshift_cluster"),
    _row(_E, "aws.analytics.AmazonOpensearchService", "data", "OpenSearch domain",
         "AWS::OpenSearchService::Domain AWS::Elasticsearch::Domain",
         "aws_opensearch_domain aws_elasticsearch_domain"),
    _row(_E, "aws.storage.SimpleStorageServiceS3Bucket", "data", "S3 bucket", "AWS::S3::Bucket", "aws_s3_bucket"),
    _row(_E, "aws.storage.ElasticFileSystemEFSFileSystem", "data", "EFS file system", "AWS::EFS::FileSystem",
         "aws_efs_file_system"),
    _row(_E, "aws.storage.ElasticBlockStoreEBSVolume", "data", "EBS volume", "AWS::EC2::Volume", "aws_ebs_volume"),
    _row(_E, "aws.security.SecretsManager", "data", "secret", "AWS::SecretsManager::Secret",
         "aws_secretsmanager_secret"),
    _row(_E, "aws.security.KeyManagementService", "ops", "KMS key", "AWS::KMS::Key", "aws_kms_key"),
    _row(_E, "aws.compute.EC2ContainerRegistry", "ops", "container registry", "AWS::ECR::Repository",
         "aws_ecr_repository"),
    _row(_E, "aws.management.CloudwatchLogs", "ops", "log group", "AWS::Logs::LogGroup",
         "aws_cloudwatch_log_group"),
    _row(_E, "aws.management.CloudwatchAlarm", "ops", "alarm", "AWS::CloudWatch::Alarm",
         "aws_cloudwatch_metric_alarm"),
    _row(_E, "aws.management.Cloudtrail", "ops", "CloudTrail trail", "AWS::CloudTrail::Trail", "aws_cloudtrail"),
    # --- groups -------------------------------------------------------------------------
    _row(_G, "aws.VPC", None, "VPC", "AWS::EC2::VPC", "aws_vpc"),
    _row(_G, "aws.PrivateSubnet", None, "subnet", "AWS::EC2::Subnet", "aws_subnet"),
    # --- plumbing -----------------------------------------------------------------------
    _row(_P, None, None, "IAM role", "AWS::IAM::Role AWS::IAM::InstanceProfile",
         "aws_iam_role aws_iam_instance_profile"),
    _row(_P, None, None, "IAM policy", "AWS::IAM::Policy AWS::IAM::ManagedPolicy",
         "aws_iam_policy aws_iam_role_policy aws_iam_role_policy_attachment aws_iam_policy_attachment"),
    _row(_P, None, None, "resource policy", "AWS::SQS::QueuePolicy AWS::SNS::TopicPolicy AWS::S3::BucketPolicy",
         "aws_sqs_queue_policy aws_sns_topic_policy aws_s3_bucket_policy aws_iam_policy_document"),
    _row(_P, None, None, "security group", "AWS::EC2::SecurityGroup", "aws_security_group"),
    _row(_P, None, None, "security group rule", "AWS::EC2::SecurityGroupIngress AWS::EC2::SecurityGroupEgress",
         "aws_security_group_rule aws_vpc_security_group_ingress_rule aws_vpc_security_group_egress_rule"),
    _row(_P, None, None, "route table",
         "AWS::EC2::RouteTable AWS::EC2::Route AWS::EC2::SubnetRouteTableAssociation AWS::EC2::EIP "
         "AWS::EC2::VPCGatewayAttachment AWS::EC2::NetworkAcl AWS::EC2::NetworkAclEntry "
         "AWS::EC2::SubnetNetworkAclAssociation AWS::EC2::VPCEndpoint AWS::EC2::EIPAssociation",
         "aws_route_table aws_route aws_route_table_association aws_eip aws_network_acl aws_network_acl_rule "
         "aws_vpc_endpoint aws_default_route_table aws_default_security_group aws_default_network_acl "
         "aws_eip_association aws_flow_log"),
    _row(_P, None, None, "listener",
         "AWS::ElasticLoadBalancingV2::Listener AWS::ElasticLoadBalancingV2::ListenerRule "
         "AWS::ElasticLoadBalancingV2::TargetGroup AWS::CertificateManager::Certificate",
         "aws_lb_listener aws_lb_listener_rule aws_lb_target_group aws_lb_target_group_attachment "
         "aws_alb_listener aws_alb_target_group aws_acm_certificate aws_acm_certificate_validation"),
    _row(_P, None, None, "subnet group",
         "AWS::RDS::DBSubnetGroup AWS::ElastiCache::SubnetGroup AWS::RDS::DBParameterGroup "
         "AWS::RDS::DBClusterParameterGroup AWS::EFS::MountTarget",
         "aws_db_subnet_group aws_elasticache_subnet_group aws_db_parameter_group aws_rds_cluster_parameter_group "
         "aws_rds_cluster_instance aws_efs_mount_target"),
    _row(_P, None, None, "permission",
         "AWS::Lambda::Permission AWS::Lambda::EventSourceMapping AWS::Lambda::Version AWS::Lambda::Alias "
         "AWS::Lambda::LayerVersion AWS::SNS::Subscription",
         "aws_lambda_permission aws_lambda_event_source_mapping aws_lambda_alias aws_lambda_layer_version "
         "aws_sns_topic_subscription aws_s3_bucket_notification aws_cloudwatch_event_target"),
    _row(_P, None, None, "bucket setting", "",
         "aws_s3_bucket_versioning aws_s3_bucket_server_side_encryption_configuration "
         "aws_s3_bucket_public_access_block aws_s3_bucket_acl aws_s3_bucket_ownership_controls "
         "aws_s3_bucket_lifecycle_configuration aws_s3_bucket_cors_configuration aws_s3_bucket_website_configuration"),
    _row(_P, None, None, "API part",
         "AWS::ApiGateway::Resource AWS::ApiGateway::Method AWS::ApiGateway::Deployment AWS::ApiGateway::Stage "
         "AWS::ApiGatewayV2::Integration AWS::ApiGatewayV2::Route AWS::ApiGatewayV2::Stage "
         "AWS::ApiGateway::Authorizer AWS::ApiGatewayV2::Authorizer",
         "aws_api_gateway_resource aws_api_gateway_method aws_api_gateway_integration aws_api_gateway_deployment "
         "aws_api_gateway_stage aws_apigatewayv2_integration aws_apigatewayv2_route aws_apigatewayv2_stage "
         "aws_apigatewayv2_authorizer aws_api_gateway_authorizer"),
    _row(_P, None, None, "cluster setting",
         "AWS::ECS::Cluster AWS::ECS::TaskDefinition AWS::AutoScaling::LaunchConfiguration AWS::EC2::LaunchTemplate "
         "AWS::ApplicationAutoScaling::ScalableTarget AWS::ApplicationAutoScaling::ScalingPolicy "
         "AWS::AutoScaling::ScalingPolicy AWS::EKS::Nodegroup AWS::ServiceDiscovery::Service",
         "aws_ecs_cluster aws_ecs_task_definition aws_launch_configuration aws_launch_template "
         "aws_appautoscaling_target aws_appautoscaling_policy aws_autoscaling_policy aws_eks_node_group "
         "aws_ecs_cluster_capacity_providers aws_service_discovery_service"),
    _row(_P, None, None, "DNS record", "AWS::Route53::RecordSet AWS::Route53::RecordSetGroup", "aws_route53_record"),
    _row(_P, None, None, "setting",
         "AWS::SSM::Parameter AWS::KMS::Alias AWS::WAFv2::WebACLAssociation "
         "AWS::SecretsManager::SecretTargetAttachment AWS::CloudFront::OriginAccessControl "
         "AWS::CloudFront::CloudFrontOriginAccessIdentity AWS::Logs::SubscriptionFilter",
         "aws_ssm_parameter aws_kms_alias aws_wafv2_web_acl_association aws_secretsmanager_secret_version "
         "aws_cloudfront_origin_access_control aws_cloudfront_origin_access_identity "
         "aws_cloudwatch_log_subscription_filter"),
    _row(STACK, None, None, "nested stack", "AWS::CloudFormation::Stack AWS::Serverless::Application", ""),
    # a Terraform module call archdoc does not read (a registry module, or one outside the folder read)
    _row(_E, "system", "app", "Terraform module", "", "module"),
)

_BY_TYPE: dict[str, TypeInfo] = {}
for _info in TABLE:
    for _type in (*_info.cloudformation, *_info.terraform):
        _BY_TYPE.setdefault(_type, _info)

UNMAPPED = TypeInfo(ELEMENT, GENERIC_KIND, None, "resource")
UTILITY = TypeInfo(PLUMBING, None, None, "utility")


def type_info(resource_type: str) -> TypeInfo:
    """The row for a type; unknown AWS types are generic elements, utility providers plumbing."""
    found = _BY_TYPE.get(resource_type)
    if found is not None:
        return found
    if resource_type.startswith(UTILITY_PREFIXES):
        return UTILITY
    return UNMAPPED


def is_mapped(resource_type: str) -> bool:
    return resource_type in _BY_TYPE or resource_type.startswith(UTILITY_PREFIXES)


def is_significant(resource_type: str) -> bool:
    """Whether a model should claim resources of this type: elements and groups, not plumbing."""
    return type_info(resource_type).role in (ELEMENT, GROUP)


def table_rows() -> list[tuple[str, str, str, str, str]]:
    """The table as (role, kind, layer, CloudFormation types, Terraform types) rows, for the docs."""
    return [(info.role, info.kind or "", info.layer or "", ", ".join(info.cloudformation),
             ", ".join(info.terraform)) for info in TABLE]


def markdown_table() -> str:
    """The table as the docs page prints it (`python -m archdoc.iac.mapping` writes it out)."""
    lines = ["| role | kind | layer | CloudFormation / SAM | Terraform |", "|---|---|---|---|---|"]
    for role, kind, layer, cloudformation, terraform in table_rows():
        lines.append(f"| {role} | {kind or '-'} | {layer or '-'} | {cloudformation or '-'} | {terraform or '-'} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # pragma: no cover - prints the docs table
    print(markdown_table(), end="")

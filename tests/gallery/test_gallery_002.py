"""Gallery models from seed 002 ("AWS Architecture"): the seed's facts, checked on the loaded models.

Expected values are written here from the seed's text (quoted in the comments), never read
from the model files, so a model that drifts from its seed fails.
"""

from __future__ import annotations

import ipaddress
import math
from collections import deque
from itertools import pairwise
from pathlib import Path

import pytest

MODELS_DIR = Path(__file__).resolve().parents[2] / "models"

SEED_002_MODELS = (
    "three-tier-web",
    "serverless-api",
    "event-driven-processing",
    "jamstack",
    "blue-green",
    "cicd-pipeline",
    "saas-mvp",
)


# --------------------------------------------------------------------------- helpers



def _one(model, predicate, what):
    found = [e for e in model.elements if predicate(e)]
    assert len(found) == 1, f"{model.id}: expected exactly one {what}, found {[e.id for e in found]}"
    return found[0]


def _by_label(model, label):
    return _one(model, lambda e: e.label == label, f"element labelled {label!r}")


def _labelled(model, text):
    """Elements whose label contains `text` (case-insensitive)."""
    return [e for e in model.elements if text.lower() in e.label.lower()]


def _kind_has(element, *fragments):
    kind = element.kind.lower()
    return any(f.lower() in kind for f in fragments)


def _edges(model):
    return {(r.source, r.target) for r in model.relations}


def _reaches(model, source, target):
    """Is there a directed path of relations from `source` to `target`?"""
    succ: dict[str, set[str]] = {}
    for a, b in _edges(model):
        succ.setdefault(a, set()).add(b)
    seen, todo = {source}, deque([source])
    while todo:
        node = todo.popleft()
        if node == target:
            return True
        for nxt in succ.get(node, ()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return False



def _cidrsubnet(prefix: str, newbits: int, netnum: int) -> str:
    """Terraform's cidrsubnet(), so the expected subnets come from the seed's own expressions."""
    network = ipaddress.ip_network(prefix)
    return str(list(network.subnets(prefixlen_diff=newbits))[netnum])


# --------------------------------------------------------------------------- all models



@pytest.mark.parametrize("model_id", SEED_002_MODELS)
def test_model_has_a_flow_or_a_view_beyond_the_overview(models, model_id):
    model = models[model_id]
    extra_views = [v for v in model.views if v.id != "overview" and not v.generated]
    assert model.flows or extra_views
    assert model.title and model.description


@pytest.mark.parametrize("model_id", SEED_002_MODELS)
def test_every_flow_step_follows_a_relation(models, model_id):
    model = models[model_id]
    edges = _edges(model)
    for flow in model.flows:
        assert flow.steps, f"flow {flow.id} has no steps"
        for step in flow.steps:
            assert (step.source, step.target) in edges or (step.target, step.source) in edges, \
                f"{model_id}/{flow.id}: {step.source} -> {step.target} matches no relation"


# --------------------------------------------------------------------------- three-tier-web

# Seed: resource "aws_vpc" "main" { cidr_block = "10.0.0.0/16" ... }
SEED_VPC_CIDR = "10.0.0.0/16"
# Seed: count = 2 for each subnet resource, cidrsubnet("10.0.0.0/16", 8, count.index [+ 10 | + 20])
SEED_SUBNET_NETNUM_OFFSET = {"public": 0, "private": 10, "database": 20}
SEED_SUBNET_COUNT = 2
SEED_NEWBITS = 8


def test_three_tier_web_vpc_cidr(models):
    model = models["three-tier-web"]
    vpcs = [g for g in model.groups if g.kind == "aws.VPC"]
    assert len(vpcs) == 1
    assert vpcs[0].properties.get("cidr") == SEED_VPC_CIDR


def test_three_tier_web_subnet_cidrs_and_zones(models):
    model = models["three-tier-web"]
    vpc = next(g for g in model.groups if g.kind == "aws.VPC")
    subnets = [g for g in model.groups if g.kind in ("aws.PublicSubnet", "aws.PrivateSubnet")]
    expected = {
        tier: {_cidrsubnet(SEED_VPC_CIDR, SEED_NEWBITS, offset + i) for i in range(SEED_SUBNET_COUNT)}
        for tier, offset in SEED_SUBNET_NETNUM_OFFSET.items()
    }
    assert expected["public"] == {"10.0.0.0/24", "10.0.1.0/24"}  # sanity of the helper
    by_cidr = {g.properties.get("cidr"): g for g in subnets}
    assert set(by_cidr) == set().union(*expected.values())
    for tier, cidrs in expected.items():
        zones = set()
        for cidr in cidrs:
            subnet = by_cidr[cidr]
            assert vpc in model.enclosing(subnet.id), f"{subnet.id} is not inside the VPC"
            is_public = any(g.properties.get("public") is True for g in model.enclosing(subnet.id))
            assert is_public == (tier == "public"), f"{subnet.id}: public should be {tier == 'public'}"
            zones.add(subnet.properties.get("zone"))
        # Seed: availability_zone = ...names[count.index] -> one subnet of each tier per AZ
        assert len(zones) == SEED_SUBNET_COUNT and None not in zones
    all_zones = {g.properties.get("zone") for g in subnets}
    assert len(all_zones) == 2  # "Multi-AZ deployment: Deploy across at least two Availability Zones"


def _zone_of(model, element):
    if element.properties.get("zone"):
        return element.properties["zone"]
    for group in model.enclosing(element.group) if element.group else ():
        if group.properties.get("zone"):
            return group.properties["zone"]
    return None


def test_three_tier_web_components(models):
    model = models["three-tier-web"]
    route53 = _by_label(model, "Route 53")
    cloudfront = _by_label(model, "CloudFront")
    alb = _one(model, lambda e: _kind_has(e, "ApplicationLoadBalancer", "aws.ALB", "network.ALB"), "ALB")
    assert "ALB" in alb.label
    # Seed: "Application Load Balancer (ALB) ← Public subnet"
    assert alb.group and any(g.properties.get("public") is True for g in model.enclosing(alb.group))

    # Seed: "ECS Fargate Task (AZ-a) | ECS Fargate Task (AZ-b) ← Private subnet (2 AZs)"
    tasks = [e for e in model.elements if _kind_has(e, "Fargate", "ElasticContainerService", "compute.ECS")]
    assert len(tasks) == 2
    assert {_zone_of(model, t) for t in tasks} == {"AZ-a", "AZ-b"}
    for task in tasks:
        assert "ECS Fargate" in task.label
        assert not any(g.properties.get("public") is True for g in model.enclosing(task.group))

    # Seed: "RDS PostgreSQL ← Database subnet, Primary (AZ-a) | Standby (AZ-b)"
    rds = [e for e in model.elements if _kind_has(e, "aws.database.RDS")]
    assert len(rds) == 2
    primary = _one(model, lambda e: e in rds and "Primary" in e.label, "RDS primary")
    standby = _one(model, lambda e: e in rds and "Standby" in e.label, "RDS standby")
    assert _zone_of(model, primary) == "AZ-a" and _zone_of(model, standby) == "AZ-b"
    for db in rds:
        assert "RDS PostgreSQL" in db.label
        assert not any(g.properties.get("public") is True for g in model.enclosing(db.group))

    # The seed's arrows: Route 53 -> CloudFront -> ALB -> both tasks -> RDS
    assert (route53.id, cloudfront.id) in _edges(model)
    assert _reaches(model, cloudfront.id, alb.id)
    for task in tasks:
        assert _reaches(model, alb.id, task.id)
        assert _reaches(model, task.id, primary.id)


# Seed: create-security-group --group-name alb-sg / app-sg / db-sg, with their ingress rules
SEED_SECURITY_GROUPS = {"alb-sg": ("80", "443", "0.0.0.0/0"), "app-sg": ("3000",), "db-sg": ("5432",)}


def test_three_tier_web_three_security_groups_in_order(models):
    model = models["three-tier-web"]
    sgs = {name: _by_label(model, name) for name in SEED_SECURITY_GROUPS}
    assert len(sgs) == 3
    alb = _one(model, lambda e: _kind_has(e, "ApplicationLoadBalancer"), "ALB")
    tasks = [e for e in model.elements if _kind_has(e, "Fargate")]
    primary = _one(model, lambda e: "Primary" in e.label, "RDS primary")
    # alb-sg in front of the ALB, app-sg only from the ALB, db-sg only from the app servers
    assert _reaches(model, sgs["alb-sg"].id, alb.id)
    assert _reaches(model, alb.id, sgs["app-sg"].id)
    assert {a for a, b in _edges(model) if b == sgs["app-sg"].id} == {alb.id}
    assert {a for a, b in _edges(model) if b == sgs["db-sg"].id} == {t.id for t in tasks}
    assert {a for a, b in _edges(model) if b == primary.id} == {sgs["db-sg"].id}
    for name, fragments in SEED_SECURITY_GROUPS.items():
        text = " ".join(str(v) for v in sgs[name].properties.values()) + " " + sgs[name].description
        for fragment in fragments:
            assert fragment in text, f"{name}: seed's ingress {fragment} not recorded"


# --------------------------------------------------------------------------- serverless-api

def test_serverless_api_chain(models):
    model = models["serverless-api"]
    # Seed: "Route 53 → CloudFront → API Gateway → Lambda → RDS Proxy → RDS"
    chain = [_by_label(model, label) for label in
             ("Route 53", "CloudFront", "API Gateway", "Lambda", "RDS Proxy", "RDS")]
    edges = _edges(model)
    for a, b in pairwise(chain):
        assert (a.id, b.id) in edges, f"missing {a.label} -> {b.label}"
    lambda_, rds = chain[3], chain[5]
    assert (lambda_.id, rds.id) not in edges  # the point of RDS Proxy
    # Seed's CDK routes, all on the one Lambda integration
    labels = {r.label for r in model.relations if (r.source, r.target) == (chain[2].id, lambda_.id)}
    for route in ("GET /users", "POST /users", "GET /users/{id}", "PUT /users/{id}", "DELETE /users/{id}"):
        assert any(route in label for label in labels), route


# --------------------------------------------------------------------------- event-driven-processing

def test_event_driven_processing(models):
    model = models["event-driven-processing"]
    # Seed: "S3 (upload) ──→ S3 Event Notification ──→ SQS Queue ──→ Lambda ... SNS → email/push notification"
    chain = [_by_label(model, label) for label in
             ("S3 (upload)", "S3 Event Notification", "SQS Queue", "Lambda")]
    edges = _edges(model)
    for a, b in pairwise(chain):
        assert (a.id, b.id) in edges, f"missing {a.label} -> {b.label}"
    lambda_ = chain[-1]
    sns = _by_label(model, "SNS")
    notification = _by_label(model, "email/push notification")
    assert (lambda_.id, sns.id) in edges and (sns.id, notification.id) in edges
    # "store result" in OUTPUT_BUCKET
    outputs = [e for e in model.elements if _kind_has(e, "S3") and e.id != chain[0].id]
    assert len(outputs) == 1 and (lambda_.id, outputs[0].id) in edges
    # Seed: queue myapp-image-processing with DLQ myapp-image-processing-dlq, maxReceiveCount 3
    dlq = _one(model, lambda e: "myapp-image-processing-dlq" in e.label, "DLQ")
    assert (chain[2].id, dlq.id) in edges
    assert any("us-east-1" in g.label for g in model.groups if g.kind == "aws.Region")


# --------------------------------------------------------------------------- jamstack

def test_jamstack(models):
    model = models["jamstack"]
    # Seed: "CloudFront ──→ S3 (React/Next.js static export)" and "└──────→ ALB / API Gateway (Node.js API)"
    cloudfront = _by_label(model, "CloudFront")
    s3 = _by_label(model, "S3 (React/Next.js static export)")
    api = _by_label(model, "ALB / API Gateway (Node.js API)")
    edges = _edges(model)
    assert (cloudfront.id, s3.id) in edges
    assert (cloudfront.id, api.id) in edges
    api_labels = " ".join(r.label for r in model.relations if (r.source, r.target) == (cloudfront.id, api.id))
    assert "/api/*" in api_labels  # Seed: "PathPattern": "/api/*"


# --------------------------------------------------------------------------- blue-green

def test_blue_green(models):
    model = models["blue-green"]
    listener = _by_label(model, "ALB listener")
    blue_tg = _by_label(model, "myapp-blue-tg")
    green_tg = _by_label(model, "myapp-green-tg")
    green_svc = _by_label(model, "myapp-green")
    services = [e for e in model.elements if _kind_has(e, "ElasticContainerService", "compute.ECS", "Fargate")]
    assert len(services) == 2 and green_svc in services
    blue_svc = next(s for s in services if s is not green_svc)
    edges = _edges(model)
    assert (listener.id, blue_tg.id) in edges and (listener.id, green_tg.id) in edges
    assert (blue_tg.id, blue_svc.id) in edges and (green_tg.id, green_svc.id) in edges
    assert (blue_tg.id, green_svc.id) not in edges and (green_tg.id, blue_svc.id) not in edges
    # Seed: --cluster myapp-cluster
    assert all(s.group and "myapp-cluster" in model.groups_by_id[s.group].label for s in services)
    # Seed: deploy to green, switch the listener, and roll back to blue if anything goes wrong
    assert len(model.flows) >= 2


# --------------------------------------------------------------------------- cicd-pipeline

SEED_BUILDSPEC_PHASES = ("install", "pre_build", "build", "post_build")


def test_cicd_pipeline(models):
    model = models["cicd-pipeline"]
    pipeline = _one(model, lambda e: _kind_has(e, "Codepipeline"), "CodePipeline")
    codebuild = _one(model, lambda e: _kind_has(e, "Codebuild"), "CodeBuild")
    ecr = _one(model, lambda e: _kind_has(e, "ECR", "EC2ContainerRegistry"), "ECR")
    ecs = _one(model, lambda e: _kind_has(e, "ElasticContainerService", "compute.ECS"), "ECS")
    assert (pipeline.label, codebuild.label, ecr.label) == ("CodePipeline", "CodeBuild", "ECR")
    edges = _edges(model)
    assert (pipeline.id, codebuild.id) in edges
    assert _reaches(model, codebuild.id, ecr.id)  # docker push
    assert (pipeline.id, ecs.id) in edges  # the ECS deploy
    assert "imagedefinitions.json" in " ".join(r.label for r in model.relations)


def test_cicd_buildspec_phases_are_a_flow_in_order(models):
    model = models["cicd-pipeline"]
    phase_ids = {_by_label(model, phase).id: phase for phase in SEED_BUILDSPEC_PHASES}
    best = []
    for flow in model.flows:
        seen = []
        for step in flow.steps:
            for end in (step.source, step.target):
                if end in phase_ids and phase_ids[end] not in seen:
                    seen.append(phase_ids[end])
        best = max(best, seen, key=len)
    assert tuple(best) == SEED_BUILDSPEC_PHASES


# --------------------------------------------------------------------------- saas-mvp

# Seed, Scenario 1 "Architecture for a SaaS MVP":
#   DNS: Route 53 ($0.50/zone)            CDN: CloudFront (free tier for first 1TB/mo)
#   Frontend: S3 static hosting ($0.023/GB)
#   API: 1× ECS Fargate task (~$15/mo)    Database: RDS db.t3.micro PostgreSQL ($13/mo)
#   Cache: ElastiCache cache.t3.micro ($13/mo) [optional at MVP]
#   Secrets: Secrets Manager ($0.40/secret)   Monitoring: CloudWatch (free tier, then ~$5/mo)
#   Total: ~$50/mo
SEED_MVP_BILL = {
    "Route 53": 0.50,
    "CloudFront": 0.0,
    "S3": 0.023,
    "Fargate": 15.0,
    "RDS": 13.0,
    "ElastiCache": 13.0,
    "Secrets Manager": 0.40,
    "CloudWatch": 5.0,
}
SEED_MVP_TOTAL = 50  # "Total: ~$50/mo"


def test_saas_mvp_bill_lines(models):
    model = models["saas-mvp"]
    billed = [e for e in model.elements if "cost_monthly" in e.properties]
    assert len(billed) == len(SEED_MVP_BILL) == len(model.elements)
    for service, cost in SEED_MVP_BILL.items():
        [line] = [e for e in billed if service.lower() in e.label.lower() or service.lower() in e.kind.lower()]
        assert math.isclose(float(line.properties["cost_monthly"]), cost, abs_tol=1e-9), service
    elasticache = next(e for e in billed if "ElastiCache" in e.label)
    assert elasticache.properties.get("optional") is True  # "[optional at MVP]"


def test_saas_mvp_total(models):
    model = models["saas-mvp"]
    total = sum(float(e.properties["cost_monthly"]) for e in model.elements if "cost_monthly" in e.properties)
    assert math.isclose(total, sum(SEED_MVP_BILL.values()), abs_tol=1e-9)
    # The seed's lines add up to $46.92, which it states as "~$50/mo": within the "~".
    assert abs(total - SEED_MVP_TOTAL) <= 0.1 * SEED_MVP_TOTAL
    assert round(total, -1) == SEED_MVP_TOTAL
    assert "~$50" in model.description

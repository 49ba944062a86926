"""Gallery models from seeds 000 ("AWS (Amazon Web Services) Architecture") and 001 ("AWS
Architecture Patterns"), plus the parts of seed 002 that the disaster-recovery and
defense-in-depth models take from it.

Expected values come from the seeds, never from the model files: the seed excerpts below are
copied verbatim from the seed documents in ../shared/seeds beside the checkout
(``test_embedded_excerpts_match_the_seed_files`` checks that when they are at hand) and
parsed here, the Mermaid diagram of seed 000 with regular expressions and the ASCII diagrams
of seed 001 with a small column-aware parser (``→`` joins boxes on a line; ``↓``/``↑`` join
the boxes above and below the arrow's column).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from itertools import pairwise
from pathlib import Path

import pytest
from helpers import seed_file

from archdoc.lint import model_options

REPO = Path(__file__).resolve().parents[2]
MODELS_DIR = REPO / "models"

SEED_001_MODELS = (
    "three-tier", "serverless", "microservices", "event-driven", "data-lake",
    "stream-processing", "cqrs-event-sourcing", "disaster-recovery", "defense-in-depth",
)
MY_MODELS = ("aws-overview",) + SEED_001_MODELS

# --------------------------------------------------------------------------- seed excerpts

# Seed 000, the "Architecture Diagram" Mermaid block (verbatim, mojibake included).
SEED_000_MERMAID = """graph TB
    subgraph "User & Application Layer"
        Users[\uf8ffüë• Users]
        WebApp[\uf8ffüåê Web Applications]
        MobileApp[\uf8ffüì± Mobile Apps]
        API[\uf8ffüîå APIs]
    end

    subgraph "AWS Compute Layer"
        EC2[EC2<br/>Virtual Servers<br/>Run applications on virtual machines]
        Lambda[Lambda<br/>Serverless Functions<br/>Run code without managing servers]
        ECS[ECS<br/>Elastic Container Service<br/>Run Docker containers]
        EKS[EKS<br/>Elastic Kubernetes Service<br/>Managed Kubernetes clusters]
    end
    
    subgraph "AWS Networking Layer"
        VPC[VPC<br/>Virtual Private Cloud<br/>Isolated network environment]
        ALB[ALB<br/>Application Load Balancer<br/>Distribute traffic]
        NLB[NLB<br/>Network Load Balancer<br/>High-performance load balancing]
        APIGW[API Gateway<br/>API Management<br/>Create and manage REST/HTTP APIs]
        CloudFront[CloudFront<br/>Content Delivery Network<br/>Fast content delivery worldwide]
    end
    
    subgraph "AWS Storage Layer"
        S3[S3<br/>Simple Storage Service<br/>Object storage for files]
        EBS[EBS<br/>Elastic Block Store<br/>Block storage for databases]
        RDS[RDS<br/>Relational Database Service<br/>Managed SQL databases]
        DynamoDB[DynamoDB<br/>NoSQL Database<br/>Fast, flexible NoSQL database]
        EFS[EFS<br/>Elastic File System<br/>Shared file storage]
    end
    
    subgraph "AWS Security Layer"
        IAM[IAM<br/>Identity & Access Management<br/>Control who can access what]
        KMS[KMS<br/>Key Management Service<br/>Encryption key management]
        WAF[WAF<br/>Web Application Firewall<br/>Protect web applications]
        Shield[Shield<br/>DDoS Protection<br/>Protect against attacks]
        SecretsManager[Secrets Manager<br/>Store and rotate secrets]
    end
    
    subgraph "AWS Operations Layer"
        CloudWatch[CloudWatch<br/>Monitoring & Metrics<br/>Track performance and health]
        CloudTrail[CloudTrail<br/>Audit Logging<br/>Record API calls for compliance]
        XRay[X-Ray<br/>Distributed Tracing<br/>Trace requests across services]
        CodePipeline[CodePipeline<br/>CI/CD Pipeline<br/>Automate build and deployment]
        CodeBuild[CodeBuild<br/>Build Service<br/>Compile and test code]
        CodeDeploy[CodeDeploy<br/>Deployment Service<br/>Deploy applications]
    end

    subgraph "AWS Infrastructure Layer"
        Regions[\uf8ffüåç Regions<br/>Geographic locations<br/>e.g., us-east-1, eu-west-1]
        AvailabilityZones[Availability Zones<br/>Isolated data centers<br/>For high availability]
        DataCenters[\uf8ffüè¢ Data Centers<br/>Physical infrastructure<br/>Servers and networking]
    end

    %% User to Application connections
    Users --> WebApp
    Users --> MobileApp
    WebApp --> API
    MobileApp --> API

    %% Application to AWS connections
    API --> APIGW
    APIGW --> ALB
    ALB --> EC2
    ALB --> ECS
    ALB --> EKS
    APIGW --> Lambda
    CloudFront --> S3
    CloudFront --> ALB

    %% Networking connections
    EC2 --> VPC
    Lambda --> VPC
    ECS --> VPC
    EKS --> VPC
    RDS --> VPC
    ALB --> VPC
    NLB --> VPC

    %% Storage connections
    EC2 --> EBS
    EC2 --> S3
    EC2 --> EFS
    ECS --> RDS
    EKS --> RDS
    Lambda --> DynamoDB
    Lambda --> S3
    WebApp --> S3

    %% Security connections
    EC2 --> IAM
    Lambda --> IAM
    ECS --> IAM
    EKS --> IAM
    S3 --> KMS
    RDS --> KMS
    EBS --> KMS
    ALB --> WAF
    CloudFront --> Shield
    Lambda --> SecretsManager
    EC2 --> SecretsManager

    %% Operations connections
    EC2 --> CloudWatch
    Lambda --> CloudWatch
    ECS --> CloudWatch
    EKS --> CloudWatch
    RDS --> CloudWatch
    S3 --> CloudTrail
    EC2 --> CloudTrail
    Lambda --> XRay
    ECS --> XRay
    CodePipeline --> CodeBuild
    CodePipeline --> CodeDeploy
    CodeDeploy --> EC2
    CodeDeploy --> ECS
    CodeDeploy --> Lambda

    %% Infrastructure connections
    VPC --> Regions
    EC2 --> AvailabilityZones
    ECS --> AvailabilityZones
    EKS --> AvailabilityZones
    RDS --> AvailabilityZones
    AvailabilityZones --> Regions
    Regions --> DataCenters

    style Users fill:#e1f5ff
    style WebApp fill:#e1f5ff
    style MobileApp fill:#e1f5ff
    style API fill:#e1f5ff
    style EC2 fill:#ff9900
    style Lambda fill:#ff9900
    style ECS fill:#ff9900
    style EKS fill:#ff9900
    style S3 fill:#ff9900
    style RDS fill:#ff9900
    style IAM fill:#ff9900
    style CloudWatch fill:#ff9900
    style VPC fill:#ff9900
    style DataCenters fill:#f0f0f0
    style Regions fill:#f0f0f0
    style AvailabilityZones fill:#f0f0f0
"""

# Seed 000, "## Key Data Flows" and "## Common Use Cases" (verbatim).
SEED_000_FLOWS_AND_USE_CASES = """## Key Data Flows

### 1. User Request Flow
1. User makes a request through a web or mobile app
2. Request may go through CloudFront CDN for cached content
3. Request reaches API Gateway which routes to appropriate services
4. API Gateway forwards to Application Load Balancer
5. Load balancer distributes traffic to available EC2 instances or containers
6. Application processes the request, potentially accessing S3, RDS, or DynamoDB
7. Response flows back through the same path to the user

### 2. Application Deployment Flow
1. Developer commits code to a repository (GitHub, CodeCommit)
2. CodePipeline detects the change and triggers a build
3. CodeBuild compiles the code, runs tests, and creates artifacts
4. CodeDeploy deploys the application to EC2, ECS, EKS, or Lambda
5. CloudWatch monitors the deployment and application health
6. If issues occur, CloudWatch triggers alarms and can rollback via CodeDeploy

### 3. Data Storage Flow
1. Application writes data to storage service (S3, RDS, DynamoDB)
2. Data is encrypted using keys from KMS
3. Data is replicated across multiple availability zones automatically
4. Access is controlled through IAM policies
5. All access is logged in CloudTrail for audit purposes
6. Backups are automatically created (for RDS) or can be versioned (for S3)

### 4. Auto-Scaling Flow
1. CloudWatch monitors metrics (CPU, memory, request count)
2. When thresholds are exceeded, Auto Scaling triggers
3. New EC2 instances or container tasks are launched
4. Load balancer automatically includes new instances in the pool
5. Traffic is distributed across all instances
6. When load decreases, extra instances are terminated to save costs

## Common Use Cases

### Web Application
- **Frontend**: Static files served via S3 + CloudFront CDN
- **Backend API**: Runs on EC2 instances or ECS containers
- **Load Balancing**: ALB distributes traffic across backend instances
- **Database**: RDS for SQL data, DynamoDB for NoSQL needs
- **Storage**: S3 for user uploads and media files
- **Security**: WAF protects against attacks, IAM controls access

### Microservices Architecture
- **API Gateway**: Routes requests to appropriate microservices
- **Services**: Each microservice runs in ECS or EKS containers
- **Service Discovery**: Built into ECS/EKS or use AWS App Mesh
- **Databases**: Each service may have its own RDS or DynamoDB table
- **Monitoring**: CloudWatch tracks each service, X-Ray traces requests across services

### Serverless Application
- **API Gateway**: Entry point for HTTP requests
- **Lambda Functions**: Execute business logic without managing servers
- **DynamoDB**: Store data with automatic scaling
- **S3**: Store static assets and trigger Lambda on file uploads
- **Event-Driven**: Functions respond to events (API calls, S3 uploads, database changes)
- **Auto-Scaling**: Automatically scales from zero to thousands of concurrent executions

"""

# Seed 001, the ASCII diagrams under each pattern heading (verbatim).
SEED_001_DIAGRAMS = {
    "Three-Tier Architecture": """Internet Gateway
    ↓
Application Load Balancer
    ↓
Web Tier (EC2 in Public Subnets)
    ↓
Application Tier (EC2 in Private Subnets)
    ↓
Database Tier (RDS in Private Subnets)
""",
    "Serverless Architecture": """API Gateway → Lambda Functions → DynamoDB
      ↓
CloudFront → S3 (Static Assets)
      ↓
SQS/SNS → Lambda Functions → External Services
""",
    "Microservices on AWS": """Route 53 → CloudFront → API Gateway
                           ↓
    ECS/EKS Cluster (Multiple Services)
                           ↓
    RDS/DynamoDB (Service-specific databases)
                           ↓
    ElastiCache (Shared caching layer)
""",
    "Event-Driven Architecture": """EventBridge → Lambda Functions → SQS → Processing Services
    ↑              ↓
S3 Events    DynamoDB Streams → Lambda → SNS → Notifications
    ↓              ↓
Kinesis → Analytics → S3 → Athena/QuickSight
""",
    "Defense in Depth": """WAF → CloudFront → ALB → EC2/ECS (Security Groups)
 ↓        ↓         ↓         ↓
Shield   Origin    Network   Host-based
        Access     ACLs      Security
""",
    "Data Lake Architecture": """Data Sources → Kinesis → S3 Data Lake
                ↓           ↓
            Lambda     Glue ETL
                ↓           ↓
           Real-time   Athena/Redshift
           Analytics      ↓
                    QuickSight/BI Tools
""",
    "Stream Processing Pattern": """Data Sources → Kinesis Data Streams → Lambda/KDA
                        ↓                 ↓
               Kinesis Data Firehose → S3/Redshift
                        ↓
               Real-time Dashboards
""",
    "CQRS with Event Sourcing": """Commands → Command Handler → Event Store (DynamoDB)
              ↓                    ↓
         Domain Model        Event Projections
              ↓                    ↓
        Command Response    Read Models (RDS/ElastiSearch)
""",
}

# Seed 002, "Defense in depth" under "Security Architecture Principles" (verbatim).
SEED_002_DEFENSE_IN_DEPTH = """Internet
    ↓
WAF (block malicious requests)
    ↓
CloudFront (DDoS mitigation)
    ↓
Security Group (ports 80/443 only)
    ↓
ALB (HTTPS termination)
    ↓
Private subnet (no public IP on app servers)
Security Group (only from ALB)
    ↓
App (ECS Fargate, no root)
    ↓
Private subnet (database tier)
Security Group (only from app security group)
    ↓
RDS (encrypted, no public access)
"""

# Seed 002, "DR strategies by tier" (verbatim).
SEED_002_DR_TABLE = """| Strategy | RTO | RPO | Cost | Complexity |
|----------|-----|-----|------|------------|
| Backup & restore | Hours | Hours | $ | Low |
| Pilot light | 10-30 min | Minutes | $$ | Medium |
| Warm standby | 5-10 min | Seconds | $$$ | High |
| Active-Active | Near zero | Near zero | $$$$ | Very high |
"""

# Seed 001, "Disaster Recovery Patterns" headings (verbatim).
SEED_001_DR_PATTERNS = ('Pilot Light', 'Warm Standby', 'Multi-Site Active-Active')

SEED_FILES = {
    "000": "000_0bb17fb64061fbff.txt",
    "001": "001_73766a815097105b.txt",
    "002": "002_058751380da932f6.txt",
}


# --------------------------------------------------------------------------- parsers

def _demojibake(text: str) -> str:
    """Seed 000's emoji are UTF-8 bytes decoded as Mac Roman ("\\uf8ffüë•" is 👥)."""
    try:
        return text.encode("mac_roman").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def parse_mermaid(block: str):
    """Subgraph titles in order, nodes {id: (subgraph index, label lines)}, edges [(a, b)]."""
    subgraphs: list[str] = []
    nodes: dict[str, tuple[int, list[str]]] = {}
    edges: list[tuple[str, str]] = []
    current = None
    for line in block.splitlines():
        text = line.strip()
        if m := re.fullmatch(r'subgraph\s+"(.+)"', text):
            subgraphs.append(m.group(1))
            current = len(subgraphs) - 1
        elif text == "end":
            current = None
        elif m := re.fullmatch(r"(\w+)\[(.+)\]", text):
            nodes[m.group(1)] = (current, _demojibake(m.group(2)).split("<br/>"))
        elif m := re.fullmatch(r"(\w+)\s*-->\s*(\w+)", text):
            edges.append((m.group(1), m.group(2)))
    return subgraphs, nodes, edges


def parse_ascii(block: str):
    """Boxes (their text, multi-line boxes joined) and arrows [(from text, to text)]."""
    lines = block.split("\n")
    boxes: list[dict] = []
    segments: dict[int, list[tuple[int, int, dict]]] = {}
    edges: list[tuple[dict, dict]] = []
    for number, line in enumerate(lines):
        segments[number] = []
        for m in re.finditer(r"[^\s→↓↑←]+(?: [^\s→↓↑←]+)*", line):
            start, end, text = m.start(), m.end() - 1, m.group(0)
            box = next((b for (s, e, b) in segments.get(number - 1, []) if s <= end and start <= e), None)
            if box is None:
                box = {"text": text}
                boxes.append(box)
            else:  # the second line of a box written over two lines
                box["text"] += " " + text
            segments[number].append((start, end, box))
        ordered = sorted(segments[number], key=lambda s: s[0])
        for left, right in pairwise(ordered):
            between = line[left[1] + 1:right[0]]
            if "→" in between:
                edges.append((left[2], right[2]))
            elif "←" in between:
                edges.append((right[2], left[2]))

    def nearest(number: int, column: int, step: int):
        number += step
        while 0 <= number < len(lines):
            near = [(max(s - column, column - e, 0), b) for (s, e, b) in segments[number]]
            near = [n for n in near if n[0] <= 2]  # a vertical arrow may miss its box by a column
            if near:
                return min(near, key=lambda n: n[0])[1]
            number += step
        raise AssertionError(f"vertical arrow at {number}:{column} points at no box")

    for number, line in enumerate(lines):
        for column, char in enumerate(line):
            if char in "↓↑":
                above, below = nearest(number, column, -1), nearest(number, column, +1)
                edges.append((above, below) if char == "↓" else (below, above))
    return [b["text"] for b in boxes], [(a["text"], b["text"]) for a, b in edges]


def _sections(text: str, level: str):
    """{heading: body} for the headings of one level (e.g. '### ') in a Markdown excerpt."""
    parts = re.split(rf"^{re.escape(level)}(.+)$", text, flags=re.M)
    return {parts[i].strip(): parts[i + 1] for i in range(1, len(parts), 2)}


# --------------------------------------------------------------------------- fixtures and helpers



@pytest.fixture(scope="module")
def lint_report():
    files = [str(MODELS_DIR / f"{model_id}.yaml") for model_id in MY_MODELS]
    run = subprocess.run([sys.executable, "-m", "archdoc", "lint", "--format", "json", *files],
                         cwd=REPO, capture_output=True, text=True, timeout=600)
    assert run.stdout, run.stderr
    return run.returncode, json.loads(run.stdout)


def _edges(model):
    return {(r.source, r.target) for r in model.relations}



def _name_and_note(box: str):
    """'WAF (block malicious requests)' -> ('WAF', 'block malicious requests')."""
    m = re.fullmatch(r"(.+?) \((.+)\)", box)
    return (m.group(1), m.group(2)) if m else (box, None)


def _element_for_box(model, box: str):
    """The element drawn as a seed box: same label; or the seed's name as label and the
    seed's note in the description; or (a stage two seeds draw differently) the box text
    quoted in the description."""
    exact = [e for e in model.elements if e.label == box]
    if exact:
        assert len(exact) == 1, f"{model.id}: several elements labelled {box!r}"
        return exact[0]
    name, note = _name_and_note(box)
    if note is not None:
        found = [e for e in model.elements if e.label == name and note.lower() in e.description.lower()]
        if len(found) == 1:
            return found[0]
    quoted = [e for e in model.elements if f"\u201c{box}\u201d" in e.description or f'"{box}"' in e.description]
    assert len(quoted) == 1, f"{model.id}: no element for the seed's box {box!r}"
    return quoted[0]


def _assert_diagram(model, block: str):
    """Every box of a seed-001 ASCII diagram is an element, every arrow a relation."""
    boxes, arrows = parse_ascii(block)
    assert boxes and arrows
    labels = Counter(e.label for e in model.elements)
    for box, count in Counter(boxes).items():
        if labels[box] >= count:
            continue
        assert count == 1, f"{model.id}: {count} boxes {box!r} in the seed"
        _element_for_box(model, box)
    if all(labels[box] >= n for box, n in Counter(boxes).items()):
        # Compare by label: the multiset of the seed's arrows is inside the model's.
        by_id = {e.id: e.label for e in model.elements}
        have = Counter((by_id[r.source], by_id[r.target]) for r in model.relations)
        want = Counter(arrows)
        missing = want - have
        assert not missing, f"{model.id}: seed arrows missing: {sorted(missing)}"
    else:
        ids = {box: _element_for_box(model, box).id for box in set(boxes)}
        for a, b in arrows:
            assert (ids[a], ids[b]) in _edges(model), f"{model.id}: seed arrow {a} -> {b} missing"
    return boxes, arrows


def _by_label(model, label):
    found = [e for e in model.elements if e.label == label]
    assert len(found) == 1, f"{model.id}: expected one element labelled {label!r}, found {len(found)}"
    return found[0]


def _labelled(model, text):
    return [e for e in model.elements if text.lower() in e.label.lower()]


def _views_beyond_overview(model):
    return [v for v in model.views if v.id != "overview" and not v.generated]


# --------------------------------------------------------------------------- all my models

def test_embedded_excerpts_match_the_seed_files():
    seed = {key: seed_file(name).read_text(encoding="utf-8") for key, name in SEED_FILES.items()}
    assert SEED_000_MERMAID in seed["000"]
    assert SEED_000_FLOWS_AND_USE_CASES in seed["000"]
    for heading, block in SEED_001_DIAGRAMS.items():
        assert f"### {heading}\n" in seed["001"]
        assert f"```\n{block}```" in seed["001"]
    for heading in SEED_001_DR_PATTERNS:
        assert f"### {heading}\n" in seed["001"]
    assert f"```\n{SEED_002_DEFENSE_IN_DEPTH}```" in seed["002"]
    assert SEED_002_DR_TABLE in seed["002"]




def test_my_models_lint_clean(lint_report):
    status, report = lint_report
    # Where a seed's architecture lacks a Well-Architected practice (no WAF, no DLQ drawn), the
    # pack's warning stays visible: the seed says nothing to suppress it with. Nothing else may show.
    shown = [f for f in report["findings"] if f["severity"] == "error" or not f["code"].startswith("AD4")]
    assert shown == [], shown
    assert status == 0
    for finding in report["suppressed"]:
        assert finding["reason"].strip()


@pytest.mark.parametrize("model_id", MY_MODELS)
def test_model_basics(models, model_id):
    model = models[model_id]
    assert model.title and model.description
    assert _views_beyond_overview(model) or model.flows


@pytest.mark.parametrize("model_id", MY_MODELS)
def test_every_flow_step_follows_a_relation(models, model_id):
    model = models[model_id]
    edges = _edges(model)
    for flow in model.flows:
        assert flow.steps
        for step in flow.steps:
            assert (step.source, step.target) in edges or (step.target, step.source) in edges, \
                f"{model_id}/{flow.id}: {step.source} -> {step.target} follows no relation"


# --------------------------------------------------------------------------- aws-overview (seed 000)

def test_overview_layers_are_the_seven_subgraphs_in_order(models):
    subgraphs, _, _ = parse_mermaid(SEED_000_MERMAID)
    assert len(subgraphs) == 7
    model = models["aws-overview"]
    assert [layer.title for layer in model.layers] == subgraphs


def test_overview_elements_are_the_mermaid_nodes(models):
    subgraphs, nodes, _ = parse_mermaid(SEED_000_MERMAID)
    model = models["aws-overview"]
    drawn = [e for e in model.elements if "from-text" not in e.tags]
    assert {e.id for e in drawn} == set(nodes)
    layer_ids = [layer.id for layer in model.layers]
    for element in drawn:
        index, lines = nodes[element.id]
        assert element.layer == layer_ids[index], f"{element.id} not in the layer of '{subgraphs[index]}'"
        assert element.label == lines[0]
        for line in lines[1:]:
            assert line in element.description, f"{element.id}: {line!r} not in the description"
    for element in model.elements:  # the emoji are real, not the seed's mojibake
        assert "\uf8ff" not in element.label and "\u00fc" not in element.label
    assert _by_label(model, "👥 Users").id == "Users"
    assert _by_label(model, "🌍 Regions").id == "Regions"


def test_overview_relations_are_the_mermaid_edges(models):
    _, _, edges = parse_mermaid(SEED_000_MERMAID)
    assert len(edges) == 59
    model = models["aws-overview"]
    from_text = {e.id for e in model.elements if "from-text" in e.tags}
    drawn = Counter((r.source, r.target) for r in model.relations
                    if r.source not in from_text and r.target not in from_text)
    assert drawn == Counter(edges)


def test_overview_from_text_elements_cite_the_flow(models):
    model = models["aws-overview"]
    flow_titles = list(_sections(SEED_000_FLOWS_AND_USE_CASES.split("## Common Use Cases")[0], "### "))
    for element in model.elements:
        if "from-text" in element.tags:
            assert any(re.sub(r"^\d+\.\s*", "", t) in element.description for t in flow_titles), element.id


def test_overview_upward_arrows_are_reported_and_suppressed(models, lint_report):
    """The seed's arrows that go up its own layer order are kept; lint flags each (AD201)
    and the model suppresses each with a reason."""
    subgraphs, nodes, edges = parse_mermaid(SEED_000_MERMAID)
    upward = {(a, b) for a, b in edges if nodes[b][0] < nodes[a][0]}
    assert ("ALB", "EC2") in upward and ("CodeDeploy", "EC2") in upward
    _, report = lint_report
    suppressed = {tuple(f["message"].split(" goes up")[0].split(" -> "))
                  for f in report["suppressed"] if f["model"] == "aws-overview" and f["code"] == "AD201"}
    assert upward <= suppressed
    for f in report["suppressed"]:
        if f["model"] == "aws-overview" and f["code"] == "AD201":
            assert "seed" in f["reason"].lower()


def test_overview_flows_are_the_key_data_flows(models):
    flows_text = SEED_000_FLOWS_AND_USE_CASES.split("## Common Use Cases")[0]
    titles = [re.sub(r"^\d+\.\s*", "", t) for t in _sections(flows_text, "### ")]
    assert len(titles) == 4
    model = models["aws-overview"]
    assert [f.title for f in model.flows] == titles
    touched = {f.title: {x for s in f.steps for x in (s.source, s.target)} for f in model.flows}
    # "Request reaches API Gateway ... forwards to Application Load Balancer"
    assert {"Users", "APIGW", "ALB"} <= touched["User Request Flow"]
    # "CodePipeline ... CodeBuild ... CodeDeploy deploys ... CloudWatch monitors"
    assert {"CodePipeline", "CodeBuild", "CodeDeploy", "CloudWatch"} <= touched["Application Deployment Flow"]
    # "encrypted using keys from KMS ... IAM policies ... logged in CloudTrail"
    assert {"KMS", "IAM", "CloudTrail", "AvailabilityZones"} <= touched["Data Storage Flow"]
    # "CloudWatch monitors metrics ... Load balancer automatically includes new instances"
    assert {"CloudWatch", "ALB", "EC2"} <= touched["Auto-Scaling Flow"]


def test_overview_views_are_the_use_cases(models):
    use_cases = list(_sections(SEED_000_FLOWS_AND_USE_CASES.split("## Common Use Cases")[1], "### "))
    assert len(use_cases) == 3
    model = models["aws-overview"]
    extra = _views_beyond_overview(model)
    assert len(extra) == 3
    assert [v.title for v in extra] == use_cases
    overview = [v for v in model.views if v.id == "overview"]
    assert len(overview) == 1


# --------------------------------------------------------------------------- seed 001 patterns

def test_three_tier(models):
    model = models["three-tier"]
    boxes, _ = _assert_diagram(model, SEED_001_DIAGRAMS["Three-Tier Architecture"])
    assert len(boxes) == 5
    # "(EC2 in Public Subnets)", "(EC2 in Private Subnets)", "(RDS in Private Subnets)"
    for box in boxes:
        m = re.search(r"in (Public|Private) Subnets", box)
        if m:
            element = _by_label(model, box)
            kinds = {g.kind for g in model.enclosing(element.group)}
            assert f"aws.{m.group(1)}Subnet" in kinds, box
            public = any(g.properties.get("public") is True for g in model.enclosing(element.group))
            assert public == (m.group(1) == "Public")
    assert any(g.kind == "aws.VPC" for g in model.groups)
    assert model_options(model)["layering"]["mode"] == "adjacent"
    assert _views_beyond_overview(model) or model.flows


def test_serverless(models):
    model = models["serverless"]
    boxes, arrows = _assert_diagram(model, SEED_001_DIAGRAMS["Serverless Architecture"])
    assert boxes.count("Lambda Functions") == 2
    assert len([e for e in model.elements if e.label == "Lambda Functions"]) == 2
    assert len(model.relations) >= len(arrows) == 7
    assert _views_beyond_overview(model)


def test_microservices(models):
    model = models["microservices"]
    _assert_diagram(model, SEED_001_DIAGRAMS["Microservices on AWS"])
    # Key Components: "ECS Service Discovery or AWS Cloud Map", "Application Load Balancer
    # with target groups", "SQS/SNS for asynchronous communication", "X-Ray for distributed tracing"
    assert _labelled(model, "Cloud Map")
    assert _labelled(model, "Application Load Balancer")
    assert _labelled(model, "SQS/SNS")
    assert _labelled(model, "X-Ray")
    assert _views_beyond_overview(model)


def test_event_driven(models):
    model = models["event-driven"]
    boxes, arrows = _assert_diagram(model, SEED_001_DIAGRAMS["Event-Driven Architecture"])
    assert len(boxes) == 13 and len(arrows) == 13
    # "Event Sources: S3, DynamoDB, CloudWatch, custom applications"
    assert _labelled(model, "CloudWatch") and _labelled(model, "custom applications")
    assert _views_beyond_overview(model)


def test_data_lake(models):
    model = models["data-lake"]
    boxes, arrows = _assert_diagram(model, SEED_001_DIAGRAMS["Data Lake Architecture"])
    assert "Real-time Analytics" in boxes and len(arrows) == 7
    # "Processing: Glue, EMR, Lambda"; "Analytics: Athena, Redshift, SageMaker"
    assert _labelled(model, "EMR") and _labelled(model, "SageMaker")
    assert _views_beyond_overview(model)


def test_stream_processing(models):
    model = models["stream-processing"]
    boxes, arrows = _assert_diagram(model, SEED_001_DIAGRAMS["Stream Processing Pattern"])
    assert len(boxes) == 6 and len(arrows) == 6
    assert _views_beyond_overview(model)


def test_cqrs_event_sourcing(models):
    model = models["cqrs-event-sourcing"]
    boxes, arrows = _assert_diagram(model, SEED_001_DIAGRAMS["CQRS with Event Sourcing"])
    assert len(boxes) == 7 and len(arrows) == 6
    # "Event Store (DynamoDB)", "Read Models (RDS/ElastiSearch)"
    assert _by_label(model, "Event Store (DynamoDB)").kind == "aws.database.Dynamodb"
    # "Scalability: Separate read and write paths"
    assert model_options(model)["forbid"]
    assert _views_beyond_overview(model) or model.flows


def test_defense_in_depth_seed_001_diagram(models):
    model = models["defense-in-depth"]
    boxes, arrows = _assert_diagram(model, SEED_001_DIAGRAMS["Defense in Depth"])
    assert {"Shield", "Origin Access", "Network ACLs", "Host-based Security"} <= set(boxes)
    assert len(arrows) == 7


def test_defense_in_depth_seed_002_chain_in_order(models):
    """Internet, WAF, CloudFront, security groups, ALB, app, database tiers, in order: each
    element of the chain calls the next, and the boundaries written before an element
    (subnet, security group) enclose it."""
    model = models["defense-in-depth"]
    groups_by_label = {g.label: g for g in model.groups}
    chain, pending = [], []
    for line in (raw.strip() for raw in SEED_002_DEFENSE_IN_DEPTH.splitlines()):
        if not line or line == "↓":
            continue
        if line.startswith(("Security Group", "Private subnet")):
            assert line in groups_by_label, f"no boundary labelled {line!r}"
            pending.append(groups_by_label[line])
            continue
        element = _element_for_box(model, line)
        enclosing = {g.id for g in model.enclosing(element.group)} if element.group else set()
        for group in pending:
            assert group.id in enclosing, f"{element.id} is not inside {group.label!r}"
        pending = []
        chain.append(element)
    assert [e.label for e in chain] == ["Internet", "WAF", "CloudFront", "ALB", "App", "RDS"]
    edges = _edges(model)
    for a, b in pairwise(chain):
        assert (a.id, b.id) in edges, f"{a.id} -> {b.id} missing"
    kinds = Counter(g.kind for g in model.groups)
    assert kinds["aws.SecurityGroup"] == 3
    # "RDS (encrypted, no public access)"
    rds = chain[-1]
    assert rds.properties.get("encrypted") is True
    assert not any(g.properties.get("public") is True for g in model.enclosing(rds.group))
    # Every path from the internet to the database passes the WAF (and the other stages).
    rules = model_options(model)["require_path_through"]
    assert any({s.value for s in r["through"]} == {"waf"} for r in rules)
    assert model_options(model)["layering"]["mode"] == "adjacent"


def test_disaster_recovery(models):
    model = models["disaster-recovery"]
    rows = [[c.strip() for c in line.strip().strip("|").split("|")]
            for line in SEED_002_DR_TABLE.strip().splitlines()]
    header, table = rows[0], [r for r in rows[2:]]
    assert header == ["Strategy", "RTO", "RPO", "Cost", "Complexity"]
    assert len(table) == 4
    regions = [g for g in model.groups if g.kind == "aws.Region"]
    assert len(regions) == 2
    for strategy, rto, rpo, cost, complexity in table:
        found = [e for e in model.elements if e.properties.get("strategy") == strategy]
        assert len(found) == 1, strategy
        props = found[0].properties
        assert (props.get("rto"), props.get("rpo"), props.get("cost"), props.get("complexity")) == \
            (rto, rpo, cost, complexity), strategy
    # The three seed-001 patterns are views over the two regions.
    titles = [v.title for v in _views_beyond_overview(model)]
    for pattern in SEED_001_DR_PATTERNS:
        assert pattern in titles, pattern
    # "Multi-AZ RDS: ~60s failover"
    rds = _by_label(model, "RDS")
    assert rds.properties.get("multi_az") is True and rds.properties.get("rto") == "~60s"
    # Pilot light, warm standby and active-active keep a footprint in the other region.
    primary = {g.id for g in model.enclosing(rds.group)}
    for strategy, *_ in table[1:]:
        element = next(e for e in model.elements if e.properties.get("strategy") == strategy)
        region = {g.id for g in model.enclosing(element.group) if g.kind == "aws.Region"}
        assert region and not region & primary, strategy

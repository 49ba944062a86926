"""How groups, relations and archdoc's own kinds look in images, after AWS's architecture diagrams.

Colours follow the AWS Architecture Icons group guidelines (account magenta, region and
availability zone blue dashed, VPC green, public subnet green fill, private subnet teal
fill, security group red dashed); relation kinds differ by line style and colour so a
reader can tell them apart in black and white too.
"""

from __future__ import annotations

from dataclasses import dataclass

from archdoc.model import RelationKind


@dataclass(frozen=True, slots=True)
class ClusterStyle:
    """Graphviz attributes of a group's cluster (or of its box when the view is collapsed)."""

    pencolor: str
    style: str = "solid"
    bgcolor: str = "#FFFFFF"
    fontcolor: str = "#232F3E"
    penwidth: str = "1.5"


_AWS_BLUE = "#147EBA"
_AWS_PINK = "#E7157B"
_K8S_BLUE = "#326CE5"
_GREY = "#7D8998"

CLUSTER_STYLES: dict[str, ClusterStyle] = {
    "aws.Cloud": ClusterStyle("#232F3E"),
    "aws.Organization": ClusterStyle(_AWS_PINK, fontcolor=_AWS_PINK),
    "aws.OU": ClusterStyle(_AWS_PINK, "dashed", fontcolor=_AWS_PINK),
    "aws.Account": ClusterStyle(_AWS_PINK, fontcolor=_AWS_PINK),
    "aws.Region": ClusterStyle(_AWS_BLUE, "dashed", fontcolor=_AWS_BLUE),
    "aws.AvailabilityZone": ClusterStyle(_AWS_BLUE, "dashed", "#F2F8FC", _AWS_BLUE, "1"),
    "aws.VPC": ClusterStyle("#248814", fontcolor="#248814"),
    "aws.PublicSubnet": ClusterStyle("#7AA116", bgcolor="#F2F6E8", fontcolor="#248814"),
    "aws.PrivateSubnet": ClusterStyle("#00A4A6", bgcolor="#E6F6F7", fontcolor="#147EBA"),
    "aws.SecurityGroup": ClusterStyle("#DD344C", "dashed", fontcolor="#DD344C"),
    "aws.AutoScalingGroup": ClusterStyle("#ED7100", "dashed", fontcolor="#ED7100"),
    "k8s.Cluster": ClusterStyle(_K8S_BLUE, fontcolor=_K8S_BLUE),
    "k8s.Namespace": ClusterStyle(_K8S_BLUE, "dashed", "#F0F4FD", _K8S_BLUE),
    "boundary": ClusterStyle(_GREY, "dashed", fontcolor="#545B64"),
    "system": ClusterStyle("#545B64", bgcolor="#F8F9FA", fontcolor="#545B64"),
}
DEFAULT_CLUSTER_STYLE = ClusterStyle(_GREY, fontcolor="#545B64")  # a group whose kind is an element kind


@dataclass(frozen=True, slots=True)
class EdgeStyle:
    color: str
    style: str = "solid"
    penwidth: str = "1"
    arrowhead: str = "normal"


EDGE_STYLES: dict[RelationKind, EdgeStyle] = {
    RelationKind.SYNC: EdgeStyle("#545B64"),
    RelationKind.ASYNC: EdgeStyle("#545B64", "dashed"),
    RelationKind.DATA: EdgeStyle("#0972D3", "bold", "2"),
    RelationKind.DEPLOY: EdgeStyle("#3F8624", "solid", "1.5", "empty"),
    RelationKind.MONITOR: EdgeStyle("#ED7100", "dotted", "1.5", "vee"),
}


@dataclass(frozen=True, slots=True)
class PlainStyle:
    """A box for a kind without an icon (C4 colours, as `diagrams.c4` draws them)."""

    fillcolor: str
    fontcolor: str = "#FFFFFF"


# archdoc's own kinds; `person` is drawn with this diagrams icon when it is installed.
PERSON_ICON_KIND = "onprem.client.User"
PLAIN_STYLES: dict[str, PlainStyle] = {
    "person": PlainStyle("#08427B"),
    "system": PlainStyle("#1168BD"),
    "external": PlainStyle("#999999"),
    "container": PlainStyle("#438DD5"),
    "component": PlainStyle("#85BBF0", "#0B2A4A"),
}
UNKNOWN_STYLE = PlainStyle("#E9ECEF", "#2D3436")  # a kind with no icon in the installed diagrams

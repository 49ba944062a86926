"""Synthetic layered models for the benchmarks: N elements, 3 relations each, nested groups, path rules.

    python bench/generate.py 10000 bench/out/models/big-10000.yaml
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

LAYERS = ["edge", "web", "app", "domain", "integration", "data", "storage"]
KINDS = ["aws.network.CloudFront", "aws.network.ElbApplicationLoadBalancer", "aws.compute.Fargate",
         "aws.compute.Lambda", "aws.integration.SimpleQueueServiceSqs", "aws.database.RDS",
         "aws.storage.SimpleStorageServiceS3"]


def synthetic_model(elements: int, seed: int = 7, model_id: str | None = None, well_architected: bool = True) -> str:
    """A model of `elements` elements in 7 layers, region > VPC > subnet groups, 3 downward relations each."""
    rng = random.Random(seed)
    per_layer = max(1, elements // len(LAYERS))
    subnets = max(1, elements // 50)
    lines = [f"id: {model_id or f'synthetic-{elements}'}", f"title: Synthetic model of {elements} elements", "layers:"]
    lines += [f"  - {{id: {layer}}}" for layer in LAYERS]
    lines += ["groups:", "  - id: region", "    kind: aws.Region", "    groups:"]
    vpcs = max(1, subnets // 10)
    for v in range(vpcs):
        lines += [f"      - id: vpc{v}", "        kind: aws.VPC", f"        properties: {{cidr: 10.{v % 256}.0.0/16}}",
                  "        groups:"]
        for s in range(v * 10, min(subnets, (v + 1) * 10)):
            lines.append(f"          - {{id: subnet{s}, kind: aws.PrivateSubnet, "
                         f"properties: {{cidr: 10.{v % 256}.{s % 10}.0/24}}}}")
    lines.append("elements:")
    ids: list[list[str]] = [[] for _ in LAYERS]
    for n in range(elements):
        layer = min(n // per_layer, len(LAYERS) - 1)
        element_id = f"e{n}"
        ids[layer].append(element_id)
        tags = ", tags: [internet]" if layer == 0 and n % 10 == 0 else ""
        lines.append(f"  - {{id: {element_id}, kind: {KINDS[layer]}, layer: {LAYERS[layer]}, "
                     f"in: subnet{n % subnets}, label: Element {n}{tags}}}")
    lines.append("relations:")
    for layer, layer_ids in enumerate(ids):
        for position, element_id in enumerate(layer_ids):
            # The bottom layer calls later elements of its own layer only: no cycles.
            below = ids[layer + 1] if layer + 1 < len(ids) else layer_ids[position + 1:]
            for target in rng.sample(below, min(3, len(below))):
                if target != element_id:
                    lines.append(f"  - {element_id} -> {target}: call")
    lines += [
        "views:",
        "  - {id: edge, include: ['layer:edge', 'layer:web']}",
        "  - {id: everything, include: ['*']}",
        "rules:",
        *([] if well_architected else ["  packs: {well-architected: off}"]),
        "  acyclic: true",
        "  forbid:",
        "    - {from: 'layer:edge', to: 'layer:storage', reason: through the app tiers}",
        "  require_path_through:",
        "    - {from: 'tag:internet', to: 'layer:storage', through: 'layer:app', reason: defense in depth}",
    ]
    return "\n".join(lines) + "\n"


def included_model(elements: int, parts: int, well_architected: bool = True) -> dict[str, str]:
    """The same model with its elements and relations in `parts` fragments (`_part-N.yaml`) that the model
    file includes: file name -> text. Relations go with the fragment of their source."""
    lines = synthetic_model(elements, well_architected=well_architected).splitlines()
    start, middle, end = lines.index("elements:"), lines.index("relations:"), lines.index("views:")
    element_lines, relation_lines = lines[start + 1:middle], lines[middle + 1:end]
    size = -(-len(element_lines) // parts)
    files: dict[str, str] = {}
    for part in range(parts):
        chunk = element_lines[part * size:(part + 1) * size]
        ids = {line.split(",", 1)[0].removeprefix("  - {id: ") for line in chunk}
        relations = [line for line in relation_lines if line.split(" -> ", 1)[0].removeprefix("  - ") in ids]
        files[f"_part-{part}.yaml"] = "\n".join(["elements:", *chunk, "relations:", *relations]) + "\n"
    include = "include: [" + ", ".join(sorted(files)) + "]"
    files[f"synthetic-{elements}.yaml"] = "\n".join([*lines[:start], include, "elements: []", *lines[end:]]) + "\n"
    return files


if __name__ == "__main__":
    size, target = int(sys.argv[1]), Path(sys.argv[2])
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(synthetic_model(size), encoding="utf-8")

"""The codes the IaC readers and their importers report (AD620-AD659), with their documentation.

Input that cannot be read at all (encoding, size, syntax, depth, aliases, tags) is reported
with the loader's AD0xx codes (`archdoc.load.codes`). These codes are warnings: the source
was read, and something in it could not be followed or mapped. Each entry is (name,
severity, Markdown documentation), like `LOADER_CODES`.
"""

from __future__ import annotations

from archdoc.model import Severity

W = Severity.WARNING

# The lint rule AD500 (archdoc.lint.rules.iac_sources) reports the sources a model's `iac:` cannot read;
# defined here, where importing it loads no reader.
SOURCE_PROBLEM = "AD500"

NOT_IAC = "AD620"
TEMPLATE_NOT_GIVEN = "AD621"
IMPORT_WITHOUT_EXPORT = "AD622"
UNKNOWN_LOGICAL_ID = "AD623"
DUPLICATE_EXPORT = "AD624"
UNMAPPED_TYPE = "AD625"
MODULE_NOT_LOCAL = "AD626"
MODULE_NOT_FOUND = "AD627"
UNSUPPORTED_FORMAT = "AD628"
UNDECLARED_ADDRESS = "AD629"
PLUMBING_SERVES_NOTHING = "AD630"
DUPLICATE_ADDRESS = "AD631"
NESTING_CYCLE = "AD632"

IAC_CODES: dict[str, tuple[str, Severity, str]] = {
    NOT_IAC: ("not-iac", W, """
        A file given as infrastructure code is none of the formats archdoc reads: a CloudFormation
        or SAM template (a mapping with `Resources`), a folder of Terraform `.tf` files, or the JSON
        of `terraform show -json` (plan or state) or a state file (`terraform.tfstate`, version 4).

        The file is skipped; the others are still read.
    """),
    TEMPLATE_NOT_GIVEN: ("nested-template-not-given", W, """
        A nested stack (`AWS::CloudFormation::Stack`, `AWS::Serverless::Application`) names its
        template by a `TemplateURL` or `Location` that is none of the files given. archdoc never
        downloads templates: give the nested template's file too (a relative path is taken from
        the parent template's folder; an S3 URL is matched by its file name). The stack itself is
        kept as one resource.
    """),
    IMPORT_WITHOUT_EXPORT: ("import-without-export", W, """
        `Fn::ImportValue` names an export that none of the given templates declares in its
        `Outputs` (`Export: {Name: ...}`). Give the exporting template too to join the stacks.
    """),
    UNKNOWN_LOGICAL_ID: ("unknown-logical-id", W, """
        `Ref`, `Fn::GetAtt`, `Fn::Sub` or `DependsOn` names a logical id that is neither a resource
        nor a parameter of the template, nor a pseudo parameter (`AWS::Region`, ...).
    """),
    DUPLICATE_EXPORT: ("duplicate-export", W, """
        Two given templates export the same name. CloudFormation refuses that within a region;
        archdoc joins imports to the first and reports the second.
    """),
    UNMAPPED_TYPE: ("unmapped-type", W, """
        A resource type is not in archdoc's mapping table (see "Importing infrastructure code"),
        so it is imported as a generic element. Give the element a fitting `kind` by hand.
    """),
    MODULE_NOT_LOCAL: ("module-not-local", W, """
        A Terraform `module` block takes its code from a registry, Git or HTTP source. archdoc
        reads only local modules (`source = "./modules/vpc"`); import a plan or state JSON
        (`terraform show -json`) to see what remote modules create.
    """),
    MODULE_NOT_FOUND: ("module-not-found", W, """
        A local Terraform module's `source` folder does not exist, holds no `.tf` file, or leads
        outside the folder being read.
    """),
    UNSUPPORTED_FORMAT: ("unsupported-format-version", W, """
        A Terraform JSON file has a `format_version` whose major version is not 1, or a state file
        whose `version` is not 4. Its resources are read where their shape is the known one.
    """),
    UNDECLARED_ADDRESS: ("undeclared-address", W, """
        A Terraform expression or `depends_on` names a resource that no given file declares.
    """),
    PLUMBING_SERVES_NOTHING: ("plumbing-serves-nothing", W, """
        A plumbing resource (a role, policy, security-group rule, route table, attachment,
        listener, target group, ...) is connected to no element or group, so the importer has
        nowhere to fold it and leaves it out of the model.
    """),
    DUPLICATE_ADDRESS: ("duplicate-address", W, """
        Two given sources declare a resource at the same address (two top-level templates with
        the same logical id, a Terraform resource declared twice). The first is kept.
    """),
    NESTING_CYCLE: ("nested-stack-cycle", W, """
        Nested stacks name each other's templates in a circle, or nest deeper than 16 levels.
        The stack where the circle closes is kept as one resource.
    """),
}

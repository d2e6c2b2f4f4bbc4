#!/usr/bin/env python3
"""Writes src/JobStatus.Core/Services/VendorRegions.g.cs from the vendor's Python SDK region files.

Usage: python3 src/RegionData/Update-RegionData.py <sdk-folder> [--output <file>]

<sdk-folder> holds the extracted huaweicloud-sdk-core and huaweicloud-sdk-<svc> folders of one
release of huaweicloud/huaweicloud-sdk-python-v3 (docs/Services.md, "Region data", says how to get
them). Each service's region module is executed as the SDK would import it, and its static_fields
(region id -> Region) is read: the region ids, and the endpoint of every region whose URL is not
the catalog's usual one (EndpointRules.ForRegion). Standard library only; the same input gives the
same bytes.
"""

import argparse
import importlib.util
import os
import re
import sys
import types

# The catalog's services, in CloudJobServices.All order: the name, the SDK package, the SDK version
# folder that holds the job API the catalog reads (see each Catalog/*.cs file's sources), and the
# catalog's host label. VPC's job API (ShowResourcesJobDetail) is in the EIP SDK, not the VPC one.
SERVICES = [
    # name, property, package, version, hostLabel
    ("CFW", "Cfw", "cfw", "v1", "cfw"),
    ("BMS", "Bms", "bms", "v1", "bms"),
    ("CCE", "Cce", "cce", "v3", "cce"),
    ("DCS", "Dcs", "dcs", "v2", "dcs"),
    ("DDS", "Dds", "dds", "v3", "dds"),
    ("ECS", "Ecs", "ecs", "v2", "ecs"),
    ("ELB", "Elb", "elb", "v3", "elb"),
    ("EVS", "Evs", "evs", "v2", "evs"),
    ("GaussDB", "GaussDb", "gaussdb", "v3", "gaussdb"),
    ("IMS", "Ims", "ims", "v2", "ims"),
    ("RDS", "Rds", "rds", "v3", "rds"),
    ("VPC", "Vpc", "eip", "v2", "vpc"),
    ("AntiDDoS", "AntiDDoS", "antiddos", "v2", "antiddos"),
    ("CBR", "CBR", "cbr", "v1", "cbr"),
    ("CPH", "CPH", "cph", "v1", "cph"),
    ("DDM", "DDM", "ddm", "v1", "ddm"),
    ("DNS", "DNS", "dns", "v2", "dns"),
    ("DWS", "DWS", "dws", "v2", "dws"),
    ("GEIP", "GEIP", "geip", "v3", "eip"),
    ("GeminiDB", "GeminiDB", "gaussdbfornosql", "v3", "gaussdb-nosql"),
    ("GES", "GES", "ges", "v2", "ges"),
    ("Kafka", "Kafka", "kafka", "v2", "dms"),
    ("openGauss", "OpenGauss", "gaussdbforopengauss", "v3", "gaussdb-opengauss"),
    ("RabbitMQ", "RabbitMQ", "rabbitmq", "v2", "dms"),
    ("RocketMQ", "RocketMQ", "rocketmq", "v2", "dms"),
    ("SDRS", "SDRS", "sdrs", "v1", "sdrs"),
    ("SFSTurbo", "SFSTurbo", "sfsturbo", "v1", "sfs-turbo"),
    ("WAF", "WAF", "waf", "v1", "waf"),
    ("SWR", "SWR", "swr", "v2", "swr-api"),
    ("CSE", "CSE", "cse", "v1", "cse"),
    ("ServiceStage", "ServiceStage", "servicestage", "v3", "servicestage"),
    ("UCS", "UCS", "ucs", "v1", "ucs"),
    # CCE Autopilot's job API is in the CCE v3 package, with CCE's region file.
    ("CCEAutopilot", "CCEAutopilot", "cce", "v3", "cce"),
    # So are CCE's cluster upgrade tasks: each catalog service gets its own generated list.
    ("CCEUpgrade", "CCEUpgrade", "cce", "v3", "cce"),
    ("Workspace", "Workspace", "workspace", "v2", "workspace"),
    ("WorkspaceApp", "WorkspaceApp", "workspaceapp", "v1", "workspace"),
    ("CAE", "CAE", "cae", "v1", "cae"),
    # Yearly/monthly orders: the Chinese site's BSS and the international site's BSSINTL packages.
    ("Order", "Order", "bss", "v2", "bss"),
    ("OrderIntl", "OrderIntl", "bssintl", "v2", "bss-intl"),
]

# What EndpointRules accepts as a region name, and the only endpoint form the catalog takes.
REGION_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ENDPOINT = re.compile(r"^https://[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)+$")
SETUP_VERSION = re.compile(r'^VERSION\s*=\s*"([^"]+)"\s*$', re.MULTILINE)

DEFAULT_OUTPUT = os.path.join(
    os.path.dirname(os.path.abspath(__file__)), os.pardir, "JobStatus.Core", "Services", "VendorRegions.g.cs")


class RegionDataError(Exception):
    pass


def usual_endpoint(host_label, region):
    # Must say what src/JobStatus.Core/Connection/EndpointRules.cs ForRegion says.
    domain = "myhuaweicloud.eu" if region == "eu-west-101" else "myhuaweicloud.com"
    return "https://{0}.{1}.{2}".format(host_label, region, domain)


def region_order(region):
    # Numbers as numbers, so cn-north-9 comes before cn-north-11 (RegionNameComparer does the same).
    return [(0, int(part), "") if part.isdigit() else (1, 0, part) for part in region.split("-")]


def load_file(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def install_core(sdk):
    """Makes `from huaweicloudsdkcore.region.region import Region` give the vendor's own Region class.

    The provider chain is replaced: it reads the user's environment and ~/.huaweicloud profile (and
    needs PyYAML), which is local configuration, not the vendor's data.
    """
    region_py = os.path.join(sdk, "huaweicloud-sdk-core", "huaweicloudsdkcore", "region", "region.py")
    if not os.path.isfile(region_py):
        raise RegionDataError("{0} is missing: extract huaweicloud-sdk-core too.".format(region_py))

    for name in ("huaweicloudsdkcore", "huaweicloudsdkcore.region"):
        package = types.ModuleType(name)
        package.__path__ = []
        sys.modules[name] = package

    provider = types.ModuleType("huaweicloudsdkcore.region.provider")

    class RegionProviderChain(object):
        @staticmethod
        def get_default_region_provider_chain(service_name):
            return None

    provider.RegionProviderChain = RegionProviderChain
    sys.modules[provider.__name__] = provider
    return load_file("huaweicloudsdkcore.region.region", region_py).Region


def read_release(sdk, packages):
    """The release every package read says it belongs to (its setup.py VERSION), which must agree."""
    releases = {}
    for package in packages:
        setup = os.path.join(sdk, "huaweicloud-sdk-" + package, "setup.py")
        with open(setup, encoding="utf-8") as stream:
            match = SETUP_VERSION.search(stream.read())
        if not match:
            raise RegionDataError("No VERSION = \"...\" line in {0}.".format(setup))
        releases.setdefault(match.group(1), []).append(package)
    if len(releases) != 1:
        raise RegionDataError("The packages come from different releases: {0}.".format(
            "; ".join("{0}: {1}".format(r, ", ".join(p)) for r, p in sorted(releases.items()))))
    return next(iter(releases))


def read_service(sdk, region_class, name, package, version, host_label):
    relative = "huaweicloud-sdk-{0}/huaweicloudsdk{0}/{1}/region/{0}_region.py".format(package, version)
    path = os.path.join(sdk, *relative.split("/"))
    if not os.path.isfile(path):
        raise RegionDataError("{0}: {1} is missing.".format(name, path))

    module = load_file("huaweicloudsdk{0}.{1}.region.{0}_region".format(package, version), path)
    holders = [v for v in vars(module).values()
               if isinstance(v, type) and v.__module__ == module.__name__ and isinstance(getattr(v, "static_fields", None), dict)]
    if len(holders) != 1:
        raise RegionDataError("{0}: expected one class with static_fields in {1}, found {2}.".format(name, relative, len(holders)))

    regions = []
    exceptions = []
    fallbacks = []
    for key, region in holders[0].static_fields.items():
        if not isinstance(region, region_class) or region.id != key:
            raise RegionDataError("{0}: static_fields['{1}'] is not the Region '{1}'.".format(name, key))
        if not REGION_ID.match(key) or len(key) > 63:
            raise RegionDataError("{0}: '{1}' is not a region name EndpointRules accepts.".format(name, key))
        for endpoint in region.endpoints or []:
            if not ENDPOINT.match(endpoint):
                raise RegionDataError("{0}: {1} has the endpoint '{2}', not https://host.".format(name, key, endpoint))
        if not region.endpoints:
            raise RegionDataError("{0}: {1} has no endpoint.".format(name, key))
        # The SDK's client sends to the first endpoint and moves to the next only when the host is
        # unreachable; the catalog keeps one host per region, the first.
        endpoint = region.endpoints[0]
        regions.append(key)
        if endpoint != usual_endpoint(host_label, key):
            exceptions.append((key, endpoint))
        fallbacks.extend((key, other) for other in region.endpoints[1:])

    regions.sort(key=region_order)
    exceptions.sort(key=lambda pair: region_order(pair[0]))
    fallbacks.sort(key=lambda pair: region_order(pair[0]))
    return relative, regions, exceptions, fallbacks


def csharp_string(text):
    # Every value was matched against REGION_ID, ENDPOINT or a plain release number above.
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def wrap(items, indent, width=110):
    lines = []
    line = ""
    for item in items:
        piece = item + ","
        if line and len(indent) + len(line) + 1 + len(piece) > width:
            lines.append(indent + line)
            line = piece
        else:
            line = piece if not line else line + " " + piece
    if line:
        lines.append(indent + line)
    return lines


def render(release, services):
    out = [
        "// <auto-generated>",
        "// Generated by src/RegionData/Update-RegionData.py from the region files of release {0} of".format(release),
        "// the vendor's Python SDK (huaweicloud/huaweicloud-sdk-python-v3). Do not edit: rerun the script",
        "// on an extracted snapshot of a newer release (docs/Services.md, \"Region data\").",
        "// </auto-generated>",
        "",
        "#nullable enable",
        "",
        "using System;",
        "using System.Collections.Generic;",
        "",
        "namespace JobStatus.Services",
        "{",
        "    /// <summary>The regions of each service's job API as the vendor's SDK lists them, and the hosts that differ from the usual pattern.</summary>",
        "    internal static class VendorRegions",
        "    {",
        "        /// <summary>The release of huaweicloud-sdk-python-v3 the data was read from.</summary>",
        "        public const string Release = {0};".format(csharp_string(release)),
    ]
    for name, prop, host_label, relative, regions, exceptions, fallbacks in services:
        out.append("")
        for region, endpoint in fallbacks:
            out.append("        // {0}: the SDK falls back to {1} when the first host is unreachable; the catalog takes the first.".format(region, endpoint))
        out.append("        /// <summary>{0}: {1} regions, from {2}.</summary>".format(name, len(regions), relative))
        out.append("        public static VendorRegionList {0} {{ get; }} = new VendorRegionList(".format(prop))
        out.append("            {0},".format(csharp_string(name)))
        out.append("            {0},".format(csharp_string(relative)))
        out.append("            {0},".format(csharp_string(host_label)))
        out.append("            new[]")
        out.append("            {")
        out.extend(wrap([csharp_string(r) for r in regions], " " * 16))
        out.append("            },")
        if exceptions:
            out.append("            new Dictionary<string, string>")
            out.append("            {")
            for region, endpoint in exceptions:
                out.append("                [{0}] = {1},".format(csharp_string(region), csharp_string(endpoint)))
            out.append("            });")
        else:
            out.append("            new Dictionary<string, string>());")
    out.append("")
    out.append("        /// <summary>Every list above, in the catalog's order.</summary>")
    out.append("        public static IReadOnlyList<VendorRegionList> All { get; } = Array.AsReadOnly(new[]")
    out.append("        {")
    for service in services:
        out.append("            {0},".format(service[1]))
    out.append("        });")
    out.append("    }")
    out.append("}")
    return "\n".join(out) + "\n"


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sdk", help="the folder holding huaweicloud-sdk-core and the huaweicloud-sdk-<svc> folders")
    parser.add_argument("--output", default=DEFAULT_OUTPUT, help="the C# file to write (default: %(default)s)")
    args = parser.parse_args(argv)

    try:
        sdk = os.path.abspath(args.sdk)
        region_class = install_core(sdk)
        release = read_release(sdk, ["core"] + sorted({s[2] for s in SERVICES}))
        services = []
        for name, prop, package, version, host_label in SERVICES:
            relative, regions, exceptions, fallbacks = read_service(sdk, region_class, name, package, version, host_label)
            services.append((name, prop, host_label, relative, regions, exceptions, fallbacks))
            print("{0}: {1} regions; other hosts: {2}".format(
                name, len(regions), ", ".join("{0} {1}".format(r, e) for r, e in exceptions) or "none"))
    except RegionDataError as error:
        print("Update-RegionData: " + str(error), file=sys.stderr)
        return 1

    text = render(release, services)
    output = os.path.normpath(args.output)
    with open(output, "w", encoding="utf-8", newline="\n") as stream:
        stream.write(text)
    print("Wrote {0} from release {1}.".format(output, release))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

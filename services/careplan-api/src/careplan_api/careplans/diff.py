"""A structured diff of two plan versions, matched by id: sections, then their goals and
interventions. Hand-written rather than a generic library (deepdiff): the plan's shape is
known and small, and matching by id gives answers a reviewer reads directly ("goal X: target
date changed") where a generic diff reports list positions that shift with every insert."""

from typing import Any

NESTED = ("goals", "interventions")


def _field_changes(before: dict[str, Any], after: dict[str, Any]) -> list[dict[str, Any]]:
    keys = sorted((set(before) | set(after)) - {"id", *NESTED})
    return [{"field": k, "before": before.get(k), "after": after.get(k)} for k in keys
            if before.get(k) != after.get(k)]


def diff_items(before: list[dict[str, Any]], after: list[dict[str, Any]]) -> dict[str, Any]:
    old = {item["id"]: item for item in before}
    new = {item["id"]: item for item in after}
    changed = []
    for item_id in new.keys() & old.keys():
        if fields := _field_changes(old[item_id], new[item_id]):
            changed.append({"id": item_id, "fields": fields})
    return {
        "added": [new[i] for i in new if i not in old],
        "removed": [old[i] for i in old if i not in new],
        "changed": sorted(changed, key=lambda c: str(c["id"])),
    }


def diff_sections(before: list[dict[str, Any]], after: list[dict[str, Any]]) -> dict[str, Any]:
    old = {s["id"]: s for s in before}
    new = {s["id"]: s for s in after}
    changed = []
    for section_id in [i for i in new if i in old]:
        fields = _field_changes(old[section_id], new[section_id])
        nested = {name: diff_items(old[section_id].get(name, []), new[section_id].get(name, []))
                  for name in NESTED}
        if fields or any(any(part.values()) for part in nested.values()):
            section = new[section_id]
            changed.append({"id": section_id, "domain": section["domain"], "title": section["title"],
                            "fields": fields, **nested})
    return {
        "sections_added": [new[i] for i in new if i not in old],
        "sections_removed": [old[i] for i in old if i not in new],
        "sections_changed": changed,
    }

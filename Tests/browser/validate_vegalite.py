#!/usr/bin/env python3
"""Validate Vega-Lite specs against the official v5 JSON schema and render each to SVG.

Usage: python3 Tests/browser/validate_vegalite.py SPEC.json [SPEC.json ...]

The schema is the copy shipped inside the `altair` package (altair 5.x carries Vega-Lite
v5.20.1 at altair/vegalite/v5/schema/vega-lite-schema.json); rendering uses vl-convert-python,
which bundles Vega and Vega-Lite and needs no network. Both are pinned in Tests/requirements.txt.

Exit status: 0 all valid and rendered; 1 a spec is invalid or fails to render;
3 a required package is missing (the Swift test then skips with this message).
"""

import json
import sys
from pathlib import Path

try:
    import altair.vegalite.v5.schema as v5schema
    import jsonschema
    import vl_convert
except ImportError as error:  # a dev machine without `scripts/setup.sh --test`
    print(f"python packages missing ({error}); run scripts/setup.sh --test")
    sys.exit(3)


def main(paths: list[str]) -> int:
    schema_path = Path(v5schema.__file__).parent / "vega-lite-schema.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema)
    failures = 0
    for path in paths:
        spec = json.loads(Path(path).read_text(encoding="utf-8"))
        errors = sorted(validator.iter_errors(spec), key=lambda e: list(e.absolute_path))
        if errors:
            failures += 1
            best = jsonschema.exceptions.best_match(errors)
            where = "/".join(str(p) for p in best.absolute_path)
            print(f"invalid: {path}: at /{where}: {best.message[:300]}")
            continue
        try:
            svg = vl_convert.vegalite_to_svg(spec, vl_version="v5.20", allowed_base_urls=[])
        except Exception as error:  # vl-convert raises ValueError with the Vega message
            failures += 1
            print(f"render failed: {path}: {error}")
            continue
        if "<svg" not in svg:
            failures += 1
            print(f"render gave no SVG: {path}")
    if failures:
        return 1
    print(f"ok: {len(paths)} specs valid against {v5schema.SCHEMA_URL} and rendered "
          f"(altair {__import__('altair').__version__}, vl-convert {vl_convert.__version__})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

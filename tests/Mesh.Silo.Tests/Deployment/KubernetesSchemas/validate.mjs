// Validates Kubernetes objects against the Kubernetes API schemas of kubernetes-models (generated from the
// Kubernetes OpenAPI spec). Reads a JSON array of {source, object} from standard input and prints one JSON line per
// object: {source, kind, valid, errors}. Exit code 0 when every object was checked (valid or not), 2 on bad input.
import { readFileSync } from "node:fs";

const items = JSON.parse(readFileSync(0, "utf8"));
if (!Array.isArray(items)) {
  console.error("validate.mjs: expected a JSON array of {source, object}");
  process.exit(2);
}

for (const { source, object } of items) {
  const apiVersion = object?.apiVersion;
  const kind = object?.kind;
  const result = { source, kind: `${apiVersion}/${kind}`, valid: false, errors: [] };
  if (typeof apiVersion !== "string" || typeof kind !== "string" || !/^[A-Za-z0-9]+$/.test(kind)) {
    result.errors.push("no apiVersion and kind");
  } else {
    // apps/v1 -> kubernetes-models/apps/v1/Kind; v1 (the core group) -> kubernetes-models/v1/Kind.
    const module = `kubernetes-models/${apiVersion}/${kind}`;
    let model;
    try {
      model = (await import(module))[kind];
    } catch {
      result.errors.push(`no schema for ${apiVersion} ${kind} (${module})`);
    }
    if (model) {
      try {
        new model(object).validate();
        result.valid = true;
      } catch (error) {
        result.errors.push(...(error.errors ?? [error]).map((e) => e.instancePath !== undefined ? `${e.instancePath || "/"} ${e.message}` : String(e.message ?? e)));
      }
    }
  }
  console.log(JSON.stringify(result));
}

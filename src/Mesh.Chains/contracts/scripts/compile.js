// Compiles src/*.sol with solc-js through standard JSON and writes one artifact per contract
// (contractName, abi, bytecode, deployedBytecode) into build/. Artifacts are produced here, never edited by hand.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const solc = require("solc");

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const sourceDir = path.join(root, "src");
const outDir = path.join(root, process.env.MESH_CONTRACTS_OUT ?? "build");
const nodeModules = path.join(root, "node_modules");

// Hardhat 3.18's simulated network runs the latest stable L1 hardfork, Osaka, by default.
const evmVersion = "osaka";
const settings = {
  evmVersion,
  optimizer: { enabled: true, runs: 200 },
  outputSelection: { "*": { "*": ["abi", "evm.bytecode.object", "evm.deployedBytecode.object"] } },
};

const sources = {};
for (const file of readdirSync(sourceDir).filter((f) => f.endsWith(".sol")).sort()) {
  sources[`src/${file}`] = { content: readFileSync(path.join(sourceDir, file), "utf8") };
}

const fingerprint = createHash("sha256")
  .update(solc.version())
  .update(JSON.stringify(settings))
  .update(JSON.stringify(sources))
  .digest("hex");
const stampPath = path.join(outDir, "fingerprint.txt");
if (existsSync(stampPath) && readFileSync(stampPath, "utf8") === fingerprint && process.argv[2] !== "--force") {
  console.log(`contracts up to date in ${outDir}`);
  process.exit(0);
}

function findImports(importPath) {
  const candidates = [path.join(root, importPath), path.join(nodeModules, importPath)];
  for (const candidate of candidates) {
    if (existsSync(candidate)) {
      return { contents: readFileSync(candidate, "utf8") };
    }
  }
  return { error: `import not found: ${importPath}` };
}

const input = { language: "Solidity", sources, settings };
const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
const errors = (output.errors ?? []).filter((e) => e.severity === "error");
for (const message of output.errors ?? []) {
  console.error(message.formattedMessage);
}
if (errors.length > 0) {
  process.exit(1);
}

mkdirSync(outDir, { recursive: true });
let count = 0;
for (const [source, contracts] of Object.entries(output.contracts)) {
  if (!source.startsWith("src/")) {
    continue;
  }
  for (const [name, contract] of Object.entries(contracts)) {
    const artifact = {
      contractName: name,
      sourceName: source,
      compiler: solc.version(),
      evmVersion,
      abi: contract.abi,
      bytecode: `0x${contract.evm.bytecode.object}`,
      deployedBytecode: `0x${contract.evm.deployedBytecode.object}`,
    };
    writeFileSync(path.join(outDir, `${name}.json`), `${JSON.stringify(artifact, null, 2)}\n`);
    count++;
  }
}
writeFileSync(stampPath, fingerprint);
console.log(`compiled ${count} contracts with solc ${solc.version()} (evmVersion ${evmVersion}) into ${outDir}`);

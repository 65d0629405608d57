// The local chains of the mesh: `hardhat node --hostname 127.0.0.1 --port P --chain-id N`, one process per chain.
// MESH_CHAIN_ID sets the chain id when --chain-id is not given; MESH_BLOCK_INTERVAL_MS switches from automine to
// timed blocks.
import { defineConfig } from "hardhat/config";

const chainId = Number(process.env.MESH_CHAIN_ID ?? 31337);
const interval = process.env.MESH_BLOCK_INTERVAL_MS;

export default defineConfig({
  networks: {
    default: {
      type: "edr-simulated",
      chainType: "l1",
      chainId,
      mining: interval ? { auto: false, interval: Number(interval) } : { auto: true },
    },
  },
});

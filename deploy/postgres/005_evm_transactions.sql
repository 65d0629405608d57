-- Mesh schema 005: the EVM transaction store that the silos of a cluster share (Mesh.Chains' PostgreSQL store).
--
-- mesh_evm_transactions: per chain scope ("<chain id>:<vault address>") and operation id, the signed transaction
-- that carries the operation. A silo writes the row, committed, before it sends the transaction, so that whichever
-- silo submits the operation again (after a crash, on another silo) resends the same bytes: same nonce, same hash.
-- mesh_evm_nonces: per scope and signer, the nonce after the last recorded transaction; a diagnostic (the chain's
-- pending transaction count is what a new transaction uses, so a refused or lost send leaves no gap).
--
-- Silos serialize nonce allocation, signing and sending per (chain id, signer) with a transaction-level advisory
-- lock, pg_advisory_xact_lock(1296389709 ("MEVM"), <32 bits of SHA-256 of "chain id:address">); no table holds it.

CREATE TABLE mesh_evm_transactions (
    scope        text        NOT NULL,
    operation_id text        NOT NULL,
    payload      text        NOT NULL,
    signer       text        NOT NULL,
    nonce        bigint      NOT NULL CHECK (nonce >= 0),
    hash         text        NOT NULL,
    raw          text        NOT NULL,
    saved_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, operation_id)
);

CREATE TABLE mesh_evm_nonces (
    scope      text   NOT NULL,
    signer     text   NOT NULL,
    next_nonce bigint NOT NULL CHECK (next_nonce >= 0),
    PRIMARY KEY (scope, signer)
);

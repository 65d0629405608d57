// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";

/// @title The bridge escrow of one mesh vault.
/// @notice Holds the collateral a vault locked for cross-chain transfers and the liquidity its releases pay out
/// (anyone may fund it with a plain ERC-20 transfer). Only its vault can take tokens out.
contract MeshBridgeEscrow {
    using SafeERC20 for IERC20;

    /// @notice The vault that created the escrow and alone may pay out of it.
    address public immutable vault;

    /// @notice The caller is not the vault.
    error OnlyVault(address caller);

    /// @param owningVault The vault.
    constructor(address owningVault) {
        vault = owningVault;
    }

    /// @notice Pays tokens out of the escrow; called by the vault for a release.
    function pay(IERC20 token, address to, uint256 amount) external {
        if (msg.sender != vault) {
            revert OnlyVault(msg.sender);
        }
        token.safeTransfer(to, amount);
    }
}

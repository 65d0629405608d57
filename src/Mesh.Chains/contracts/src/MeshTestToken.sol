// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title An ERC-20 collateral token for local chains and tests.
/// @notice Decimals are set at deployment; holders of MINTER_ROLE mint.
contract MeshTestToken is ERC20, AccessControl {
    /// @notice The role that may mint.
    bytes32 public constant MINTER_ROLE = keccak256("mesh.token.minter");

    uint8 private immutable _decimals;

    /// @param name_ The token name.
    /// @param symbol_ The token symbol.
    /// @param decimals_ The decimals of one whole token.
    /// @param admin The account that holds the admin and minter roles.
    constructor(string memory name_, string memory symbol_, uint8 decimals_, address admin) ERC20(name_, symbol_) {
        _decimals = decimals_;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(MINTER_ROLE, admin);
    }

    /// @inheritdoc ERC20
    function decimals() public view override returns (uint8) {
        return _decimals;
    }

    /// @notice Creates tokens.
    function mint(address to, uint256 amount) external onlyRole(MINTER_ROLE) {
        _mint(to, amount);
    }
}

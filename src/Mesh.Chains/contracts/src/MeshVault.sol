// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {MeshBridgeEscrow} from "./MeshBridgeEscrow.sol";

/// @title The mesh's collateral vault on one chain.
/// @notice Holds ERC-20 collateral per protocol (a bytes32 id). The mesh's signer (OPERATOR_ROLE) deposits from a
/// protocol's account, withdraws to it, locks collateral into the bridge escrow for a cross-chain transfer and
/// releases it from the escrow on the destination. Every movement carries the mesh's operation id; an id is used at
/// most once, so a resent operation reverts instead of moving value twice.
contract MeshVault is AccessControl, ReentrancyGuard {
    using SafeERC20 for IERC20;

    /// @notice The role of the mesh's signer, the only account that moves value.
    bytes32 public constant OPERATOR_ROLE = keccak256("mesh.vault.operator");

    /// @notice What a movement did (the order matches the mesh's OperationKind).
    enum Kind {
        Deposit,
        Withdraw,
        Lock,
        Release
    }

    /// @notice The escrow that holds locked collateral and the liquidity that releases pay out.
    MeshBridgeEscrow public immutable bridge;

    /// @notice The collateral each protocol holds in the vault, per token.
    mapping(bytes32 protocol => mapping(address token => uint256 amount)) public protocolBalance;

    /// @notice Whether an operation id has been used by a movement.
    mapping(bytes32 operationId => bool used) public operationUsed;

    /// @notice Emitted for every movement of value.
    event Movement(
        bytes32 indexed operationId,
        bytes32 indexed protocol,
        address indexed token,
        Kind kind,
        address account,
        uint256 amount,
        address from,
        address to
    );

    /// @notice The operation id has already been used; nothing moved.
    error OperationAlreadyUsed(bytes32 operationId);

    /// @notice A movement of zero tokens.
    error ZeroAmount();

    /// @notice A zero address where an account or token is needed.
    error ZeroAddress();

    /// @notice The protocol holds less of the token in the vault than the movement takes.
    error InsufficientVaultBalance(bytes32 protocol, address token, uint256 available, uint256 required);

    /// @notice The bridge escrow holds less of the token than the release pays out.
    error InsufficientBridgeLiquidity(address token, uint256 available, uint256 required);

    /// @param admin The account that grants and revokes roles.
    /// @param operator The mesh's signer.
    constructor(address admin, address operator) {
        if (admin == address(0) || operator == address(0)) {
            revert ZeroAddress();
        }
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(OPERATOR_ROLE, operator);
        bridge = new MeshBridgeEscrow(address(this));
    }

    /// @notice Pulls tokens from a protocol's account (which approved the vault) into the protocol's vault balance.
    function deposit(bytes32 operationId, bytes32 protocol, IERC20 token, address account, uint256 amount)
        external
        onlyRole(OPERATOR_ROLE)
        nonReentrant
    {
        _use(operationId, address(token), account, amount);
        protocolBalance[protocol][address(token)] += amount;
        token.safeTransferFrom(account, address(this), amount);
        emit Movement(operationId, protocol, address(token), Kind.Deposit, account, amount, account, address(this));
    }

    /// @notice Sends tokens from a protocol's vault balance to the protocol's account.
    function withdraw(bytes32 operationId, bytes32 protocol, IERC20 token, address account, uint256 amount)
        external
        onlyRole(OPERATOR_ROLE)
        nonReentrant
    {
        _use(operationId, address(token), account, amount);
        _debit(protocol, address(token), amount);
        token.safeTransfer(account, amount);
        emit Movement(operationId, protocol, address(token), Kind.Withdraw, account, amount, address(this), account);
    }

    /// @notice Moves tokens from a protocol's vault balance into the bridge escrow: the source leg of a transfer.
    function lock(bytes32 operationId, bytes32 protocol, IERC20 token, address account, uint256 amount)
        external
        onlyRole(OPERATOR_ROLE)
        nonReentrant
    {
        _use(operationId, address(token), account, amount);
        _debit(protocol, address(token), amount);
        token.safeTransfer(address(bridge), amount);
        emit Movement(operationId, protocol, address(token), Kind.Lock, account, amount, address(this), address(bridge));
    }

    /// @notice Moves tokens from the bridge escrow into a protocol's vault balance: the destination leg of a transfer.
    function release(bytes32 operationId, bytes32 protocol, IERC20 token, address account, uint256 amount)
        external
        onlyRole(OPERATOR_ROLE)
        nonReentrant
    {
        _use(operationId, address(token), account, amount);
        uint256 liquidity = token.balanceOf(address(bridge));
        if (liquidity < amount) {
            revert InsufficientBridgeLiquidity(address(token), liquidity, amount);
        }
        protocolBalance[protocol][address(token)] += amount;
        bridge.pay(token, address(this), amount);
        emit Movement(operationId, protocol, address(token), Kind.Release, account, amount, address(bridge), address(this));
    }

    function _use(bytes32 operationId, address token, address account, uint256 amount) private {
        if (operationUsed[operationId]) {
            revert OperationAlreadyUsed(operationId);
        }
        if (amount == 0) {
            revert ZeroAmount();
        }
        if (token == address(0) || account == address(0)) {
            revert ZeroAddress();
        }
        operationUsed[operationId] = true;
    }

    function _debit(bytes32 protocol, address token, uint256 amount) private {
        uint256 available = protocolBalance[protocol][token];
        if (available < amount) {
            revert InsufficientVaultBalance(protocol, token, available, amount);
        }
        protocolBalance[protocol][token] = available - amount;
    }
}

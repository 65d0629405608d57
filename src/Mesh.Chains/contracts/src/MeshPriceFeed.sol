// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";

/// @title A price feed in the shape of Chainlink's AggregatorV3Interface.
/// @notice Holders of UPDATER_ROLE publish answers; each answer opens a new round stamped with the block time.
contract MeshPriceFeed is AccessControl {
    /// @notice The role that may publish answers.
    bytes32 public constant UPDATER_ROLE = keccak256("mesh.feed.updater");

    struct Round {
        int256 answer;
        uint64 startedAt;
        uint64 updatedAt;
    }

    /// @notice The decimals of every answer.
    uint8 public immutable decimals;

    /// @notice The version of this feed's interface.
    uint256 public constant version = 4;

    /// @notice What the feed prices, e.g. "ETH / USD".
    string public description;

    uint80 private _latestRound;
    mapping(uint80 roundId => Round round) private _rounds;

    /// @notice Emitted for every answer (as Chainlink's AggregatorInterface does).
    event AnswerUpdated(int256 indexed current, uint256 indexed roundId, uint256 updatedAt);

    /// @notice The round has no answer (never published, or round 0).
    error NoDataPresent(uint80 roundId);

    /// @param decimals_ The decimals of every answer.
    /// @param description_ What the feed prices.
    /// @param admin The account that holds the admin and updater roles.
    constructor(uint8 decimals_, string memory description_, address admin) {
        decimals = decimals_;
        description = description_;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(UPDATER_ROLE, admin);
    }

    /// @notice Publishes an answer as a new round.
    function updateAnswer(int256 answer) external onlyRole(UPDATER_ROLE) {
        uint80 roundId = _latestRound + 1;
        _latestRound = roundId;
        _rounds[roundId] = Round(answer, uint64(block.timestamp), uint64(block.timestamp));
        emit AnswerUpdated(answer, roundId, block.timestamp);
    }

    /// @notice A past round.
    function getRoundData(uint80 roundId)
        public
        view
        returns (uint80, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)
    {
        Round storage round = _rounds[roundId];
        if (round.updatedAt == 0) {
            revert NoDataPresent(roundId);
        }
        return (roundId, round.answer, round.startedAt, round.updatedAt, roundId);
    }

    /// @notice The latest round.
    function latestRoundData()
        external
        view
        returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)
    {
        return getRoundData(_latestRound);
    }
}

namespace Mesh.Runtime.Cluster;

/// <summary>One round of membership: heartbeat, renew, rebalance, refresh the routing view.</summary>
internal sealed partial class ClusterMembershipService
{
    private async Task TickAsync(CancellationToken cancellationToken)
    {
        var started = _runtime.TimeProvider.GetTimestamp();
        var servesUntil = started + (long)((_options.LeaseDuration - _options.RenewInterval).TotalSeconds * _runtime.TimeProvider.TimestampFrequency);
        var me = _runtime.SiloId;
        if (!await _table.HeartbeatAsync(me, _status, cancellationToken))
        {
            await _table.RegisterAsync(me, _options.AdvertisedHost, Endpoint!.Port, _runtime.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken);
        }

        await _table.DeclareDeadAsync(_options.LeaseDuration * 2, cancellationToken);
        var renewed = await _table.RenewAsync(me, _options.LeaseDuration, cancellationToken);
        foreach (var partition in _locator.HeldPartitions())
        {
            if (!renewed.TryGetValue(partition, out var epoch) || epoch != _locator.EpochOf(partition))
            {
                Lose(partition);
            }
        }

        foreach (var (partition, epoch) in renewed)
        {
            _locator.Hold(partition, epoch, servesUntil);
        }

        var live = _status == "leaving" ? [] : await _table.ReadLiveSilosAsync(_options.LeaseDuration, cancellationToken);
        _liveSilos = live.Count;
        if (_status != "leaving" && !live.Contains(me))
        {
            live.Add(me);
        }

        var desired = _status == "leaving" ? [] : Rendezvous.PartitionsOf(me, live, _locator.PartitionCount);
        var handOff = _status == "leaving" ? [] : renewed.Keys.Where(p => !desired.Contains(p)).ToArray();
        if (handOff.Length > 0)
        {
            await HandOffAsync(handOff, cancellationToken);
        }

        var wanted = desired.Where(p => !renewed.ContainsKey(p)).ToArray();
        if (wanted.Length > 0)
        {
            var acquired = await _table.AcquireAsync(me, wanted, _options.LeaseDuration, cancellationToken);
            foreach (var (partition, epoch) in acquired)
            {
                _locator.Hold(partition, epoch, servesUntil);
            }

            if (acquired.Count > 0)
            {
                _ownershipChanges.Add(acquired.Count);
                await _runtime.Reminders.StartAsync(acquired.Keys.ToList(), cancellationToken);
            }
        }

        _locator.SetOwners(await _table.ReadOwnersAsync(_locator.PartitionCount, _server.Scheme, cancellationToken));
    }

    /// <summary>Graceful hand-off: stop serving, deactivate the partitions' grains (their final writes still pass the fence), then release.</summary>
    private async Task HandOffAsync(int[] partitions, CancellationToken cancellationToken)
    {
        var set = partitions.ToHashSet();
        foreach (var partition in partitions)
        {
            _locator.StopServing(partition);
        }

        bool Moving(GrainId id) => set.Contains((int)(id.StableHash() % (ulong)_locator.PartitionCount));
        _runtime.Reminders.StopWhere(Moving);
        await _runtime.Catalog.DeactivateAsync(Moving, DeactivationReason.OwnershipLost).WaitAsync(_options.LeaseDuration, cancellationToken);
        await _table.ReleaseAsync(_runtime.SiloId, partitions, cancellationToken);
        foreach (var partition in partitions)
        {
            _locator.Drop(partition);
        }

        _ownershipChanges.Add(partitions.Length);
    }

    private void Lose(int partition)
    {
        LogLost(_runtime.SiloId, partition);
        _locator.Drop(partition);
        _ownershipChanges.Add(1);
        bool InPartition(GrainId id) => (int)(id.StableHash() % (ulong)_locator.PartitionCount) == partition;
        _runtime.Reminders.StopWhere(InPartition);
        _ = _runtime.Catalog.DeactivateAsync(InPartition, DeactivationReason.OwnershipLost);
    }

    private void LoseExpired()
    {
        foreach (var partition in _locator.HeldPartitions())
        {
            if (_locator.HasExpired(partition))
            {
                Lose(partition);
            }
        }
    }
}

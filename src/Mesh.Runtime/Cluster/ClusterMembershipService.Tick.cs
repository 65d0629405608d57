namespace Mesh.Runtime.Cluster;

/// <summary>One round of membership: heartbeat, renew, rebalance, load reminders, refresh the routing view.</summary>
internal sealed partial class ClusterMembershipService
{
    private readonly HashSet<int> _handingOff = [];
    private readonly HashSet<int> _remindersLoaded = [];

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
            if (!renewed.TryGetValue(partition, out var epoch) || epoch != _locator.CurrentEpoch(partition))
            {
                Lose(partition);
            }
        }

        foreach (var (partition, epoch) in renewed)
        {
            if (!IsHandingOff(partition))
            {
                _locator.Hold(partition, epoch, servesUntil);
            }
        }

        var live = _status == "leaving" ? [] : await _table.ReadLiveSilosAsync(_options.LeaseDuration, cancellationToken);
        _liveSilos = live.Count;
        if (_status != "leaving" && !live.Contains(me))
        {
            live.Add(me);
        }

        var desired = _status == "leaving" ? [] : Rendezvous.PartitionsOf(me, live, _locator.PartitionCount);
        var handOff = _status == "leaving" ? [] : renewed.Keys.Where(p => !desired.Contains(p) && !IsHandingOff(p)).ToArray();
        if (handOff.Length > 0)
        {
            StartHandOff(handOff);
        }

        var wanted = desired.Where(p => !renewed.ContainsKey(p)).ToArray();
        if (wanted.Length > 0)
        {
            var acquired = await _table.AcquireAsync(me, wanted, _options.LeaseDuration, cancellationToken);
            foreach (var (partition, epoch) in acquired)
            {
                _locator.Hold(partition, epoch, servesUntil);
            }

            _ownershipChanges.Add(acquired.Count);
        }

        await LoadRemindersAsync(cancellationToken);
        _locator.SetOwners(await _table.ReadOwnersAsync(_locator.PartitionCount, _server.Scheme, cancellationToken));
    }

    /// <summary>Loads the reminders of every served partition whose reminders are not loaded yet (retried each round until it succeeds).</summary>
    private async Task LoadRemindersAsync(CancellationToken cancellationToken)
    {
        List<int> missing;
        lock (_remindersLoaded)
        {
            missing = _locator.HeldPartitions().Where(p => _locator.IsLocal(p) && !_remindersLoaded.Contains(p)).ToList();
        }

        if (missing.Count == 0)
        {
            return;
        }

        await _runtime.Reminders.StartAsync(missing, cancellationToken);
        lock (_remindersLoaded)
        {
            _remindersLoaded.UnionWith(missing);
        }
    }

    /// <summary>
    /// Graceful hand-off, in the background so that lease renewal never waits on grain code: stop serving the
    /// partitions (but keep renewing them), deactivate their grains (their final writes still pass the fence), then
    /// release the leases for the new owner.
    /// </summary>
    private void StartHandOff(int[] partitions)
    {
        var set = partitions.ToHashSet();
        lock (_handingOff)
        {
            _handingOff.UnionWith(set);
        }

        foreach (var partition in partitions)
        {
            _locator.StopServing(partition);
            ForgetReminders(partition);
        }

        bool Moving(GrainId id) => set.Contains(PartitionOf(id));
        _runtime.Reminders.StopWhere(Moving);
        _ = Task.Run(async () =>
        {
            try
            {
                await _runtime.Catalog.DeactivateAsync(Moving, DeactivationReason.OwnershipLost).WaitAsync(_options.LeaseDuration * 4, _stop.Token);
                await _table.ReleaseAsync(_runtime.SiloId, partitions, _stop.Token);
                _ownershipChanges.Add(partitions.Length);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                LogHandOffFailed(exception, _runtime.SiloId, partitions.Length);
            }
            finally
            {
                foreach (var partition in partitions)
                {
                    _locator.Drop(partition);
                }

                lock (_handingOff)
                {
                    _handingOff.ExceptWith(set);
                }
            }
        });
    }

    private bool IsHandingOff(int partition)
    {
        lock (_handingOff)
        {
            return _handingOff.Contains(partition);
        }
    }

    private void Lose(int partition)
    {
        LogLost(_runtime.SiloId, partition);
        _locator.Drop(partition);
        ForgetReminders(partition);
        _ownershipChanges.Add(1);
        bool InPartition(GrainId id) => PartitionOf(id) == partition;
        _runtime.Reminders.StopWhere(InPartition);
        _ = _runtime.Catalog.DeactivateAsync(InPartition, DeactivationReason.OwnershipLost);
    }

    private void ForgetReminders(int partition)
    {
        lock (_remindersLoaded)
        {
            _remindersLoaded.Remove(partition);
        }
    }

    private int PartitionOf(GrainId id) => (int)(id.StableHash() % (ulong)_locator.PartitionCount);

    private void LoseExpired()
    {
        foreach (var partition in _locator.HeldPartitions())
        {
            if (_locator.HasExpired(partition) && !IsHandingOff(partition))
            {
                Lose(partition);
            }
        }
    }
}

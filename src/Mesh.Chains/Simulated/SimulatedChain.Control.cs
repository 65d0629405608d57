using Mesh.Chains.Clients;

namespace Mesh.Chains.Simulated;

internal sealed partial class SimulatedChain
{
    public bool IsHalted
    {
        get
        {
            lock (_gate)
            {
                return _halted;
            }
        }
    }

    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                CatchUp();
                return _mempool.Count;
            }
        }
    }

    public void Fund(string account, string token, UInt128 amount)
    {
        var symbol = Token(token);
        var address = Address(account, nameof(account));
        ArgumentOutOfRangeException.ThrowIfEqual(amount, UInt128.Zero);
        lock (_gate)
        {
            CatchUp();
            _ledger.Mint(symbol, address, amount);
        }
    }

    public void Approve(string owner, string token, UInt128 amount)
    {
        var symbol = Token(token);
        var address = Address(owner, nameof(owner));
        lock (_gate)
        {
            CatchUp();
            _ledger.Approve(symbol, address, amount);
        }
    }

    public void HaltBlocks()
    {
        lock (_gate)
        {
            CatchUp();
            _halted = true;
        }
    }

    public void ResumeBlocks()
    {
        lock (_gate)
        {
            if (_halted)
            {
                _halted = false;
                _nextBlockAt = _time.GetUtcNow() + _definition.BlockTime;
            }
        }
    }

    public void FailNextCalls(int count, ChainErrorKind kind = ChainErrorKind.Unavailable)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            _faults.FailNext(count, kind);
        }
    }

    public void SetCallFailureRate(double probability, ChainErrorKind kind = ChainErrorKind.Timeout)
    {
        if (!(probability >= 0 && probability <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "The probability must be between 0 and 1.");
        }

        lock (_gate)
        {
            _faults.FailAtRate(probability, kind);
        }
    }

    public void SetLatency(TimeSpan latency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(latency, TimeSpan.Zero);
        lock (_gate)
        {
            _faults.Latency = latency;
        }
    }

    public void ClearFaults()
    {
        lock (_gate)
        {
            _faults.Clear();
        }
    }

    public UInt128 GetTotalSupply(string token)
    {
        var symbol = Token(token);
        lock (_gate)
        {
            return _ledger.TotalSupply(symbol);
        }
    }

    public UInt128 GetMinted(string token)
    {
        var symbol = Token(token);
        lock (_gate)
        {
            return _ledger.Minted(symbol);
        }
    }
}

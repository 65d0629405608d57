namespace Mesh.TestGrains;

/// <summary>A plain (non-reentrant) grain, so that a call cycle through it shows what Orleans does with one.</summary>
public sealed class CycleGrain : Grain, ICycleGrain
{
    public async Task<string> CallAround(string partnerKey) =>
        await GrainFactory.GetGrain<ICycleGrain>(partnerKey).CallBack(this.GetPrimaryKeyString());

    public async Task<string> CallAroundAllowingReentrancy(string partnerKey)
    {
        using (RequestContext.AllowCallChainReentrancy())
        {
            return await GrainFactory.GetGrain<ICycleGrain>(partnerKey).CallBack(this.GetPrimaryKeyString());
        }
    }

    public async Task<string> CallBack(string originKey) =>
        this.GetPrimaryKeyString() + "<-" + await GrainFactory.GetGrain<ICycleGrain>(originKey).Answer();

    public Task<string> Answer() => Task.FromResult(this.GetPrimaryKeyString());
}

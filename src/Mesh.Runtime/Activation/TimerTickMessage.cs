using System.Diagnostics;
using Mesh.Runtime.Invocation;
using Mesh.Runtime.Timers;

namespace Mesh.Runtime.Activation;

/// <summary>One tick of a grain timer, run as an exclusive turn.</summary>
internal sealed class TimerTickMessage(GrainTimer timer) : Message
{
    public override GrainMethodFlags Flags => GrainMethodFlags.None;

    public override string DisplayName => "timer";

    public override bool CanForward => false;

    public override void Start(ActivationData activation, CallChain turn, Activity? span)
    {
        Task tick;
        try
        {
            tick = timer.InvokeCallback();
        }
        catch (Exception exception)
        {
            tick = Task.FromException(exception);
        }

        tick.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(() =>
        {
            activation.EndTurn(turn, span);
            timer.OnTickCompleted(tick);
        });
    }

    public override void Fail(Exception exception) => timer.OnTickCompleted(Task.FromException(exception));
}

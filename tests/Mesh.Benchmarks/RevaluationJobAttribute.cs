using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Mesh.Benchmarks;

/// <summary>
/// The revaluation benchmark's job, applied over the run's default (<c>--smoke</c> included): in-process with a
/// 90-minute limit (the default limit is shorter than the setup of 10,000 vaults on a loaded machine), one tick per
/// iteration.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class RevaluationJobAttribute() : JobMutatorConfigBaseAttribute(Job.Default
    .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(90), logOutput: true))
    .WithInvocationCount(1)
    .WithUnrollFactor(1));

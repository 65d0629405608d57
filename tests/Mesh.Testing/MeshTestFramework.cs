using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Mesh.Testing;

/// <summary>
/// xunit's framework plus one step before the run reports that it finished: the shared throwaway PostgreSQL server,
/// if a test started it, is stopped and its data folder deleted (a process-exit hook is cut short when the test host
/// ends). A test project opts in with
/// <c>[assembly: TestFramework("Mesh.Testing.MeshTestFramework", "Mesh.Testing")]</c>.
/// </summary>
public sealed class MeshTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Executor(AssemblyName assemblyName, ISourceInformationProvider sourceInformation, IMessageSink diagnostics)
        : XunitTestFrameworkExecutor(assemblyName, sourceInformation, diagnostics)
    {
        protected override async void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        {
            using var runner = new Runner(TestAssembly, testCases, DiagnosticMessageSink, executionMessageSink, executionOptions);
            await runner.RunAsync();
        }
    }

    private sealed class Runner(ITestAssembly assembly, IEnumerable<IXunitTestCase> testCases, IMessageSink diagnostics, IMessageSink execution, ITestFrameworkExecutionOptions options)
        : XunitTestAssemblyRunner(assembly, testCases, diagnostics, execution, options)
    {
        protected override async Task BeforeTestAssemblyFinishedAsync()
        {
            await PostgresServer.DisposeSharedAsync();
            await base.BeforeTestAssemblyFinishedAsync();
        }
    }
}

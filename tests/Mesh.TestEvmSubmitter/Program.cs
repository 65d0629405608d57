using System.Globalization;
using System.Text.Json;
using Mesh.Chains.Clients;
using Mesh.Chains.Configuration;
using Mesh.Chains.Evm;

// Usage: <chain definition json file> <Hardhat account index of the signer> <PostgreSQL connection string>
//        <protocol> <depositing account> <token> <amount> <operation name prefix> <count>
// Prints "ready" once connected, waits for a line on standard input, submits the deposits at once, prints one
// transaction hash per operation (in operation order) and exits 0; on a failure prints it and exits 1.
var chain = JsonSerializer.Deserialize<ChainDefinition>(await File.ReadAllTextAsync(args[0]))
    ?? throw new InvalidOperationException("The chain definition file is empty.");
var signer = EvmDevelopmentKeys.HardhatAccount(int.Parse(args[1], CultureInfo.InvariantCulture));
var (protocol, account, token, amount, prefix) = (args[3], args[4], args[5], UInt128.Parse(args[6], CultureInfo.InvariantCulture), args[7]);
var count = int.Parse(args[8], CultureInfo.InvariantCulture);
using var store = EvmTransactionStore.PostgreSql(args[2]);
var client = EvmChains.CreateClient(chain, signer, new EvmChainOptions(), store: store);
try
{
    await client.GetHeadAsync();
    await client.GetOperationAsync(OperationId.FromName(prefix + "/warm-up"));
    Console.WriteLine("ready");
    await Console.In.ReadLineAsync();
    var submissions = await Task.WhenAll(Enumerable.Range(0, count).Select(i => Task.Run(() =>
        client.SubmitAsync(new ChainOperation(OperationId.FromName($"{prefix}/{i}"), OperationKind.Deposit, protocol, account, token, amount)))));
    foreach (var submission in submissions)
    {
        Console.WriteLine(submission.TransactionHash);
    }

    return 0;
}
catch (ChainClientException exception)
{
    Console.WriteLine($"failed: {exception.Message}");
    return 1;
}
finally
{
    ((IDisposable)client).Dispose();
}

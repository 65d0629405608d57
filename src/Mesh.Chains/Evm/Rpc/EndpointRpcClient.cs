using Nethereum.JsonRpc.Client;
using Nethereum.JsonRpc.Client.RpcMessages;

namespace Mesh.Chains.Evm.Rpc;

/// <summary>Nethereum's HTTP JSON-RPC client for one endpoint, with its send exposed to <see cref="RpcGateway"/>.</summary>
internal sealed class EndpointRpcClient(Uri url, HttpClient http) : RpcClient(url, http, null, null, null)
{
    public Task<RpcResponseMessage> SendMessageAsync(RpcRequestMessage request) => SendAsync(request, null);
}

using System.Net;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Mesh.Dashboard.Tests;

/// <summary>Both dashboards in headless Chromium against a running silo: log in, live data, live changes, screenshots.</summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardBrowserTests(DashboardSilo silo, ITestOutputHelper output)
{
    private const string Account = "0x00000000000000000000000000000000000000d5";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task MeshDashboard_AfterLogin_ShowsLiveDataAndFollowsChangesWithoutReload()
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = Watch(page);

        // Opening the dashboard without a session leads to the login page; the key logs in.
        await page.GotoAsync(new Uri(silo.Process.BaseAddress, "ops/mesh").ToString());
        Assert.EndsWith("/ops/login", page.Url, StringComparison.Ordinal);
        await page.FillAsync("#key", silo.OperatorKey);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/ops/mesh", new PageWaitForURLOptions { Timeout = (float)Wait.TotalMilliseconds });
        var cookie = Assert.Single(await context.CookiesAsync(), c => c.Name == "mesh_ops");
        Assert.True(cookie.HttpOnly);
        Assert.Equal("/ops", cookie.Path);

        // Live data: the simulated feed's WETH price, the pools' utilization, the chains, this silo.
        await WaitForAsync(page, "document.getElementById('price-WETH')?.textContent.startsWith('$')");
        Assert.Matches(@"^\$[0-9,]+(\.[0-9]+)?$", await page.TextContentAsync("#price-WETH"));
        Assert.Matches(@"^[0-9]+\.[0-9] %$", await page.TextContentAsync("#utilization-USDC"));
        Assert.Equal(3, await page.Locator("#chains tr").CountAsync());
        Assert.Equal(1, await page.Locator("#cluster tr").CountAsync());
        await WaitForAsync(page, "document.getElementById('status').textContent === 'live'");

        // Changes reach the page over server-sent events, not by reloading it: new oracle rounds, then a deposit.
        await page.EvaluateAsync("() => { window.meshNoReload = true; }");
        var round = long.Parse((await page.TextContentAsync("#round-WETH"))!, System.Globalization.CultureInfo.InvariantCulture);
        await WaitForAsync(page, $"Number(document.getElementById('round-WETH').textContent) > {round}");
        Assert.Equal("0", await page.TextContentAsync("#vaults-total"));
        await DepositAsync("dash-proto", 10UL * 1_000_000_000_000_000_000UL);
        await WaitForAsync(page, "document.getElementById('vaults-total').textContent === '1'");
        await WaitForAsync(page, "document.querySelector('#worst tr td')?.textContent === 'dash-proto/local-a'");
        Assert.Equal("0", await page.TextContentAsync("#vaults-free"));
        Assert.True(await page.EvaluateAsync<bool>("() => window.meshNoReload === true"), "the page was reloaded");
        Assert.True(await page.Locator("#price-chart").IsVisibleAsync());

        output.WriteLine($"screenshot: {await DashboardSilo.ScreenshotAsync(page, "dashboard-mesh.png")}");
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public async Task OrleansDashboard_AfterLogin_RendersTheCluster()
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = Watch(page);

        await page.GotoAsync(new Uri(silo.Process.BaseAddress, "ops/orleans/").ToString());
        Assert.EndsWith("/ops/login", page.Url, StringComparison.Ordinal);
        await page.FillAsync("#key", silo.OperatorKey);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/ops/mesh", new PageWaitForURLOptions { Timeout = (float)Wait.TotalMilliseconds });
        await page.GotoAsync(new Uri(silo.Process.BaseAddress, "ops/orleans/").ToString());

        // The dashboard's own script renders the menu and the cluster's silos from its live counters.
        await page.Locator("#menu a").First.WaitForAsync(new LocatorWaitForOptions { Timeout = (float)Wait.TotalMilliseconds });
        await WaitForAsync(page, "document.getElementById('content').textContent.includes('Active')");
        Assert.Contains("Orleans Dashboard", await page.TitleAsync(), StringComparison.Ordinal);

        output.WriteLine($"screenshot: {await DashboardSilo.ScreenshotAsync(page, "dashboard-orleans.png")}");
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    private static List<string> Watch(IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (errors)
                {
                    errors.Add($"console: {message.Text} ({message.Location})");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (errors)
            {
                errors.Add($"page error: {error}");
            }
        };
        return errors;
    }

    private static async Task WaitForAsync(IPage page, string condition) =>
        await page.WaitForFunctionAsync($"() => {condition}", null, new PageWaitForFunctionOptions { Timeout = (float)Wait.TotalMilliseconds, PollingInterval = 100 });

    private Task<IBrowserContext> NewContextAsync() =>
        silo.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });

    // A protocol joins and is approved, its account is funded on the simulated chain, it deposits WETH and reports short puts.
    private async Task DepositAsync(string protocol, UInt128 amount)
    {
        var http = silo.Http;
        await http.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/protocols", null,
            $$"""{"protocolId":"{{protocol}}","name":"Dashboard","chains":["local-a"],"contact":"ops@example.org","requestedTier":"standard","account":"{{Account}}"}""");
        var key = (await http.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/operator/protocols/{protocol}/approve", silo.OperatorKey, "{}")).GetProperty("apiKey").GetString()!;
        await http.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/api/dev/faucet", silo.OperatorKey,
            $$"""{"chain":"local-a","token":"WETH","account":"{{Account}}","amount":"{{amount}}"}""");
        var deposit = await http.SendAsync(HttpMethod.Post, $"/api/protocols/{protocol}/vaults/local-a/deposits", key, $$"""{"asset":"WETH","amount":"{{amount}}"}""", "dash-deposit-1");
        Assert.True(deposit.Status is HttpStatusCode.OK or HttpStatusCode.Accepted or HttpStatusCode.Created, $"deposit: {deposit}");
        var operation = deposit.Json.GetProperty("operationId").GetString();
        await Mesh.Testing.Eventually.TrueAsync(
            async () => (await http.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/protocols/{protocol}/vaults/local-a/operations/{operation}", key)).GetProperty("status").GetString() == "completed",
            "the deposit completed",
            Wait);
        var expiry = DateTimeOffset.UtcNow.AddDays(30).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        await http.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/api/protocols/{protocol}/vaults/local-a/exposures", key,
            $$"""{"exposures":[{"id":"put-1800","kind":"option","underlying":"WETH","size":20,"side":"short","right":"put","strike":1800,"expiry":"{{expiry}}","impliedVolatility":0.7}]}""");
    }
}

using System.Net;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Mesh.Dashboard.Tests;

/// <summary>Both dashboards in headless Chromium against a running silo: log in, live data, live changes, screenshots.</summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardBrowserTests(DashboardSilo silo, ITestOutputHelper output)
{
    private static readonly UInt128 UsdcUnit = 1_000_000;
    private static readonly UInt128 WethUnit = 1_000_000_000_000_000_000UL;
    private readonly Dictionary<string, string> _accounts = new(StringComparer.Ordinal);
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
        await LoggedInAsync(page);
        var cookie = Assert.Single(await context.CookiesAsync(), c => c.Name == "mesh_ops");
        Assert.True(cookie.HttpOnly);
        Assert.Equal("/ops", cookie.Path);

        // Live data: the simulated feed's WETH price, the pools' utilization, the chains, this silo.
        await WaitForAsync(page, "document.getElementById('price-WETH')?.textContent.startsWith('$')");
        Assert.Matches(@"^\$[0-9,]+(\.[0-9]+)?$", await page.TextContentAsync("#price-WETH"));
        Assert.Equal("0.0 %", await page.TextContentAsync("#utilization-USDC"));
        Assert.Equal(3, await page.Locator("#chains tr").CountAsync());
        Assert.Equal(1, await page.Locator("#cluster tr").CountAsync());
        await WaitForAsync(page, "document.getElementById('status').textContent === 'live'");

        // Changes reach the page over server-sent events, not by reloading it: new oracle rounds, then a lender's
        // supply and a borrower's credit (the USDC pool's utilization) and the borrower's vault (its health).
        await page.EvaluateAsync("() => { window.meshNoReload = true; }");
        var round = long.Parse((await page.TextContentAsync("#round-WETH"))!, System.Globalization.CultureInfo.InvariantCulture);
        await WaitForAsync(page, $"Number(document.getElementById('round-WETH').textContent) > {round}");
        Assert.Equal("0", await page.TextContentAsync("#vaults-total"));
        var lender = await JoinAsync("dash-lender", "0x00000000000000000000000000000000000000d4");
        await MoveAsync("dash-lender", lender, "deposits", "USDC", 100_000 * UsdcUnit);
        await MoveAsync("dash-lender", lender, "supplies", "USDC", 100_000 * UsdcUnit);
        var borrower = await JoinAsync("dash-borrower", "0x00000000000000000000000000000000000000d5");
        await MoveAsync("dash-borrower", borrower, "deposits", "WETH", 10 * WethUnit);
        await ReportPutsAsync("dash-borrower", borrower);
        await MoveAsync("dash-borrower", borrower, "draws", "USDC", 5_000 * UsdcUnit);
        var pool = await silo.Http.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/pools/USDC", silo.OperatorKey);
        var utilization = (pool.GetProperty("utilization").GetDouble() * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " %";
        Assert.Equal("5.0 %", utilization);
        await WaitForAsync(page, $"document.getElementById('utilization-USDC').textContent === '{utilization}'");
        await WaitForAsync(page, "document.querySelector('#worst tr td')?.textContent === 'dash-borrower/local-a'");
        Assert.NotEqual("0", await page.TextContentAsync("#vaults-total"));
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
        await LoggedInAsync(page);
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

    /// <summary>
    /// After the login form is sent: the page moves to the Mesh dashboard (the navigation committed; its live data is
    /// waited for on its own), or the test fails with where the page is and what the login page said.
    /// </summary>
    private static async Task LoggedInAsync(IPage page)
    {
        try
        {
            await page.WaitForURLAsync("**/ops/mesh", new PageWaitForURLOptions { Timeout = (float)Wait.TotalMilliseconds, WaitUntil = WaitUntilState.Commit });
        }
        catch (TimeoutException e)
        {
            var said = page.Url.EndsWith("/ops/login", StringComparison.Ordinal) ? await page.TextContentAsync("#error") : null;
            throw new TimeoutException($"The login did not reach /ops/mesh in {Wait}: the page is at {page.Url}; the login page says '{said}'.", e);
        }
    }

    private static async Task WaitForAsync(IPage page, string condition) =>
        await page.WaitForFunctionAsync($"() => {condition}", null, new PageWaitForFunctionOptions { Timeout = (float)Wait.TotalMilliseconds, PollingInterval = 100 });

    private Task<IBrowserContext> NewContextAsync() =>
        silo.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });

    // A protocol joins and is approved; the answer carries its key.
    private async Task<string> JoinAsync(string protocol, string account)
    {
        await silo.Http.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/protocols", null,
            $$"""{"protocolId":"{{protocol}}","name":"Dashboard","chains":["local-a"],"contact":"ops@example.org","requestedTier":"standard","account":"{{account}}"}""");
        _accounts[protocol] = account;
        return (await silo.Http.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/operator/protocols/{protocol}/approve", silo.OperatorKey, "{}")).GetProperty("apiKey").GetString()!;
    }

    // One vault movement on local-a, waited for until completed; a deposit is funded on the simulated chain first.
    private async Task MoveAsync(string protocol, string key, string kind, string asset, UInt128 amount)
    {
        var http = silo.Http;
        if (kind == "deposits")
        {
            await http.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/api/dev/faucet", silo.OperatorKey,
                $$"""{"chain":"local-a","token":"{{asset}}","account":"{{_accounts[protocol]}}","amount":"{{amount}}"}""");
        }

        var reply = await http.SendAsync(HttpMethod.Post, $"/api/protocols/{protocol}/vaults/local-a/{kind}", key, $$"""{"asset":"{{asset}}","amount":"{{amount}}"}""", $"{protocol}-{kind}-{asset}");
        Assert.True(reply.IsSuccess, $"{kind}: {reply}");
        var operation = reply.Text("operationId");
        await Mesh.Testing.Eventually.TrueAsync(
            async () => (await http.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/protocols/{protocol}/vaults/local-a/operations/{operation}", key)).GetProperty("status").GetString() == "completed",
            $"the {kind} of {protocol} completed",
            Wait);
    }

    // Twenty short WETH puts: the vault then has obligations and a health factor.
    private async Task ReportPutsAsync(string protocol, string key)
    {
        var expiry = DateTimeOffset.UtcNow.AddDays(30).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        await silo.Http.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/api/protocols/{protocol}/vaults/local-a/exposures", key,
            $$"""{"exposures":[{"id":"put-1800","kind":"option","underlying":"WETH","size":20,"side":"short","right":"put","strike":1800,"expiry":"{{expiry}}","impliedVolatility":0.7}]}""");
    }
}

using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetworkMaintenance.Core.Domain.Audit;
using NetworkMaintenance.IntegrationTests.Infrastructure;

namespace NetworkMaintenance.IntegrationTests.Security.Probe;

/// <summary>
/// Finding 2: X-Forwarded-For is honoured only from a configured proxy, by default from none (loopback included).
/// The in-memory test server has no client address, so a startup filter gives every request the loopback address
/// a local reverse proxy (or an attacker on the same host) would have.
/// </summary>
public sealed class ForwardedHeadersTrust : IDisposable
{
    private readonly AppFactory _factory = new()
    {
        Settings = new Dictionary<string, string>
        {
            ["RateLimiting:LoginPermitLimitPerIp"] = "3",
            ["RateLimiting:LoginPermitLimitPerUser"] = "100",
        },
        TestServices = services => services.AddTransient<IStartupFilter, FromLoopback>(),
    };

    [Fact]
    public async Task ForwardedForFromLoopbackChangesNeitherTheRateLimitPartitionNorTheAuditedAddress()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 4; i++)
        {
            using var session = WebSession.Create(_factory);
            session.Client.DefaultRequestHeaders.Add("X-Forwarded-For", $"203.0.113.{i}");
            using var response = await session.TryLoginAsync("kabid", $"Salah#Sandi{i}abc");
            statuses.Add(response.StatusCode);
        }

        var addresses = await _factory.QueryAsync(db => db.AuditEntries
            .Where(e => e.EventType == AuditEvents.LoginFailed).Select(e => e.ClientIp).ToListAsync());
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(3, addresses.Count);
        Assert.All(addresses, ip => Assert.Equal("127.0.0.1", ip));
    }

    [Fact]
    public async Task ANamedProxyStillForwardsTheClientAddress()
    {
        using var factory = new AppFactory
        {
            Settings = new Dictionary<string, string> { ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1" },
            TestServices = services => services.AddTransient<IStartupFilter, FromLoopback>(),
        };
        using var session = WebSession.Create(factory);
        session.Client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");

        using var response = await session.TryLoginAsync("kabid", "Salah#Sandi9abc");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("203.0.113.9", await factory.QueryAsync(db => db.AuditEntries
            .Where(e => e.EventType == AuditEvents.LoginFailed).Select(e => e.ClientIp).SingleAsync()));
    }

    public void Dispose() => _factory.Dispose();

    /// <summary>Every request comes from 127.0.0.1, as through a reverse proxy on the same host.</summary>
    public sealed class FromLoopback : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

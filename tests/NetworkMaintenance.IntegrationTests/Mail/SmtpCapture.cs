using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace NetworkMaintenance.IntegrationTests.Mail;

/// <summary>An SMTP server in the test process, on a loopback port, that keeps what the app sends.</summary>
internal sealed class SmtpCapture : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private readonly Store _store = new();

    /// <summary>Starts at once on <paramref name="port"/> (or a free port).</summary>
    public SmtpCapture(int? port = null)
    {
        Port = port ?? FreePort();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_store);
        var server = new SmtpServer.SmtpServer(new SmtpServerOptionsBuilder().ServerName("localhost").Port(Port).Build(), services);
        _running = server.StartAsync(_stop.Token);
    }

    public int Port { get; }
    public IReadOnlyList<MimeMessage> Messages => [.. _store.Queue];

    /// <summary>A loopback port nothing listens on now (for a server that is down, or started later).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _stop.Cancel();
        try { _running.Wait(TimeSpan.FromSeconds(10)); } catch (AggregateException) { }
        _stop.Dispose();
    }

    private sealed class Store : MessageStore
    {
        public ConcurrentQueue<MimeMessage> Queue { get; } = new();

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            Queue.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}

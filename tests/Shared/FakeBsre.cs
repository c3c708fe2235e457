using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetworkMaintenance.Core.Documents.Signatures;

namespace NetworkMaintenance.Tests.Shared;

/// <summary>
/// A stand-in for BSrE's eSign Client Service v2 on a loopback port (HttpListener), implementing the endpoints the
/// application calls (docs/signatures.md): user status, sign PDF, verify PDF. It checks the client's Basic credentials
/// and answers by the NIK and passphrase it receives: <see cref="RegisteredNik"/> with <see cref="GoodPassphrase"/>
/// signs with a leaf of the test's CA; any other passphrase is refused as BSrE does; <see cref="SlowPassphrase"/>
/// never answers in time; <see cref="BrokenPassphrase"/> answers HTTP 500; another NIK is not registered.
/// <para>
/// It signs as BSrE's service does: by an incremental update appended to the file it receives
/// (<see cref="IncrementalPdfSigner"/>), so an e-sealed document comes back with the seal and the personal signature,
/// both valid. Its verify endpoint answers as BSrE's: <c>VALID</c> when every signature is intact and chains to the CA it
/// signs with; with <see cref="VerifyReachable"/> false it drops the connection (BSrE's verification unreachable).
/// </para>
/// </summary>
internal sealed class FakeBsre : IDisposable
{
    public const string RegisteredNik = "1271010101900001";
    public const string ClientUser = "aplikasi-gangguan";
    public const string ClientPassword = "klien-rahasia-uji";
    public const string SlowPassphrase = "lambat-sekali";
    public const string BrokenPassphrase = "server-rusak";
    public const string WrongPassphraseMessage = "Passphrase anda salah";
    public const string NotRegisteredMessage = "Pengguna tidak terdaftar";

    private readonly HttpListener _listener = new();
    private readonly X509Certificate2 _leaf;
    private readonly X509Certificate2Collection _chain;
    private readonly CancellationTokenSource _stop = new();
    private int _signRequests;
    private int _verifyRequests;
    private volatile bool _verifyReachable = true;

    public FakeBsre(X509Certificate2 leaf, X509Certificate2 root, string goodPassphrase)
    {
        _leaf = leaf;
        _chain = new X509Certificate2Collection(X509CertificateLoader.LoadCertificate(root.RawData));
        GoodPassphrase = goodPassphrase;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseUrl = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(BaseUrl);
        _listener.Start();
        _ = Task.Run(LoopAsync);
    }

    public string BaseUrl { get; }
    public string GoodPassphrase { get; }

    /// <summary>How many sign requests arrived (a failed signing must not be retried by the application).</summary>
    public int SignRequests => Volatile.Read(ref _signRequests);

    /// <summary>How many verify requests arrived.</summary>
    public int VerifyRequests => Volatile.Read(ref _verifyRequests);

    /// <summary>False: the verify endpoint drops every connection without an answer.</summary>
    public bool VerifyReachable
    {
        get => _verifyReachable;
        set => _verifyReachable = value;
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClientUser}:{ClientPassword}"));
            if (context.Request.Headers["Authorization"] != expected)
            {
                await AnswerAsync(context, 401, new JsonObject { ["status_code"] = 401, ["error"] = "Unauthorized" });
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = JsonNode.Parse(await reader.ReadToEndAsync())!.AsObject();
            var nik = body["nik"]?.GetValue<string>();
            switch (context.Request.Url!.AbsolutePath)
            {
                case "/api/v2/user/check/status":
                    await AnswerAsync(context, 200, nik == RegisteredNik
                        ? new JsonObject { ["status_code"] = 1111, ["status"] = "ISSUE", ["message"] = "Sertifikat aktif" }
                        : new JsonObject { ["status_code"] = 1110, ["status"] = "NOT_REGISTERED", ["message"] = NotRegisteredMessage });
                    return;
                case "/api/v2/sign/pdf":
                    Interlocked.Increment(ref _signRequests);
                    var passphrase = body["passphrase"]?.GetValue<string>();
                    if (passphrase == SlowPassphrase)
                    {
                        await Task.Delay(TimeSpan.FromSeconds(10), _stop.Token);
                        await AnswerAsync(context, 200, new JsonObject());
                        return;
                    }
                    if (passphrase == BrokenPassphrase)
                    {
                        await AnswerAsync(context, 500, new JsonObject { ["status_code"] = 500, ["error"] = "Internal Server Error" });
                        return;
                    }
                    if (nik != RegisteredNik)
                    {
                        await AnswerAsync(context, 400, new JsonObject { ["status_code"] = 1110, ["error"] = NotRegisteredMessage });
                        return;
                    }
                    if (passphrase != GoodPassphrase)
                    {
                        await AnswerAsync(context, 400, new JsonObject { ["status_code"] = 2031, ["error"] = WrongPassphraseMessage });
                        return;
                    }
                    var property = body["signatureProperties"]![0]!;
                    var pdf = Convert.FromBase64String(body["file"]![0]!.GetValue<string>());
                    var signed = IncrementalPdfSigner.Sign(pdf, _leaf, _chain, property["reason"]!.GetValue<string>(),
                        property["location"]!.GetValue<string>(), DateTime.UtcNow);
                    await AnswerAsync(context, 200, new JsonObject
                    {
                        ["file"] = new JsonArray(Convert.ToBase64String(signed)),
                        ["id"] = new JsonArray(Guid.NewGuid().ToString()),
                        ["time"] = 120,
                    });
                    return;
                case "/api/v2/verify/pdf":
                    Interlocked.Increment(ref _verifyRequests);
                    if (!_verifyReachable)
                    {
                        context.Response.Abort();
                        return;
                    }
                    var found = PdfSignatures.Read(Convert.FromBase64String(body["file"]!.GetValue<string>()), _chain);
                    var list = new JsonArray();
                    foreach (var s in found)
                    {
                        list.Add(new JsonObject
                        {
                            ["signerName"] = s.SignerName,
                            ["signatureDate"] = s.SignedAtUtc?.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                            ["integrityValid"] = s.IntegrityValid,
                            ["certificateTrusted"] = s.CertificateTrusted == true,
                        });
                    }
                    var valid = found.Count > 0 && found.All(s => s.Valid);
                    await AnswerAsync(context, 200, new JsonObject
                    {
                        ["conclusion"] = valid ? "VALID" : "INVALID",
                        ["description"] = valid
                            ? "Dokumen valid, Sertifikat yang digunakan terpercaya"
                            : "Dokumen tidak valid atau sertifikat tidak terpercaya",
                        ["signatureInformations"] = list,
                    });
                    return;
                default:
                    await AnswerAsync(context, 404, new JsonObject { ["error"] = "Not Found" });
                    return;
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
        catch (HttpListenerException)
        {
            // The client gave up (the timeout case).
        }
    }

    private static async Task AnswerAsync(HttpListenerContext context, int status, JsonObject body)
    {
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString(new JsonSerializerOptions()));
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        _stop.Dispose();
        _chain[0].Dispose();
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace NetworkMaintenance.Web.Features.Signatures;

/// <summary>
/// BSrE's "API eSign Client Service", version 2 (JSON), as described in BSrE's technical guide "Petunjuk Teknis
/// Penggunaan API Esign Client Service" version 2.0 (January 2024) and the public client libraries written against it
/// (docs/signatures.md, "What the BSrE client is based on"). The client authenticates with HTTP Basic (the client
/// account BSrE issues); the person is identified by their NIK and unlocks their key with a passphrase or a TOTP code
/// typed at signing time:
/// <list type="bullet">
/// <item><c>POST /api/v2/user/check/status</c> <c>{"nik"}</c> → <c>{"status_code", "status", "message"}</c>; status
/// <c>ISSUE</c> means the certificate is issued and can sign.</item>
/// <item><c>POST /api/v2/sign/pdf</c> <c>{"nik", "passphrase" | "totp", "signatureProperties": [{"tampilan":
/// "INVISIBLE", "location", "reason"}], "file": [base64]}</c> → <c>{"file": [base64], "id", "time"}</c>; an error answers
/// <c>{"status_code", "error"}</c> with BSrE's message in Indonesian.</item>
/// <item><c>POST /api/v2/verify/pdf</c> <c>{"file": base64}</c> → <c>{"conclusion", "description",
/// "signatureInformations": [...]}</c>.</item>
/// </list>
/// A regional signing gateway with the same contract is the same class at another <see cref="SignatureOptions.BaseUrl"/>.
/// A failure is never retried here (a second attempt could sign twice or lock the person's certificate after repeated
/// wrong passphrases); the person sees the message and may try again. Request bodies are never logged.
/// </summary>
public sealed class BsreSigner(HttpClient http, IOptions<SignatureOptions> options, ILogger<BsreSigner> logger) : IDocumentSigner
{
    public const string SignPath = "api/v2/sign/pdf";
    public const string VerifyPath = "api/v2/verify/pdf";
    public const string UserStatusPath = "api/v2/user/check/status";
    public const string IssuedStatus = "ISSUE";
    private const int MaxMessageLength = 300;

    /// <summary>
    /// The verification page is public and answers a citizen holding a printed QR code: it waits for BSrE's verdict at
    /// most this long (or the signing timeout when that is shorter) and then shows the local result alone.
    /// </summary>
    public static readonly TimeSpan VerifyTimeout = TimeSpan.FromSeconds(10);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string Provider => options.Value.Provider == SignerProvider.Gateway ? "Gateway" : "Bsre";
    public bool NeedsSecret => true;

    /// <summary>Sets the address, the client account and the timeout of the typed client (called once per client).</summary>
    public static void Configure(HttpClient http, SignatureOptions options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        if (Uri.TryCreate(options.BaseUrl?.TrimEnd('/') + "/", UriKind.Absolute, out var baseUri)) http.BaseAddress = baseUri;
        http.Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds);
        if (!string.IsNullOrEmpty(options.ClientUserName))
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.ClientUserName}:{options.ClientPassword}")));
        }
    }

    public async Task<SigningResult> SignAsync(SigningRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Nik) || request.Secret is null)
            return new SigningResult.Failed("NIK dan passphrase (atau kode TOTP) wajib diisi.", SigningFailure.Refused);

        var status = await UserStatusAsync(request.Nik, ct);
        if (status is SigningResult.Failed refused) return refused;

        var body = new SignRequestBody(request.Nik,
            request.Secret.Kind == SecretKind.Passphrase ? request.Secret.Reveal() : null,
            request.Secret.Kind == SecretKind.Totp ? request.Secret.Reveal() : null,
            [new SignatureProperty("INVISIBLE", request.Location, request.Reason)],
            [Convert.ToBase64String(request.Pdf)]);
        var answer = await SendAsync(SignPath, body, ct);
        if (answer.Failure is { } failed) return failed;
        try
        {
            var signed = answer.Body.Deserialize<SignResponseBody>(Json);
            if (signed?.File is not [var first, ..] || string.IsNullOrEmpty(first))
                return ServiceError("jawaban tanpa berkas");
            return new SigningResult.Done(Convert.FromBase64String(first));
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            return ServiceError("jawaban yang tidak dapat dibaca");
        }
    }

    /// <summary>
    /// Whether BSrE knows the NIK with an issued certificate; null when it does. The answer's message (BSrE's, in
    /// Indonesian) is shown when it does not.
    /// </summary>
    public async Task<SigningResult?> UserStatusAsync(string nik, CancellationToken ct = default)
    {
        var answer = await SendAsync(UserStatusPath, new { nik }, ct);
        if (answer.Failure is { } failed) return failed;
        var status = Read(answer.Body, "status");
        if (string.Equals(status, IssuedStatus, StringComparison.OrdinalIgnoreCase)) return null;
        var message = Read(answer.Body, "message") ?? Read(answer.Body, "error");
        return new SigningResult.Failed(
            "BSrE: " + Clip(message ?? $"sertifikat elektronik untuk NIK ini belum terbit (status {status ?? "tidak diketahui"})") +
            ". Pastikan NIK benar dan sudah terdaftar di BSrE (docs/signatures.md).", SigningFailure.Refused);
    }

    /// <summary>
    /// BSrE's own check of a signed file (<c>POST /api/v2/verify/pdf</c>): its conclusion, its description and the
    /// signers it names; null when the service cannot be reached or answers with an error (the caller says so and keeps
    /// its own check).
    /// </summary>
    public async Task<BsreVerification?> VerifyAsync(byte[] pdf, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(VerifyTimeout);
        (JsonElement Body, SigningResult.Failed? Failure) answer;
        try
        {
            answer = await SendAsync(VerifyPath, new { file = Convert.ToBase64String(pdf) }, deadline.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("The signing service did not verify within {Seconds} s", VerifyTimeout.TotalSeconds);
            return null;
        }
        if (answer.Failure is not null || answer.Body.ValueKind != JsonValueKind.Object) return null;
        var signers = new List<string>();
        if (answer.Body.TryGetProperty("signatureInformations", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in list.EnumerateArray())
                if (Read(item, "signerName") is { } name) signers.Add(Clip(name));
        }
        var conclusion = Read(answer.Body, "conclusion");
        var description = Read(answer.Body, "description");
        return new BsreVerification(conclusion is null ? null : Clip(conclusion), description is null ? null : Clip(description), signers);
    }

    private async Task<(JsonElement Body, SigningResult.Failed? Failure)> SendAsync(string path, object body, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsJsonAsync(path, body, Json, ct);
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("The signing service did not answer {Path} within {Seconds} s", path, options.Value.TimeoutSeconds);
            return (default, new SigningResult.Failed(
                $"Layanan tanda tangan elektronik ({ServiceName}) tidak menjawab dalam {options.Value.TimeoutSeconds} detik. " +
                "Dokumen belum ditandatangani; silakan coba lagi beberapa saat lagi.", SigningFailure.Unavailable));
        }
        catch (HttpRequestException ex)
        {
            // The exception names the address only (no request body): the passphrase is never in it.
            logger.LogWarning("The signing service cannot be reached at {Path}: {Error}", path, ex.HttpRequestError);
            return (default, new SigningResult.Failed(
                $"Layanan tanda tangan elektronik ({ServiceName}) tidak dapat dihubungi. Dokumen belum ditandatangani; silakan coba lagi.",
                SigningFailure.Unavailable));
        }

        using (response)
        {
            JsonElement parsed = default;
            try
            {
                var text = await response.Content.ReadAsStringAsync(ct);
                if (!string.IsNullOrWhiteSpace(text)) parsed = JsonDocument.Parse(text).RootElement.Clone();
            }
            catch (JsonException)
            {
                parsed = default;
            }

            if (response.IsSuccessStatusCode) return (parsed, null);
            var code = (int)response.StatusCode;
            logger.LogWarning("The signing service answered {Path} with HTTP {Status} ({ServiceCode})", path, code,
                Read(parsed, "status_code"));
            if (code >= 500)
            {
                return (parsed, new SigningResult.Failed(
                    $"Layanan tanda tangan elektronik ({ServiceName}) sedang bermasalah (HTTP {code}). Dokumen belum ditandatangani; silakan coba lagi nanti.",
                    SigningFailure.ServiceError));
            }
            var message = Read(parsed, "error") ?? Read(parsed, "message");
            return (parsed, new SigningResult.Failed(
                "BSrE menolak penandatanganan: " + Clip(message ?? RefusalFor(response.StatusCode)) + ". Dokumen belum ditandatangani.",
                SigningFailure.Refused));
        }
    }

    private string ServiceName => options.Value.Provider == SignerProvider.Gateway ? "gateway daerah" : "BSrE";

    private static SigningResult.Failed ServiceError(string what) => new(
        $"Layanan tanda tangan elektronik mengirim {what}. Dokumen belum ditandatangani; silakan coba lagi.", SigningFailure.ServiceError);

    private static string RefusalFor(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => "akun klien aplikasi ditolak (hubungi administrator)",
        HttpStatusCode.NotFound => "pengguna tidak ditemukan",
        _ => $"permintaan ditolak (HTTP {(int)status})",
    };

    private static string? Read(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value)) return null;
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
    }

    private static string Clip(string message)
    {
        var trimmed = message.Trim().TrimEnd('.');
        return trimmed.Length <= MaxMessageLength ? trimmed : trimmed[..MaxMessageLength] + "…";
    }

    private sealed record SignRequestBody(
        string Nik,
        string? Passphrase,
        string? Totp,
        IReadOnlyList<SignatureProperty> SignatureProperties,
        IReadOnlyList<string> File)
    {
        // Never print the passphrase, whatever formats this record.
        public override string ToString() => "SignRequestBody";
    }

    private sealed record SignatureProperty(string Tampilan, string Location, string Reason);

    private sealed record SignResponseBody(IReadOnlyList<string>? File);
}

/// <summary>
/// What BSrE's verify endpoint said of a file: <paramref name="Conclusion"/> (e.g. <c>VALID</c>), its description in
/// Indonesian, and the signers it found.
/// </summary>
public sealed record BsreVerification(string? Conclusion, string? Description, IReadOnlyList<string> Signers)
{
    /// <summary>BSrE concluded that the file's signatures are valid.</summary>
    public bool Valid => string.Equals(Conclusion, "VALID", StringComparison.OrdinalIgnoreCase);
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace NetworkMaintenance.Web.Features.Api;

/// <summary>
/// Every error of /api/v1 as RFC 9457 problem details (application/problem+json) with an Indonesian title and
/// detail: 400 (a <see cref="ValidationProblemDetails"/> naming the fields), 401, 403, 404, 409, 429. One home for
/// the words (docs/api.md, "Errors").
/// </summary>
public static class ApiProblems
{
    public const string ContentType = "application/problem+json";

    public static bool IsApi(HttpContext context) => ApiPaths.IsVersioned(context.Request.Path);

    public static string Title(int status) => status switch
    {
        400 => "Permintaan tidak valid",
        401 => "Token API diperlukan",
        403 => "Akses ditolak",
        404 => "Tidak ditemukan",
        405 => "Metode tidak diizinkan",
        409 => "Konflik",
        413 => "Permintaan terlalu besar",
        415 => "Jenis konten tidak didukung",
        429 => "Terlalu banyak permintaan",
        _ => "Terjadi kesalahan",
    };

    public static string DefaultDetail(int status) => status switch
    {
        400 => "Periksa isian permintaan.",
        401 => "Kirim header Authorization: Bearer <token API> dengan token yang masih berlaku.",
        403 => "Token ini tidak berhak atas sumber daya ini (peran atau OPD pemiliknya).",
        404 => "Sumber daya tidak ditemukan atau tidak dapat Anda lihat.",
        405 => "Metode HTTP ini tidak tersedia untuk alamat ini.",
        409 => "Permintaan bertentangan dengan keadaan data saat ini.",
        429 => "Batas permintaan per menit untuk token ini terlampaui. Coba lagi sebentar lagi.",
        _ => "Permintaan tidak dapat diproses.",
    };

    public static ProblemDetails Problem(HttpContext context, int status, string? detail = null) => new()
    {
        Status = status,
        Title = Title(status),
        Detail = detail ?? DefaultDetail(status),
        Type = "https://www.rfc-editor.org/rfc/rfc9110#status-" + status,
        Instance = context.Request.Path,
    };

    public static ObjectResult Result(HttpContext context, int status, string? detail = null) =>
        new(Problem(context, status, detail)) { StatusCode = status, ContentTypes = { ContentType } };

    public static ObjectResult Validation(HttpContext context, ModelStateDictionary modelState)
    {
        var problem = new ValidationProblemDetails(modelState)
        {
            Status = 400,
            Title = "Isian tidak valid",
            Detail = "Satu atau lebih isian tidak valid; lihat errors.",
            Type = "https://www.rfc-editor.org/rfc/rfc9110#status-400",
            Instance = context.Request.Path,
        };
        return new ObjectResult(problem) { StatusCode = 400, ContentTypes = { ContentType } };
    }

    /// <summary>
    /// Writes a problem body for an error of /api/v1 that has none yet (a refused token, a missing route, the rate
    /// limiter's 429), before the status-code pages would re-execute the HTML error page.
    /// </summary>
    public sealed class Middleware(RequestDelegate next)
    {
        public async Task InvokeAsync(HttpContext context)
        {
            await next(context);
            var response = context.Response;
            if (!IsApi(context) || response.HasStarted || response.StatusCode < 400 || response.StatusCode >= 500
                || response.ContentLength is > 0 || !string.IsNullOrEmpty(response.ContentType)) return;
            await response.WriteAsJsonAsync(Problem(context, response.StatusCode), (System.Text.Json.JsonSerializerOptions?)null,
                ContentType, context.RequestAborted);
        }
    }
}

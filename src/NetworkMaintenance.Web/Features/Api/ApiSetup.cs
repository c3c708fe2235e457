using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Api;

/// <summary>
/// The JSON API's services and pipeline pieces, in one place so the host adds three lines (docs/api.md): the
/// "ApiToken" scheme, the per-token rate limit, Indonesian problem details, the OpenAPI document.
/// </summary>
public static class ApiSetup
{
    public const string RateLimitPolicy = "api";
    public const string DocumentName = "v1";
    public const string DocumentPath = "/api/openapi/v1.json";

    public static void Add(IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, _ => { });
        services.AddScoped<ApiTokenService>();
        services.AddScoped<ApiReportAccess>();

        // Requests per minute per token (RateLimiting:ApiPermitLimit), apart from every other limit of the app.
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((o, settings) =>
            o.AddPolicy(RateLimitPolicy, context =>
            {
                var key = context.User.FindFirst(ApiTokenHandler.TokenClaim)?.Value
                    ?? "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
                return RateLimitPartition.GetFixedWindowLimiter("api:" + key, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = settings.Value.ApiPermitLimit,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            }));

        // A form that does not bind ([ApiController]): a ValidationProblemDetails with Indonesian words.
        services.Configure<ApiBehaviorOptions>(o =>
        {
            // No multipart-only route constraint on file uploads: a request without a token must get 401 (and one
            // without a file a 400 problem naming the field), never the constraint's bare 415.
            o.SuppressConsumesConstraintForFormFileParameters = true;
            var mvcFactory = o.InvalidModelStateResponseFactory;
            o.InvalidModelStateResponseFactory = context => ApiProblems.IsApi(context.HttpContext)
                ? ApiProblems.Validation(context.HttpContext, context.ModelState)
                : mvcFactory(context);
        });

        services.AddOpenApi(DocumentName, o =>
        {
            o.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            // A file upload is multipart/form-data only (the upload route carries no Consumes constraint, see above,
            // so the generator would offer the url-encoded form, which cannot carry a file).
            o.AddOperationTransformer((operation, context, _) =>
            {
                if (context.Description.ParameterDescriptions.Any(p => p.Source == Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.FormFile)
                    && operation.RequestBody?.Content is { } content
                    && content.Remove("application/x-www-form-urlencoded", out var form))
                {
                    content["multipart/form-data"] = form;
                }
                return Task.CompletedTask;
            });
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "NetworkMaintenance API",
                    Version = "v1",
                    Description = "Laporan gangguan jaringan, pengaduan dan dokumen resmi Diskominfo. Autentikasi: header " +
                        "Authorization: Bearer <token API>. Lihat docs/api.md.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[ApiTokenHandler.SchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "Token API (nm_api_…) dari halaman Akun → Token API.",
                };
                document.Security ??= [];
                document.Security.Add(new OpenApiSecurityRequirement
                {
                    [new OpenApiSecuritySchemeReference(ApiTokenHandler.SchemeName, document)] = [],
                });
                return Task.CompletedTask;
            });
        });
    }

    /// <summary>Right after the status-code pages: an API error gets a problem body, never the HTML error page.</summary>
    public static void UseProblems(WebApplication app) => app.UseMiddleware<ApiProblems.Middleware>();

    public static void Map(WebApplication app) =>
        app.MapOpenApi(DocumentPath).AllowAnonymous().ExcludeFromDescription();
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain.Documents;
using NetworkMaintenance.Web.Authorization;

namespace NetworkMaintenance.Web.Features.Documents;

/// <summary>
/// The administrator's banner on every page while documents cannot be issued (incomplete kop surat, or no public
/// address in Production): every step that issues a document is refused until it is fixed.
/// </summary>
public sealed class DocumentReadinessViewComponent(AppDbContext db, IOptions<DocumentOptions> options, IHostEnvironment environment,
    IAuthorizationService authorization) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!(await authorization.AuthorizeAsync(UserClaimsPrincipal, Policies.Administrator)).Succeeded) return Content("");
        var row = await db.DocumentSettings.AsNoTracking()
            .Select(s => new { HasLogo = s.Logo != null, s.Address, s.Phone, s.Email, s.Website })
            .SingleOrDefaultAsync(HttpContext.RequestAborted);
        var missing = row is null
            ? DocumentSettings.CreateDefault().MissingForIssuing()
            : DocumentSettings.MissingForIssuing(row.HasLogo, row.Address, row.Phone, row.Email, row.Website);
        var problems = DocumentIssuer.Problems(missing, options.Value, environment.IsProduction());
        return problems.Count == 0 ? Content("") : View(problems);
    }
}

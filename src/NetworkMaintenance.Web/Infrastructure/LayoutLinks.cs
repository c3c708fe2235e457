using Microsoft.AspNetCore.Routing;

namespace NetworkMaintenance.Web.Infrastructure;

/// <summary>
/// The layout's own links (the brand, the user menu, the footer, the sign-out form), made by the route helpers like
/// every link (<c>RouteHelpersOnly</c>) but once per app instead of on every page: they take no route values, so their
/// paths never change while the app runs. The request's path base is added where they are written (<see cref="On"/>).
/// </summary>
public sealed class LayoutLinks(LinkGenerator links)
{
    private readonly Lazy<Paths> _paths = new(() => new Paths(
        Home: Path(links, "Index", "Home"),
        ChangePassword: Path(links, "ChangePassword", "Account"),
        ApiTokens: Path(links, "Mine", "ApiTokens"),
        TwoFactor: Path(links, "Index", "TwoFactor"),
        SignOut: Path(links, "Logout", "Account"),
        ServiceStandard: Path(links, "ServiceStandard", "Public"),
        SkmResults: Path(links, "Results", "ServiceEvaluationPublic"),
        Track: Path(links, "Track", "Public"),
        Complaint: Path(links, "ComplaintForm", "Public")));

    /// <summary>The links under the request's path base (empty unless the app is served under a sub-path).</summary>
    public Paths On(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var pathBase = context.Request.PathBase;
        return pathBase.HasValue ? _paths.Value.Under(pathBase.Value!) : _paths.Value;
    }

    private static string Path(LinkGenerator links, string action, string controller) =>
        links.GetPathByAction(action, controller)
        ?? throw new InvalidOperationException($"No route for {controller}.{action}, which the layout links to.");

    public sealed record Paths(string Home, string ChangePassword, string ApiTokens, string TwoFactor, string SignOut,
        string ServiceStandard, string SkmResults, string Track, string Complaint)
    {
        public Paths Under(string pathBase) => new(pathBase + Home, pathBase + ChangePassword, pathBase + ApiTokens,
            pathBase + TwoFactor, pathBase + SignOut, pathBase + ServiceStandard, pathBase + SkmResults, pathBase + Track,
            pathBase + Complaint);
    }
}

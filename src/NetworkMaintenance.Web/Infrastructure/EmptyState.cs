namespace NetworkMaintenance.Web.Infrastructure;

/// <summary>
/// What a list page shows when it has no rows (Views/Shared/_EmptyState.cshtml): an icon, what the emptiness means and
/// what to do about it, with a link that does it.
/// </summary>
public sealed record EmptyState(string Icon, string Title, string Text, string? ActionLabel = null, string? ActionUrl = null,
    string TestId = "empty-state");

namespace NetworkMaintenance.Core.Domain.Workflow;

/// <summary>An official another person is acting for today (Plh.).</summary>
public sealed record ActingFor(string OfficialUserId, string FullName, string? Position, string? Nip,
    IReadOnlySet<string> Roles);

/// <summary>
/// The person taking a step, as the domain sees them: identity, roles, OPD, and the officials they are Plh. for today.
/// The web layer builds it from the signed-in user; the domain never sees HTTP or claims.
/// </summary>
public sealed record WorkflowActor(
    string UserId,
    string FullName,
    string? Position,
    string? Nip,
    IReadOnlySet<string> Roles,
    int? OpdId,
    IReadOnlyList<ActingFor> ActingFor)
{
    public bool HasRole(string role) => Roles.Contains(role);
}

/// <summary>In which capacity an actor took a step: their own role, or as Plh. for an official.</summary>
public sealed record ActingCapacity(string Role, ActingFor? OnBehalfOf)
{
    public bool IsPlh => OnBehalfOf is not null;
}

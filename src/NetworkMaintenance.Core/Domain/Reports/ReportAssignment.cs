namespace NetworkMaintenance.Core.Domain.Reports;

/// <summary>A technician on the team assigned to a report; one of them leads.</summary>
public class ReportAssignment
{
    private ReportAssignment() { }

    internal ReportAssignment(string userId, string fullName, bool isLead, DateTime assignedAtUtc)
    {
        UserId = userId;
        FullName = fullName;
        IsLead = isLead;
        AssignedAtUtc = assignedAtUtc;
    }

    public int Id { get; private set; }
    public int ReportId { get; private set; }
    public string UserId { get; private set; } = "";
    public AppUser? User { get; private set; }
    public string FullName { get; private set; } = "";
    public bool IsLead { get; private set; }
    public DateTime AssignedAtUtc { get; private set; }
}

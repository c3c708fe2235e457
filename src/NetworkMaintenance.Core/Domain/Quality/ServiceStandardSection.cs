namespace NetworkMaintenance.Core.Domain.Quality;

/// <summary>One of the six published components of the service standard (PermenPANRB 15/2014), edited by the administrator.</summary>
public class ServiceStandardSection
{
    private ServiceStandardSection() { }

    public ServiceStandardSection(string key, int order, string title, string body)
    {
        Key = key;
        Order = order;
        Title = title;
        Body = body;
    }

    public string Key { get; private set; } = "";
    public int Order { get; private set; }
    public string Title { get; private set; } = "";
    public string Body { get; private set; } = "";
    public DateTime? UpdatedAtUtc { get; private set; }
    public string? UpdatedByUserId { get; private set; }

    public void Edit(string body, string userId, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(body)) throw new DomainException($"Isi \"{Title}\" wajib diisi.");
        Body = body.Trim();
        UpdatedAtUtc = nowUtc;
        UpdatedByUserId = userId;
    }
}

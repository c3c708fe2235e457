namespace NetworkMaintenance.Core.Domain.Intake;

/// <summary>
/// A file attached to a report or a complaint. The bytes live outside the web root under a generated name;
/// <see cref="OriginalName"/> is already sanitised and is only ever shown or sent as a download name.
/// </summary>
public class Attachment
{
    private Attachment() { }

    public Attachment(int? reportId, int? complaintId, string storedName, string originalName, string contentType,
        long sizeBytes, string? uploadedByUserId, DateTime nowUtc)
    {
        if ((reportId is null) == (complaintId is null))
            throw new InvalidOperationException("An attachment belongs to exactly one report or one complaint.");
        ReportId = reportId;
        ComplaintId = complaintId;
        StoredName = storedName;
        OriginalName = originalName;
        ContentType = contentType;
        SizeBytes = sizeBytes;
        UploadedByUserId = uploadedByUserId;
        UploadedAtUtc = nowUtc;
    }

    public int Id { get; private set; }
    public int? ReportId { get; private set; }
    public int? ComplaintId { get; private set; }
    public string StoredName { get; private set; } = "";
    public string OriginalName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long SizeBytes { get; private set; }
    public string? UploadedByUserId { get; private set; }
    public DateTime UploadedAtUtc { get; private set; }

    /// <summary>The client address of an anonymous upload (complaint form), for the daily quota per address.</summary>
    public string? UploaderIp { get; private set; }

    public void UploadedFrom(string? clientIp) => UploaderIp = clientIp is { Length: > 45 } ? clientIp[..45] : clientIp;
}

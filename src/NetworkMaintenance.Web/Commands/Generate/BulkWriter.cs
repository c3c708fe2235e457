using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using NetworkMaintenance.Core.Domain.Documents;
using NetworkMaintenance.Core.Domain.Intake;
using NetworkMaintenance.Core.Domain.Quality;
using NetworkMaintenance.Core.Domain.Reports;

namespace NetworkMaintenance.Web.Commands.Generate;

/// <summary>
/// Writes generated rows with one prepared INSERT per table (parameters re-bound per row), in the caller's transaction,
/// through SQLite's own statement API on the connection's handle (binding through ADO.NET parameters cost more than the
/// inserts themselves). Values are stored the way EF Core's SQLite provider stores them: enums as their names, DateTime
/// as "yyyy-MM-dd HH:mm:ss.FFFFFFF" text (Microsoft.Data.Sqlite's own format), DateOnly as "yyyy-MM-dd", Guid as
/// upper-case text, bool as 0/1.
/// </summary>
/// <summary>One generated issued-document row, computed ahead of the insert.</summary>
internal readonly record struct DocumentRow(int Id, int ReportId, DocumentType Type, string Number, int Version, DateTime IssuedAtUtc,
    string? IssuedByUserId, string VerificationCode, string Sha256, byte[] Pdf, string SnapshotJson, int? SupersededById,
    DateTime? SupersededAtUtc);

internal sealed class BulkWriter(SqliteConnection connection) : IDisposable
{
    private static readonly string[] ReportColumns =
    [
        "Id", "Number", "Year", "Sequence", "TrackingCode", "OpdId", "ReporterUserId", "ReporterName", "ReporterNip",
        "ReporterPosition", "ReporterPhone", "ReporterEmail", "Channel", "ReceivedAtUtc", "Location", "Category", "Description",
        "LetterNumber", "LetterDate", "RecordedByUserId", "CreatedAtUtc", "Status", "Version", "KabidUserId", "KabidName",
        "KasiUserId", "KasiName", "DueAtUtc", "FaultType", "FaultLocation", "InDataCenterNetwork", "DiagnosisFindings",
        "DiagnosedAtUtc", "InspectedAtUtc", "InspectionFindings", "ReporterPresentAtInspection", "ReplacementNeeded",
        "ReplacementRequestedAtUtc", "ReplacementRequestedByName", "ActionsTaken", "RootCause", "WorkCompletedAtUtc",
        "AcknowledgedAtUtc", "AcknowledgedByName", "AcknowledgementSignaturePng", "ClosedAtUtc", "RejectionReason",
        "SlaClockStartUtc", "SlaElapsedSeconds", "SlaPausedSinceUtc",
    ];

    private static readonly string[] EventColumns =
    [
        "Id", "ReportId", "Action", "FromStatus", "ToStatus", "AtUtc", "ActorUserId", "ActorName", "ActorPosition", "ActorNip",
        "ActorRole", "OnBehalfOfUserId", "OnBehalfOfName", "OnBehalfOfPosition", "Note", "Details", "TargetUserId", "TargetName",
        "Instructions", "DueAtUtc", "SecondsInFromStatus",
    ];

    private static readonly string[] AssignmentColumns = ["Id", "ReportId", "UserId", "FullName", "IsLead", "AssignedAtUtc"];

    private static readonly string[] DeviceColumns =
    [
        "Id", "ReportId", "Purpose", "Name", "BrandType", "SerialNumber", "Condition", "Notes", "NewBrandType", "NewSerialNumber",
        "RecordedAtUtc", "IsSuperseded",
    ];

    private static readonly string[] PauseColumns =
    [
        "Id", "ReportId", "Reason", "Note", "PausedAtUtc", "PausedByUserId", "PausedByName", "ResumedAtUtc", "ResumedByUserId",
        "ResumedByName", "ResumedByStep",
    ];

    private static readonly string[] GuestColumns =
    [
        "Id", "VisitorName", "IdentityType", "IdentityNumber", "Institution", "Purpose", "TimeInUtc", "TimeOutUtc", "ReportId",
        "RecordedByUserId", "CreatedAtUtc",
    ];

    private static readonly string[] DocumentColumns =
    [
        "Id", "ReportId", "Type", "Number", "Version", "IssuedAtUtc", "IssuedByUserId", "VerificationCode", "Sha256", "Pdf",
        "SnapshotJson", "PartiesJson", "IsSuperseded", "SupersededAtUtc", "SupersededById",
    ];

    private static readonly string[] AttachmentColumns =
    [
        "Id", "ReportId", "ComplaintId", "StoredName", "OriginalName", "ContentType", "SizeBytes", "UploadedByUserId", "UploadedAtUtc",
        "UploaderIp",
    ];

    private static readonly string[] SurveyColumns =
    [
        "Id", "ReportId", "OpdId", "UserId", "U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9", "Suggestion", "SubmittedAtUtc",
    ];

    private sqlite3_stmt _reports = null!, _events = null!, _assignments = null!, _devices = null!, _pauses = null!, _guests = null!,
        _documents = null!, _attachments = null!, _surveys = null!;
    private SqliteTransaction _tx = null!;

    public long NextEventId { get; set; }
    public int NextAssignmentId { get; set; }
    public int NextDeviceId { get; set; }
    public long NextPauseId { get; set; }
    public int NextGuestId { get; set; }
    public int NextAttachmentId { get; set; }
    public int NextSurveyId { get; set; }

    public void Prepare(SqliteTransaction tx)
    {
        _tx = tx;
        _reports = Insert("Reports", ReportColumns);
        _events = Insert("ReportEvents", EventColumns);
        _assignments = Insert("ReportAssignments", AssignmentColumns);
        _devices = Insert("ReportDevices", DeviceColumns);
        _pauses = Insert("ReportPauses", PauseColumns);
        _guests = Insert("GuestBookEntries", GuestColumns);
        _documents = Insert("IssuedDocuments", DocumentColumns);
        _attachments = Insert("Attachments", AttachmentColumns);
        _surveys = Insert("SatisfactionSurveys", SurveyColumns);
    }

    public void WriteReport(int id, Report r, GuestBookEntry? guest, IReadOnlyList<ReportEvent> orderedEvents)
    {
        Begin(_reports);
        Int(id); Text(r.Number); Int(r.Year); Int(r.Sequence); Text(r.TrackingCode); Int(r.OpdId); Text(r.ReporterUserId);
        Text(r.ReporterName); Text(r.ReporterNip); Text(r.ReporterPosition); Text(r.ReporterPhone); Text(r.ReporterEmail);
        Text(Name(r.Channel)); Time(r.ReceivedAtUtc); Text(r.Location); Text(Name(r.Category)); Text(r.Description);
        Text(r.LetterNumber); Date(r.LetterDate); Text(r.RecordedByUserId); Time(r.CreatedAtUtc); Text(Name(r.Status));
        Uuid(r.Version); Text(r.KabidUserId); Text(r.KabidName); Text(r.KasiUserId); Text(r.KasiName); Time(r.DueAtUtc);
        Text(r.FaultType); Text(r.FaultLocation); Bool(r.InDataCenterNetwork); Text(r.DiagnosisFindings); Time(r.DiagnosedAtUtc);
        Time(r.InspectedAtUtc); Text(r.InspectionFindings); Bool(r.ReporterPresentAtInspection); Bool(r.ReplacementNeeded);
        Time(r.ReplacementRequestedAtUtc); Text(r.ReplacementRequestedByName); Text(r.ActionsTaken); Text(r.RootCause);
        Time(r.WorkCompletedAtUtc); Time(r.AcknowledgedAtUtc); Text(r.AcknowledgedByName); Blob(r.AcknowledgementSignaturePng);
        Time(r.ClosedAtUtc); Text(r.RejectionReason); Time(r.SlaClockStartUtc); Int(r.SlaElapsedSeconds); Time(r.SlaPausedSinceUtc);
        Step(ReportColumns.Length);

        foreach (var e in orderedEvents)
        {
            Begin(_events);
            Int(NextEventId++); Int(id); Text(Name(e.Action)); Text(e.FromStatus is { } from ? Name(from) : null); Text(Name(e.ToStatus));
            Time(e.AtUtc); Text(e.ActorUserId); Text(e.ActorName); Text(e.ActorPosition); Text(e.ActorNip); Text(e.ActorRole);
            Text(e.OnBehalfOfUserId); Text(e.OnBehalfOfName); Text(e.OnBehalfOfPosition); Text(e.Note); Text(e.Details);
            Text(e.TargetUserId); Text(e.TargetName); Int((int)e.Instructions); Time(e.DueAtUtc); Int(e.SecondsInFromStatus);
            Step(EventColumns.Length);
        }
        foreach (var a in r.Technicians)
        {
            Begin(_assignments);
            Int(NextAssignmentId++); Int(id); Text(a.UserId); Text(a.FullName); Bool(a.IsLead); Time(a.AssignedAtUtc);
            Step(AssignmentColumns.Length);
        }
        foreach (var d in r.Devices)
        {
            Begin(_devices);
            Int(NextDeviceId++); Int(id); Text(Name(d.Purpose)); Text(d.Name); Text(d.BrandType); Text(d.SerialNumber);
            Text(Name(d.Condition)); Text(d.Notes); Text(d.NewBrandType); Text(d.NewSerialNumber); Time(d.RecordedAtUtc);
            Bool(d.IsSuperseded);
            Step(DeviceColumns.Length);
        }
        foreach (var p in r.Pauses)
        {
            Begin(_pauses);
            Int(NextPauseId++); Int(id); Text(Name(p.Reason)); Text(p.Note); Time(p.PausedAtUtc); Text(p.PausedByUserId);
            Text(p.PausedByName); Time(p.ResumedAtUtc); Text(p.ResumedByUserId); Text(p.ResumedByName); Bool(p.ResumedByStep);
            Step(PauseColumns.Length);
        }
        if (guest is not null)
        {
            Begin(_guests);
            Int(NextGuestId++); Text(guest.VisitorName); Text(Name(guest.IdentityType)); Text(guest.IdentityNumber);
            Text(guest.Institution); Text(guest.Purpose); Time(guest.TimeInUtc); Time(guest.TimeOutUtc); Int(id);
            Text(guest.RecordedByUserId); Time(guest.CreatedAtUtc);
            Step(GuestColumns.Length);
        }
    }

    /// <summary>A report's attachment records (the files themselves are not written) and its satisfaction survey.</summary>
    public void WriteExtras(IReadOnlyList<Attachment> attachments, SatisfactionSurvey? survey)
    {
        foreach (var a in attachments)
        {
            Begin(_attachments);
            Int(NextAttachmentId++); Int(a.ReportId); Int(a.ComplaintId); Text(a.StoredName); Text(a.OriginalName); Text(a.ContentType);
            Int(a.SizeBytes); Text(a.UploadedByUserId); Time(a.UploadedAtUtc); Text(a.UploaderIp);
            Step(AttachmentColumns.Length);
        }
        if (survey is not null)
        {
            Begin(_surveys);
            Int(NextSurveyId++); Int(survey.ReportId); Int(survey.OpdId); Text(survey.UserId); Int(survey.U1); Int(survey.U2);
            Int(survey.U3); Int(survey.U4); Int(survey.U5); Int(survey.U6); Int(survey.U7); Int(survey.U8); Int(survey.U9);
            Text(survey.Suggestion); Time(survey.SubmittedAtUtc);
            Step(SurveyColumns.Length);
        }
    }

    public void WriteDocument(in DocumentRow d)
    {
        Begin(_documents);
        Int(d.Id); Int(d.ReportId); Text(Name(d.Type)); Text(d.Number); Int(d.Version); Time(d.IssuedAtUtc); Text(d.IssuedByUserId);
        Text(d.VerificationCode); Text(d.Sha256); Blob(d.Pdf); Text(d.SnapshotJson); Text("[]"); Bool(d.SupersededById is not null);
        Time(d.SupersededAtUtc); Int(d.SupersededById);
        Step(DocumentColumns.Length);
    }

    public async Task WriteSequencesAsync(IReadOnlyDictionary<string, long> sequences, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = _tx;
        command.CommandText = "INSERT INTO NumberSequences (Name, LastValue) VALUES ($name, $value) " +
            "ON CONFLICT(Name) DO UPDATE SET LastValue = MAX(LastValue, excluded.LastValue)";
        var name = command.Parameters.Add("$name", SqliteType.Text);
        var value = command.Parameters.Add("$value", SqliteType.Integer);
        foreach (var (key, last) in sequences)
        {
            name.Value = key;
            value.Value = last;
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private sqlite3_stmt Insert(string table, string[] columns)
    {
        var sql = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => "?" + (i + 1).ToString(CultureInfo.InvariantCulture)))})";
        Check(raw.sqlite3_prepare_v2(connection.Handle, sql, out var statement), sql);
        return statement;
    }

    // Typed binders: the next parameter of the current statement, without boxing or per-value allocations (text is
    // encoded into one reused buffer and copied by SQLite).
    private sqlite3_stmt _current = null!;
    private int _index;
    private byte[] _buffer = new byte[4096];

    private void Begin(sqlite3_stmt statement)
    {
        _current = statement;
        _index = 0;
    }

    private void Null() => Check(raw.sqlite3_bind_null(_current, ++_index), "bind");

    private void Int(long value) => Check(raw.sqlite3_bind_int64(_current, ++_index, value), "bind");

    private void Int(long? value)
    {
        if (value is { } v) Int(v);
        else Null();
    }

    private void Bool(bool value) => Int(value ? 1 : 0);

    private void Bool(bool? value)
    {
        if (value is { } v) Int(v ? 1 : 0);
        else Null();
    }

    private void Text(string? value)
    {
        if (value is null)
        {
            Null();
            return;
        }
        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (max > _buffer.Length) _buffer = new byte[Math.Max(max, _buffer.Length * 2)];
        var length = Encoding.UTF8.GetBytes(value, _buffer);
        Check(raw.sqlite3_bind_text(_current, ++_index, _buffer.AsSpan(0, length)), "bind");
    }

    private void Time(DateTime value)
    {
        // Microsoft.Data.Sqlite's DateTime text format (what EF Core stores and parses).
        if (!value.TryFormat(_buffer, out var length, @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture))
            throw new InvalidOperationException("Could not format a date.");
        Check(raw.sqlite3_bind_text(_current, ++_index, _buffer.AsSpan(0, length)), "bind");
    }

    private void Time(DateTime? value)
    {
        if (value is { } v) Time(v);
        else Null();
    }

    private void Date(DateOnly? value)
    {
        if (value is not { } v)
        {
            Null();
            return;
        }
        if (!v.TryFormat(_buffer, out var length, @"yyyy\-MM\-dd", CultureInfo.InvariantCulture))
            throw new InvalidOperationException("Could not format a date.");
        Check(raw.sqlite3_bind_text(_current, ++_index, _buffer.AsSpan(0, length)), "bind");
    }

    private void Uuid(Guid value) => Text(value.ToString().ToUpperInvariant());

    private void Blob(byte[]? value)
    {
        if (value is null) Null();
        else Check(raw.sqlite3_bind_blob(_current, ++_index, value), "bind");
    }

    private void Step(int columns)
    {
        if (_index != columns) throw new InvalidOperationException($"Bound {_index} of {columns} columns.");
        var step = raw.sqlite3_step(_current);
        if (step != raw.SQLITE_DONE) Check(step, "insert");
        raw.sqlite3_reset(_current);
    }

    /// <summary>An enum's name, as EF Core's string conversion stores it (cached: Enum.ToString allocates each time).</summary>
    private static string Name<T>(T value) where T : struct, Enum => EnumNames<T>.Of(value);

    private static class EnumNames<T> where T : struct, Enum
    {
        private static readonly Dictionary<T, string> Names = Enum.GetValues<T>().ToDictionary(v => v, v => v.ToString());

        public static string Of(T value) => Names.TryGetValue(value, out var name) ? name : value.ToString();
    }

    private void Check(int rc, string what)
    {
        if (rc is raw.SQLITE_OK or raw.SQLITE_DONE) return;
        throw new SqliteException($"SQLite error {rc} ({what}): {raw.sqlite3_errmsg(connection.Handle).utf8_to_string()}", rc);
    }

    public void Dispose()
    {
        foreach (var statement in new[] { _reports, _events, _assignments, _devices, _pauses, _guests, _documents, _attachments, _surveys })
        {
            statement?.Dispose();
        }
    }
}

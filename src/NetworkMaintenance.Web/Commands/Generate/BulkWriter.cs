using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using NetworkMaintenance.Core.Domain.Documents;
using NetworkMaintenance.Core.Domain.Intake;
using NetworkMaintenance.Core.Domain.Reports;

namespace NetworkMaintenance.Web.Commands.Generate;

/// <summary>
/// Writes generated rows with one prepared INSERT per table (parameters re-bound per row), in the caller's transaction,
/// through SQLite's own statement API on the connection's handle (binding through ADO.NET parameters cost more than the
/// inserts themselves). Values are stored the way EF Core's SQLite provider stores them: enums as their names, DateTime
/// as "yyyy-MM-dd HH:mm:ss.FFFFFFF" text (Microsoft.Data.Sqlite's own format), DateOnly as "yyyy-MM-dd", Guid as
/// upper-case text, bool as 0/1.
/// </summary>
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

    private sqlite3_stmt _reports = null!, _events = null!, _assignments = null!, _devices = null!, _pauses = null!, _guests = null!, _documents = null!;
    private SqliteTransaction _tx = null!;

    public long NextEventId { get; set; }
    public int NextAssignmentId { get; set; }
    public int NextDeviceId { get; set; }
    public long NextPauseId { get; set; }
    public int NextGuestId { get; set; }

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
    }

    public void WriteReport(int id, Report r, GuestBookEntry? guest)
    {
        Run(_reports, id, r.Number, r.Year, r.Sequence, r.TrackingCode, r.OpdId, r.ReporterUserId, r.ReporterName, r.ReporterNip,
            r.ReporterPosition, r.ReporterPhone, r.ReporterEmail, r.Channel.ToString(), r.ReceivedAtUtc, r.Location, r.Category.ToString(),
            r.Description, r.LetterNumber, r.LetterDate, r.RecordedByUserId, r.CreatedAtUtc, r.Status.ToString(),
            r.Version.ToString().ToUpperInvariant(), r.KabidUserId, r.KabidName, r.KasiUserId, r.KasiName, r.DueAtUtc, r.FaultType,
            r.FaultLocation, r.InDataCenterNetwork, r.DiagnosisFindings, r.DiagnosedAtUtc, r.InspectedAtUtc, r.InspectionFindings,
            r.ReporterPresentAtInspection, r.ReplacementNeeded, r.ReplacementRequestedAtUtc, r.ReplacementRequestedByName,
            r.ActionsTaken, r.RootCause, r.WorkCompletedAtUtc, r.AcknowledgedAtUtc, r.AcknowledgedByName,
            r.AcknowledgementSignaturePng, r.ClosedAtUtc, r.RejectionReason, r.SlaClockStartUtc, r.SlaElapsedSeconds,
            r.SlaPausedSinceUtc);

        foreach (var e in r.Events.OrderBy(e => e.AtUtc))
        {
            Run(_events, NextEventId++, id, e.Action.ToString(), e.FromStatus?.ToString(), e.ToStatus.ToString(), e.AtUtc, e.ActorUserId,
                e.ActorName, e.ActorPosition, e.ActorNip, e.ActorRole, e.OnBehalfOfUserId, e.OnBehalfOfName, e.OnBehalfOfPosition,
                e.Note, e.Details, e.TargetUserId, e.TargetName, (int)e.Instructions, e.DueAtUtc, e.SecondsInFromStatus);
        }
        foreach (var a in r.Technicians)
        {
            Run(_assignments, NextAssignmentId++, id, a.UserId, a.FullName, a.IsLead, a.AssignedAtUtc);
        }
        foreach (var d in r.Devices)
        {
            Run(_devices, NextDeviceId++, id, d.Purpose.ToString(), d.Name, d.BrandType, d.SerialNumber, d.Condition.ToString(), d.Notes,
                d.NewBrandType, d.NewSerialNumber, d.RecordedAtUtc, d.IsSuperseded);
        }
        foreach (var p in r.Pauses)
        {
            Run(_pauses, NextPauseId++, id, p.Reason.ToString(), p.Note, p.PausedAtUtc, p.PausedByUserId, p.PausedByName, p.ResumedAtUtc,
                p.ResumedByUserId, p.ResumedByName, p.ResumedByStep);
        }
        if (guest is not null)
        {
            Run(_guests, NextGuestId++, guest.VisitorName, guest.IdentityType.ToString(), guest.IdentityNumber, guest.Institution,
                guest.Purpose, guest.TimeInUtc, guest.TimeOutUtc, id, guest.RecordedByUserId, guest.CreatedAtUtc);
        }
    }

    public void WriteDocument(int id, int reportId, DocumentType type, string number, int version, DateTime issuedAtUtc, string? issuedBy,
        string verificationCode, string sha256, byte[] pdf, string snapshotJson, int? supersededById, DateTime? supersededAtUtc) =>
        Run(_documents, id, reportId, type.ToString(), number, version, issuedAtUtc, issuedBy, verificationCode, sha256, pdf, snapshotJson,
            "[]", supersededById is not null, supersededAtUtc, supersededById);

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

    private void Run(sqlite3_stmt statement, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            var index = i + 1;
            var rc = values[i] switch
            {
                null => raw.sqlite3_bind_null(statement, index),
                string text => raw.sqlite3_bind_text(statement, index, text),
                int number => raw.sqlite3_bind_int64(statement, index, number),
                long number => raw.sqlite3_bind_int64(statement, index, number),
                bool flag => raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0),
                DateTime time => raw.sqlite3_bind_text(statement, index, time.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture)),
                DateOnly date => raw.sqlite3_bind_text(statement, index, date.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture)),
                byte[] bytes => raw.sqlite3_bind_blob(statement, index, bytes),
                var other => throw new ArgumentException($"No binding for {other.GetType().Name}."),
            };
            Check(rc, "bind");
        }
        var step = raw.sqlite3_step(statement);
        if (step != raw.SQLITE_DONE) Check(step, "insert");
        raw.sqlite3_reset(statement);
        raw.sqlite3_clear_bindings(statement);
    }

    private void Check(int rc, string what)
    {
        if (rc is raw.SQLITE_OK or raw.SQLITE_DONE) return;
        throw new SqliteException($"SQLite error {rc} ({what}): {raw.sqlite3_errmsg(connection.Handle).utf8_to_string()}", rc);
    }

    public void Dispose()
    {
        foreach (var statement in new[] { _reports, _events, _assignments, _devices, _pauses, _guests, _documents })
        {
            statement?.Dispose();
        }
    }
}

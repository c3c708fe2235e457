namespace NetworkMaintenance.Core.Domain.Devices;

/// <summary>What identifies and places a device: the register's form and import rows.</summary>
public sealed record DeviceDetails(
    int? OpdId,
    string? Building,
    string? Room,
    DeviceKind Kind,
    string BrandType,
    string? SerialNumber,
    string? KodeBarang,
    string? Nup,
    string? IpAddress,
    string? MacAddress,
    DateOnly? InstalledOn,
    DateOnly? WarrantyEndsOn);

/// <summary>
/// A network device the service looks after (the register, issue #19). A device with no OPD is in the data-center
/// store. Every change adds an entry to its history and bumps <see cref="Version"/>, the optimistic concurrency token:
/// two technicians reserving the last spare at once both read version n, one saves n+1, the other's save matches no
/// row and is refused (works alike on SQLite, PostgreSQL and SQL Server).
/// </summary>
public class Device
{
    public const string DataCenterStore = "Gudang Data Center";

    private readonly List<DeviceEvent> _events = [];

    private Device() { }

    public Device(DeviceDetails details, DeviceStatus status, string actorName, DateTime nowUtc)
    {
        Apply(details);
        Status = status;
        CreatedAtUtc = nowUtc;
        Record(DeviceEventKind.Registered, null, actorName, nowUtc,
            $"Didaftarkan dengan status {DeviceLabels.Of(status)}.");
    }

    public int Id { get; private set; }
    public int? OpdId { get; private set; }
    public Opd? Opd { get; private set; }
    public string? Building { get; private set; }
    public string? Room { get; private set; }
    public DeviceKind Kind { get; private set; }
    public string BrandType { get; private set; } = "";
    public string? SerialNumber { get; private set; }
    public string? KodeBarang { get; private set; }
    public string? Nup { get; private set; }
    public string? IpAddress { get; private set; }
    public string? MacAddress { get; private set; }
    public DateOnly? InstalledOn { get; private set; }
    public DateOnly? WarrantyEndsOn { get; private set; }
    public DeviceStatus Status { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>The report a spare is reserved for (step 10), null when free.</summary>
    public int? ReservedForReportId { get; private set; }

    /// <summary>When the device was flagged for its repeated faults (null: not flagged, or decided).</summary>
    public DateTime? RepeatFaultFlaggedAtUtc { get; private set; }
    public RepeatFaultDecision? RepeatFaultDecision { get; private set; }
    public string? RepeatFaultDecisionNote { get; private set; }

    /// <summary>Optimistic concurrency token, bumped by every change.</summary>
    public int Version { get; private set; }

    public IReadOnlyCollection<DeviceEvent> Events => _events.AsReadOnly();

    /// <summary>"Switch Cisco SG350 (SN ABC123)": how reports and documents name the device.</summary>
    public string Label => $"{DeviceLabels.Of(Kind)} {BrandType}" + (SerialNumber is null ? "" : $" (SN {SerialNumber})");

    public string LocationText =>
        string.Join(", ", new[] { Building, Room }.Where(s => !string.IsNullOrWhiteSpace(s)));

    public bool IsFlaggedForRepeatFaults => RepeatFaultFlaggedAtUtc is not null && RepeatFaultDecision is null;

    public void Edit(DeviceDetails details, string actorName, DateTime nowUtc)
    {
        var movedFrom = (OpdId, Building, Room);
        Apply(details);
        var moved = movedFrom != (OpdId, Building, Room);
        Record(moved ? DeviceEventKind.Moved : DeviceEventKind.Edited, null, actorName, nowUtc,
            moved ? $"Dipindahkan ke {Place()}." : "Data perangkat diubah.");
    }

    public void ChangeStatus(DeviceStatus status, string actorName, DateTime nowUtc)
    {
        if (status == Status) return;
        if (ReservedForReportId is not null && status != DeviceStatus.Spare)
            throw new DomainException("Perangkat ini sedang dicadangkan untuk sebuah laporan; lepaskan dulu cadangannya.");
        var from = Status;
        Status = status;
        Record(DeviceEventKind.StatusChanged, null, actorName, nowUtc,
            $"Status diubah dari {DeviceLabels.Of(from)} menjadi {DeviceLabels.Of(status)}.");
    }

    /// <summary>Links a new report to this device (a fault).</summary>
    public void FaultReported(int reportId, string reportNumber, string actorName, DateTime nowUtc) =>
        Record(DeviceEventKind.Reported, reportId, actorName, nowUtc, $"Gangguan dilaporkan dalam laporan {reportNumber}.");

    /// <summary>Step 10: reserves this spare for a report. Refused unless it is a free spare.</summary>
    public void Reserve(int reportId, string reportNumber, string actorName, DateTime nowUtc)
    {
        if (Status != DeviceStatus.Spare)
            throw new DomainException($"{Label} bukan perangkat cadangan.");
        if (ReservedForReportId == reportId) return;
        if (ReservedForReportId is not null)
            throw new DomainException($"{Label} sudah dicadangkan untuk laporan lain.");
        ReservedForReportId = reportId;
        Record(DeviceEventKind.Reserved, reportId, actorName, nowUtc, $"Dicadangkan untuk laporan {reportNumber}.");
    }

    public void ReleaseReservation(string actorName, DateTime nowUtc)
    {
        if (ReservedForReportId is not { } reportId) return;
        ReservedForReportId = null;
        Record(DeviceEventKind.ReservationReleased, reportId, actorName, nowUtc, "Cadangan dilepas.");
    }

    /// <summary>Step 10 "menyiapkan perangkat pengganti": the reserved spare is prepared for the replacement.</summary>
    public void Prepare(int reportId, string reportNumber, string actorName, DateTime nowUtc)
    {
        if (ReservedForReportId != reportId)
            throw new DomainException($"{Label} tidak dicadangkan untuk laporan {reportNumber}.");
        Record(DeviceEventKind.Prepared, reportId, actorName, nowUtc,
            $"Disiapkan sebagai perangkat pengganti untuk laporan {reportNumber}.");
    }

    /// <summary>Completion of a replacement: the reserved spare goes into service where the broken unit was.</summary>
    public void InstallAsReplacement(int reportId, string reportNumber, Device broken, string actorName, DateTime nowUtc)
    {
        if (ReservedForReportId != reportId)
            throw new DomainException($"{Label} tidak dicadangkan untuk laporan {reportNumber}.");
        ReservedForReportId = null;
        Status = DeviceStatus.InService;
        OpdId = broken.OpdId;
        Building = broken.Building;
        Room = broken.Room;
        InstalledOn = DateOnly.FromDateTime(nowUtc);
        Record(DeviceEventKind.InstalledAsReplacement, reportId, actorName, nowUtc,
            $"Dipasang di {Place()} menggantikan {broken.Label} (laporan {reportNumber}).");
        broken.MoveToStoreAsBroken(reportId, reportNumber, this, actorName, nowUtc);
    }

    private void MoveToStoreAsBroken(int reportId, string reportNumber, Device replacement, string actorName, DateTime nowUtc)
    {
        Status = DeviceStatus.Broken;
        OpdId = null;
        Building = DataCenterStore;
        Room = null;
        RepeatFaultFlaggedAtUtc = null;
        Record(DeviceEventKind.ReplacedBroken, reportId, actorName, nowUtc,
            $"Diganti dengan {replacement.Label}; dipindahkan ke {DataCenterStore} dengan status Rusak (laporan {reportNumber}).");
    }

    /// <summary>A repair in a completed report.</summary>
    public void Repaired(int reportId, string reportNumber, string actorName, DateTime nowUtc) =>
        Record(DeviceEventKind.Repaired, reportId, actorName, nowUtc, $"Diperbaiki (laporan {reportNumber}).");

    /// <summary>Flags the device for repeated faults (once, until the Kasi decides).</summary>
    public bool FlagRepeatFaults(int reportId, int faults, int days, string actorName, DateTime nowUtc)
    {
        if (IsFlaggedForRepeatFaults) return false;
        RepeatFaultFlaggedAtUtc = nowUtc;
        RepeatFaultDecision = null;
        RepeatFaultDecisionNote = null;
        Record(DeviceEventKind.RepeatFaultFlagged, reportId, actorName, nowUtc,
            $"Gangguan ke-{faults} dalam {days} hari: diusulkan untuk diganti.");
        return true;
    }

    public void DecideRepeatFaults(RepeatFaultDecision decision, string? note, string actorName, DateTime nowUtc)
    {
        if (!IsFlaggedForRepeatFaults)
            throw new DomainException("Perangkat ini tidak sedang ditandai gangguan berulang.");
        RepeatFaultDecision = decision;
        RepeatFaultDecisionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        Record(DeviceEventKind.RepeatFaultDecided, null, actorName, nowUtc,
            $"Keputusan Kepala Seksi: {DeviceLabels.Of(decision)}." + (RepeatFaultDecisionNote is null ? "" : $" {RepeatFaultDecisionNote}"));
    }

    private string Place() =>
        (Opd?.DisplayName ?? (OpdId is null ? DataCenterStore : "OPD")) + (LocationText.Length > 0 ? $" ({LocationText})" : "");

    private void Apply(DeviceDetails d)
    {
        if (string.IsNullOrWhiteSpace(d.BrandType)) throw new DomainException(DeviceMessages.BrandTypeRequired);
        if (d.WarrantyEndsOn is { } w && d.InstalledOn is { } i && w < i)
            throw new DomainException("Akhir garansi tidak boleh sebelum tanggal pemasangan.");
        OpdId = d.OpdId;
        if (Opd is not null && Opd.Id != d.OpdId) Opd = null;
        Building = Clean(d.Building);
        Room = Clean(d.Room);
        Kind = d.Kind;
        BrandType = d.BrandType.Trim();
        SerialNumber = Clean(d.SerialNumber);
        KodeBarang = Clean(d.KodeBarang);
        Nup = Clean(d.Nup);
        IpAddress = Clean(d.IpAddress);
        MacAddress = Clean(d.MacAddress)?.ToUpperInvariant();
        InstalledOn = d.InstalledOn;
        WarrantyEndsOn = d.WarrantyEndsOn;
    }

    private void Record(DeviceEventKind kind, int? reportId, string actorName, DateTime nowUtc, string description)
    {
        Version++;
        _events.Add(new DeviceEvent(kind, reportId, actorName, nowUtc, description));
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>One line of a device's history.</summary>
public class DeviceEvent
{
    private DeviceEvent() { }

    internal DeviceEvent(DeviceEventKind kind, int? reportId, string actorName, DateTime atUtc, string description)
    {
        Kind = kind;
        ReportId = reportId;
        ActorName = actorName;
        AtUtc = atUtc;
        Description = description;
    }

    public long Id { get; private set; }
    public int DeviceId { get; private set; }
    public DeviceEventKind Kind { get; private set; }
    public int? ReportId { get; private set; }
    public string ActorName { get; private set; } = "";
    public DateTime AtUtc { get; private set; }
    public string Description { get; private set; } = "";
}

/// <summary>
/// Consumables counted by quantity (cables, connectors) in the data-center store. Every receipt and issue is a
/// <see cref="StockMovement"/> and bumps <see cref="Version"/>, the optimistic concurrency token: two technicians taking
/// the last unit at once both read version n, one saves n+1, the other's save matches no row and is refused.
/// </summary>
public class StockItem
{
    private readonly List<StockMovement> _movements = [];

    private StockItem() { }

    public StockItem(string name, string unit, int quantity, int reorderLevel, string actorName = "", DateTime? nowUtc = null)
    {
        Edit(name, unit, reorderLevel);
        if (quantity < 0) throw new DomainException("Jumlah dan batas pemesanan ulang tidak boleh negatif.");
        Quantity = quantity;
        if (quantity > 0 && nowUtc is { } now) _movements.Add(new StockMovement(quantity, null, actorName, now, "Stok awal."));
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Unit { get; private set; } = "";
    public int Quantity { get; private set; }
    public int ReorderLevel { get; private set; }
    public int Version { get; private set; }

    public IReadOnlyCollection<StockMovement> Movements => _movements.AsReadOnly();

    public bool BelowReorderLevel => Quantity <= ReorderLevel;

    public void Edit(string name, string unit, int reorderLevel)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException("Nama barang wajib diisi.");
        if (reorderLevel < 0) throw new DomainException("Jumlah dan batas pemesanan ulang tidak boleh negatif.");
        Name = name.Trim();
        Unit = string.IsNullOrWhiteSpace(unit) ? "buah" : unit.Trim();
        ReorderLevel = reorderLevel;
        Version++;
    }

    public void Receive(int quantity, string actorName = "", DateTime? nowUtc = null, string? note = null)
    {
        if (quantity <= 0) throw new DomainException("Jumlah harus lebih dari 0.");
        Quantity += quantity;
        Version++;
        if (nowUtc is { } now) _movements.Add(new StockMovement(quantity, null, actorName, now, string.IsNullOrWhiteSpace(note) ? "Stok diterima." : note.Trim()));
    }

    /// <summary>Takes stock for a report (a repair or a replacement); refused when not enough is on hand.</summary>
    public void Issue(int quantity, int? reportId = null, string? reportNumber = null, string actorName = "", DateTime? nowUtc = null)
    {
        if (quantity <= 0) throw new DomainException("Jumlah harus lebih dari 0.");
        if (quantity > Quantity)
            throw new DomainException($"Stok {Name} tidak cukup: tersedia {Quantity} {Unit}.");
        Quantity -= quantity;
        Version++;
        if (nowUtc is { } now)
            _movements.Add(new StockMovement(-quantity, reportId, actorName, now,
                reportNumber is null ? "Stok dikeluarkan." : $"Dikeluarkan untuk laporan {reportNumber}."));
    }

    public void SetReorderLevel(int level)
    {
        if (level < 0) throw new DomainException("Batas pemesanan ulang tidak boleh negatif.");
        ReorderLevel = level;
        Version++;
    }
}

/// <summary>One receipt (positive) or issue (negative, to a report) of a stock item.</summary>
public class StockMovement
{
    private StockMovement() { }

    internal StockMovement(int quantity, int? reportId, string actorName, DateTime atUtc, string description)
    {
        Quantity = quantity;
        ReportId = reportId;
        ActorName = actorName;
        AtUtc = atUtc;
        Description = description;
    }

    public long Id { get; private set; }
    public int StockItemId { get; private set; }
    public int Quantity { get; private set; }
    public int? ReportId { get; private set; }
    public string ActorName { get; private set; } = "";
    public DateTime AtUtc { get; private set; }
    public string Description { get; private set; } = "";
}

/// <summary>The number of spares of a kind below which the Kasi is warned.</summary>
public class DeviceReorderLevel
{
    private DeviceReorderLevel() { }

    public DeviceReorderLevel(DeviceKind kind, int level)
    {
        Kind = kind;
        Set(level);
    }

    public DeviceKind Kind { get; private set; }
    public int Level { get; private set; }

    public void Set(int level)
    {
        if (level < 0) throw new DomainException("Batas pemesanan ulang tidak boleh negatif.");
        Level = level;
    }
}

public static class DeviceMessages
{
    public const string BrandTypeRequired = "Merek/tipe perangkat wajib diisi.";
    public const string SerialTaken = "Nomor seri ini sudah terdaftar untuk perangkat lain.";
    public const string StockTakenByOther =
        "Stok barang ini baru saja diambil oleh petugas lain. Muat ulang halaman dan periksa jumlah yang tersedia.";
    public const string ReservedByOther =
        "Perangkat cadangan ini baru saja dicadangkan oleh petugas lain. Muat ulang halaman dan pilih perangkat lain.";
}

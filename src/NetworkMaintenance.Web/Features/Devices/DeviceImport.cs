using System.Globalization;
using System.Text;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Devices;
using NetworkMaintenance.Web.Features.Admin;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.Web.Features.Devices;

/// <summary>One refused row of an import: the spreadsheet's row number (the header is row 1) and why.</summary>
public sealed record ImportError(int Row, string Message);

/// <summary>The outcome of an import: how many devices were registered, or the errors and nothing registered.</summary>
public sealed record ImportResult(int Imported, IReadOnlyList<ImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Imports an existing spreadsheet of devices (CSV with <c>;</c> or <c>,</c>, or .xlsx) into the register, all or
/// nothing: every row is checked with the form's rules first, and one bad row means no row is registered and the
/// answer lists every error by row number. The columns are named in the header row (<see cref="Columns"/>,
/// docs/devices.md); the order does not matter. The files are read by <see cref="SpreadsheetCsv"/> and
/// <see cref="SpreadsheetXlsx"/>.
/// </summary>
public sealed class DeviceImport(AppDbContext db, TimeProvider clock, IValidator<DeviceInput> validator, DeviceAudit audit)
{
    public const int MaxRows = 5000;

    /// <summary>The header of each column, as the template file has it.</summary>
    public static readonly IReadOnlyList<string> Columns =
        ["OPD", "Gedung", "Ruang", "Jenis", "Merek/Tipe", "Nomor Seri", "Kode Barang", "NUP", "IP", "MAC",
         "Tanggal Pasang", "Akhir Garansi", "Status"];

    private static readonly string[] RequiredColumns = ["Jenis", "Merek/Tipe"];

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "dd-MM-yyyy", "yyyy-MM-dd HH:mm:ss"];

    public async Task<ImportResult> ImportAsync(Stream file, string fileName, DeviceViewer viewer, CancellationToken ct = default)
    {
        List<Dictionary<string, string?>> rows;
        try
        {
            rows = fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? SpreadsheetXlsx.ReadRows(file) : SpreadsheetCsv.ReadRows(file);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or InvalidOperationException
                                       or System.Xml.XmlException or ArgumentException)
        {
            return Fail(1, "Berkas tidak dapat dibaca. Gunakan CSV (dipisah ; atau ,) atau Excel .xlsx sesuai templat.");
        }
        if (rows.Count == 0) return Fail(1, "Berkas tidak berisi baris data.");
        if (rows.Count > MaxRows) return Fail(1, $"Berkas berisi {rows.Count} baris; maksimal {MaxRows} baris per impor.");
        var headers = rows[0].Keys.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = RequiredColumns.Where(c => !headers.Contains(c)).ToList();
        if (missing.Count > 0) return Fail(1, $"Kolom wajib tidak ada di baris judul: {string.Join(", ", missing)}.");

        var opds = await db.Opds.AsNoTracking().Select(o => new { o.Id, o.Name, o.ShortName }).ToListAsync(ct);
        var serialsInDb = (await db.Devices.AsNoTracking().Where(d => d.SerialNumber != null).Select(d => d.SerialNumber!)
            .ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var serialsInFile = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var errors = new List<ImportError>();
        var inputs = new List<DeviceInput>();
        for (var i = 0; i < rows.Count; i++)
        {
            var rowNumber = i + 2;
            var row = rows[i];
            if (row.Values.All(string.IsNullOrWhiteSpace)) continue;
            string? Cell(string column) => row.TryGetValue(column, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
            var input = new DeviceInput
            {
                Building = Cell("Gedung"), Room = Cell("Ruang"), BrandType = Cell("Merek/Tipe") ?? "",
                SerialNumber = Cell("Nomor Seri"), KodeBarang = Cell("Kode Barang"), Nup = Cell("NUP"),
                IpAddress = Cell("IP"), MacAddress = Cell("MAC"),
            };
            var rowErrors = new List<string>();
            if (Cell("OPD") is { } opdText && !NameKey.Same(opdText, Device.DataCenterStore))
            {
                var opd = opds.FirstOrDefault(o => NameKey.Same(o.Name, opdText) || (o.ShortName is not null && NameKey.Same(o.ShortName, opdText)));
                if (opd is null) rowErrors.Add($"OPD \"{opdText}\" tidak dikenal.");
                else input.OpdId = opd.Id;
            }
            if (!DeviceLabels.TryParseKind(Cell("Jenis"), out var kind))
                rowErrors.Add(Cell("Jenis") is { } k ? $"Jenis perangkat \"{k}\" tidak dikenal." : "Jenis perangkat wajib diisi.");
            input.Kind = kind;
            input.Status = input.OpdId is null ? DeviceStatus.Spare : DeviceStatus.InService;
            if (Cell("Status") is { } statusText)
            {
                if (DeviceLabels.TryParseStatus(statusText, out var status)) input.Status = status;
                else rowErrors.Add($"Status \"{statusText}\" tidak dikenal.");
            }
            input.InstalledOn = ParseDate(Cell("Tanggal Pasang"), "Tanggal pasang", rowErrors);
            input.WarrantyEndsOn = ParseDate(Cell("Akhir Garansi"), "Akhir garansi", rowErrors);
            var result = await validator.ValidateAsync(input, ct);
            rowErrors.AddRange(result.Errors.Select(e => e.ErrorMessage).Where(m => !rowErrors.Contains(m)));
            if (input.SerialNumber is { } serial)
            {
                if (serialsInDb.Contains(serial)) rowErrors.Add($"Nomor seri {serial} sudah terdaftar.");
                else if (serialsInFile.TryGetValue(serial, out var first)) rowErrors.Add($"Nomor seri {serial} sama dengan baris {first}.");
                else serialsInFile[serial] = rowNumber;
            }
            errors.AddRange(rowErrors.Select(m => new ImportError(rowNumber, m)));
            inputs.Add(input);
        }
        if (errors.Count > 0) return new ImportResult(0, errors);

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var input in inputs)
        {
            db.Devices.Add(new Device(input.ToDetails(), input.Status, viewer.ActorName, now));
        }
        await audit.SaveAsync(imported: true, ct: ct);
        return new ImportResult(inputs.Count, []);
    }

    /// <summary>The template: the header row and one example row.</summary>
    public static byte[] TemplateCsv()
    {
        var text = string.Join(';', Columns) + "\r\n"
            + "BKD;Gedung Utama;Ruang Server;Switch;Cisco SG350-28;FOC1234X5YZ;3.10.02.03.002;1;192.168.10.2;00:1A:2B:3C:4D:5E;2024-03-01;2027-03-01;Terpasang\r\n";
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];
    }

    private static DateOnly? ParseDate(string? text, string label, List<string> errors)
    {
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt)) return DateOnly.FromDateTime(dt);
        errors.Add($"{label} \"{text}\" bukan tanggal (gunakan 2024-03-01 atau 01/03/2024).");
        return null;
    }

    private static ImportResult Fail(int row, string message) => new(0, [new ImportError(row, message)]);
}

using Microsoft.EntityFrameworkCore;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Core.Documents;
using NetworkMaintenance.Core.Documents.Templates;
using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Documents;
using NetworkMaintenance.Core.Formatting;

namespace NetworkMaintenance.Web.Features.Documents;

/// <summary>Reads and saves the administrator's document settings (kop surat, logo, number patterns).</summary>
public sealed class DocumentSettingsService(AppDbContext db, TimeProvider clock, Audit.IAuditLog audit,
    ILogger<DocumentSettingsService> logger, BrandLogo brandLogo)
{
    public async Task<DocumentSettings> GetAsync(CancellationToken ct = default) =>
        await db.DocumentSettings.AsNoTracking().SingleOrDefaultAsync(ct) ?? DocumentSettings.CreateDefault();

    /// <summary>
    /// Saves validated settings. <paramref name="logo"/> replaces the logo when given. Before saving, a sample document is
    /// rendered with the new kop surat: a logo the PDF library cannot read is refused here, instead of failing every
    /// workflow step that issues a document later.
    /// </summary>
    public async Task SaveAsync(DocumentSettingsInput input, byte[]? logo, string userId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var now = clock.GetUtcNow().UtcDateTime;
        var settings = await db.DocumentSettings.SingleOrDefaultAsync(ct);
        var isNew = settings is null;
        settings ??= DocumentSettings.CreateDefault();

        Apply(settings, input, logo, userId, now);

        try
        {
            Preview(settings);
        }
        catch (Exception ex) when (ex is not DomainException and not OperationCanceledException)
        {
            logger.LogWarning(ex, "A letterhead could not be rendered; settings not saved");
            throw new DomainException("Gambar logo tidak dapat dibaca. Simpan ulang gambar sebagai PNG atau JPEG lalu unggah lagi.");
        }

        if (isNew) db.DocumentSettings.Add(settings);
        audit.Add(Core.Domain.Audit.AuditEvents.SettingChanged, "Pengaturan kop surat dan penomoran dokumen diubah.",
            Audit.AuditObject.Named(nameof(DocumentSettings)), new
            {
                agency = input.AgencyName,
                logo = input.RemoveLogo ? "removed" : logo is not null ? "replaced" : "unchanged",
                page = input.ToPageSetup(),
                numberPatterns = DocumentTypes.LetterNumbered.ToDictionary(t => t.ToString(), t => input.Pattern(t)),
            });
        await db.SaveChangesAsync(ct);
        brandLogo.Invalidate();
        logger.LogInformation("Document settings changed by {UserId}", userId);
    }

    /// <summary>
    /// The sample Berita Acara Pekerjaan with the form's unsaved values (validated) over the saved settings: the
    /// administrator sees paper, font, margins and page numbers before saving. Nothing is stored.
    /// </summary>
    public async Task<byte[]> PreviewUnsavedAsync(DocumentSettingsInput input, byte[]? logo, string userId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var settings = await GetAsync(ct);
        Apply(settings, input, logo, userId, clock.GetUtcNow().UtcDateTime);
        try
        {
            return Preview(settings);
        }
        catch (Exception ex) when (ex is not DomainException and not OperationCanceledException)
        {
            logger.LogWarning(ex, "A letterhead could not be rendered for the preview");
            throw new DomainException("Gambar logo tidak dapat dibaca. Simpan ulang gambar sebagai PNG atau JPEG lalu unggah lagi.");
        }
    }

    private static void Apply(DocumentSettings settings, DocumentSettingsInput input, byte[]? logo, string userId, DateTime now)
    {
        settings.UpdateLetterhead(input.Government ?? "", input.AgencyName ?? "", input.Address ?? "", input.Phone,
            input.Email, input.Website, input.City ?? "", userId, now);
        foreach (var type in DocumentTypes.LetterNumbered)
        {
            settings.SetNumberPattern(type, input.Pattern(type) ?? "", userId, now);
        }
        settings.UpdatePage(input.ToPageSetup(), userId, now);
        if (input.RemoveLogo) settings.RemoveLogo(userId, now);
        else if (logo is not null) settings.ReplaceLogo(logo, userId, now);
    }

    /// <summary>The sample Berita Acara Pekerjaan with these settings' kop surat and number pattern (not issued).</summary>
    public byte[] Preview(DocumentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var today = Wib.Today(clock);
        var sample = DocumentSamples.WorkBeritaAcara();
        return OfficialDocumentRenderer.Render(sample with
        {
            Letterhead = settings.ToLetterhead(),
            Number = DocumentNumberPattern.Format(settings.WorkBaPattern, 1, today),
        });
    }
}

using NetworkMaintenance.Core.Domain.Workflow;

namespace NetworkMaintenance.Core.Domain.Audit;

/// <summary>The event type codes of the audit log: stable, English, dotted. The admin page labels them in Indonesian.</summary>
public static class AuditEvents
{
    public const string LoginSucceeded = "login.success";
    public const string LoginFailed = "login.failed";
    public const string Logout = "logout";
    public const string PasswordChanged = "password.changed";
    public const string TwoFactorEnabled = "twofactor.enabled";
    public const string TwoFactorDisabled = "twofactor.disabled";
    public const string TwoFactorKeyReset = "twofactor.key_reset";
    public const string TwoFactorRecoveryCodesRenewed = "twofactor.recovery_codes_renewed";

    public const string UserCreated = "user.created";
    public const string UserUpdated = "user.updated";
    public const string UserDeactivated = "user.deactivated";
    public const string UserActivated = "user.activated";
    public const string UserPasswordReset = "user.password_reset";
    public const string UserUnlocked = "user.unlocked";
    public const string RoleChanged = "role.changed";

    /// <summary>Document settings (letterhead, number patterns), the service standard, OPDs and organisation units.</summary>
    public const string SettingChanged = "setting.changed";

    public const string WorkflowPrefix = "workflow.";

    /// <summary>A monitoring source (and its token) created or revoked by the administrator (docs/monitoring.md).</summary>
    public const string MonitoringSourceCreated = "monitoring.source_created";
    public const string MonitoringSourceRevoked = "monitoring.source_revoked";

    /// <summary>An alert repeated or resolved on a report it opened (the report's opening is a workflow.submit entry).</summary>
    public const string MonitoringAlertUpdated = "monitoring.alert_updated";

    /// <summary>A reply e-mail noted on a report's timeline, and the front desk's confirmation of an e-mail report (docs/email-intake.md).</summary>
    public const string EmailReplyNoted = "email.reply_noted";
    public const string EmailIntakeConfirmed = "email.intake_confirmed";

    public const string ClockPaused = "sla.paused";
    public const string ClockResumed = "sla.resumed";

    public const string DocumentDownloaded = "document.downloaded";

    /// <summary>A certified signature (BSrE, gateway or local certificate) added to an issued document, or refused.</summary>
    public const string DocumentSigned = "document.signed";
    public const string DocumentSigningFailed = "document.signing_failed";
    public const string AttachmentDownloaded = "attachment.downloaded";
    public const string ExportDownloaded = "export.downloaded";

    /// <summary>Personal data erased at the end of its retention period (the <c>personal-data purge</c> command).</summary>
    public const string PersonalDataPurged = "personal_data.purged";

    /// <summary>One person's personal data erased at their request (UU 27/2022; /admin/data-pribadi).</summary>
    public const string PersonalDataErasedOnRequest = "personal_data.erased_on_request";

    public const string PlhAppointed = "plh.appointed";
    public const string PlhRevoked = "plh.revoked";

    /// <summary>The narrative of a month's recap saved by the Kepala Bidang or Kepala Dinas (or Plh.).</summary>
    public const string RecapNarrativeSaved = "recap.narrative_saved";

    /// <summary>The nota dinas that sends a month's recap took its number.</summary>
    public const string RecapCoverLetterNumbered = "recap.cover_letter_numbered";

    public const string DevicePrefix = "device.";

    /// <summary>A device registered by a spreadsheet import (a form's registration is device.registered).</summary>
    public const string DeviceImported = "device.imported";

    /// <summary>A stock item (cables, connectors) added or edited; stock received; stock issued to a report.</summary>
    public const string StockItemSaved = "stock.item_saved";
    public const string StockReceived = "stock.received";
    public const string StockIssued = "stock.issued";

    /// <summary>"device.registered", "device.reserved", ... one code per line of a device's history (<see cref="Devices.DeviceEventKind"/>).</summary>
    public static string DeviceChange(Devices.DeviceEventKind kind) => DevicePrefix + SnakeCase(kind.ToString());

    /// <summary>"workflow.dispose", "workflow.complete_work", ... one code per <see cref="WorkflowAction"/>.</summary>
    public static string WorkflowStep(WorkflowAction action) => WorkflowPrefix + SnakeCase(action.ToString());

    private static readonly (string Code, string Label)[] Fixed =
    [
        (LoginSucceeded, "Masuk berhasil"),
        (LoginFailed, "Masuk gagal"),
        (Logout, "Keluar"),
        (PasswordChanged, "Kata sandi diubah"),
        (TwoFactorEnabled, "Autentikasi dua faktor diaktifkan"),
        (TwoFactorDisabled, "Autentikasi dua faktor dinonaktifkan"),
        (TwoFactorKeyReset, "Kunci autentikator diganti"),
        (TwoFactorRecoveryCodesRenewed, "Kode pemulihan dibuat ulang"),
        (UserCreated, "Pengguna dibuat"),
        (UserUpdated, "Pengguna diubah"),
        (UserDeactivated, "Pengguna dinonaktifkan"),
        (UserActivated, "Pengguna diaktifkan"),
        (UserPasswordReset, "Kata sandi pengguna direset"),
        (UserUnlocked, "Kunci akun dibuka"),
        (RoleChanged, "Peran diubah"),
        (SettingChanged, "Pengaturan diubah"),
        (PersonalDataPurged, "Data pribadi dihapus (masa simpan habis)"),
        (PersonalDataErasedOnRequest, "Data pribadi dihapus atas permintaan"),
        (ClockPaused, "Waktu layanan dijeda"),
        (ClockResumed, "Waktu layanan dilanjutkan"),
        (DocumentDownloaded, "Dokumen diunduh"),
        (DocumentSigned, "Dokumen ditandatangani secara tersertifikasi"),
        (DocumentSigningFailed, "Penandatanganan tersertifikasi gagal"),
        (AttachmentDownloaded, "Lampiran diunduh"),
        (ExportDownloaded, "Ekspor diunduh"),
        (PlhAppointed, "Plh. ditunjuk"),
        (PlhRevoked, "Plh. dicabut"),
        (RecapNarrativeSaved, "Uraian rekap bulanan disimpan"),
        (RecapCoverLetterNumbered, "Nota dinas rekap bulanan diberi nomor"),
        (MonitoringSourceCreated, "Sumber pemantauan dibuat"),
        (MonitoringSourceRevoked, "Token sumber pemantauan dicabut"),
        (MonitoringAlertUpdated, "Peringatan pemantauan diperbarui"),
        (EmailReplyNoted, "Balasan email dicatat pada laporan"),
        (EmailIntakeConfirmed, "Laporan dari email dikonfirmasi"),
        (DeviceImported, "Perangkat: diimpor"),
        (StockItemSaved, "Stok: barang disimpan"),
        (StockReceived, "Stok: diterima"),
        (StockIssued, "Stok: dikeluarkan untuk laporan"),
    ];

    private static string DeviceLabel(Devices.DeviceEventKind kind) => "Perangkat: " + kind switch
    {
        Devices.DeviceEventKind.Registered => "didaftarkan",
        Devices.DeviceEventKind.Edited => "diubah",
        Devices.DeviceEventKind.Reported => "gangguan dilaporkan",
        Devices.DeviceEventKind.Repaired => "diperbaiki",
        Devices.DeviceEventKind.Reserved => "dicadangkan",
        Devices.DeviceEventKind.ReservationReleased => "cadangan dilepas",
        Devices.DeviceEventKind.Prepared => "disiapkan sebagai pengganti",
        Devices.DeviceEventKind.InstalledAsReplacement => "dipasang sebagai pengganti",
        Devices.DeviceEventKind.ReplacedBroken => "diganti (rusak)",
        Devices.DeviceEventKind.Moved => "dipindahkan",
        Devices.DeviceEventKind.StatusChanged => "status diubah",
        Devices.DeviceEventKind.RepeatFaultFlagged => "ditandai gangguan berulang",
        _ => "keputusan gangguan berulang",
    };

    /// <summary>Every known code with its Indonesian label, for the filter on the admin page.</summary>
    public static IReadOnlyList<(string Code, string Label)> All { get; } =
    [
        .. Fixed,
        .. Enum.GetValues<WorkflowAction>().Select(a => (WorkflowStep(a), "Alur kerja: " + Workflow.Workflow.ActionLabel(a))),
        .. Enum.GetValues<Devices.DeviceEventKind>().Select(k => (DeviceChange(k), DeviceLabel(k))),
    ];

    public static string Label(string code) =>
        All.FirstOrDefault(e => e.Code == code).Label ?? code;

    private static string SnakeCase(string name)
    {
        var text = new System.Text.StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0) text.Append('_');
            text.Append(char.ToLowerInvariant(c));
        }
        return text.ToString();
    }
}

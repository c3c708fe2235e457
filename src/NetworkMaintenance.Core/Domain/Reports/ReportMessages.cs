namespace NetworkMaintenance.Core.Domain.Reports;

/// <summary>
/// The refusals of the report's rules that a form also shows before the domain is asked (the validators of the report
/// and step forms): written once here, so the form and the domain say the same thing.
/// </summary>
public static class ReportMessages
{
    public const string ReasonRequired = "Alasan wajib diisi.";
    public const string ReporterNameRequired = "Nama pelapor wajib diisi.";
    public const string DescriptionRequired = "Uraian gangguan wajib diisi.";
    public const string TechniciansRequired = "Pilih sedikitnya satu staf Data Center.";
    public const string FaultTypeRequired = "Jenis gangguan wajib diisi.";
    public const string FaultLocationRequired = "Lokasi gangguan wajib diisi.";
    public const string FindingsRequired = "Temuan pemeriksaan wajib diisi.";
    public const string InspectionFindingsRequired = "Temuan pemeriksaan di lokasi wajib diisi.";
    public const string ReplacementRequestDevicesRequired = "Cantumkan sedikitnya satu perangkat yang diajukan untuk diganti.";
    public const string ActionsTakenRequired = "Uraian tindakan yang dilakukan wajib diisi.";
    public const string ReplacedDevicesRequired = "Cantumkan perangkat yang diganti beserta nomor seri lama dan baru.";
    public const string SignerNameRequired = "Nama pelapor yang menandatangani wajib diisi.";
}

namespace NetworkMaintenance.Core.Domain.Quality;

/// <summary>
/// One response to the Survei Kepuasan Masyarakat (PermenPANRB 14/2017) for one closed report: nine elements
/// U1–U9 scored 1–4, and a suggestion. One per report.
/// </summary>
public class SatisfactionSurvey
{
    public const int ElementCount = 9;

    public static readonly IReadOnlyList<string> ElementNames =
    [
        "Persyaratan",
        "Sistem, mekanisme dan prosedur",
        "Waktu penyelesaian",
        "Biaya/tarif",
        "Produk spesifikasi jenis pelayanan",
        "Kompetensi pelaksana",
        "Perilaku pelaksana",
        "Penanganan pengaduan, saran dan masukan",
        "Sarana dan prasarana",
    ];

    public static readonly IReadOnlyList<string> ScoreLabels = ["Tidak baik", "Kurang baik", "Baik", "Sangat baik"];

    private SatisfactionSurvey() { }

    public SatisfactionSurvey(int reportId, int opdId, string? userId, IReadOnlyList<int> scores, string? suggestion, DateTime nowUtc)
    {
        if (scores.Count != ElementCount) throw new DomainException("Kesembilan unsur survei wajib dinilai.");
        if (scores.Any(s => s is < 1 or > 4)) throw new DomainException("Setiap nilai unsur survei harus 1 sampai 4.");
        ReportId = reportId;
        OpdId = opdId;
        UserId = userId;
        U1 = scores[0]; U2 = scores[1]; U3 = scores[2]; U4 = scores[3]; U5 = scores[4];
        U6 = scores[5]; U7 = scores[6]; U8 = scores[7]; U9 = scores[8];
        Suggestion = string.IsNullOrWhiteSpace(suggestion) ? null : suggestion.Trim();
        SubmittedAtUtc = nowUtc;
    }

    public int Id { get; private set; }
    public int ReportId { get; private set; }
    public int OpdId { get; private set; }
    public string? UserId { get; private set; }
    public int U1 { get; private set; }
    public int U2 { get; private set; }
    public int U3 { get; private set; }
    public int U4 { get; private set; }
    public int U5 { get; private set; }
    public int U6 { get; private set; }
    public int U7 { get; private set; }
    public int U8 { get; private set; }
    public int U9 { get; private set; }
    public string? Suggestion { get; private set; }
    public DateTime SubmittedAtUtc { get; private set; }

    public int[] Scores => [U1, U2, U3, U4, U5, U6, U7, U8, U9];
}

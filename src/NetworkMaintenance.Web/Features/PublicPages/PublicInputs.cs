using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using NetworkMaintenance.Core.Domain.Reports;
using NetworkMaintenance.Core.Formatting;
using NetworkMaintenance.Core.Domain.Intake;

namespace NetworkMaintenance.Web.Features.PublicPages;

/// <summary>The tracking form; its fields keep the names the public page posts (Nomor, Kode).</summary>
public sealed class TrackInput
{
    [FromForm(Name = "Nomor")] public string? Number { get; set; }
    [FromForm(Name = "Kode")] public string? Code { get; set; }
}

public sealed class ComplaintInput
{
    public string Name { get; set; } = "";
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public ReportChannel Channel { get; set; } = ReportChannel.Web;
    public string Text { get; set; } = "";
    public string? ReportNumber { get; set; }
    /// <summary>The SP4N-LAPOR! tracking number, when the complaint was also filed there (optional).</summary>
    public string? LaporNumber { get; set; }
    public IFormFile? Attachment { get; set; }
    public string FormToken { get; set; } = "";
}

public sealed class ComplaintInputValidator : AbstractValidator<ComplaintInput>
{
    public ComplaintInputValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage(ComplaintMessages.NameRequired).MaximumLength(150).WithMessage("Nama maksimal 150 karakter.");
        RuleFor(x => x.Phone).Must(p => PhoneNumber.TryNormalize(p, out _)).When(x => !string.IsNullOrWhiteSpace(x.Phone))
            .WithMessage("Nomor telepon tidak valid. Gunakan format 08…, 628… atau +628….");
        RuleFor(x => x.Email).EmailAddress().When(x => !string.IsNullOrWhiteSpace(x.Email)).WithMessage("Alamat email tidak valid.")
            .MaximumLength(200).WithMessage("Email maksimal 200 karakter.");
        RuleFor(x => x).Must(x => !string.IsNullOrWhiteSpace(x.Phone) || !string.IsNullOrWhiteSpace(x.Email))
            .WithName("Phone").WithMessage(ComplaintMessages.ContactRequired);
        RuleFor(x => x.Channel).IsInEnum().WithMessage("Saluran tidak dikenal.")
            .Must(Labels.IsChosenByPeople).WithMessage("Saluran tidak dikenal.");
        RuleFor(x => x.LaporNumber).Must(LaporNumber.IsValidOrEmpty).WithMessage(LaporNumber.FormatMessage);
        RuleFor(x => x.Text).NotEmpty().WithMessage(ComplaintMessages.TextRequired)
            .MinimumLength(10).WithMessage("Isi pengaduan minimal 10 karakter.")
            .MaximumLength(4000).WithMessage("Isi pengaduan maksimal 4000 karakter.");
        RuleFor(x => x.ReportNumber).MaximumLength(20).WithMessage("Nomor laporan maksimal 20 karakter.");
        RuleFor(x => x.FormToken).NotEmpty().Length(32).WithMessage("Formulir kedaluwarsa. Muat ulang halaman lalu kirim lagi.");
    }
}

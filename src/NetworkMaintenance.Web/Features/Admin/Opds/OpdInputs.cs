using FluentValidation;
using NetworkMaintenance.Core.Formatting;
using NetworkMaintenance.Core.Domain;

namespace NetworkMaintenance.Web.Features.Admin.Opds;

/// <summary>The OPD form (create and edit).</summary>
public sealed class OpdInput
{
    public string Name { get; set; } = "";
    public string? ShortName { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
}

public sealed class OpdInputValidator : AbstractValidator<OpdInput>
{
    public OpdInputValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage(OpdMessages.NameRequired)
            .MaximumLength(200).WithMessage("Nama OPD maksimal 200 karakter.");
        RuleFor(x => x.ShortName).MaximumLength(60).WithMessage("Singkatan maksimal 60 karakter.");
        RuleFor(x => x.Address).MaximumLength(300).WithMessage("Alamat maksimal 300 karakter.");
        RuleFor(x => x.Phone)
            .Must(p => PhoneNumber.TryNormalize(p, out _))
            .When(x => !string.IsNullOrWhiteSpace(x.Phone))
            .WithMessage("Nomor telepon tidak valid. Contoh: (0621) 325203 atau 0812 6000 1234.");
        RuleFor(x => x.Email!)
            .MaximumLength(200).WithMessage("Email maksimal 200 karakter.")
            .EmailAddress().WithMessage("Alamat email tidak valid.")
            .When(x => !string.IsNullOrWhiteSpace(x.Email));
    }
}

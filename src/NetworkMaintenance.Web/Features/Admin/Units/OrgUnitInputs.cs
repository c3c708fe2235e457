using FluentValidation;
using NetworkMaintenance.Core.Domain;

namespace NetworkMaintenance.Web.Features.Admin.Units;

/// <summary>The organisation-unit form (create and edit).</summary>
public sealed class OrgUnitInput
{
    public string Name { get; set; } = "";
    public OrgUnitKind? Kind { get; set; }
    public int? ParentId { get; set; }
    public string? HeadUserId { get; set; }
}

/// <summary>
/// What can be checked without the database: the Dinas stands alone, a Bidang or Seksi needs a parent.
/// Which parent fits (a Bidang under the Dinas, a Seksi under a Bidang) and whether the head is active
/// is checked by <see cref="OrgUnitAdminService"/>.
/// </summary>
public sealed class OrgUnitInputValidator : AbstractValidator<OrgUnitInput>
{
    public OrgUnitInputValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage(OrgUnitMessages.NameRequired)
            .MaximumLength(200).WithMessage("Nama unit maksimal 200 karakter.");
        RuleFor(x => x.Kind).NotNull().WithMessage("Jenis unit wajib dipilih.")
            .IsInEnum().WithMessage("Jenis unit tidak dikenal.");
        RuleFor(x => x.ParentId).Null().When(x => x.Kind == OrgUnitKind.Dinas)
            .WithMessage("Unit berjenis Dinas tidak memiliki unit induk.");
        RuleFor(x => x.ParentId).NotNull().When(x => x.Kind == OrgUnitKind.Bidang)
            .WithMessage("Bidang harus berada di bawah Dinas: pilih unit induknya.");
        RuleFor(x => x.ParentId).NotNull().When(x => x.Kind == OrgUnitKind.Seksi)
            .WithMessage("Seksi harus berada di bawah sebuah Bidang: pilih unit induknya.");
    }
}

using NetworkMaintenance.Web.Features.PersonalData;
using static NetworkMaintenance.UnitTests.Validators.ValidationAssert;

namespace NetworkMaintenance.UnitTests.Validators;

public sealed class PersonQueryValidatorRules
{
    private readonly PersonQueryValidator _validator = new();

    [Fact]
    public void RequiresATerm()
    {
        OnlyFails(_validator.Validate(new PersonQuery(null)), "Q", "Isi nama lengkap, nomor telepon");
        OnlyFails(_validator.Validate(new PersonQuery("")), "Q", "Isi nama lengkap, nomor telepon");
    }

    [Fact]
    public void TheTermHasAtLeastThreeAndAtMost200Characters()
    {
        OnlyFails(_validator.Validate(new PersonQuery("ab")), "Q", "minimal 3 karakter");
        Valid(_validator.Validate(new PersonQuery("abc")));
        Valid(_validator.Validate(new PersonQuery(new string('a', 200))));
        OnlyFails(_validator.Validate(new PersonQuery(new string('a', 201))), "Q", "maksimal 200 karakter");
    }
}

public sealed class EraseRequestValidatorRules
{
    private readonly EraseRequestValidator _validator = new();

    [Fact]
    public void AcceptsAPersonAndAReason() =>
        Valid(_validator.Validate(new EraseRequest("Siti Aminah", "Surat permohonan 12/2026")));

    [Fact]
    public void ThePersonFollowsTheSearchRulesUnderTheNameOfTheSearchField()
    {
        OnlyFails(_validator.Validate(new EraseRequest(null, "Surat permohonan")), "Q", "Isi nama lengkap, nomor telepon");
        OnlyFails(_validator.Validate(new EraseRequest("ab", "Surat permohonan")), "Q", "minimal 3 karakter");
    }

    [Fact]
    public void RequiresAReasonOfAtMost500Characters()
    {
        OnlyFails(_validator.Validate(new EraseRequest("Siti Aminah", null)), "Alasan", "Alasan penghapusan wajib diisi");
        OnlyFails(_validator.Validate(new EraseRequest("Siti Aminah", " ")), "Alasan", "Alasan penghapusan wajib diisi");
        Valid(_validator.Validate(new EraseRequest("Siti Aminah", new string('x', 500))));
        OnlyFails(_validator.Validate(new EraseRequest("Siti Aminah", new string('x', 501))), "Alasan", "maksimal 500 karakter");
    }
}

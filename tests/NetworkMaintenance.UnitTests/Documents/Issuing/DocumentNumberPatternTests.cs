using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Core.Domain.Documents;

namespace NetworkMaintenance.UnitTests.Documents.Issuing;

public class DocumentNumberPatternTests
{
    private static readonly DateOnly November30 = new(2026, 11, 30);

    [Fact]
    public void Format_PutsTheRunningNumberAndTheYearIntoTheArchiveCodePattern() =>
        Assert.Equal("000.8.3.3/15/BA-PK/Diskominfo/2026",
            DocumentNumberPattern.Format("000.8.3.3/{seq}/BA-PK/Diskominfo/{year}", 15, November30));

    [Theory]
    [InlineData("{seq}/{month}/{year}", 7, "7/11/2026")]
    [InlineData("BA/{seq}/{roman}/{year}", 123, "BA/123/XI/2026")]
    [InlineData("  LD-{seq}-{year}  ", 1, "LD-1-2026")]
    public void Format_KnowsTheMonthAsTwoDigitsAndInRomanNumerals(string pattern, long sequence, string expected) =>
        Assert.Equal(expected, DocumentNumberPattern.Format(pattern, sequence, November30));

    [Theory]
    [InlineData(1, "I")]
    [InlineData(4, "IV")]
    [InlineData(9, "IX")]
    [InlineData(12, "XII")]
    public void Format_WritesEveryMonthInRomanNumerals(int month, string roman) =>
        Assert.Equal($"1/{roman}/2027", DocumentNumberPattern.Format("{seq}/{roman}/{year}", 1, new DateOnly(2027, month, 1)));

    [Fact]
    public void TheDefaultPatternsAreValidDistinctAndFollowTheGovernmentExample()
    {
        var defaults = DocumentTypes.LetterNumbered.Select(DocumentNumberPattern.Default).ToList();
        Assert.All(defaults, p => Assert.Empty(DocumentNumberPattern.Validate(p)));
        Assert.All(defaults, p => Assert.StartsWith("000.8.3.3/{seq}/", p, StringComparison.Ordinal));
        Assert.Equal(defaults.Count, defaults.Distinct().Count());
        Assert.Throws<ArgumentOutOfRangeException>(() => DocumentNumberPattern.Default(DocumentType.Receipt));
    }

    [Theory]
    [InlineData("", "Pola nomor wajib diisi.")]
    [InlineData("000.8.3.3/Diskominfo/{year}", "Pola nomor harus memuat {seq} (nomor urut).")]
    [InlineData("{seq}/{seq}/{year}", "Kode {seq} hanya boleh dipakai satu kali.")]
    [InlineData("000.8.3.3/{seq}/Diskominfo", "Pola nomor harus memuat {year} (tahun), karena nomor urut dimulai lagi dari 1 setiap tahun.")]
    [InlineData("{seq}/{tahun}/{year}", "Kode {tahun} tidak dikenal. Gunakan {seq}, {year}, {month} atau {roman}.")]
    [InlineData("{seq}/{year}/{", "Tanda { } hanya dipakai untuk kode seperti {seq}.")]
    [InlineData("{seq}/{year}/<b>", "Pola nomor hanya boleh memuat huruf, angka, spasi dan tanda . / - _ ( ).")]
    public void Validate_SaysWhatIsWrongInIndonesian(string pattern, string message) =>
        Assert.Contains(message, DocumentNumberPattern.Validate(pattern));

    [Fact]
    public void Validate_RefusesAPatternLongerThanTheColumn() =>
        Assert.Contains($"Pola nomor paling panjang {DocumentNumberPattern.MaxLength} karakter.",
            DocumentNumberPattern.Validate("{seq}/{year}/" + new string('A', DocumentNumberPattern.MaxLength)));

    [Fact]
    public void Format_RefusesAnInvalidPatternAndANonPositiveNumber()
    {
        Assert.Throws<DomainException>(() => DocumentNumberPattern.Format("BA/{year}", 1, November30));
        Assert.Throws<ArgumentOutOfRangeException>(() => DocumentNumberPattern.Format("{seq}/{year}", 0, November30));
    }

    [Fact]
    public void EachTypeCountsOnItsOwnCounterPerYear()
    {
        Assert.Equal("DOC-WorkBa-2026", DocumentType.WorkBa.SequenceName(2026));
        Assert.NotEqual(DocumentType.WorkBa.SequenceName(2026), DocumentType.WorkReport.SequenceName(2026));
        Assert.NotEqual(DocumentType.WorkBa.SequenceName(2026), DocumentType.WorkBa.SequenceName(2027));
    }
}

public class VerificationCodeTests
{
    [Fact]
    public void New_Gives16CharactersWithoutLookAlikes()
    {
        var codes = Enumerable.Range(0, 2000).Select(_ => VerificationCode.New()).ToList();
        Assert.All(codes, c => Assert.Matches("^[A-HJ-NP-Z2-9]{16}$", c));
        Assert.Equal(codes.Count, codes.Distinct().Count());
        // Every letter of the alphabet turns up: the code is not drawn from a narrower set.
        Assert.Equal(VerificationCode.Alphabet.Length, codes.SelectMany(c => c).Distinct().Count());
    }

    [Fact]
    public void Display_GroupsByFour() =>
        Assert.Equal("ABCD-EFGH-JKLM-NPQR", VerificationCode.Display("ABCDEFGHJKLMNPQR"));

    [Theory]
    [InlineData("ABCD-EFGH-JKLM-NPQR")]
    [InlineData("abcd efgh jklm npqr")]
    [InlineData(" ABCDEFGHJKLMNPQR ")]
    public void Normalize_AcceptsWhatPeopleType(string typed) =>
        Assert.Equal("ABCDEFGHJKLMNPQR", VerificationCode.Normalize(typed));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ABCD-EFGH")]
    [InlineData("ABCDEFGHJKLMNPQRS")]
    [InlineData("ABCDEFGHJKLMNPQ0")]
    [InlineData("ABCDEFGHJKLMNPQI")]
    [InlineData("ABCDEFGH/KLMNPQR")]
    public void Normalize_RefusesWhatCannotBeACode(string? typed) => Assert.Null(VerificationCode.Normalize(typed));
}

using NetworkMaintenance.Web.Features.Attachments;

namespace NetworkMaintenance.UnitTests.Quality;

public class AttachmentNames
{
    [Theory]
    [InlineData("../../x.png", ".png", "x.png")]
    [InlineData("..\\..\\windows\\evil.exe.jpg", ".jpg", "evil_exe.jpg")]
    [InlineData("surat permohonan.PDF", ".pdf", "surat permohonan.pdf")]
    [InlineData("<script>.png", ".png", "script.png")]
    [InlineData("", ".pdf", "lampiran.pdf")]
    [InlineData("....", ".png", "lampiran.png")]
    public void SafeNameKeepsOnlyTheLastSegmentAndHarmlessCharacters(string given, string ext, string expected) =>
        Assert.Equal(expected, AttachmentStore.SafeName(given, ext));
}

using NetworkMaintenance.Web.Features.Admin;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.UnitTests.Admin;

public sealed class NameKeySame
{
    [Theory]
    [InlineData("Dinas Kesehatan", "dinas kesehatan")]
    [InlineData("Dinas  Kesehatan", "Dinas Kesehatan")]
    [InlineData(" Dinas Kesehatan ", "Dinas Kesehatan")]
    public void TreatsNamesDifferingOnlyInCaseOrSpacesAsTheSame(string a, string b) => Assert.True(NameKey.Same(a, b));

    [Fact]
    public void TellsDifferentNamesApart() => Assert.False(NameKey.Same("Dinas Kesehatan", "Dinas Sosial"));
}

public sealed class SearchPatternContains
{
    [Fact]
    public void WrapsTheTermInWildcards() => Assert.Equal("%rudi%", SearchPattern.Contains(" rudi "));

    [Fact]
    public void EscapesTheWildcardsPeopleType() =>
        Assert.Equal("%100\\%\\_a\\\\b\\[%", SearchPattern.Contains("100%_a\\b["));
}

public sealed class PagingClampPage
{
    [Theory]
    [InlineData(0, 45, 20, 1)]
    [InlineData(2, 45, 20, 2)]
    [InlineData(9, 45, 20, 3)]
    [InlineData(3, 0, 20, 1)]
    public void KeepsTheRequestedPageBetweenTheFirstAndTheLast(int requested, int total, int size, int expected) =>
        Assert.Equal(expected, Paging.ClampPage(requested, total, size));

    [Fact]
    public void CountsPagesAndTheItemsShown()
    {
        var page = new PagedList<int>([21, 22, 23], 2, 20, 43);
        Assert.Equal(3, page.TotalPages);
        Assert.Equal(21, page.FirstItem);
        Assert.Equal(40, page.LastItem);
        Assert.True(page.HasPrevious);
        Assert.True(page.HasNext);
    }
}

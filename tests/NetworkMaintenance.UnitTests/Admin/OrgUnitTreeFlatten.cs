using NetworkMaintenance.Core.Domain;
using NetworkMaintenance.Web.Features.Admin.Units;

namespace NetworkMaintenance.UnitTests.Admin;

public sealed class OrgUnitTreeFlatten
{
    private sealed record Unit(int Id, int? ParentId, string Name);

    private static List<(string Name, int Depth)> Flatten(params Unit[] units) =>
        OrgUnitTree.Flatten(units, u => u.Id, u => u.ParentId, u => u.Name).Select(n => (n.Unit.Name, n.Depth)).ToList();

    [Fact]
    public void ListsEachBidangFollowedByItsSeksiUnderTheDinas()
    {
        var tree = Flatten(
            new Unit(4, 2, "Seksi Infrastruktur"),
            new Unit(3, 1, "Bidang Komunikasi"),
            new Unit(1, null, "Dinas"),
            new Unit(5, 3, "Seksi Informasi"),
            new Unit(2, 1, "Bidang Aplikasi"),
            new Unit(6, 2, "Seksi Aplikasi"));

        Assert.Equal(
        [
            ("Dinas", 0),
            ("Bidang Aplikasi", 1), ("Seksi Aplikasi", 2), ("Seksi Infrastruktur", 2),
            ("Bidang Komunikasi", 1), ("Seksi Informasi", 2),
        ], tree);
    }

    [Fact]
    public void ShowsUnitsWhoseParentIsNotListedAtTheTopInsteadOfLosingThem()
    {
        var tree = Flatten(new Unit(1, null, "Dinas"), new Unit(7, 99, "Seksi Yatim"));

        Assert.Equal([("Dinas", 0), ("Seksi Yatim", 0)], tree);
    }

    [Theory]
    [InlineData(OrgUnitKind.Dinas, null)]
    [InlineData(OrgUnitKind.Bidang, OrgUnitKind.Dinas)]
    [InlineData(OrgUnitKind.Seksi, OrgUnitKind.Bidang)]
    public void NamesTheKindEachUnitsParentMustHave(OrgUnitKind kind, OrgUnitKind? parent) =>
        Assert.Equal(parent, OrgUnitTree.RequiredParentKind(kind));
}

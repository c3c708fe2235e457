using NetworkMaintenance.Core.Security;

namespace NetworkMaintenance.UnitTests.Security;

public class SecretTokenTests
{
    [Fact]
    public void TokensCarryTheirPrefixAreUrlSafeAndNeverRepeat()
    {
        var tokens = Enumerable.Range(0, 200).Select(_ => SecretToken.Generate("alert")).ToList();

        Assert.All(tokens, t => Assert.StartsWith("nm_alert_", t));
        Assert.All(tokens, t => Assert.Matches("^nm_alert_[A-Za-z0-9_-]{43}$", t));
        Assert.Equal(tokens.Count, tokens.Distinct().Count());
    }

    [Fact]
    public void OnlyTheTokenItselfMatchesItsStoredHash()
    {
        var token = SecretToken.Generate("api");
        var stored = SecretToken.Hash(token);

        Assert.Equal(64, stored.Length);
        Assert.DoesNotContain(token, stored);
        Assert.True(SecretToken.Matches(token, stored));
        Assert.False(SecretToken.Matches(token[..^1] + (token[^1] == 'A' ? 'B' : 'A'), stored));
        Assert.False(SecretToken.Matches(null, stored));
        Assert.False(SecretToken.Matches("", stored));
        Assert.False(SecretToken.Matches(new string('x', 500), stored));
    }

    [Fact]
    public void HintShowsOnlyTheStart()
    {
        var token = SecretToken.Generate("api");
        Assert.Equal(token[..12] + "…", SecretToken.Hint(token));
    }
}

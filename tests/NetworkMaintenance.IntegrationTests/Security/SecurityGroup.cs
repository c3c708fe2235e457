namespace NetworkMaintenance.IntegrationTests.Security;

/// <summary>The security tests share one <see cref="SecurityWorld"/> (building it walks reports through the workflow).</summary>
[CollectionDefinition(Name)]
public sealed class SecurityGroup : ICollectionFixture<SecurityWorld>
{
    public const string Name = "Security";
}

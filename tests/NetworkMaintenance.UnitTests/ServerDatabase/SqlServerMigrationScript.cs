using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NetworkMaintenance.Core.Data;
using NetworkMaintenance.Web.Infrastructure;

namespace NetworkMaintenance.UnitTests.ServerDatabase;

/// <summary>
/// The idempotent SQL Server script (the one CI writes to artifacts/sqlserver-migrations.sql and an operator applies)
/// must parse with the newest T-SQL parser and must not add a column and use it in one batch. CI sets
/// <c>NM_SQLSERVER_SCRIPT</c> to the file it wrote, so that very file is checked too.
/// </summary>
public sealed class SqlServerMigrationScript
{
    [Fact]
    public void TheIdempotentScriptParsesAndNoBatchUsesAColumnItAdds()
    {
        var script = GenerateIdempotentScript();
        Assert.Contains("SlaClockStartUtc", script, StringComparison.Ordinal);
        Assert.Empty(SqlServerScriptCheck.Problems(script));

        if (Environment.GetEnvironmentVariable("NM_SQLSERVER_SCRIPT") is { Length: > 0 } file)
        {
            var written = File.ReadAllText(file);
            Assert.Contains("SlaClockStartUtc", written, StringComparison.Ordinal);
            Assert.Empty(SqlServerScriptCheck.Problems(written));
        }
    }

    [Fact]
    public void TheNewestParserIsUsed() =>
        Assert.Equal("TSql180Parser", SqlServerScriptCheck.NewestParserType.Name);

    [Fact]
    public void AnUpdateOfAColumnAddedInTheSameBatchIsFound()
    {
        // The Sla migration as the idempotent script had it before the data statement was wrapped.
        const string script = """
            BEGIN TRANSACTION;
            IF NOT EXISTS (SELECT * FROM [__EFMigrationsHistory] WHERE [MigrationId] = N'20261129190749_Sla')
            BEGIN
                ALTER TABLE [Reports] ADD [SlaClockStartUtc] datetime2 NOT NULL DEFAULT '0001-01-01T00:00:00.0000000';
            END;
            IF NOT EXISTS (SELECT * FROM [__EFMigrationsHistory] WHERE [MigrationId] = N'20261129190749_Sla')
            BEGIN
                UPDATE Reports SET SlaClockStartUtc = ReceivedAtUtc
            END;
            COMMIT;
            GO
            """;
        var problem = Assert.Single(SqlServerScriptCheck.Problems(script));
        Assert.Contains("[Reports].[SlaClockStartUtc]", problem, StringComparison.Ordinal);

        var wrapped = script.Replace("UPDATE Reports SET SlaClockStartUtc = ReceivedAtUtc",
            "EXEC(N'UPDATE [Reports] SET [SlaClockStartUtc] = [ReceivedAtUtc]')", StringComparison.Ordinal);
        Assert.Empty(SqlServerScriptCheck.Problems(wrapped));

        // In the next batch the column exists: using it there is fine.
        var nextBatch = script.Replace("    UPDATE Reports SET SlaClockStartUtc = ReceivedAtUtc", "    PRINT 'x'", StringComparison.Ordinal) +
                        "\nUPDATE Reports SET SlaClockStartUtc = ReceivedAtUtc;\nGO\n";
        Assert.Empty(SqlServerScriptCheck.Problems(nextBatch));
    }

    [Fact]
    public void AParseErrorIsFoundInABatchAndInsideExec()
    {
        Assert.Contains(SqlServerScriptCheck.Problems("SELECT 1;\nUPDATE [Reports] SET WHERE;\nGO\n"), p => p.Contains("line 2", StringComparison.Ordinal));
        Assert.Contains(SqlServerScriptCheck.Problems("EXEC(N'UPDATE [Reports] SET WHERE');\nGO\n"),
            p => p.Contains("EXEC string 1", StringComparison.Ordinal));
    }

    /// <summary>What <c>dotnet ef migrations script --idempotent</c> writes for the SQL Server migrations.</summary>
    public static string GenerateIdempotentScript()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlServer("Server=design-time;Database=design-time",
                x => x.MigrationsAssembly(DatabaseSetup.SqlServerMigrationsAssembly))
            .Options;
        using var db = new AppDbContext(options);
        return db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
    }
}

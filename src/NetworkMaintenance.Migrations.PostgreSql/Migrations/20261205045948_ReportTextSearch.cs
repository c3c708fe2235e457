using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NetworkMaintenance.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ReportTextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The text search of the report list (ReportTextSearch): LIKE '%term%' (ILIKE on PostgreSQL) over these
            // columns, served by trigram GIN indexes whatever the case and wherever the term sits in the text.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql("CREATE INDEX \"IX_Reports_Number_Trigram\" ON \"Reports\" USING gin (\"Number\" gin_trgm_ops);");
            migrationBuilder.Sql("CREATE INDEX \"IX_Reports_Location_Trigram\" ON \"Reports\" USING gin (\"Location\" gin_trgm_ops);");
            migrationBuilder.Sql("CREATE INDEX \"IX_Reports_Description_Trigram\" ON \"Reports\" USING gin (\"Description\" gin_trgm_ops);");
            migrationBuilder.Sql("CREATE INDEX \"IX_Reports_LaporNumber_Trigram\" ON \"Reports\" USING gin (\"LaporNumber\" gin_trgm_ops);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Reports_Number_Trigram\";");
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Reports_Location_Trigram\";");
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Reports_Description_Trigram\";");
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Reports_LaporNumber_Trigram\";");
        }
    }
}

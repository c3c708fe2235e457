using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NetworkMaintenance.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ReportTextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Nothing on SQL Server: the report search stays LIKE '%term%' over the row (ReportTextSearch). Its
            // full-text search is word-based (no part of a report number) and needs the Full-Text Search feature,
            // which SQL Server Express and the Linux images often lack; see docs/perf-round2/million.md. The SQLite
            // and PostgreSQL migrations of the same name add the indexes.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}

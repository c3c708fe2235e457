using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NetworkMaintenance.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MonthlyRecapNarrativeAndCoverLetter : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MonthlyRecapNarratives",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    Permasalahan = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Kendala = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    TindakLanjut = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Rekomendasi = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    IsEdited = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UpdatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    UpdatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    CoverLetterNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CoverLetterDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CoverLetterNumberedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CoverLetterNumberedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    CoverLetterVersion = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonthlyRecapNarratives", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MonthlyRecapNarratives_CoverLetterNumber",
                table: "MonthlyRecapNarratives",
                column: "CoverLetterNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MonthlyRecapNarratives_Year_Month",
                table: "MonthlyRecapNarratives",
                columns: new[] { "Year", "Month" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MonthlyRecapNarratives");
        }
    }
}

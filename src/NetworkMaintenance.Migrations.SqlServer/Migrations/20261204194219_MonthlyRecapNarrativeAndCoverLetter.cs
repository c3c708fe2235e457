using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NetworkMaintenance.Migrations.SqlServer.Migrations
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Year = table.Column<int>(type: "int", nullable: false),
                    Month = table.Column<int>(type: "int", nullable: false),
                    Permasalahan = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Kendala = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    TindakLanjut = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Rekomendasi = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    IsEdited = table.Column<bool>(type: "bit", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    UpdatedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    UpdatedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CoverLetterNumber = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    CoverLetterDate = table.Column<DateOnly>(type: "date", nullable: true),
                    CoverLetterNumberedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    CoverLetterNumberedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    CoverLetterVersion = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonthlyRecapNarratives", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MonthlyRecapNarratives_CoverLetterNumber",
                table: "MonthlyRecapNarratives",
                column: "CoverLetterNumber",
                unique: true,
                filter: "[CoverLetterNumber] IS NOT NULL");

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

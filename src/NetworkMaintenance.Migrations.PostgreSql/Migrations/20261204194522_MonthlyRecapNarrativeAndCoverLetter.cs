using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace NetworkMaintenance.Migrations.PostgreSql.Migrations
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    Permasalahan = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Kendala = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    TindakLanjut = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Rekomendasi = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    IsEdited = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UpdatedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    UpdatedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    CoverLetterNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CoverLetterDate = table.Column<DateOnly>(type: "date", nullable: true),
                    CoverLetterNumberedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CoverLetterNumberedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    CoverLetterVersion = table.Column<int>(type: "integer", nullable: false)
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

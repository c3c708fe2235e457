using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NetworkMaintenance.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ServiceEvaluation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "NeedsReview",
                table: "ServiceStandardSections",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Part",
                table: "ServiceStandardSections",
                type: "int",
                maxLength: 40,
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "ServiceCharters",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    StandardSkNumber = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    StandardSkDate = table.Column<DateOnly>(type: "date", nullable: true),
                    DeclarationText = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    DeclarationDate = table.Column<DateOnly>(type: "date", nullable: true),
                    SignerName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    SignerNip = table.Column<string>(type: "nvarchar(18)", maxLength: 18, nullable: true),
                    SignerPosition = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    DeclarationUpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    DeclarationUpdatedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceCharters", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ServiceStandardRevisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SectionKey = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Body = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false),
                    ChangedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    ChangedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ChangedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    SkNumber = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    SkDate = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceStandardRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceStandardRevisions_ServiceStandardSections_SectionKey",
                        column: x => x.SectionKey,
                        principalTable: "ServiceStandardSections",
                        principalColumn: "Key",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SkmPeriodReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PeriodKey = table.Column<string>(type: "nvarchar(7)", maxLength: 7, nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    Analysis = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    SuggestionGroups = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    AnalysedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    AnalysedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    PublishedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    PublishedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    PublishedRespondents = table.Column<int>(type: "int", nullable: false),
                    PublishedPopulation = table.Column<int>(type: "int", nullable: false),
                    Sum1 = table.Column<long>(type: "bigint", nullable: false),
                    Sum2 = table.Column<long>(type: "bigint", nullable: false),
                    Sum3 = table.Column<long>(type: "bigint", nullable: false),
                    Sum4 = table.Column<long>(type: "bigint", nullable: false),
                    Sum5 = table.Column<long>(type: "bigint", nullable: false),
                    Sum6 = table.Column<long>(type: "bigint", nullable: false),
                    Sum7 = table.Column<long>(type: "bigint", nullable: false),
                    Sum8 = table.Column<long>(type: "bigint", nullable: false),
                    Sum9 = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SkmPeriodReviews", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SkmFollowUpActions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ReviewId = table.Column<int>(type: "int", nullable: false),
                    Element = table.Column<int>(type: "int", nullable: true),
                    Description = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    Owner = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    PlannedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    PlannedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CompletedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    CompletedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    CompletionNote = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    EvidenceStoredName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    EvidenceFileName = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: true),
                    EvidenceContentType = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SkmFollowUpActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SkmFollowUpActions_SkmPeriodReviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "SkmPeriodReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceStandardRevisions_SectionKey_ChangedAtUtc",
                table: "ServiceStandardRevisions",
                columns: new[] { "SectionKey", "ChangedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_SkmFollowUpActions_ReviewId",
                table: "SkmFollowUpActions",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_SkmPeriodReviews_PeriodKey",
                table: "SkmPeriodReviews",
                column: "PeriodKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SkmPeriodReviews_Year",
                table: "SkmPeriodReviews",
                column: "Year");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ServiceCharters");

            migrationBuilder.DropTable(
                name: "ServiceStandardRevisions");

            migrationBuilder.DropTable(
                name: "SkmFollowUpActions");

            migrationBuilder.DropTable(
                name: "SkmPeriodReviews");

            migrationBuilder.DropColumn(
                name: "NeedsReview",
                table: "ServiceStandardSections");

            migrationBuilder.DropColumn(
                name: "Part",
                table: "ServiceStandardSections");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NetworkMaintenance.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Sla : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "SlaClockStartUtc",
                table: "Reports",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<long>(
                name: "SlaElapsedSeconds",
                table: "Reports",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SlaPausedSinceUtc",
                table: "Reports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SecondsInFromStatus",
                table: "ReportEvents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "OutboxEmails",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    To = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    ReportId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    NextAttemptAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxEmails", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutboxEmails_Reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReportPauses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    PausedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PausedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    PausedByName = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    ResumedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResumedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ResumedByName = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    ResumedByStep = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportPauses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportPauses_Reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SlaEscalations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlaEscalations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SlaEscalations_Reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_Category_Status",
                table: "Reports",
                columns: new[] { "Category", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_Channel_Status",
                table: "Reports",
                columns: new[] { "Channel", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_WorkCompletedAtUtc_SlaClockStartUtc",
                table: "Reports",
                columns: new[] { "WorkCompletedAtUtc", "SlaClockStartUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportEvents_FromStatus_AtUtc",
                table: "ReportEvents",
                columns: new[] { "FromStatus", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxEmails_ReportId",
                table: "OutboxEmails",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxEmails_SentAtUtc_NextAttemptAtUtc",
                table: "OutboxEmails",
                columns: new[] { "SentAtUtc", "NextAttemptAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportPauses_ReportId_PausedAtUtc",
                table: "ReportPauses",
                columns: new[] { "ReportId", "PausedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_SlaEscalations_ReportId_Kind",
                table: "SlaEscalations",
                columns: new[] { "ReportId", "Kind" },
                unique: true);
            // Reports that existed before the clock: it starts at receipt.
            migrationBuilder.Sql("UPDATE Reports SET SlaClockStartUtc = ReceivedAtUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OutboxEmails");

            migrationBuilder.DropTable(
                name: "ReportPauses");

            migrationBuilder.DropTable(
                name: "SlaEscalations");

            migrationBuilder.DropIndex(
                name: "IX_Reports_Category_Status",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_Channel_Status",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_WorkCompletedAtUtc_SlaClockStartUtc",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_ReportEvents_FromStatus_AtUtc",
                table: "ReportEvents");

            migrationBuilder.DropColumn(
                name: "SlaClockStartUtc",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "SlaElapsedSeconds",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "SlaPausedSinceUtc",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "SecondsInFromStatus",
                table: "ReportEvents");
        }
    }
}

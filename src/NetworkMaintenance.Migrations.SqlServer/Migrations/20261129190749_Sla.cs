using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NetworkMaintenance.Migrations.SqlServer.Migrations
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
                type: "datetime2",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<long>(
                name: "SlaElapsedSeconds",
                table: "Reports",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SlaPausedSinceUtc",
                table: "Reports",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SecondsInFromStatus",
                table: "ReportEvents",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "OutboxEmails",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    To = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Subject = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false),
                    ReportId = table.Column<int>(type: "int", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    NextAttemptAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LastError = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ReportId = table.Column<int>(type: "int", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Note = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    PausedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    PausedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    PausedByName = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false),
                    ResumedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ResumedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    ResumedByName = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: true),
                    ResumedByStep = table.Column<bool>(type: "bit", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ReportId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
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
            // The column was added above, in the same batch of the idempotent script: SQL Server compiles a batch before it
            // runs it, so a plain UPDATE stops with "Invalid column name". EXEC binds it at run time (docs/operations.md).
            migrationBuilder.Sql("EXEC(N'UPDATE [Reports] SET [SlaClockStartUtc] = [ReceivedAtUtc]')");
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

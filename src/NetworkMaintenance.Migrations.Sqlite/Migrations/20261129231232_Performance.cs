using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NetworkMaintenance.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Performance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_WorkCompletedAtUtc_SlaClockStartUtc",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_ReportEvents_FromStatus_AtUtc",
                table: "ReportEvents");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_WorkCompletedAtUtc_SlaPausedSinceUtc_Status_SlaClockStartUtc",
                table: "Reports",
                columns: new[] { "WorkCompletedAtUtc", "SlaPausedSinceUtc", "Status", "SlaClockStartUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportEvents_FromStatus_AtUtc_SecondsInFromStatus",
                table: "ReportEvents",
                columns: new[] { "FromStatus", "AtUtc", "SecondsInFromStatus" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_WorkCompletedAtUtc_SlaPausedSinceUtc_Status_SlaClockStartUtc",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_ReportEvents_FromStatus_AtUtc_SecondsInFromStatus",
                table: "ReportEvents");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_WorkCompletedAtUtc_SlaClockStartUtc",
                table: "Reports",
                columns: new[] { "WorkCompletedAtUtc", "SlaClockStartUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportEvents_FromStatus_AtUtc",
                table: "ReportEvents",
                columns: new[] { "FromStatus", "AtUtc" });
        }
    }
}

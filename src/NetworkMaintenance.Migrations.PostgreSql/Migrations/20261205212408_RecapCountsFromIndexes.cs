using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NetworkMaintenance.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class RecapCountsFromIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_ReceivedAtUtc",
                table: "Reports");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_ClosedAtUtc_Status",
                table: "Reports",
                columns: new[] { "ClosedAtUtc", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_ReceivedAtUtc_ClosedAtUtc",
                table: "Reports",
                columns: new[] { "ReceivedAtUtc", "ClosedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_ClosedAtUtc_Status",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_ReceivedAtUtc_ClosedAtUtc",
                table: "Reports");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_ReceivedAtUtc",
                table: "Reports",
                column: "ReceivedAtUtc");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NetworkMaintenance.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ListNewestFirst : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_OpdId_Status",
                table: "Reports");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_OpdId_Status_ReceivedAtUtc",
                table: "Reports",
                columns: new[] { "OpdId", "Status", "ReceivedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_OpdId_Status_ReceivedAtUtc",
                table: "Reports");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_OpdId_Status",
                table: "Reports",
                columns: new[] { "OpdId", "Status" });
        }
    }
}

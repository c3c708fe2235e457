using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NetworkMaintenance.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class QueuesInClockOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Reports_Status_AwaitsIntakeConfirmation_SlaClockStartUtc",
                table: "Reports",
                columns: new[] { "Status", "AwaitsIntakeConfirmation", "SlaClockStartUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_Status_AwaitsIntakeConfirmation_SlaClockStartUtc",
                table: "Reports");
        }
    }
}

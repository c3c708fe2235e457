using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NetworkMaintenance.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class PartialIndexesOnEmptyColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_DeviceId",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_FormToken",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_KabidUserId_Status",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_KasiUserId_Status",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_LaporNumber",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_IssuedDocuments_SupersededById",
                table: "IssuedDocuments");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_DeviceId",
                table: "Reports",
                column: "DeviceId",
                filter: "\"DeviceId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_FormToken",
                table: "Reports",
                column: "FormToken",
                unique: true,
                filter: "\"FormToken\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_KabidUserId_Status",
                table: "Reports",
                columns: new[] { "KabidUserId", "Status" },
                filter: "\"KabidUserId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_KasiUserId_Status",
                table: "Reports",
                columns: new[] { "KasiUserId", "Status" },
                filter: "\"KasiUserId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_LaporNumber",
                table: "Reports",
                column: "LaporNumber",
                filter: "\"LaporNumber\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_IssuedDocuments_SupersededById",
                table: "IssuedDocuments",
                column: "SupersededById",
                filter: "\"SupersededById\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_DeviceId",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_FormToken",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_KabidUserId_Status",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_KasiUserId_Status",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_LaporNumber",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_IssuedDocuments_SupersededById",
                table: "IssuedDocuments");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_DeviceId",
                table: "Reports",
                column: "DeviceId");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_FormToken",
                table: "Reports",
                column: "FormToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reports_KabidUserId_Status",
                table: "Reports",
                columns: new[] { "KabidUserId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_KasiUserId_Status",
                table: "Reports",
                columns: new[] { "KasiUserId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_LaporNumber",
                table: "Reports",
                column: "LaporNumber");

            migrationBuilder.CreateIndex(
                name: "IX_IssuedDocuments_SupersededById",
                table: "IssuedDocuments",
                column: "SupersededById");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NetworkMaintenance.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class HardeningFormTokenAndUploaderIp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FormToken",
                table: "Reports",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UploaderIp",
                table: "Attachments",
                type: "TEXT",
                maxLength: 45,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reports_FormToken",
                table: "Reports",
                column: "FormToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Attachments_UploadedAtUtc_UploaderIp",
                table: "Attachments",
                columns: new[] { "UploadedAtUtc", "UploaderIp" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_FormToken",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Attachments_UploadedAtUtc_UploaderIp",
                table: "Attachments");

            migrationBuilder.DropColumn(
                name: "FormToken",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "UploaderIp",
                table: "Attachments");
        }
    }
}
